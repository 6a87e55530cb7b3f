"""The store's tables, and the one transaction that applies a batch of ``events`` to them.

- ``events``: one row per event id, the latest state read from the topic. Columns an
  analyst filters or exports on are typed (``date`` a DATE, lists as VARCHAR[],
  ``counts`` a MAP, ``lat``/``lon`` from the gazetteer); ``record`` is the whole event
  as published, so nothing of it is lost.
- ``event_articles``: (event id, article id) for every article an event lists, to join
  on or count by article.
- ``stories``: a view of the events grouped by story (count, countries, types, dates).
- ``sink_offsets``: per partition of the topic, the offset of the next record to read.

The offsets are written in the same transaction as the upserts they follow, so the file
is always a consistent prefix of the topic: a sink killed at any point resumes from what
it committed, neither skipping records nor applying any twice. Kafka's own committed
offsets (a consumer group) could not give that, being committed apart from the file.

Within a partition a later record of an event replaces the earlier one, as compaction
does: that is the latest revision. Revisions are not compared across records, because
``kabar reprocess`` starts a generation whose revisions count from 1 again and must
replace the old states all the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from streams.codec import encode
from streams.records import Event

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    country VARCHAR,
    place VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonames_id BIGINT,
    date DATE,
    actors VARCHAR[],
    targets VARCHAR[],
    counts MAP(VARCHAR, BIGINT),
    mentions INTEGER,
    sources VARCHAR[],
    languages VARCHAR[],
    story VARCHAR,
    first_seen VARCHAR,
    last_seen VARCHAR,
    revision INTEGER,
    articles VARCHAR[],
    record JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS event_articles (event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS sink_offsets (
    topic VARCHAR NOT NULL,
    partition INTEGER NOT NULL,
    next_offset BIGINT NOT NULL,
    PRIMARY KEY (topic, partition)
);
CREATE OR REPLACE VIEW stories AS
SELECT story, count(*) AS events, list(DISTINCT country ORDER BY country) AS countries,
       list(DISTINCT type ORDER BY type) AS types, min(date) AS first_date, max(date) AS last_date,
       sum(mentions) AS mentions
FROM events WHERE story IS NOT NULL GROUP BY story;
"""

#: the columns of ``events`` an export carries (``record`` holds the whole event besides)
COLUMNS = ("id", "type", "mode", "cameo", "country", "place", "lat", "lon", "geonames_id", "date", "actors",
           "targets", "counts", "mentions", "sources", "languages", "story", "first_seen", "last_seen",
           "revision", "articles")


class StoreError(Exception):
    """The store cannot be opened or is not a Kabar store; the message says what to do."""


def open_store(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path``. Writable: created with its tables if missing. Read-only: it must exist."""
    path = Path(path)
    if read_only and not path.is_file():
        raise StoreError(f"no store at {path}: fill one with `kabar sink {path}` first")
    if not read_only and not path.parent.is_dir():
        raise StoreError(f"folder {path.parent} does not exist: create it, or give a path in an existing folder")
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        raise StoreError(f"cannot open {path}: {exc}. A store being written is open to that process alone: stop "
                         f"the `kabar sink` or `kabar query` named, or keep the store current with `kabar sink {path} "
                         "--until-idle` between queries") from None
    if read_only:
        if not conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'").fetchone()[0]:
            conn.close()
            raise StoreError(f"{path} is a DuckDB file but not a Kabar store (no events table); "
                             f"give the path `kabar sink` writes to")
    else:
        conn.execute(SCHEMA)
    return conn


def stored_offsets(conn: duckdb.DuckDBPyConnection, topic: str) -> dict[int, int]:
    """Partition -> offset of the next record of ``topic`` to read."""
    rows = conn.execute("SELECT partition, next_offset FROM sink_offsets WHERE topic = ?", [topic]).fetchall()
    return dict(rows)


def apply(conn: duckdb.DuckDBPyConnection, events: Iterable[Event], *, topic: str = "",
          next_offsets: dict[int, int] | None = None) -> int:
    """Upsert ``events`` (in log order: a later state of an id replaces an earlier one) and record
    ``next_offsets`` of ``topic``, all in one transaction; return how many events were upserted."""
    latest = {event.id: event for event in events}
    conn.execute("BEGIN TRANSACTION")
    try:
        if latest:
            ids = list(latest)
            conn.execute("DELETE FROM event_articles WHERE event_id IN (SELECT unnest(?))", [ids])
            conn.executemany(f"INSERT OR REPLACE INTO events VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
                             [_row(event) for event in latest.values()])
            links = [(event.id, article) for event in latest.values() for article in event.articles]
            if links:
                conn.executemany("INSERT INTO event_articles VALUES (?, ?)", links)
        if next_offsets:
            conn.executemany("INSERT OR REPLACE INTO sink_offsets VALUES (?, ?, ?)",
                             [(topic, partition, offset) for partition, offset in next_offsets.items()])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(latest)


def _row(event: Event) -> tuple:
    location = event.location
    values = {
        **{name: getattr(event, name) for name in COLUMNS if hasattr(event, name)},
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "geonames_id": location.geonames_id if location else None,
    }
    return (*(values[name] for name in COLUMNS), encode(event).decode())
