"""Per-feed health and schedule, persisted in the ingest state database.

A ``FeedHealth`` record holds what the poller must remember about a feed
across restarts: the last success and attempt, consecutive failures and the
last failure (its ``Reason`` and detail), when it is parked and why, the HTTP
validators for conditional GETs (ETag, Last-Modified), the adaptive polling
interval and the next poll, and a permanent redirect target.

Scheduling is adaptive within the feed's ``[min_interval, max_interval]``: a
poll that finds new items halves the interval, one that finds none grows it
by half. Failures back off exponentially; after ``PARK_AFTER`` consecutive
failures the feed is parked (retried rarely: hours, doubling up to a day)
with the reason, and one success unparks it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields

import orjson

from streams.reasons import Reason
from streams.records import Rejection

PARK_AFTER = 5
PARK_BASE = 3600.0
PARK_MAX = 86400.0
SPEED_UP = 0.5
SLOW_DOWN = 1.5


@dataclass
class FeedHealth:
    url: str
    last_attempt: float | None = None
    last_success: float | None = None
    consecutive_failures: int = 0
    #: why the last poll failed, and in words
    last_reason: Reason | None = None
    last_error: str | None = None
    #: problems of the last readable parse (bozo reasons), kept for `kabar` diagnostics
    last_problems: list[str] | None = None
    parked_until: float | None = None
    parked_reason: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    interval: float | None = None
    next_poll: float = 0.0
    #: where a permanent redirect (301/308) says the feed now lives
    moved_to: str | None = None
    items_new_total: int = 0

    def is_parked(self, now: float) -> bool:
        return self.parked_until is not None and now < self.parked_until

    def record_success(self, now: float, new_items: int, min_interval: float, max_interval: float) -> None:
        """A readable answer (including 304): unpark, adapt the interval, schedule."""
        self.last_attempt = self.last_success = now
        self.consecutive_failures = 0
        self.last_reason = self.last_error = None
        self.parked_until = self.parked_reason = None
        self.items_new_total += new_items
        current = self.interval or min_interval
        current = current * SPEED_UP if new_items else current * SLOW_DOWN
        self.interval = min(max(current, min_interval), max_interval)
        self.next_poll = now + self.interval

    def record_failure(self, now: float, failure: Rejection, min_interval: float, max_interval: float,
                       retry_after: float | None = None) -> None:
        """A failed poll: back off, and park the feed after repeated failures."""
        self.last_attempt = now
        self.consecutive_failures += 1
        self.last_reason, self.last_error = failure.reason, failure.detail[:500]
        backoff = min(min_interval * 2 ** (self.consecutive_failures - 1), max_interval)
        if self.consecutive_failures >= PARK_AFTER:
            park = min(PARK_BASE * 2 ** (self.consecutive_failures - PARK_AFTER), PARK_MAX)
            self.parked_until = now + park
            self.parked_reason = f"{self.consecutive_failures} consecutive failures, last: {str(failure)[:500]}"
            backoff = park
        self.next_poll = now + max(backoff, retry_after or 0.0)


class HealthStore:
    """``FeedHealth`` records keyed by the configured feed URL."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._names = {f.name for f in fields(FeedHealth)}

    def get(self, url: str) -> FeedHealth:
        row = self.conn.execute("SELECT record FROM feed_health WHERE url = ?", (url,)).fetchone()
        if row is None:
            return FeedHealth(url=url)
        data = orjson.loads(row[0])
        if data.get("last_reason"):
            data["last_reason"] = Reason(data["last_reason"])
        return FeedHealth(**{k: v for k, v in data.items() if k in self._names})

    def put(self, health: FeedHealth) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO feed_health(url, record) VALUES (?, ?)", (health.url, orjson.dumps(asdict(health)).decode())
        )

    def rename(self, old: str, new: str) -> None:
        """Carry a moved feed's record (schedule, validators, failures) over to its new URL."""
        record = self.get(old)
        if self.conn.execute("SELECT 1 FROM feed_health WHERE url = ?", (new,)).fetchone() is None:
            record.url, record.moved_to = new, None
            self.put(record)
        self.conn.execute("DELETE FROM feed_health WHERE url = ?", (old,))

    def all(self) -> list[FeedHealth]:
        return [self.get(url) for (url,) in self.conn.execute("SELECT url FROM feed_health ORDER BY url")]
