"""Each table partition's RocksDB is opened with bounded memory (issue 11: a soak's RSS doubled on Faust's defaults)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: opens the RocksDB store of every table as the worker would, prints the options each got, in MiB
SHOW = """
import json, sys, tempfile
import os
os.environ.update(KABAR_HOME=tempfile.mkdtemp(), KABAR_STORE="rocksdb://")
from streams import app
out = {}
for table in (app.seen_articles, app.fingerprints, app.cluster_state, app.fired_alerts):
    o = table._new_store_by_url("rocksdb://").rocksdb_options
    out[table.name] = [o.write_buffer_size * o.max_write_buffer_number / 2**20, o.block_cache_size / 2**20]
print(json.dumps(out))
"""


def test_every_table_partition_holds_at_most_16_mib_of_memtables_and_8_of_block_cache():
    done = subprocess.run([sys.executable, "-c", SHOW], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    options = json.loads(done.stdout)
    assert set(options) == {"seen-articles", "fingerprints", "cluster-state", "fired-alerts"}
    for name, (memtables_mib, cache_mib) in options.items():
        assert memtables_mib <= 16 and cache_mib <= 8, (name, memtables_mib, cache_mib)
