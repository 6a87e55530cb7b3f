"""Every topic Kabar uses: name, key, record, partitions, retention, compaction.

Declared once here as plain data; ``app.py`` turns them into Faust topics and
``admin.ensure_topics`` creates them on the broker for the producers, so
neither auto-creation (wrong partition counts) nor a second list can drift.

Keys decide co-partitioning, and with it where state lives:

- ``articles.raw`` is keyed by article id (from the canonical URL): the
  ``normalize`` agent's table of seen ids sits beside it.
- ``articles.clean`` is keyed by the content fingerprint: copies of the same
  text under different URLs meet in one partition, where ``enrich`` drops them.
- ``articles.enriched`` is keyed by the article's primary country (the dedup
  blocking key): near-duplicates and events about the same happening meet in
  one partition, where ``cluster`` keeps its MinHash bands and canonical events.
- ``events`` is compacted and keyed by event id: a consumer reading it from
  the beginning gets the latest state of every event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from streams.records import Alert, CleanArticle, DeadLetter, EnrichedArticle, Event, RawArticle, Record

DAY_MS = 24 * 3600 * 1000


@dataclass(frozen=True)
class TopicSpec:
    name: str
    record: type[Record]
    key: str
    retention_ms: int
    compacted: bool = False
    #: None: the pipeline's partition count (settings.partitions), so co-partitioned topics agree
    partitions: int | None = None
    #: the version of this topic's schema (``schemas/<name>.v<version>.json``): bumped, with the topic
    #: name, when a change would break a consumer that validates
    version: int = 1

    def config(self) -> dict[str, str]:
        if self.compacted:
            # Keep every event's latest state for good; compact often enough that a
            # consumer replaying the topic does not wade through old revisions.
            return {
                "cleanup.policy": "compact",
                "min.cleanable.dirty.ratio": "0.2",
                "segment.ms": str(DAY_MS),
                "retention.ms": "-1",
            }
        return {"cleanup.policy": "delete", "retention.ms": str(self.retention_ms)}

    @property
    def retention(self) -> timedelta | None:
        """Retention for Faust (None: forever)."""
        return None if self.retention_ms < 0 else timedelta(milliseconds=self.retention_ms)


#: the replay log, kept for good: its records carry the PUBLICATION time as timestamp (event time,
#: so `--since` and replays line up with the news), and time-based retention would delete a
#: replayed 2022 archive at once. Bound it by size on the broker if disk is short.
ARTICLES_RAW = TopicSpec("articles.raw", RawArticle, "article id", retention_ms=-1)
#: intermediate: rebuilt from articles.raw on reprocess, so a week is plenty
ARTICLES_CLEAN = TopicSpec("articles.clean", CleanArticle, "content fingerprint", retention_ms=7 * DAY_MS)
#: consumed by downstream services too (topics, per-article events): a month
ARTICLES_ENRICHED = TopicSpec("articles.enriched", EnrichedArticle, "primary country", retention_ms=30 * DAY_MS)
#: the product: compacted, latest state of each event forever
EVENTS = TopicSpec("events", Event, "event id", retention_ms=-1, compacted=True)
#: alerts are notifications, not state: a month for audit
ALERTS = TopicSpec("events.alerts", Alert, "event id", retention_ms=30 * DAY_MS)
#: what a stage could not process, with the reason; one partition keeps it in arrival order
DEADLETTER = TopicSpec("deadletter", DeadLetter, "stage", retention_ms=30 * DAY_MS, partitions=1)

ALL_TOPICS: tuple[TopicSpec, ...] = (ARTICLES_RAW, ARTICLES_CLEAN, ARTICLES_ENRICHED, EVENTS, ALERTS, DEADLETTER)
BY_NAME = {t.name: t for t in ALL_TOPICS}


def partitions_of(spec: TopicSpec, default: int) -> int:
    return spec.partitions or default
