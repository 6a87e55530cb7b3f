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
