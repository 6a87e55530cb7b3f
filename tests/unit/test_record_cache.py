"""The tables' record cache (``app.WatchedTable``): writes to a key while messages are handled
coalesce, reads see them at once, and only the last value of each key reaches the store and the
changelog, when the agent takes the writes to wait for them before it acknowledges."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import faust
import faust.tables.base
import pytest

from streams import app as app_module
from streams.app import WatchedTable, app

ROOT = Path(__file__).resolve().parents[2]


class Handling:
    """Which partition's message is being handled, as ``faust.current_event`` tells it."""

    def __init__(self) -> None:
        self.partition: int | None = 0

    def event(self):
        if self.partition is None:
            return None
        return SimpleNamespace(message=SimpleNamespace(partition=self.partition, topic="articles.raw"))


@pytest.fixture
def table(monkeypatch):
    """A memory-stored table whose changelog sends are noted as (partition, key, value)."""
    handling = Handling()
    monkeypatch.setattr(faust, "current_event", handling.event)
    monkeypatch.setattr(faust.tables.base, "current_event", handling.event)
    monkeypatch.setattr(WatchedTable, "_verify_source_topic_partitions", lambda self, topic: None)
    sent: list[tuple[int, str, object]] = []

    def send_changelog(self, partition, key, value, key_serializer=None, value_serializer=None):
        sent.append((partition, key, value))
        return f"write-{len(sent)}"

    monkeypatch.setattr(faust.Table, "send_changelog", send_changelog)
    monkeypatch.setattr(WatchedTable, "caches", True)
    table = WatchedTable(app, name="record-cache-test", default=None, partitions=2, store="kabar-memory://cache")
    table.handling, table.sent = handling, sent
    return table


def test_writes_to_one_key_coalesce_and_reach_store_and_changelog_only_when_taken(table):
    table["story"] = "one article"
    table["event"] = "first state"
    table["story"] = "two articles"
    table["gone"] = "soon deleted"
    del table["gone"]
    assert table.sent == [] and "story" not in table.data, "written before the agent took the writes"
    assert table["story"] == "two articles" and table.get("event") == "first state"
    assert "gone" not in table and table.get("gone") is None

    assert table.take_writes() == ["write-1", "write-2", "write-3"]
    # in the order last written: the story's last write came after the event's
    assert table.sent == [(0, "event", "first state"), (0, "story", "two articles"), (0, "gone", None)]
    assert table.data["story"] == "two articles" and "gone" not in table.data
    assert table.take_writes() == []


def test_a_read_sees_only_what_the_partition_of_its_message_cached(table):
    table["shared"] = "written from partition 0"
    table.handling.partition = 1
    assert table.get("shared") is None
    table["shared"] = "written from partition 1"
    table.handling.partition = 0
    assert table["shared"] == "written from partition 0"
    table.take_writes()
    assert sorted(table.sent) == [(0, "shared", "written from partition 0"), (1, "shared", "written from partition 1")]


def test_reading_the_whole_table_and_a_rebalance_write_the_cache_out_first(table, monkeypatch):
    table["a"] = "1"
    assert dict(table.items()) == {"a": "1"}
    assert table.sent == [(0, "a", "1")]
    table["b"] = "2"
    waited = []

    async def wait(writes):
        waited.extend(writes)

    monkeypatch.setattr(app_module, "WATCHED", (table,))
    monkeypatch.setattr(asyncio, "wait", wait)
    asyncio.run(app_module._write_cached_on_revoke(None, set()))
    assert table.sent[-1] == (0, "b", "2") and waited == ["write-2"]
    assert table.take_writes() == ["write-1", "write-2"], "the agent still waits for them before acknowledging"


#: a write and a deletion through the RocksDB store by partition, as the cache writes out outside any
#: message, then what each partition's database holds
PUT = """
import json, os, tempfile
os.environ.update(KABAR_HOME=tempfile.mkdtemp(), KABAR_STORE="rocksdb://")
from streams import app
store = app.seen_articles.data
store.put(0, "a", {"v": 0})
store.put(1, "a", {"v": 1})
store.put(1, "b", {"v": 2})
store.delete(1, "a")
print(json.dumps({p: sorted(app.entries_of(app.seen_articles)(p)) for p in (0, 1)}))
"""


def test_the_rocksdb_store_writes_and_deletes_in_the_partition_named():
    done = subprocess.run([sys.executable, "-c", PUT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == {"0": [["a", {"v": 0}]], "1": [["b", {"v": 2}]]}


def test_a_stored_value_is_read_in_one_lookup(table, monkeypatch):
    table["kept"] = "value"
    table.take_writes()

    def asked(store, key):
        raise AssertionError("asked the store whether it holds the key before reading it")

    monkeypatch.setattr(type(table.data), "__contains__", asked)
    assert table["kept"] == "value" and table.get("missing") is None


def test_under_at_least_once_writes_go_through_at_once_in_the_order_written(table, monkeypatch):
    monkeypatch.setattr(WatchedTable, "caches", False)
    sent = []

    def send_changelog(self, partition, key, value, key_serializer=None, value_serializer=None):
        sent.append((key, value))
        return SimpleNamespace(message=SimpleNamespace(partition=partition))

    monkeypatch.setattr(faust.Table, "send_changelog", send_changelog)
    table.handling.partition = 0
    table["decision"] = "undecided"
    table["event"] = "with the article"
    table["decision"] = "applied"
    assert sent == [
        ("decision", "undecided"), ("event", "with the article"), ("decision", "applied")]
    assert table["decision"] == "applied"


def test_under_at_least_once_held_writes_coalesce_and_go_out_events_first_before_any_other_write(table, monkeypatch):
    monkeypatch.setattr(WatchedTable, "caches", False)

    def send_changelog(self, partition, key, value, key_serializer=None, value_serializer=None):
        table.sent.append((partition, key, value))
        return SimpleNamespace(message=SimpleNamespace(partition=partition), n=len(table.sent))

    monkeypatch.setattr(faust.Table, "send_changelog", send_changelog)
    table.hold("KZ|art:a", "a applied")
    table.hold("KZ|evt:e", "mentioned by a")
    table.hold("KZ|art:b", "b applied")
    table.hold("KZ|evt:e", "mentioned by a and b")
    assert table.sent == [] and table["KZ|evt:e"] == "mentioned by a and b"
    table["KZ|meta"] = "clock moved"  # goes through, after what was held
    assert table.sent == [(0, "KZ|evt:e", "mentioned by a and b"), (0, "KZ|art:a", "a applied"),
                          (0, "KZ|art:b", "b applied"), (0, "KZ|meta", "clock moved")]
    table.hold("KZ|evt:e", "mentioned by c")
    table.handling.partition = 1
    table["KZ|evt:old"] = "retired"  # from another partition's message: the held write keeps its own
    assert table.sent[-2:] == [(0, "KZ|evt:e", "mentioned by c"), (1, "KZ|evt:old", "retired")]
    assert [write.n for write in table.take_writes()] == list(range(1, 7)), "the agent waits for all of them"
