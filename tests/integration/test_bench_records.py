"""``kabar bench`` counts what the worker wrote per article from the broker's end offsets."""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.admin import ensure_topics, kafka_auth
from streams.bench.pipeline import events_reader, records_per_topic
from streams.settings import from_env
from streams.topics import ALL_TOPICS


async def _count_after_writing(settings) -> dict[str, int]:
    await ensure_topics(settings)
    changelog = f"{settings.group_id}-cluster-state-changelog"  # as the worker's Faust app names it
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(changelog, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
    await producer.start()
    try:
        for i in range(3):
            await producer.send_and_wait(settings.topic("articles.raw"), b"{}", key=f"a{i}".encode())
        await producer.send_and_wait(changelog, b"{}", key=b"k")
    finally:
        await producer.stop()
    consumer = await events_reader(settings)
    try:
        return await records_per_topic(settings, consumer)
    finally:
        await consumer.stop()


def test_records_are_counted_per_topic_of_the_run_only(pipeline_env):
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=pipeline_env["KABAR_TOPIC_PREFIX"] + "records.",
               KABAR_APP_ID=pipeline_env["KABAR_APP_ID"] + "-records")
    totals = asyncio.run(_count_after_writing(from_env(env)))
    assert totals["articles.raw"] == 3
    assert totals["cluster-state-changelog"] == 1
    assert totals["events"] == 0
    # this run's topics by their plain names, and no other run's (the shared broker has many)
    assert set(totals) == {spec.name for spec in ALL_TOPICS} | {"cluster-state-changelog"}
