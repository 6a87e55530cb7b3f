"""Helpers and fixtures for the tests on the real broker (integration, e2e).

They run on the broker that `make test` starts and FAIL, never skip, without it. Tests that
kill brokers start their own instead (``own_broker``), on their own ports.

Each test session gets its own topic prefix and app id, so runs never see each
other's records or state. The worker is the real `kabar worker` in a subprocess.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
import time
import uuid
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams import broker
from streams.broker import free_port
from streams.admin import kafka_auth
from streams.settings import from_env
from streams.tail import tail

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def pipeline_env(tmp_path_factory) -> dict[str, str]:
    """Environment of an isolated pipeline on the shared broker."""
    run = uuid.uuid4().hex[:8]
    env = dict(os.environ)
    env.update(KABAR_TOPIC_PREFIX=f"it-{run}.", KABAR_APP_ID=f"kabar-it-{run}",
               KABAR_HOME=str(tmp_path_factory.mktemp("kabar-home")))
    settings = from_env(env)
    if not broker.reachable(settings):
        pytest.fail(f"no Kafka broker answers at {settings.bootstrap_servers}: run the suite with `make test`, "
                    "which starts it", pytrace=False)
    return env


class Worker:
    """A `kabar worker` subprocess with its own web port and state folder; ``module``: the module
    run as `kabar` (a test's variant with a fault injected)."""

    def __init__(self, env: dict[str, str], name: str = "w1", module: str = "streams.cli"):
        self.env = dict(env, KABAR_WEB_PORT=str(free_port()))
        self.name = name
        self.module = module
        self.proc: subprocess.Popen | None = None
        self.log = Path(env["KABAR_HOME"]) / f"worker-{name}.log"

    def start(self, timeout: float = 90) -> "Worker":
        """Start, and return once the worker owns partitions and is not rebalancing."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([sys.executable, "-m", self.module, "worker", "--loglevel", "info"],
                                     env=self.env, cwd=ROOT, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            try:
                if self.ready():
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"worker not ready in {timeout}s:\n{self.log.read_text()[-3000:]}")

    def _page(self) -> dict:
        url = f"http://127.0.0.1:{self.env['KABAR_WEB_PORT']}/kabar/stats/"
        return orjson.loads(urllib.request.urlopen(url, timeout=5).read())

    def ready(self) -> bool:
        worker = self._page()["worker"]
        return worker["assigned_partitions"] > 0 and not worker["rebalancing"]

    def assigned(self) -> int:
        return self._page()["worker"]["assigned_partitions"]

    def stats(self) -> dict:
        """Per-stage counters (in, out, dead, repeat...)."""
        return self._page()["stages"]

    def stop(self, sig: str = "TERM") -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(15 if sig == "TERM" else 9)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def worker(pipeline_env):
    w = Worker(pipeline_env).start()
    yield w
    w.stop()


def kabar(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "streams.cli", *args], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"kabar {' '.join(args)} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


def read_topic(env: dict[str, str], topic: str, timeout: float = 3.0) -> list[dict]:
    """Every record of a topic (without prefix) so far, decoded."""
    out = io.StringIO()
    asyncio.run(tail(topic, from_env(env), from_beginning=True, timeout=timeout, out=out))
    return [orjson.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def wait_for(env, topic: str, predicate, timeout: float = 90.0, settle: float = 3.0) -> list[dict]:
    """Read ``topic`` until ``predicate(records)`` holds; return the records."""
    end = time.monotonic() + timeout
    records: list[dict] = []
    while time.monotonic() < end:
        records = read_topic(env, topic, timeout=settle)
        if predicate(records):
            return records
    raise AssertionError(f"{topic}: condition not met within {timeout}s; {len(records)} records: "
                         f"{[r.get('id') for r in records][:30]}")


def latest_events(records: list[dict]) -> dict[str, dict]:
    """The compacted view: the last upsert of each event id."""
    latest: dict[str, dict] = {}
    for r in records:
        latest[r["id"]] = r
    return latest


@contextmanager
def own_broker(home: Path, port: int, nodes: int) -> Iterator[dict[str, str]]:
    """A local broker of ``nodes`` nodes that the test starts itself, in ``home`` and on the ports
    from ``port`` (``KABAR_BROKER_PORT``), and stops at the end: tests that kill brokers leave the
    shared one alone. Yields the environment of an isolated pipeline on it, whose clients know
    every node (so one may start while any node is down)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("KAFKA_", "KABAR_"))}
    run = uuid.uuid4().hex[:8]
    env.update(KABAR_HOME=str(home), KABAR_BROKER_PORT=str(port), KABAR_TOPIC_PREFIX=f"it-{run}.",
               KABAR_APP_ID=f"kabar-it-{run}")
    settings = from_env(env)
    env["KAFKA_BROKER"] = ";".join(f"kafka://127.0.0.1:{settings.node_port(n)}" for n in range(1, nodes + 1))
    try:
        kabar(env, "broker", "start", "--nodes", str(nodes))
        yield env
    finally:
        kabar(env, "broker", "stop", check=False)


