"""The ingest state database: one sqlite file in the state directory.

The seen-set (``seen.py``) and the feed health records (``health.py``) share
it, so a restart finds both. sqlite is enough: one poller process writes it,
a few hundred writes per minute at most.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

STATE_FILE = "ingest.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    id TEXT PRIMARY KEY,
    first_seen REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_first_seen ON seen(first_seen);
CREATE TABLE IF NOT EXISTS feed_health (
    url TEXT PRIMARY KEY,
    record TEXT NOT NULL
);
"""


def open_state(state_dir: str | Path) -> sqlite3.Connection:
    """Open (creating when needed) the state database in ``state_dir``."""
    directory = Path(state_dir)
    directory.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(directory / STATE_FILE, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    return conn
