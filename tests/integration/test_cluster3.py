"""A broker SIGKILLed mid-replay and brought back: nothing lost, nothing doubled.

Twice: the single local broker (everything stops until it is back), and one node of a
three-node cluster (``kabar broker start --nodes 3``: topics on three brokers,
``min.insync.replicas=2``, producers with acks=all), where the other two carry on. The node
killed is the one leading ``articles.raw``, where the replay writes. Each test starts its own
broker on its own ports and KABAR_HOME (``support.own_broker``), so the shared broker of the
other integration tests is never touched, and stops it at the end.

The pipeline runs on one partition per topic, where the order of articles is total: the events
must be those of an uninterrupted run on the same broker, record for record. A ``read_committed``
reader (what a reader of an ``exactly_once`` pipeline uses) checks what was written: each
article once in ``articles.raw``, each event's states in order and none sent with two contents.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import orjson
import pytest

from tests.integration.helpers import synthetic_archive
from tests.support import (ROOT, Worker, kabar, kill_node, leader_of, mentions, own_broker,
                           read_committed, read_topic, settle_events)

#: first port of the test's own broker: far from the shared one's 9092-9094 (node n on PORT + 3(n-1))
PORT = {1: 19112, 3: 19092}


@pytest.fixture(scope="module", params=[1, 3], ids=["one-node", "three-nodes"])
def cluster(request, tmp_path_factory):
    nodes = request.param
    with own_broker(tmp_path_factory.mktemp(f"broker-{nodes}"), PORT[nodes], nodes) as env:
        yield env, nodes


@pytest.fixture(scope="module")
def kazakhstan(tmp_path_factory):
    """Thirty copies of the Kazakhstan coverage within one day (inside the dedup horizon)."""
    return synthetic_archive(tmp_path_factory.mktemp("kz") / "kz.jsonl", 30, days_between_rounds=0,
                             exclude=("sample-id-banjir", "sample-id-demo", "sample-en-strike"))


def _env(base: dict, name: str, processing: str) -> dict:
    return dict(base, KABAR_TOPIC_PREFIX=f"{base['KABAR_TOPIC_PREFIX']}{name}.",
                KABAR_APP_ID=f"{base['KABAR_APP_ID']}-{name}", KABAR_PARTITIONS="1", KABAR_PROCESSING=processing)


def _summary(state: dict[str, dict]) -> dict[str, tuple]:
    return {i: (e["type"], e["country"], e["date"], e["place"], tuple(sorted(e["articles"])),
                tuple(sorted(e["counts"].items()))) for i, e in state.items()}


@pytest.mark.parametrize("processing", ["at_least_once", "exactly_once"])
def test_a_broker_sigkilled_mid_replay_and_brought_back_loses_and_doubles_nothing(cluster, kazakhstan, processing):
    base, nodes = cluster
    archive_ids = [orjson.loads(line)["id"] for line in kazakhstan.read_bytes().splitlines() if line.strip()]
    reference_env = _env(base, f"ref-{processing}", processing)
    w = Worker(reference_env, "reference").start()
    try:
        kabar(reference_env, "replay", str(kazakhstan))
        reference = settle_events(reference_env)
    finally:
        w.stop()

    env = _env(base, f"kill-{processing}", processing)
    worker = Worker(env, "through-the-kill").start()
    try:
        # Paced replay (half a day of news in ~18 s); the kill lands once a few articles are in.
        replay_log = Path(env["KABAR_HOME"]) / f"replay-{processing}.log"
        replay = subprocess.Popen([sys.executable, "-m", "streams.cli", "replay", str(kazakhstan), "--speed", "2500"],
                                  env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=replay_log.open("wb"))
        end = time.monotonic() + 120
        while len(read_topic(env, "articles.raw", timeout=0.5)) < 5 and time.monotonic() < end:
            time.sleep(0.2)
        victim = leader_of(env, "articles.raw")
        assert replay.poll() is None, "the replay finished before the broker was killed"
        kill_node(env, victim, nodes)
        kabar(env, "broker", "start")  # starts the killed node again, leaves the others be
        assert replay.wait(timeout=180) == 0, f"the replay failed:\n{replay_log.read_text()[-3000:]}"
        state = settle_events(env, expect_articles=mentions(reference))
        assert worker.proc.poll() is None, "the worker died with the broker"
    finally:
        worker.stop()

    raw = Counter(orjson.loads(v)["id"] for v in read_committed(env, "articles.raw"))
    assert raw.keys() == set(archive_ids), "articles lost on the way in"
    assert max(raw.values()) == 1, f"articles written twice: {[i for i, n in raw.items() if n > 1]}"
    assert _summary(state) == _summary(reference)
    for event in state.values():
        assert len(event["articles"]) == len(set(event["articles"])), f"{event['id']} counts a mention twice"
    # Every state a reader saw: revisions in order, and one revision never sent with two contents
    # (the same state twice is allowed: see the known limit in test_exactly_once.py).
    revisions: dict[str, list[int]] = {}
    states: dict[tuple[str, int], dict] = {}
    changed = set()
    for value in read_committed(env, "events"):
        event = orjson.loads(value)
        revisions.setdefault(event["id"], []).append(event["revision"])
        if states.setdefault((event["id"], event["revision"]), event) != event:
            changed.add((event["id"], event["revision"]))
    assert revisions.keys() == reference.keys()
    assert not {i: r for i, r in revisions.items() if r != sorted(r)}, "states out of order"
    assert not changed, f"one revision of an event sent with two different states: {sorted(changed)}"
