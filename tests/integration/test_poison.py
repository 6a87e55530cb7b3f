"""A poison message on every topic the agents read: one dead letter each, saying which stage, why, and
where the message is; the pipeline goes on.

The records go straight onto each topic, so each stage meets one: bytes that are not JSON everywhere,
a record that fails its schema on ``articles.raw``, and on ``articles.enriched`` a schema-valid article
that makes ``Clusterer.process`` raise (an event dated 9999-12-31: the matching window runs past the
calendar). The pipeline runs under its own topic prefix: garbage on ``events`` would trip other
modules' readers of the shared one.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass

import pytest
from aiokafka import AIOKafkaProducer

from streams.admin import kafka_auth
from streams.codec import encode
from streams.reasons import Reason
from streams.records import EnrichedArticle, ExtractedEvent
from streams.settings import from_env
from tests.integration.helpers import SEED, write_archive
from tests.support import Worker, kabar, wait_for

NOT_JSON = b"\x00\xffnot json at all"
FAR_FUTURE = encode(EnrichedArticle(
    id="poison-far-future", url="https://example.org/far-future", title="Protest in Almaty",
    text="Thousands protested fuel prices in Almaty.", published_at="2022-01-06T10:00:00Z", language="en",
    countries=["KZ"], events=[ExtractedEvent(type="PROTEST", country="KZ", date="9999-12-31")]))


@dataclass(frozen=True)
class Poison:
    topic: str
    key: bytes
    value: bytes
    stage: str
    reason: Reason
    detail: str  # how the dead letter's detail starts


POISONS = (
    Poison("articles.raw", b"poison-raw", NOT_JSON, "normalize", Reason.INVALID_JSON, ""),
    Poison("articles.raw", b"poison-raw-schema", b'{"id": "x", "url": 42}', "normalize", Reason.SCHEMA,
           "fails schema articles.raw"),
    Poison("articles.clean", b"poison-clean", NOT_JSON, "enrich", Reason.INVALID_JSON, ""),
    Poison("articles.enriched", b"KZ", NOT_JSON, "cluster", Reason.INVALID_JSON, ""),
    Poison("articles.enriched", b"KZ", FAR_FUTURE, "cluster", Reason.STAGE_ERROR, "ValueError: year 10000 is out of range"),
    Poison("events", b"poison-event", NOT_JSON, "alerts", Reason.INVALID_JSON, ""),
)


@pytest.fixture(scope="module")
def poison_env(pipeline_env):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "poison.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-poison")
    worker = Worker(env, "poison").start()
    yield env, worker
    worker.stop()


async def _produce(env: dict[str, str]) -> list[tuple[Poison, str, int, int]]:
    """Each poison, with the topic, partition and offset it landed at."""
    settings = from_env(env)
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
    await producer.start()
    try:
        landed = []
        for poison in POISONS:
            topic = settings.topic(poison.topic)
            meta = await producer.send_and_wait(topic, key=poison.key, value=poison.value)
            landed.append((poison, topic, meta.partition, meta.offset))
        return landed
    finally:
        await producer.stop()


def test_a_poison_message_on_every_topic_is_one_dead_letter_and_the_pipeline_goes_on(poison_env, tmp_path):
    env, worker = poison_env
    landed = asyncio.run(_produce(env))
    kabar(env, "replay", str(write_archive(tmp_path / "seed.jsonl", SEED)))

    def where(letter) -> tuple:
        return letter["topic"], letter["partition"], letter["offset"]

    expected = {(topic, partition, offset): poison for poison, topic, partition, offset in landed}
    letters = wait_for(env, "deadletter", lambda r: set(expected) <= {where(d) for d in r})
    per_message = Counter(where(d) for d in letters)
    for at, poison in expected.items():
        [letter] = [d for d in letters if where(d) == at]
        assert per_message[at] == 1, f"{poison.topic}: {per_message[at]} dead letters for one message"
        assert letter["stage"] == poison.stage
        assert letter["reason"] == poison.reason and letter["detail"].startswith(poison.detail), letter

    wait_for(env, "events", lambda r: any(SEED in e.get("articles", ()) for e in r))  # (the poison has no articles)
    # the alerts agent reads the seed's events too ("in" counts each message it decoded or tried to)
    end = time.monotonic() + 60
    while worker.stats().get("alerts", {}).get("in", 0) < 2 and time.monotonic() < end:
        time.sleep(0.5)
    assert worker.stats()["alerts"]["in"] >= 2, "the alerts agent stopped at the poison on `events`"
