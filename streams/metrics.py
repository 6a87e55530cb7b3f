"""Kabar's Prometheus metrics, served with Faust's own on the worker's ``/metrics``.

Everything is registered in ``REGISTRY``, which ``app.py`` also hands to Faust's
Prometheus sensor (its metrics are named ``faust_*``), so one scrape gets both.
The agents call the small functions below where they count today; the functions
hold no Faust, so tests drive them directly.

- ``kabar_event_age_seconds``: from an event's latest publication (``last_seen``) to its upsert
- ``kabar_stage_seconds{stage}``: one message's work in a stage
- ``kabar_consumer_lag_records{topic,partition}``: records behind the end of the log
- ``kabar_consumer_lag_seconds{topic,partition}``: how long the partition has been behind
  (0 when caught up). Not the age of the oldest unread record: ``articles.raw`` records
  carry their publication time as timestamp, years old in a replay of an archive.
- ``kabar_dead_letters_total{stage,reason}``: dead letters, by reason (``streams.reasons.Reason``)
- ``kabar_copies_total{stage,kind}``: copies recognised before any NLP: ``repeat`` (the same
  article again, dropped) and ``exact-duplicate`` (the same text under another article id, passed
  on without NLP as a mention of the first)
- ``kabar_nlp_rejections_total{stage,reason}``: messages the NLP stages turned down

The feed poller is another process, ``kabar ingest``: its ``kabar_feed_fetches_total{outcome}``
(``ok``, ``not modified``, ``failed``, ``pushed``) is in ``INGEST_REGISTRY``, served on
``kabar ingest --metrics-port``.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from streams.reasons import Reason
from streams.timeutil import parse_time

REGISTRY = CollectorRegistry()

EVENT_AGE = Histogram(
    "kabar_event_age_seconds", "Seconds from an event's latest publication (last_seen) to its upsert on events",
    buckets=(1, 5, 15, 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400), registry=REGISTRY)
STAGE_SECONDS = Histogram(
    "kabar_stage_seconds", "Seconds of one message's work in a stage", ["stage"],
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10), registry=REGISTRY)
LAG_RECORDS = Gauge(
    "kabar_consumer_lag_records", "Records behind the end of the partition's log", ["topic", "partition"],
    registry=REGISTRY)
LAG_SECONDS = Gauge(
    "kabar_consumer_lag_seconds", "Seconds since the partition was last caught up (0 when it is)",
    ["topic", "partition"], registry=REGISTRY)
DEAD_LETTERS = Counter(
    "kabar_dead_letters", "Dead letters sent, by stage and reason", ["stage", "reason"], registry=REGISTRY)
COPIES = Counter(
    "kabar_copies", "Copies recognised before the NLP: repeat (dropped), exact-duplicate (a mention of the first)", ["stage", "kind"],
    registry=REGISTRY)
NLP_REJECTIONS = Counter(
    "kabar_nlp_rejections", "Messages the NLP stages turned down, by reason", ["stage", "reason"],
    registry=REGISTRY)

INGEST_REGISTRY = CollectorRegistry()
FEED_FETCHES = Counter(
    "kabar_feed_fetches", "Feed polls and WebSub pushes by outcome: ok, not modified, failed, pushed", ["outcome"],
    registry=INGEST_REGISTRY)

#: what ``agents.common.count`` calls a dropped copy
COPY_KINDS = frozenset({"repeat", "exact-duplicate"})


def event_age(last_seen: str | None, now: float) -> float | None:
    """Seconds from ``last_seen`` (an ISO time) to ``now`` (epoch seconds); None without a time."""
    moment = parse_time(last_seen)
    return None if moment is None else max(now - moment.timestamp(), 0.0)


class LagClock:
    """When each partition fell behind: its lag in seconds is the time since."""

    def __init__(self) -> None:
        self._behind_since: dict[tuple[str, int], float] = {}

    def seconds_behind(self, topic: str, partition: int, records: int, now: float) -> float:
        """The lag in seconds of a partition ``records`` behind at ``now``."""
        if records <= 0:
            self._behind_since.pop((topic, partition), None)
            return 0.0
        return now - self._behind_since.setdefault((topic, partition), now)


def counted(stage: str, what: str, n: int) -> None:
    """What ``agents.common.count`` counts that is a metric too (dropped copies)."""
    if what in COPY_KINDS:
        COPIES.labels(stage, what).inc(n)


def dead_letter(stage: str, reason: Reason) -> None:
    DEAD_LETTERS.labels(stage, str(reason)).inc()


def nlp_rejected(stage: str, reason: Reason) -> None:
    NLP_REJECTIONS.labels(stage, str(reason)).inc()


def upserted(last_seen: str | None, now: float) -> None:
    age = event_age(last_seen, now)
    if age is not None:
        EVENT_AGE.observe(age)


def feed_fetched(outcome: str) -> None:
    FEED_FETCHES.labels(outcome).inc()


def set_lag(topic: str, partition: int, records: int, seconds: float) -> None:
    LAG_RECORDS.labels(topic, str(partition)).set(records)
    LAG_SECONDS.labels(topic, str(partition)).set(seconds)
