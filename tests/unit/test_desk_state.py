"""The desk's memory: the numbered ring a reconnecting browser resumes from, and mention history."""

from __future__ import annotations

from streams.desk import growth, state as state_module
from streams.desk.state import DeskState, Subscriber


def _event(id_: str, mentions: int = 1, **extra) -> dict:
    return {"id": id_, "type": "PROTEST", "country": "KZ", "mentions": mentions, **extra}


def test_updates_are_numbered_and_a_resume_gets_each_missed_one_once():
    state = DeskState()
    for i in range(5):
        state.apply("event", _event(f"e{i}"), at=1000.0 + i)
    state.apply("alert", {"id": "a1", "rule": "r"}, at=1010.0)
    assert [u.seq for u in state.since(3)] == [4, 5, 6]
    assert [u.kind for u in state.since(3)] == ["event", "event", "alert"]
    assert state.since(6) == []


def test_a_browser_away_longer_than_the_ring_is_told_to_reload(monkeypatch):
    monkeypatch.setattr(state_module, "RING_SIZE", 3)
    state = DeskState()
    for i in range(6):
        state.apply("event", _event(f"e{i}"), at=1000.0)
    assert state.since(1) is None  # updates 2 and 3 have left the ring
    assert [u.seq for u in state.since(3)] == [4, 5, 6]


def test_articles_are_kept_for_their_links_but_not_streamed():
    state = DeskState()
    state.apply("article", {"id": "a1", "title": "T", "url": "https://x.org/1", "text": "long text", "source": "x.org",
                            "language": "en", "published_at": "2022-01-05T10:00:00Z"}, at=1.0)
    assert state.seq == 0
    assert state.articles_of(["a1", "unknown"]) == [
        {"id": "a1", "title": "T", "url": "https://x.org/1", "source": "x.org", "language": "en",
         "published_at": "2022-01-05T10:00:00Z"},
        {"id": "unknown"}]


def test_mention_history_keeps_two_hours_and_the_point_before_them():
    state = DeskState()
    hour = 3600.0
    for at, mentions in [(0.0, 1), (hour, 2), (1.5 * hour, 2), (2 * hour, 3), (3.5 * hour, 5)]:
        state.apply("event", _event("e", mentions), at=at)
    # at 3.5 h the window starts at 1.5 h: the point at 2 h is in it, the one at 1 h is the baseline
    assert state.events["e"]["mention_history"] == [[hour, 2], [2 * hour, 3], [3.5 * hour, 5]]


def test_a_browser_too_far_behind_is_told_to_resume_and_loses_nothing(monkeypatch):
    monkeypatch.setattr(state_module, "SUBSCRIBER_BACKLOG", 3)
    state = DeskState()
    sub = Subscriber()
    state.subscribers.add(sub)
    for i in range(4):
        state.apply("event", _event(f"e{i}"), at=1.0)
    queued = [sub.queue.get_nowait() for _ in range(sub.queue.qsize())]
    assert [u.seq for u in queued[:-1]] == [1, 2] and queued[-1] is None  # then the stream ends
    assert sub not in state.subscribers
    assert [u.seq for u in state.since(2)] == [3, 4]  # what it did not get is in the ring for the resume


def _revisions(n: int, hour: float = 3600.0) -> tuple[list[tuple[dict, float]], list[tuple[str, dict, float]]]:
    """An event reported by ``n`` articles, one every half hour until hour 5: its revisions and all the records."""
    articles = [{"id": f"a{i}", "title": f"T{i}"} for i in range(n)]
    times = [5 * hour - (n - 1 - i) * hour / 2 for i in range(n)]
    revisions = [(_event("e", i + 1, articles=[a["id"] for a in articles[:i + 1]]), t) for i, t in enumerate(times)]
    records = [("article", a, t) for a, t in zip(articles, times)] + [("event", e, t) for e, t in revisions]
    return revisions, sorted(records, key=lambda r: r[2])


def _growth(state: DeskState, now: float, hour: float = 3600.0) -> tuple[int, int]:
    """What the page shows for the event: articles in the last hour, in the hour before (stories.js)."""
    history = state.events["e"]["mention_history"]
    at = [growth.count_at(history, t) for t in (now, now - hour, now - 2 * hour)]
    return at[0] - at[1], at[1] - at[2]


def test_growing_now_survives_a_restart_after_compaction_dropped_the_earlier_revisions():
    revisions, records = _revisions(6)
    live = DeskState()
    for record in records:
        live.apply(*record)
    now = revisions[-1][1]
    assert _growth(live, now) == (2, 2)  # two articles in the last hour, two in the one before

    # Restarted: the compacted topic has the latest revision only; the articles topic has every article.
    latest, at = revisions[-1]
    restarted = DeskState()
    for kind, obj, t in records:
        if kind == "article":
            restarted.apply(kind, obj, t)
    restarted.apply("event", latest, at)
    assert _growth(restarted, now) == (2, 2)


def test_articles_read_after_their_event_correct_its_growth_and_the_page_hears_of_it():
    """A restarted desk reads the small compacted events topic before the end of the articles topic."""
    revisions, records = _revisions(6)
    latest, at = revisions[-1]
    state = DeskState()
    state.apply("event", latest, at)
    assert _growth(state, at) == (6, 0)  # nothing known yet but one revision: all of it looks new
    seq = state.seq
    for kind, obj, t in records:
        if kind == "article":
            state.apply(kind, obj, t)
    assert _growth(state, at) == (2, 2)
    assert state.seq > seq and state.ring[-1].data["mention_history"] == state.events["e"]["mention_history"]
