"""Late arrivals and redeliveries after expiry: an article more than a horizon behind the
clock still meets its copies, and an article whose state has expired is not clustered twice."""

import copy
import random
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.dedup.cluster import ClusterResult, Clusterer
from tests.unit.test_cluster import _article, _assault, _copy, _indonesian, _revised_wire, _wire, crash_at_every_write

HORIZON = 7


def _overtaker(aid="news-2024", when="2024-03-01T10:00:00Z"):
    """A 2024 report that reaches the partition first and moves its clock two years ahead."""
    return _article(aid, f"Markets in Almaty, report {aid}, other words entirely.", when,
                    [_assault(date=when[:10], place="Astana")])


def _ahead_of_2022():
    state = {}
    clusterer = Clusterer(state, horizon_days=HORIZON)
    clusterer.process(_overtaker())
    return state, clusterer


def _live(state):
    return {k.split("|art:")[1] for k, v in state.items() if "|art:" in k and "gone" not in v}


def test_two_late_copies_of_one_story_are_linked_as_duplicates():
    state, clusterer = _ahead_of_2022()
    wire = clusterer.process(_wire())
    copied = clusterer.process(_copy())
    assert copied.duplicate_of == "wire"
    assert copied.story == wire.story
    assert [e.id for e in copied.events] == [e.id for e in wire.events]
    assert copied.events[0].articles == ["wire", "copy"]


def test_two_late_reports_of_one_happening_merge_into_one_event():
    state, clusterer = _ahead_of_2022()
    indonesian = clusterer.process(_indonesian())
    english = clusterer.process(_wire())
    assert english.duplicate_of is None and english.story == indonesian.story
    assert english.events[0].id == indonesian.events[0].id
    assert english.events[0].articles == ["id-1", "wire"]
    assert english.events[0].date == "2022-01-06"  # matched and dated by event time, not by the clock


def test_late_state_lives_one_horizon_of_clock_progress_then_expires():
    state, clusterer = _ahead_of_2022()
    wire = clusterer.process(_wire())
    clusterer.process(_overtaker("news-2024-b", "2024-03-08T10:00:00Z"))  # the clock moves a horizon on
    assert "wire" in _live(state)
    assert clusterer.process(_copy()).duplicate_of == "wire"
    clusterer.process(_overtaker("news-2024-c", "2024-03-16T10:00:00Z"))  # and past the copy's horizon
    assert _live(state) == {"news-2024-c"}
    assert all(f"KZ|evt:{e.id}" not in state or state[f"KZ|evt:{e.id}"].get("retired") for e in wire.events)
    clusterer.expire("2025-01-01T00:00:00Z")
    assert set(state) == {"KZ|meta"}


def test_a_crash_at_any_write_of_a_late_article_then_redelivery_gives_the_uncrashed_result():
    before, _ = _ahead_of_2022()
    Clusterer(before, horizon_days=HORIZON).process(_indonesian())
    assert crash_at_every_write(before, _wire(), HORIZON) >= 4  # decision, events, block: the index is in memory


def _expired_wire():
    """A store where the wire story has expired: a report ten days later moved the clock on."""
    state = {}
    clusterer = Clusterer(state, horizon_days=3)
    clusterer.process(_indonesian())
    first = clusterer.process(_wire())
    clusterer.process(_article("later", "Ten days on, a different report.", "2022-01-17T10:00:00Z",
                               [_assault(date="2022-01-17")]))
    assert "wire" not in _live(state)
    return state, clusterer, first


def test_an_article_redelivered_after_its_state_expired_changes_nothing():
    state, clusterer, _ = _expired_wire()
    snapshot = copy.deepcopy(state)
    again = clusterer.process(_wire())
    assert again == ClusterResult("wire", None, "", [], expired=True)
    assert state == snapshot


def test_a_revision_of_an_expired_article_is_clustered_again():
    state, clusterer, first = _expired_wire()
    revised = clusterer.process(_revised_wire())
    assert not revised.expired
    assert revised.events[0].counts["killed"] == 40
    assert revised.events[0].id != first.events[0].id  # the old event's id stays reserved
    assert "wire" in _live(state)


