"""A worker on a SASL/PLAIN listener processes the seed article (issue 11: SASL never reached the worker).

It runs on the SASL listener of the local broker, which `kabar broker start --sasl` opens; on its own
topic prefix and consumer group, so nothing another test sent is seen here.
"""

from __future__ import annotations

import os
import uuid

import pytest

from streams import broker
from streams.settings import from_env
from tests.integration.helpers import SEED, write_archive
from tests.support import Worker, kabar, latest_events, wait_for


@pytest.fixture(scope="module")
def sasl_env(tmp_path_factory) -> dict[str, str]:
    """An isolated pipeline's environment, every client on the local broker's SASL listener."""
    run = uuid.uuid4().hex[:8]
    port = broker.sasl_port(from_env())
    env = dict(os.environ, KAFKA_BROKER=f"kafka://127.0.0.1:{port}", KAFKA_SASL_PROTOCOL="SASL_PLAINTEXT",
               KAFKA_SASL_USERNAME=broker.LOCAL_SASL_USERNAME, KAFKA_SASL_PASSWORD=broker.LOCAL_SASL_PASSWORD,
               KABAR_TOPIC_PREFIX=f"sasl-{run}.", KABAR_APP_ID=f"kabar-sasl-{run}",
               KABAR_HOME=str(tmp_path_factory.mktemp("kabar-sasl-home")))
    if not broker.reachable(from_env(env)):
        pytest.fail(f"no SASL/PLAIN listener answers on 127.0.0.1:{port}: restart the broker with "
                    "`kabar broker stop && kabar broker start --sasl`", pytrace=False)
    return env


def test_the_listener_refuses_a_wrong_password_and_no_password(sasl_env):
    assert not broker.reachable(from_env(dict(sasl_env, KAFKA_SASL_PASSWORD="wrong")))
    anonymous = {k: v for k, v in sasl_env.items() if k not in ("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD")}
    assert not broker.reachable(from_env(anonymous))


def test_a_worker_on_the_sasl_listener_processes_the_seed_article(sasl_env, tmp_path):
    worker = Worker(sasl_env, name="sasl").start()
    try:
        kabar(sasl_env, "replay", str(write_archive(tmp_path / "seed.jsonl", SEED)))
        records = wait_for(sasl_env, "events",
                           lambda r: any(SEED in e["articles"] for e in latest_events(r).values()))
        assert any(e["type"] == "PROTEST" and e["place"] == "Almaty" for e in latest_events(records).values())
        assert worker.stats()["normalize"]["in"] >= 1
    finally:
        worker.stop()
