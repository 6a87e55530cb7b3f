"""Selecting stored events by what an analyst asks for: country, type, actor, place, story, language, dates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from streams.store.tables import COLUMNS

#: rows fetched from DuckDB at a time, so an export of the whole store streams
CHUNK = 1000


@dataclass(frozen=True)
class Filters:
    """Every filter given must hold (None: not filtered). Dates are the event's ``date``, inclusive."""

    country: str | None = None
    type: str | None = None
    actor: str | None = None
    place: str | None = None
    story: str | None = None
    language: str | None = None
    start: date | None = None
    end: date | None = None


def select(filters: Filters, columns: tuple[str, ...] = COLUMNS) -> tuple[str, list[Any]]:
    """The SQL selecting ``columns`` of the matching events, ordered by date then id, and its parameters."""
    where, params = [], []

    def add(condition: str, value: Any) -> None:
        where.append(condition)
        params.append(value)

    if filters.country:
        add("country = ?", filters.country.upper())
    if filters.type:
        add("type = ?", filters.type.upper())
    if filters.actor:
        add("list_contains(actors, ?)", filters.actor)
    if filters.place:
        add("lower(place) = lower(?)", filters.place)
    if filters.story:
        add("story = ?", filters.story)
    if filters.language:
        add("list_contains(languages, ?)", filters.language.lower())
    if filters.start:
        add("date >= ?", filters.start)
    if filters.end:
        add("date <= ?", filters.end)
    sql = f"SELECT {', '.join(columns)} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY date NULLS LAST, id", params


def query(conn: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[dict[str, Any]]:
    """The matching events as dicts of ``tables.COLUMNS`` plus ``record``, the event as published (a JSON string)."""
    columns = (*COLUMNS, "record")
    cursor = conn.execute(*select(filters, columns))
    while rows := cursor.fetchmany(CHUNK):
        for row in rows:
            yield dict(zip(columns, row))
