"""The seen-set: ids of articles already sent, surviving restarts.

An item is sent once even when its feed re-orders it, re-dates it or the
poller restarts: the id (``urls.article_id`` of the canonical link) is
recorded after a successful send and checked before the next one. Entries
older than ``retention_days`` are pruned; a feed that republishes an article
after that is sent again, which downstream deduplication absorbs.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable


class SeenSet:
    def __init__(self, conn: sqlite3.Connection, *, retention_days: float = 30.0) -> None:
        self.conn = conn
        self.retention = retention_days * 86400.0

    def __contains__(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM seen WHERE id = ?", (article_id,)).fetchone() is not None

    def unseen(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` not seen yet."""
        wanted = set(ids)
        if not wanted:
            return set()
        found: set[str] = set()
        batch = list(wanted)
        for start in range(0, len(batch), 500):
            chunk = batch[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT id FROM seen WHERE id IN ({marks})", chunk))
        return wanted - found

    def add(self, article_id: str, now: float | None = None) -> None:
        self.conn.execute("INSERT OR IGNORE INTO seen(id, first_seen) VALUES (?, ?)", (article_id, now or time.time()))

    def prune(self, now: float | None = None) -> int:
        """Forget ids older than the retention; returns how many were dropped."""
        cutoff = (now or time.time()) - self.retention
        return self.conn.execute("DELETE FROM seen WHERE first_seen < ?", (cutoff,)).rowcount

    def __len__(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM seen").fetchone()[0]