def kill_node(env: dict[str, str], node: int, nodes: int) -> None:
    """SIGKILL node ``node`` of the test's own ``nodes``-node broker; return once it is gone."""
    settings = from_env(env)
    pid = broker.node_pid(settings, node, nodes)
    assert pid is not None, f"node {node} of the test's broker is not running"
    os.kill(pid, signal.SIGKILL)
    end = time.monotonic() + 30
    while broker.node_pid(settings, node, nodes) is not None:
        assert time.monotonic() < end, f"node {node} (pid {pid}) still runs 30 s after SIGKILL"
        time.sleep(0.2)


def leader_of(env: dict[str, str], topic: str, partition: int = 0) -> int:
    """The node that leads a partition of ``topic`` (without prefix)."""

    async def describe() -> int:
        settings = from_env(env)
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
        await admin.start()
        try:
            [described] = await admin.describe_topics([settings.topic(topic)])
            return next(p["leader"] for p in described["partitions"] if p["partition"] == partition)
        finally:
            await admin.close()

    return asyncio.run(describe())


def read_committed(env: dict[str, str], topic: str) -> list[bytes]:
    """The values of ``topic`` (without prefix) as a ``read_committed`` consumer sees them (records
    of an aborted or still open transaction left out), partition after partition, in log order."""

    async def read() -> list[bytes]:
        settings = from_env(env)
        consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, group_id=None,
                                    enable_auto_commit=False, isolation_level="read_committed",
                                    **kafka_auth(settings))
        await consumer.start()
        try:
            name = settings.topic(topic)
            await consumer._client.force_metadata_update()
            tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            ends = await consumer.end_offsets(tps)  # read_committed: the last stable offsets
            values: dict[TopicPartition, list[bytes]] = {tp: [] for tp in tps}
            deadline = time.monotonic() + 30
            while not all([await consumer.position(tp) >= ends[tp] for tp in tps]):
                assert time.monotonic() < deadline, f"{name}: could not read up to {ends} in 30 s"
                for tp, records in (await consumer.getmany(timeout_ms=1000)).items():
                    values[tp] += [r.value for r in records]
            return [v for tp in tps for v in values[tp]]
        finally:
            await consumer.stop()

    return asyncio.run(read())


def committed_offset(env: dict[str, str], topic: str, partition: int = 0) -> int | None:
    """The offset the worker's consumer group committed on ``topic`` (without prefix), or None."""

    async def read() -> int | None:
        settings = from_env(env)
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
        await admin.start()
        try:
            tp = TopicPartition(settings.topic(topic), partition)
            offsets = await admin.list_consumer_group_offsets(settings.group_id, partitions=[tp])
        finally:
            await admin.close()
        meta = offsets.get(tp)
        return meta.offset if meta is not None and meta.offset >= 0 else None

    return asyncio.run(read())


def committed_events(env: dict[str, str]) -> dict[str, dict]:
    """The latest state of each event, as a ``read_committed`` reader of ``events`` sees it."""
    return latest_events([orjson.loads(v) for v in read_committed(env, "events")])


def mentions(state: dict[str, dict]) -> set[str]:
    """The articles the events name."""
    return {a for e in state.values() for a in e["articles"]}


def settle_events(env: dict[str, str], expect_articles: set[str] | None = None, timeout: float = 240) -> dict[str, dict]:
    """Wait until the committed events stop changing (and, if given, mention these articles)."""
    end = time.monotonic() + timeout
    previous = None
    while time.monotonic() < end:
        state = committed_events(env)
        if state and state == previous and (expect_articles is None or expect_articles <= mentions(state)):
            return state
        previous = state
        time.sleep(4)
    missing = sorted((expect_articles or set()) - mentions(previous or {}))[:10]
    raise AssertionError(f"events did not settle within {timeout}s ({len(previous or {})} events, "
                         f"missing mentions: {missing}){where_articles_stopped(env, missing)}")


def where_articles_stopped(env: dict[str, str], ids: list[str]) -> str:
    """For a failure message: how far each of ``ids`` went through the committed topics, and which
    upserts of ``events`` named it before the last one of its event dropped it."""
    if not ids:
        return ""
    lines = []
    upserts = [orjson.loads(v) for v in read_committed(env, "events")]
    for topic in ("articles.raw", "articles.clean", "articles.enriched", "deadletter"):
        values = read_committed(env, topic)
        seen = {i for i in ids if any(i.encode() in v for v in values if v)}
        lines.append(f"{topic}: {', '.join(i for i in ids if i in seen) or 'none of them'}")
    for i in ids:
        named = [(n, u["id"]) for n, u in enumerate(upserts) if i in u["articles"]]
        lines.append(f"{i}: named by upserts {named[:8]} of {len(upserts)}")
    return "\n" + "\n".join(lines)
