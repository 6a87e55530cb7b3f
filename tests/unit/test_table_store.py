"""The worker's tables are RocksDB without its write-ahead log: the changelog makes them durable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: writes through a table's store as the worker opens it, then reports the store's class, the bytes
#: of its write-ahead logs, and what a reopened database reads back after the store stopped cleanly
SHOW = """
import json, os, tempfile
os.environ.update(KABAR_HOME=tempfile.mkdtemp(), KABAR_STORE="rocksdb://")
from pathlib import Path
from streams import app
store = app.seen_articles._new_store_by_url(app.app.conf.store)
db = store._db_for_partition(0)
for i in range(1000):
    db.put(f"key{i}".encode(), b"x" * 100)
path = Path(store.partition_path(0))
wal = sum(p.stat().st_size for p in path.glob("*.log"))
db.close()
again = store.rocksdb_options.open(path)
print(json.dumps({"store": type(store).__name__, "wal_bytes": wal, "read_back": again.get(b"key999") == b"x" * 100}))
"""


def test_table_writes_skip_the_write_ahead_log_and_a_clean_close_keeps_them():
    done = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout)
    assert shown == {"store": "_Store", "wal_bytes": 0, "read_back": True}


#: entries written to two partitions of a dated table's RocksDB store, then read back per partition
#: as a worker rebuilds a partition's day index after a rebalance (``app.entries_of``)
ENTRIES = """
import json, os, tempfile
os.environ.update(KABAR_HOME=tempfile.mkdtemp(), KABAR_STORE="rocksdb://")
from streams import app
store = app.seen_articles.data
for partition, key, day in ((0, "a", 19000), (1, "b", 19001), (1, "~expiry:1|meta", None)):
    value = {"value": "fp", "day": day} if day else {"clock": 19001, "days": {}}
    store._db_for_partition(partition).put(store._encode_key(key), store._encode_value(value))
entries = app.entries_of(app.seen_articles)
print(json.dumps({p: sorted(entries(p)) for p in (0, 1)}))
"""


def test_the_entries_of_one_partition_are_read_from_its_own_database():
    done = subprocess.run([sys.executable, "-c", ENTRIES], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == {
        "0": [["a", {"value": "fp", "day": 19000}]],
        "1": [["b", {"value": "fp", "day": 19001}], ["~expiry:1|meta", {"clock": 19001, "days": {}}]],
    }


#: a table's RocksDB store through rebalances (the partitions active after each given), written to
#: between them; reports which of its keys each partition holds after each rebalance
REBALANCES = """
import asyncio, json, os, sys, tempfile
os.environ.update(KABAR_HOME=tempfile.mkdtemp(), KABAR_STORE="rocksdb://", KABAR_PROCESSING=sys.argv[1])
from faust.types import TP
from streams import app
app.app.in_worker = True  # Faust uses transactions only in a worker
store = app.seen_articles.data
changelog = app.seen_articles.changelog_topic_name
actives = set()
app.app.assignor.assigned_actives = lambda: {TP(changelog, p) for p in actives}
def write(partition, key):
    store._db_for_partition(partition).put(store._encode_key(key), store._encode_value("fp"))
    store.set_persisted_offset(TP(changelog, partition), 7)
def held():
    return {p: sorted(store._decode_key(k) for k in store._db_for_partition(p).keys() if k != store.offset_key)
            + (["offset"] if store.persisted_offset(TP(changelog, p)) is not None else []) for p in (0, 1)}
seen = []
write(0, "left by a crash")
for step in ({0, 1}, {0}, {0, 1}):
    actives = step
    asyncio.run(store.on_rebalance(set(), set(), set()))
    seen.append(held())
    write(0, f"kept {len(seen)}")
    write(1, f"aborted {len(seen)}")
print(json.dumps(seen))
"""


def _rebalanced(processing: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", REBALANCES, processing], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_exactly_once_empties_a_partition_that_becomes_active_and_keeps_one_that_stays():
    # At start and when partition 1 comes back, what the database held is dropped (changelog
    # offset included: recovery reads the whole changelog); partition 0, kept throughout, keeps all.
    assert _rebalanced("exactly_once") == [
        {"0": [], "1": []},
        {"0": ["kept 1", "offset"], "1": ["aborted 1", "offset"]},
        {"0": ["kept 1", "kept 2", "offset"], "1": []},
    ]


def test_at_least_once_keeps_every_partition_through_rebalances():
    assert _rebalanced("at_least_once") == [
        {"0": ["left by a crash", "offset"], "1": []},
        {"0": ["kept 1", "left by a crash", "offset"], "1": ["aborted 1", "offset"]},
        {"0": ["kept 1", "kept 2", "left by a crash", "offset"], "1": ["aborted 1", "aborted 2", "offset"]},
    ]
