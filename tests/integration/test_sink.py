"""`kabar sink` and `kabar query` on the real broker: the sample's events in a DuckDB store, kept
without duplicates across runs, queried as GeoJSON, Parquet and CSV."""

from __future__ import annotations

import csv
import signal
import subprocess
import sys

import duckdb
import jsonschema
import orjson

from tests.support import ROOT, Worker, kabar, latest_events, read_topic, wait_for
from tests.unit.test_store import GEOJSON_POINTS


def _settled_events(env: dict[str, str]) -> dict[str, dict]:
    """The latest state of every event, once the sample's KZ protest in Almaty is out and the topic stays still."""
    wait_for(env, "events", lambda r: any(e["type"] == "PROTEST" and e["place"] == "Almaty"
                                          for e in latest_events(r).values()))
    before = -1
    records = read_topic(env, "events", timeout=5)
    while len(records) != before:
        before = len(records)
        records = read_topic(env, "events", timeout=5)
    return latest_events(records)


def _store(path) -> dict[str, tuple]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return {row[0]: row[1:] for row in conn.execute("SELECT id, revision, articles FROM events").fetchall()}
    finally:
        conn.close()


def test_sink_keeps_the_events_once_and_queries_export_them(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "sink.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-sink")
    worker = Worker(env, "sink").start()
    try:
        kabar(env, "replay")  # the bundled sample
        events = _settled_events(env)
    finally:
        worker.stop()

    store = tmp_path / "kabar.duckdb"
    kabar(env, "sink", str(store), "--until-idle")
    first = _store(store)
    assert first == {i: (e["revision"], e["articles"]) for i, e in events.items()}

    again = kabar(env, "sink", str(store), "--until-idle")
    assert "upserts: 0 " in again.stderr, again.stderr
    assert _store(store) == first
    conn = duckdb.connect(str(store), read_only=True)
    assert conn.execute("SELECT count(*) FROM (SELECT DISTINCT * FROM event_articles)").fetchone() == \
        conn.execute("SELECT count(*) FROM event_articles").fetchone()
    conn.close()

    # Following the topic, the sink stops cleanly on SIGTERM.
    follower = subprocess.Popen([sys.executable, "-m", "streams.cli", "sink", str(store)], env=env, cwd=ROOT,
                                stderr=subprocess.PIPE, text=True)
    line = follower.stderr.readline()
    while line and "kabar sink: reading" not in line:
        line = follower.stderr.readline()
    assert line, f"the sink exited with {follower.wait()} before reading the topic"
    follower.send_signal(signal.SIGTERM)
    _, err = follower.communicate(timeout=30)
    assert follower.returncode == 0, err
    assert f"{len(events)} events in {store}" in err

    geojson = tmp_path / "kz-protests.geojson"
    kabar(env, "query", str(store), "--country", "KZ", "--type", "PROTEST", "--from", "2022-01-01",
          "--to", "2022-01-31", "--format", "geojson", "--out", str(geojson))
    collection = orjson.loads(geojson.read_bytes())
    jsonschema.validate(collection, GEOJSON_POINTS, cls=jsonschema.Draft202012Validator)
    almaty = [f for f in collection["features"] if f["properties"]["place"] == "Almaty"]
    assert almaty, collection
    lon, lat = almaty[0]["geometry"]["coordinates"]
    assert 76 < lon < 78 and 43 < lat < 44, "Almaty is at 43.25 N, 76.9 E"
    assert all(f["properties"]["country"] == "KZ" and f["properties"]["type"] == "PROTEST"
               for f in collection["features"])

    parquet = tmp_path / "events.parquet"
    kabar(env, "query", str(store), "--format", "parquet", "--out", str(parquet))
    ids = duckdb.connect().execute("SELECT id FROM read_parquet(?)", [str(parquet)]).fetchall()
    assert sorted(i for (i,) in ids) == sorted(events)

    table = kabar(env, "query", str(store), "--language", "id", "--format", "csv").stdout
    rows = list(csv.DictReader(table.splitlines()))
    assert sorted(r["id"] for r in rows) == sorted(i for i, e in events.items() if "id" in e["languages"])
