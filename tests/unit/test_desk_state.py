"""The desk's memory: the numbered ring a reconnecting browser resumes from, and mention history."""

from __future__ import annotations

from streams.desk import state as state_module
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
