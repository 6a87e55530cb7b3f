"""On the real broker, records on events and deadletter are CloudEvents in binary mode: a plain aiokafka
consumer decodes them with the cloudevents SDK, and Kafka's own console consumer prints their ce_ headers."""

from __future__ import annotations

import asyncio
import os
import subprocess

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from cloudevents.core.bindings.kafka import KafkaMessage, from_binary
from cloudevents.core.formats.json import JSONFormat

from streams.admin import kafka_auth
from streams.broker import CONSOLE_CONSUMER, tool_command
from streams.settings import Settings, from_env
from tests.integration.helpers import SEED, write_archive
from tests.support import Worker, kabar, wait_for


async def _raw_records(settings: Settings, topic: str) -> list:
    """Every record of ``topic`` (without prefix), headers included."""
    name = settings.topic(topic)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                group_id=None, isolation_level="read_committed", **kafka_auth(settings))
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()  # partitions_for_topic answers from fetched metadata only
        tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        records = []
        while batch := await consumer.getmany(timeout_ms=3000):
            records += [r for part in batch.values() for r in part]
        return records
    finally:
        await consumer.stop()


async def _send_raw(settings: Settings, topic: str, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
    await producer.start()
    try:
        await producer.send_and_wait(settings.topic(topic), key=b"not-an-article", value=value)
    finally:
        await producer.stop()


def _cloudevent(record):
    return from_binary(KafkaMessage(headers=dict(record.headers), key=record.key, value=record.value), JSONFormat())


def test_events_and_dead_letters_decode_as_cloudevents(pipeline_env, tmp_path):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "ce.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-ce")
    settings = from_env(env)
    worker = Worker(env, "ce").start()
    try:
        kabar(env, "replay", str(write_archive(tmp_path / "seed.jsonl", SEED)))
        asyncio.run(_send_raw(settings, "articles.raw", b"not an article"))
        wait_for(env, "events", lambda records: len(records) > 0)
        wait_for(env, "deadletter", lambda records: any(r["stage"] == "normalize" for r in records))
    finally:
        worker.stop()

    upserts = [_cloudevent(r) for r in asyncio.run(_raw_records(settings, "events"))]
    assert upserts
    assert {e.get_type() for e in upserts} == {"org.kabar.event.upsert"}
    assert {e.get_dataschema() for e in upserts} == {"https://kabar.dev/schemas/events.v1.json"}
    assert {e.get_source() for e in upserts} == {f"/kabar/{settings.group_id}"}
    assert len({e.get_id() for e in upserts}) == len(upserts)
    assert all(e.get_data()["id"] == e.get_extension("partitionkey") for e in upserts)

    letters = [_cloudevent(r) for r in asyncio.run(_raw_records(settings, "deadletter"))]
    normalize = [e for e in letters if e.get_data()["stage"] == "normalize"]
    assert normalize and {e.get_type() for e in normalize} == {"org.kabar.deadletter"}
    assert {e.get_dataschema() for e in normalize} == {"https://kabar.dev/schemas/deadletter.v1.json"}

    # Kafka's own kafka-console-consumer.sh (the class it runs, on the broker's jars) prints the headers.
    printed = subprocess.run(
        # the jars of the broker's own home (the tests' KABAR_HOME is a temporary folder)
        tool_command(from_env(os.environ), CONSOLE_CONSUMER, "--bootstrap-server", settings.bootstrap_servers,
                     "--topic", settings.topic("events"), "--from-beginning", "--max-messages", "1",
                     "--timeout-ms", "30000", "--property", "print.headers=true"),
        capture_output=True, text=True, timeout=120)
    assert printed.returncode == 0, (
        "the console consumer failed; a broker started before kafka-tools joined deploy/kafka/pom.xml lacks its "
        f"jar: `kabar broker stop && kabar broker start` resolves it\n{printed.stderr[-3000:]}")
    headers, value = printed.stdout.splitlines()[0].split("\t", 1)
    assert "ce_specversion:1.0" in headers
    assert "ce_type:org.kabar.event.upsert" in headers
    assert "ce_dataschema:https://kabar.dev/schemas/events.v1.json" in headers
    assert "content-type:application/json" in headers
    assert "ce_id:" in headers and "ce_time:" in headers and "ce_source:" in headers
    assert orjson.loads(value)["id"]
