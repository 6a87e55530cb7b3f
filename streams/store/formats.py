"""Writing queried events: JSON lines, CSV, GeoJSON (to a text stream) and Parquet (to a file).

JSON lines and GeoJSON carry each event whole, as published on ``events``; CSV and Parquet
carry the columns of ``tables.COLUMNS``, one row per event (in CSV, lists are joined with
"; " and counts written ``killed=18; injured=3``; Parquet keeps lists and maps typed).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import duckdb
import orjson

from streams.store.query import Filters, select
from streams.store.tables import COLUMNS

SEPARATOR = "; "


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    written = 0
    for row in rows:
        out.write(row["record"] + "\n")
        written += 1
    return written


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    written = 0
    for row in rows:
        writer.writerow([_cell(row[name]) for name in COLUMNS])
        written += 1
    return written


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return SEPARATOR.join(value)
    if isinstance(value, dict):
        return SEPARATOR.join(f"{key}={count}" for key, count in value.items())
    return value


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> tuple[int, int]:
    """A FeatureCollection (RFC 7946) of one Point per event with coordinates, at the event's
    gazetteer location; its properties are the event. Returns (written, left out without coordinates)."""
    written = unplaced = 0
    out.write('{"type":"FeatureCollection","features":[')
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            unplaced += 1
            continue
        feature = {"type": "Feature", "id": row["id"],
                   "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                   "properties": orjson.loads(row["record"])}
        out.write(("," if written else "") + "\n" + orjson.dumps(feature).decode())
        written += 1
    out.write("\n]}\n")
    return written, unplaced


def write_parquet(conn: duckdb.DuckDBPyConnection, filters: Filters, path: str | Path) -> int:
    """Export the matching events to a Parquet file with DuckDB's COPY; return how many."""
    sql, params = select(filters)
    quoted = str(path).replace("'", "''")
    return conn.execute(f"COPY ({sql}) TO '{quoted}' (FORMAT parquet)", params).fetchone()[0]
