"""Seen-set and feed health: persisted, bounded, parking."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.ingest.health import PARK_AFTER, PARK_MAX, FeedHealth, HealthStore
from streams.ingest.seen import SeenSet
from streams.ingest.state import open_state
from streams.reasons import Reason
from streams.records import Rejection


def test_seen_set_survives_reopen_and_prunes(tmp_path):
    seen = SeenSet(open_state(tmp_path))
    seen.add("a", now=1000.0)
    seen.add("b")
    reopened = SeenSet(open_state(tmp_path), retention_days=1)
    assert "a" in reopened and reopened.unseen(["a", "b", "c"]) == {"c"}
    assert reopened.prune() == 1 and "a" not in reopened and len(reopened) == 1


def test_health_round_trip_and_parking(tmp_path):
    store = HealthStore(open_state(tmp_path))
    health = store.get("https://e.com/rss")
    for n in range(PARK_AFTER):
        health.record_failure(1000.0 + n, Rejection(Reason.FETCH_TIMEOUT), 60, 600)
    assert health.is_parked(1000.0 + PARK_AFTER) and "5 consecutive failures, last: fetch-timeout" == health.parked_reason
    store.put(health)
    again = HealthStore(open_state(tmp_path)).get("https://e.com/rss")
    assert again == health and again.last_reason is Reason.FETCH_TIMEOUT
    again.record_success(5000.0, 2, 60, 600)
    assert not again.is_parked(5000.0) and again.consecutive_failures == 0 and again.last_reason is None


def test_retry_after_delays_the_next_poll():
    health = FeedHealth("https://e.com/rss")
    health.record_failure(0.0, Rejection(Reason.HTTP_ERROR, "HTTP 429"), 60, 600, retry_after=900)
    assert health.next_poll == 900


@settings(max_examples=200, deadline=None)
@given(
    st.floats(30, 3600), st.floats(1, 10),
    st.lists(st.one_of(st.integers(0, 50), st.just(-1)), max_size=40),
)
def test_schedule_stays_within_bounds(low, ratio, events):
    high = low * ratio
    health = FeedHealth("https://e.com/rss")
    now = 0.0
    for new in events:
        now += 1
        if new < 0:
            health.record_failure(now, Rejection(Reason.CONNECT_FAILED), low, high)
            assert now + low <= health.next_poll <= now + max(high, PARK_MAX)
        else:
            health.record_success(now, new, low, high)
            assert low <= health.interval <= high and health.next_poll == now + health.interval


def test_busy_feeds_are_polled_more_often():
    busy, quiet = FeedHealth("busy"), FeedHealth("quiet")
    for n in range(5):
        busy.record_success(n, 3, 60, 3600)
        quiet.record_success(n, 0, 60, 3600)
    assert busy.interval == 60 and quiet.interval > 300
