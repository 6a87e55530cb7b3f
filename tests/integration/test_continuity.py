"""Reading back what Faust skipped: the records of a partition's offsets, straight from the broker."""

import asyncio

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.agents.continuity import ReadBack
from streams.settings import from_env


def test_skipped_offsets_are_read_back_in_order(pipeline_env):
    settings = from_env(pipeline_env)
    topic = settings.topic("continuity-test")

    async def run():
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
        await admin.start()
        try:
            await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
        finally:
            await admin.close()
        producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers)
        await producer.start()
        try:
            for i in range(6):
                await producer.send_and_wait(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), partition=0)
        finally:
            await producer.stop()
        reader = ReadBack(settings)
        try:
            return await reader.read(topic, 0, range(2, 5)), await reader.read(topic, 0, range(0, 1))
        finally:
            await reader.close()

    found, first = asyncio.run(run())
    assert [(r.message.offset, r.value) for r in first] == [(0, b"v0")]
    assert [(r.message.offset, r.key, r.value) for r in found] == [(2, b"k2", b"v2"), (3, b"k3", b"v3"), (4, b"k4", b"v4")]
    assert {(r.message.topic, r.message.partition) for r in found} == {(topic, 0)}
