"""``kabar sink PATH`` and ``kabar query PATH``: the analysts' store on the command line."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path

FORMATS = ("jsonl", "csv", "geojson", "parquet")


def _sink(args) -> int:
    from aiokafka.errors import KafkaConnectionError

    from streams.settings import get_settings
    from streams.store.sink import run
    from streams.store.tables import StoreError

    settings = get_settings()
    try:
        run(Path(args.path), settings, until_idle=args.until_idle)
    except (StoreError, LookupError) as exc:
        return _fail("sink", str(exc))
    except KafkaConnectionError:
        return _fail("sink", f"no Kafka broker answers at {settings.bootstrap_servers}: start one with "
                     "`kabar broker start`, or set KAFKA_BROKER to yours")
    return 0


def _query(args) -> int:
    from streams.store.query import Filters
    from streams.store.tables import StoreError, open_store

    if args.start and args.end and args.start > args.end:
        return _fail("query", f"--from {args.start} is after --to {args.end}: swap them")
    if args.format == "parquet" and not args.out:
        return _fail("query", "Parquet is a binary file: give one with --out FILE.parquet")
    filters = Filters(country=args.country, type=args.type, actor=args.actor, place=args.place, story=args.story,
                      language=args.language, start=args.start, end=args.end)
    try:
        conn = open_store(args.path, read_only=True)
    except StoreError as exc:
        return _fail("query", str(exc))
    try:
        summary = _export(conn, filters, args.format, args.out)
    except BrokenPipeError:  # the reader stopped early (`| head`): end quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        conn.close()
    print(f"kabar query: {summary}", file=sys.stderr)
    return 0


def _export(conn, filters, fmt: str, path: str | None) -> str:
    """Write the events ``filters`` select in ``fmt`` to ``path`` (None: stdout); say what was written."""
    from streams.store.formats import write_csv, write_geojson, write_jsonl, write_parquet
    from streams.store.query import query

    if fmt == "parquet":
        return f"{write_parquet(conn, filters, path)} events written to {path}"
    note = ""
    with open(path, "w", encoding="utf-8", newline="") if path else contextlib.nullcontext(sys.stdout) as out:
        rows = query(conn, filters)
        if fmt == "geojson":
            written, unplaced = write_geojson(rows, out)
            note = f" ({unplaced} without coordinates left out)" if unplaced else ""
        else:
            written = (write_csv if fmt == "csv" else write_jsonl)(rows, out)
    return f"{written} events{note}" + (f" written to {path}" if path else "")


def _fail(command: str, message: str) -> int:
    print(f"kabar {command}: {message}", file=sys.stderr)
    return 2


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it YYYY-MM-DD, e.g. 2022-01-31") from None


def add_commands(sub) -> None:
    p = sub.add_parser(
        "sink", help="keep a DuckDB store of the events topic (for `kabar query`)",
        description="Read the events topic (committed records, every partition) into the DuckDB file PATH, created "
        "if missing: one row per event id, its latest state (table events; the event as published in column record), "
        "the articles each event lists (event_articles) and a stories view. The offsets read are stored in the file "
        "with the events, so a sink stopped in any way resumes where it left off, without gaps or duplicates. "
        "Runs until Ctrl-C or SIGTERM; only one sink (or other writer) may hold a file at a time.")
    p.add_argument("path", help="DuckDB file, e.g. kabar.duckdb")
    p.add_argument("--until-idle", action="store_true",
                   help="exit once every partition is read to its end (batch use; `kabar query` can then open the file)")
    p.set_defaults(func=_sink)

    q = sub.add_parser(
        "query", help="filter the events of a `kabar sink` store; JSON lines, CSV, GeoJSON or Parquet",
        description="Write the events of the store PATH that match every filter given, ordered by date. jsonl: "
        "each event as published on the events topic; csv: one row per event with a header (lists joined by '; ', "
        "counts as killed=18); geojson: a FeatureCollection of Point features (lon, lat) at each event's gazetteer "
        "location, properties the event, events without coordinates left out; parquet (needs --out): the csv "
        "columns, typed. The file cannot be read while `kabar sink` (without --until-idle) holds it.",
        epilog="Example: kabar query kabar.duckdb --country KZ --type PROTEST --from 2022-01-01 --to 2022-01-31 "
        "--format geojson --out protests.geojson")
    q.add_argument("path", help="the DuckDB file `kabar sink` writes")
    q.add_argument("--country", help="ISO 3166 alpha-2 code of the event's country, e.g. KZ")
    q.add_argument("--type", help="PLOVER event type, e.g. PROTEST, ASSAULT, AID")
    q.add_argument("--actor", help="an actor of the event as listed in its actors, e.g. KZ:police or RU")
    q.add_argument("--place", help="the event's place name, any case, e.g. Almaty")
    q.add_argument("--story", help="story id, as in the event's story field")
    q.add_argument("--language", help="language code of an article that reports the event, e.g. id, en")
    q.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD",
                   help="events dated on or after this day (events without a date are left out)")
    q.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="events dated on or before this day")
    q.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    q.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    q.set_defaults(func=_query)
