"""Stopping is prompt on the real broker (issue 11): `kabar run`, `kabar worker` and `kabar ingest`
exit within ten seconds of SIGINT or SIGTERM and leave no process behind.

`kabar run` is pointed at the broker as at an existing cluster, so it starts and stops no broker
(the one `make test` runs is not its to stop). A broker that is gone cannot be had here without
stopping that one: tests/unit/test_stop.py covers it with a stand-in.
"""

from __future__ import annotations

import sys

import pytest

from streams import broker
from streams.settings import from_env
from tests.support import free_port
from tests.unit.test_stop import STOP_SIGNALS, Command, silent_server


def _as_existing_cluster(env: dict[str, str]) -> dict[str, str]:
    """The same broker, named so that `kabar run` neither starts nor stops it."""
    host, port = from_env(env).bootstrap_servers.split(",")[0].rsplit(":", 1)
    name = "localhost" if host == "127.0.0.1" else host
    return dict(env, KAFKA_BROKER=f"kafka://{name}:{port}", KABAR_WEB_PORT=str(free_port()))


@pytest.mark.parametrize("sig", STOP_SIGNALS, ids=lambda s: s.name)
def test_run_stops_everything_within_ten_seconds(sig, pipeline_env, tmp_path):
    env = _as_existing_cluster(pipeline_env)
    run = Command([sys.executable, "-m", "streams.cli", "run", "--no-feeds", "--desk-port", str(free_port())],
                  env, tmp_path / "run.log", has_children=True)
    run.wait_until(lambda: "Kabar is running" in run.output(), "running", timeout=300)
    assert run.stop(sig) == [], run.output()[-3000:]
    assert broker.reachable(from_env(env)), "kabar run stopped a broker it had not started"


@pytest.mark.parametrize("sig", STOP_SIGNALS, ids=lambda s: s.name)
def test_worker_stops_within_ten_seconds(sig, pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_WEB_PORT=str(free_port()), KABAR_NLP_PROCESSES="1")
    worker = Command([sys.executable, "-m", "streams.cli", "worker", "--loglevel", "info"], env,
                     tmp_path / "worker.log", has_children=True)  # its NLP process
    worker.wait_until(lambda: "Ready" in worker.output(), "ready", timeout=300)
    assert worker.stop(sig) == [], worker.output()[-3000:]


@pytest.mark.parametrize("sig", STOP_SIGNALS, ids=lambda s: s.name)
def test_ingest_stops_within_ten_seconds_while_its_feeds_do_not_answer(sig, pipeline_env, tmp_path):
    with silent_server() as (port, connections):
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feed]]\nurl = "http://127.0.0.1:{port}/feed.xml"\n')
        ingest = Command([sys.executable, "-m", "streams.cli", "ingest", "--config", str(feeds), "--allow-private"],
                         pipeline_env, tmp_path / "ingest.log")
        ingest.wait_until(lambda: bool(connections), "fetching the feed")
        assert ingest.stop(sig) == [], ingest.output()[-3000:]
