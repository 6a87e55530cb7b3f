"""The analysts' store: upserts by event id, offsets in the same transaction, every filter, every format."""

from __future__ import annotations

import csv
import io
from datetime import date

import duckdb
import jsonschema
import msgspec
import orjson
import pytest

from streams import cli
from streams.records import CountValue, Event, Evidence, Location
from streams.store.formats import write_csv, write_geojson, write_jsonl, write_parquet
from streams.store.query import Filters, query
from streams.store.tables import COLUMNS, StoreError, apply, open_store, stored_offsets

TOPIC = "events"


def protest() -> Event:
    return Event(id="ev-protest", type="PROTEST", mode="riot", cameo="14", country="KZ", date="2022-01-05",
                 actors=["KZ:protesters"], targets=["KZ:government"], place="Almaty",
                 location=Location(name="Almaty", country="KZ", lat=43.25667, lon=76.92861, geonames_id=1526384),
                 counts={"arrested": 200}, count_sources={"arrested": CountValue(200, "seed", "2022-01-07T10:00:00+07:00")},
                 articles=["seed", "en-report"], mentions=2, sources=["tribunnews.com", "reuters.com"],
                 languages=["id", "en"], story="story-kz", first_seen="2022-01-07T10:00:00+07:00",
                 last_seen="2022-01-07T12:00:00Z", evidence=[Evidence("seed", "Ribuan orang berdemo di Almaty.", "id")],
                 revision=2)


def crackdown() -> Event:
    return Event(id="ev-coerce", type="COERCE", mode="arrest", cameo="17", country="KZ", date="2022-01-07",
                 actors=["KZ:police"], targets=["KZ:protesters"], place="Almaty",
                 location=Location(name="Almaty", country="KZ", lat=43.25667, lon=76.92861),
                 articles=["seed"], mentions=1, sources=["tribunnews.com"], languages=["id"], story="story-kz")


def aid() -> Event:
    """An event without a place or coordinates."""
    return Event(id="ev-aid", type="AID", country="KZ", date="2022-01-06", actors=["RU"], targets=["KZ"],
                 articles=["en-report"], mentions=1, sources=["reuters.com"], languages=["en"], story="story-kz")


def flood() -> Event:
    return Event(id="ev-flood", type="AID", country="ID", date="2022-02-10", actors=["ID:government"],
                 place="Jakarta", location=Location(name="Jakarta", country="ID", lat=-6.21462, lon=106.84513),
                 articles=["banjir"], mentions=1, sources=["kompas.com"], languages=["id"], story="story-banjir")


def undated() -> Event:
    return Event(id="ev-undated", type="PROTEST", country="US", date=None, actors=["US:students"],
                 articles=["campus"], mentions=1, sources=["nytimes.com"], languages=["en"], story="story-campus")


ALL = (protest, crackdown, aid, flood, undated)


@pytest.fixture
def store(tmp_path):
    conn = open_store(tmp_path / "kabar.duckdb")
    apply(conn, [make() for make in ALL], topic=TOPIC, next_offsets={0: 5})
    yield conn
    conn.close()


def stored(conn) -> dict[str, Event]:
    return {e.id: e for e in (msgspec.convert(orjson.loads(r["record"]), Event) for r in query(conn, Filters()))}


def test_applying_the_same_records_again_changes_nothing(store):
    before = stored(store)
    apply(store, [make() for make in ALL], topic=TOPIC, next_offsets={0: 5})
    assert stored(store) == before
    assert store.execute("SELECT count(*) FROM events").fetchone()[0] == len(ALL)
    assert store.execute("SELECT count(*) FROM event_articles").fetchone()[0] == 6


