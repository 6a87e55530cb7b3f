"""``kabar sink PATH``: keep the store at PATH in step with the ``events`` topic.

Every partition of ``events`` is read (no consumer group, so the sink never takes
partitions from anyone), committed records only, from the offsets the store holds.
Each fetched batch is applied in one transaction with the offsets after it
(``tables.apply``), so a restart, however the sink stopped, resumes exactly there.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.admin import kafka_auth
from streams.codec import DecodeError, decode
from streams.progress import Progress
from streams.settings import Settings
from streams.store.tables import apply, open_store, stored_offsets
from streams.topics import EVENTS

#: seconds one fetch waits for records; also how soon a stop request is seen
FETCH_WAIT = 1.0


@dataclass
class SinkResult:
    upserts: int = 0
    #: records that are not events (undecodable, tombstones): reported and passed over
    skipped: int = 0


async def sink(conn: duckdb.DuckDBPyConnection, consumer: AIOKafkaConsumer, settings: Settings, stop: asyncio.Event,
               *, until_idle: bool = False, progress: Progress | None = None) -> SinkResult:
    """Apply ``events`` to the store with ``consumer`` (started here, stopped on return) until ``stop``
    is set or, with ``until_idle``, until every partition is read to its end."""
    topic = settings.topic(EVENTS.name)
    result = SinkResult()
    try:
        await consumer.start()
        tps = await _partitions(consumer, topic, settings)
        consumer.assign(tps)
        resume = stored_offsets(conn, topic)
        for tp in tps:
            if tp.partition in resume:
                consumer.seek(tp, resume[tp.partition])
            else:
                await consumer.seek_to_beginning(tp)
        print(f"kabar sink: reading {topic} ({len(tps)} partitions, {len(resume)} resumed from the store)",
              file=sys.stderr, flush=True)
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=int(FETCH_WAIT * 1000))
            if not batch:
                if until_idle and await _caught_up(consumer, tps):
                    break
                continue
            events, next_offsets = [], {}
            for tp, records in batch.items():
                for record in records:
                    try:
                        events.append(decode(EVENTS, record.value))
                    except DecodeError as exc:
                        result.skipped += 1
                        print(f"kabar sink: skipped {topic} partition {tp.partition} offset {record.offset}: {exc}",
                              file=sys.stderr)
                next_offsets[tp.partition] = records[-1].offset + 1
            upserted = apply(conn, events, topic=topic, next_offsets=next_offsets)
            result.upserts += upserted
            if progress:
                progress.update(upserted)
    finally:
        await consumer.stop()
    return result


async def _partitions(consumer: AIOKafkaConsumer, topic: str, settings: Settings) -> list[TopicPartition]:
    parts = consumer.partitions_for_topic(topic)
    if not parts:
        await consumer._client.force_metadata_update()
        parts = consumer.partitions_for_topic(topic)
    if not parts:
        raise LookupError(f"topic {topic!r} does not exist on {settings.bootstrap_servers}: "
                          "start a worker (`kabar worker`) and replay something (`kabar replay`) first")
    return [TopicPartition(topic, p) for p in sorted(parts)]


async def _caught_up(consumer: AIOKafkaConsumer, tps: list[TopicPartition]) -> bool:
    ends = await consumer.end_offsets(tps)
    for tp in tps:
        if await consumer.position(tp) < ends[tp]:
            return False
    return True


def run(path: Path, settings: Settings, *, until_idle: bool) -> SinkResult:
    """Run the sink on the store at ``path`` until SIGINT/SIGTERM (or caught up, with ``until_idle``)."""

    async def main() -> SinkResult:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                    group_id=None, isolation_level="read_committed", **kafka_auth(settings))
        return await sink(conn, consumer, settings, stop, until_idle=until_idle, progress=progress)

    conn = open_store(path)
    progress = Progress(None, "kabar sink: upserts")
    try:
        result = asyncio.run(main())
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        progress.close(f"({result.skipped} records skipped); {events} events in {path}")
        return result
    finally:
        conn.close()
