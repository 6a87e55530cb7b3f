"""``kabar tail TOPIC``: print a topic's records as JSON lines.

Reads every partition without joining a consumer group (so it never steals
partitions from a worker). For ``events`` each line is the event object
itself. Exits after ``--timeout`` seconds without a new record.
"""

from __future__ import annotations

import sys

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.admin import kafka_auth
from streams.settings import Settings
from streams.timeutil import epoch_ms


async def tail(topic: str, settings: Settings, *, from_beginning: bool = False, since: str | None = None,
               timeout: float | None = None, out=sys.stdout, limit: int | None = None) -> int:
    name = settings.topic(topic)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                group_id=None, isolation_level="read_committed", **kafka_auth(settings))
    await consumer.start()
    printed = 0
    try:
        parts = consumer.partitions_for_topic(name)
        if parts is None:
            await consumer._client.force_metadata_update()
            parts = consumer.partitions_for_topic(name)
        if not parts:
            raise LookupError(f"topic {name!r} does not exist on {settings.bootstrap_servers}")
        tps = [TopicPartition(name, p) for p in sorted(parts)]
        consumer.assign(tps)
        if since:
            offsets = await consumer.offsets_for_times({tp: epoch_ms(since) for tp in tps})
            ends = await consumer.end_offsets(tps)
            for tp in tps:
                consumer.seek(tp, offsets[tp].offset if offsets[tp] else ends[tp])
        elif from_beginning:
            await consumer.seek_to_beginning(*tps)
        else:
            await consumer.seek_to_end(*tps)
        while limit is None or printed < limit:
            batch = await consumer.getmany(timeout_ms=int((timeout or 3600) * 1000))
            if not batch:
                break
            for records in batch.values():
                for rec in records:
                    out.write(_line(rec.value) + "\n")
                    printed += 1
            out.flush()
    finally:
        await consumer.stop()
    return printed


def _line(value: bytes | None) -> str:
    if value is None:
        return "null"
    try:
        return orjson.dumps(orjson.loads(value)).decode()
    except orjson.JSONDecodeError:
        return orjson.dumps({"undecodable": value[:500].decode("utf-8", errors="replace")}).decode()