def test_a_later_state_replaces_the_event_and_its_article_list(store):
    later = protest()
    later.articles, later.mentions, later.revision = ["en-report", "copy", "third"], 4, 3
    apply(store, [later], topic=TOPIC, next_offsets={0: 6})
    assert stored(store)["ev-protest"] == later
    links = store.execute("SELECT article_id FROM event_articles WHERE event_id = 'ev-protest' ORDER BY 1").fetchall()
    assert [a for (a,) in links] == ["copy", "en-report", "third"]


def test_within_a_batch_the_last_state_of_an_event_wins(tmp_path):
    first, last = crackdown(), crackdown()
    last.mentions, last.revision = 7, 2
    conn = open_store(tmp_path / "kabar.duckdb")
    assert apply(conn, [first, aid(), last]) == 2
    assert stored(conn)["ev-coerce"].mentions == 7


def test_a_reprocessed_state_replaces_the_old_one_though_its_revision_restarts_at_1(store):
    regenerated = protest()
    regenerated.revision, regenerated.mode = 1, "demonstrate"
    apply(store, [regenerated], topic=TOPIC, next_offsets={0: 6})
    assert stored(store)["ev-protest"].mode == "demonstrate"


def test_offsets_are_kept_with_the_events_across_a_restart(tmp_path):
    path = tmp_path / "kabar.duckdb"
    conn = open_store(path)
    apply(conn, [protest(), aid()], topic=TOPIC, next_offsets={0: 2, 3: 1})
    conn.close()
    reopened = open_store(path)
    assert stored_offsets(reopened, TOPIC) == {0: 2, 3: 1}
    assert stored_offsets(reopened, "other.events") == {}
    assert set(stored(reopened)) == {"ev-protest", "ev-aid"}


def test_a_batch_that_fails_leaves_neither_its_events_nor_its_offsets(store):
    broken = flood()
    broken.id, broken.date = "ev-broken", "10 February"
    with pytest.raises(duckdb.Error):
        apply(store, [undated(), broken], topic=TOPIC, next_offsets={0: 7})
    assert stored_offsets(store, TOPIC) == {0: 5}
    assert "ev-broken" not in stored(store)


def test_stories_group_their_events(store):
    rows = store.execute("SELECT story, events, countries, first_date, last_date FROM stories ORDER BY story").fetchall()
    assert rows[2] == ("story-kz", 3, ["KZ"], date(2022, 1, 5), date(2022, 1, 7))
    assert [r[0] for r in rows] == ["story-banjir", "story-campus", "story-kz"]


@pytest.mark.parametrize("filters, ids", [
    (Filters(), ["ev-protest", "ev-aid", "ev-coerce", "ev-flood", "ev-undated"]),
    (Filters(country="kz"), ["ev-protest", "ev-aid", "ev-coerce"]),
    (Filters(type="protest"), ["ev-protest", "ev-undated"]),
    (Filters(actor="KZ:police"), ["ev-coerce"]),
    (Filters(actor="KZ"), []),
    (Filters(place="almaty"), ["ev-protest", "ev-coerce"]),
    (Filters(story="story-banjir"), ["ev-flood"]),
    (Filters(language="EN"), ["ev-protest", "ev-aid", "ev-undated"]),
    (Filters(start=date(2022, 1, 6)), ["ev-aid", "ev-coerce", "ev-flood"]),
    (Filters(end=date(2022, 1, 6)), ["ev-protest", "ev-aid"]),
    (Filters(start=date(2022, 1, 6), end=date(2022, 1, 6)), ["ev-aid"]),
    (Filters(country="KZ", type="PROTEST", language="id", start=date(2022, 1, 1), end=date(2022, 1, 31)),
     ["ev-protest"]),
])
def test_each_filter_selects_the_events_it_names(store, filters, ids):
    assert [row["id"] for row in query(store, filters)] == ids


def test_json_lines_are_the_events_as_published(store):
    out = io.StringIO()
    assert write_jsonl(query(store, Filters(country="KZ")), out) == 3
    events = [msgspec.convert(orjson.loads(line), Event) for line in out.getvalue().splitlines()]
    assert events == [protest(), aid(), crackdown()]