def test_a_crash_at_any_write_of_a_revision_after_expiry_then_redelivery_gives_the_uncrashed_result():
    before, _, _ = _expired_wire()
    assert crash_at_every_write(before, _revised_wire(), 3) > 4


def test_tombstones_expire_too():
    state, clusterer, _ = _expired_wire()
    clusterer.expire("2022-03-01T00:00:00Z")
    assert set(state) == {"KZ|meta"}


def _mixed_stream(days: int, per_day: int, late_share: float, seed: int = 3):
    """Articles day by day in three countries; ``late_share`` of them published up to two
    years earlier (an archive of several years replayed over several partitions)."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for day in range(days):
        for n in range(per_day):
            country = ["KZ", "ID", "US"][n % 3]
            when = start + timedelta(days=day, seconds=n * 86400 // per_day)
            if rng.random() < late_share:
                when -= timedelta(days=rng.randint(HORIZON + 1, 730))
            text = f"Report {day} {n}: " + " ".join(f"word{rng.randrange(5000)}" for _ in range(80))
            event = _assault(country=country, date=when.date().isoformat(), place=f"City{rng.randrange(4)}",
                             counts={})
            yield day, _article(f"d{day}-{n}", text, when.isoformat(), [event], countries=[country])


def test_state_stays_bounded_with_late_articles_mixed_in():
    state = {}
    clusterer = Clusterer(state, horizon_days=HORIZON)
    sizes, day_of = [], {}
    for day, article in _mixed_stream(70, 12, late_share=0.3):
        assert isinstance(clusterer.process(article), ClusterResult)
        day_of[article.id] = day
        if article.id.endswith("-11"):
            sizes.append(len(state))
    # flat once the horizon and the retirement of expired events and articles (3 more horizons) are full
    assert max(sizes[40:]) <= sizes[39] * 1.1
    # a late article lives as long as an on-time one: what was processed in the last horizon and a day
    assert _live(state) == {a for a, day in day_of.items() if day >= 70 - HORIZON - 1}
    clusterer.expire("2025-01-01T00:00:00Z")
    assert set(state) == {"KZ|meta", "ID|meta", "US|meta"}


arrivals = st.lists(
    st.tuples(st.integers(0, 60), st.sampled_from(["KZ", "ID"]), st.sampled_from(["a", "b", "c", "d"])),
    min_size=1, max_size=25,
)


@settings(max_examples=80, deadline=None)
@given(arrivals)
def test_an_article_lives_exactly_one_horizon_of_clock_progress_after_it_is_filed(stream):
    """Whatever the order of event days: an article's state is live while the clock of its partition
    key is within a horizon of the later of its day and the clock when it came, then a tombstone for
    three horizons more, then gone; and nothing else is left behind."""
    horizon = 3
    state = {}
    clusterer = Clusterer(state, horizon_days=horizon)
    clock: dict[str, int] = {}
    filed: dict[str, tuple[str, int]] = {}
    for n, (day, country, text) in enumerate(stream):
        when = datetime(2022, 1, 1, tzinfo=timezone.utc) + timedelta(days=day, hours=n % 24)
        words = " ".join(f"{text}{i}" for i in range(60))
        article = _article(f"a{n}", words, when.isoformat(), [_assault(country=country, date=when.date().isoformat())],
                           countries=[country])
        assert isinstance(clusterer.process(article), ClusterResult)
        clock[country] = max(clock.get(country, day), day)
        filed[article.id] = (country, clock[country])
        live = {a for a, (c, d) in filed.items() if d >= clock[c] - horizon}
        kept = {a for a, (c, d) in filed.items() if d >= clock[c] - 4 * horizon}
        assert _live(state) == live
        assert {k.split("|art:")[1] for k in state if "|art:" in k} == kept
    clusterer.expire("2023-01-01T00:00:00Z")
    assert set(state) == {f"{c}|meta" for c in clock}
