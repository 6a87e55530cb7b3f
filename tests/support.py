"""Helpers and fixtures for the tests on the real broker (integration, e2e).

They run on the broker that `make test` starts and FAIL, never skip, without it.

Each test session gets its own topic prefix and app id, so runs never see each
other's records or state. The worker is the real `kabar worker` in a subprocess.
"""

from __future__ import annotations

import asyncio
import io
import os
import socket
import subprocess
import sys
import time
import uuid
import urllib.request
from pathlib import Path

import orjson
import pytest

from streams import broker
from streams.settings import from_env
from streams.tail import tail

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    """A `kabar worker` subprocess with its own web port and state folder."""

    def __init__(self, env: dict[str, str], name: str = "w1"):
        self.env = dict(env, KABAR_WEB_PORT=str(free_port()))
        self.name = name
        self.proc: subprocess.Popen | None = None
        self.log = Path(env["KABAR_HOME"]) / f"worker-{name}.log"

    def start(self, timeout: float = 90) -> "Worker":
        """Start, and return once the worker owns partitions and is not rebalancing."""
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker", "--loglevel", "info"],
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