def test_csv_has_a_header_and_one_row_per_event(store):
    out = io.StringIO()
    assert write_csv(query(store, Filters()), out) == len(ALL)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == len(ALL)
    first = rows[0]
    assert (first["id"], first["date"], first["lat"], first["lon"]) == ("ev-protest", "2022-01-05", "43.25667", "76.92861")
    assert first["languages"] == "id; en" and first["counts"] == "arrested=200"
    assert rows[-1]["date"] == "" and rows[-1]["lat"] == ""


#: the parts of RFC 7946 a FeatureCollection of points must follow
GEOJSON_POINTS = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "properties": {"type": ["object", "null"]},
                "geometry": {
                    "type": "object",
                    "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"const": "Point"},
                        "coordinates": {"type": "array", "minItems": 2, "maxItems": 3, "prefixItems": [
                            {"type": "number", "minimum": -180, "maximum": 180},
                            {"type": "number", "minimum": -90, "maximum": 90}]},
                    },
                },
            },
        }},
    },
}


def test_geojson_is_a_valid_collection_of_points_in_lon_lat_order(store):
    out = io.StringIO()
    assert write_geojson(query(store, Filters()), out) == (3, 2)
    collection = orjson.loads(out.getvalue())
    jsonschema.validate(collection, GEOJSON_POINTS, cls=jsonschema.Draft202012Validator)
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {"ev-protest", "ev-coerce", "ev-flood"}
    assert features["ev-flood"]["geometry"]["coordinates"] == [106.84513, -6.21462]
    assert msgspec.convert(features["ev-protest"]["properties"], Event) == protest()


def test_an_empty_selection_is_a_valid_empty_collection(store):
    out = io.StringIO()
    assert write_geojson(query(store, Filters(country="FR")), out) == (0, 0)
    assert orjson.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_reads_back_typed(store, tmp_path):
    path = tmp_path / "kz's events.parquet"
    assert write_parquet(store, Filters(country="KZ"), path) == 3
    rows = duckdb.connect().execute("SELECT id, date, actors, counts, lat FROM read_parquet(?)", [str(path)]).fetchall()
    assert rows == [("ev-protest", date(2022, 1, 5), ["KZ:protesters"], {"arrested": 200}, 43.25667),
                    ("ev-aid", date(2022, 1, 6), ["RU"], {}, None),
                    ("ev-coerce", date(2022, 1, 7), ["KZ:police"], {}, 43.25667)]


def test_a_file_that_is_not_a_store_is_refused_with_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="no store at .*kabar sink"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a Kabar store"):
        open_store(other, read_only=True)


def test_query_command_writes_the_format_asked_for(store, tmp_path, capsys):
    store.close()
    out = tmp_path / "kz.csv"
    assert cli.main(["query", str(tmp_path / "kabar.duckdb"), "--country", "KZ", "--actor", "RU",
                     "--format", "csv", "--out", str(out)]) == 0
    assert [r["id"] for r in csv.DictReader(out.open())] == ["ev-aid"]
    assert "1 events written to" in capsys.readouterr().err


def test_query_command_says_what_to_fix(store, tmp_path, capsys):
    store.close()
    path = str(tmp_path / "kabar.duckdb")
    with pytest.raises(SystemExit):
        cli.main(["query", path, "--from", "2022-13-01"])
    assert "'2022-13-01' is not a date: write it YYYY-MM-DD" in capsys.readouterr().err
    assert cli.main(["query", path, "--from", "2022-02-01", "--to", "2022-01-01"]) == 2
    assert "--from 2022-02-01 is after --to 2022-01-01" in capsys.readouterr().err
    assert cli.main(["query", path, "--format", "parquet"]) == 2
    assert "give one with --out" in capsys.readouterr().err
    assert cli.main(["query", str(tmp_path / "nowhere.duckdb")]) == 2
    assert "no store at" in capsys.readouterr().err
