"""Offsets an agent sees must follow each other; what Faust skipped is read again.

A restarted worker, slow on its first message after an assignment, was seen
to be handed offset 20, then 22 (21 never came), then 29 twice: with
at-least-once or exactly-once alike, the skipped article was lost. So the
stages that carry articles check, per partition, that each offset follows
the one before. On a gap they read the missing offsets straight from the
broker and handle them first, in order; a read that fails is tried again
until the broker answers, the message after the gap held unacknowledged
meanwhile (``handling``). A gap can also be legitimate (the
control records of Kafka transactions take offsets): reading it back then
finds nothing. An offset at or before the last one is a redelivery (a seek
back after a rebalance) and is handled as usual: the stages are idempotent.

A skip at the end of a partition leaves no later message to reveal it. So a
partition whose committed offset stays behind the end of its log while
nothing comes for ``STALL_SECONDS`` (``Stalls``), and which has records
there (not only a transaction's commit marker), is fetched again from the
committed offset: what was skipped, or never acknowledged, comes again.

A rebalance drops the messages an agent holds unacknowledged (the cluster
stage's waiting upserts, the messages queued for an agent) while the worker
may keep the partition. On a partition with nothing committed Faust's commit
has no gap check (``Consumer._new_offset`` compares the acknowledged offsets
with the committed one only when there is one): had the consumer gone on past
the dropped messages, the next acknowledgements would commit past them and
they would never be handled. So the worker notes what each agent was handed
and has not acknowledged (``InFlight``) and, on each assignment, seeks the
partitions it keeps back to the first of them, and expects that offset next:
had the consumer reset the partition after the seek, what it delivers first
is a gap, read back.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from types import SimpleNamespace

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from streams.admin import kafka_auth
from streams.settings import Settings

log = logging.getLogger("kabar.continuity")
#: seconds to wait for the broker while reading a gap back
READ_TIMEOUT = 10.0
#: how long the broker may hold a read-back fetch waiting for more records (aiokafka's default is 500 ms)
READ_FETCH_WAIT_MS = 5
#: seconds a partition stays quiet, its committed offset behind the end of its log, before it is fetched again
STALL_SECONDS = 10.0


@dataclass
class Skipped:
    """A record read back from the broker, shaped like the Faust event the agent would have had."""

    key: bytes | None
    value: bytes | None
    message: SimpleNamespace


class Continuity:
    """The next offset expected on each partition of one topic, and when each last had a message."""

    def __init__(self, topic: str = "", clock=time.monotonic) -> None:
        self.topic = topic
        self.expected: dict[int, int] = {}
        self._clock = clock
        self._last: dict[int, float] = {}
        self._since = clock()

    def gap(self, partition: int, offset: int) -> range:
        """The offsets skipped before ``offset`` (empty when none), and ``offset`` noted as seen."""
        expected = self.expected.get(partition)
        self.expected[partition] = offset + 1
        self._last[partition] = self._clock()
        if expected is None or offset <= expected:
            return range(0)
        return range(expected, offset)

    def quiet_for(self, partition: int) -> float:
        """Seconds since the partition's last message (or since the last rebalance)."""
        return self._clock() - self._last.get(partition, self._since)

    def forget(self) -> None:
        """After a rebalance: the next offset of each partition is whatever comes first."""
        self.expected.clear()
        self._last.clear()
        self._since = self._clock()

    def resume(self, partition: int, offset: int) -> None:
        """After a rebalance, a partition kept with messages it dropped: ``offset`` comes next. The
        worker seeks back to it, but the consumer's own thread may reset the partition after that
        seek (to the end of the log when nothing is committed): what then comes first is a gap,
        read back like any other, not a new start."""
        self.expected[partition] = offset


class InFlight:
    """The offsets each partition's agent was handed and has not acknowledged, by (topic, partition)."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, int], set[int]] = {}
        self._next: dict[tuple[str, int], int] = {}

    def taken(self, topic: str, partition: int, offset: int) -> None:
        self._open.setdefault((topic, partition), set()).add(offset)
        self._next[(topic, partition)] = max(self._next.get((topic, partition), 0), offset + 1)

    def acked(self, topic: str, partition: int, offset: int) -> None:
        self._open.get((topic, partition), set()).discard(offset)

    def resume_points(self) -> dict[tuple[str, int], int]:
        """Where each partition must go on after a rebalance: its first offset handed and not
        acknowledged, else the one after the last handed (what came after it was at most queued
        for the agent, and dropped)."""
        return {tp: min(self._open[tp], default=after) for tp, after in self._next.items()}

    def forget(self) -> None:
        """After an assignment: the partitions start again from their resume points."""
        self._open.clear()
        self._next.clear()


class Stalls:
    """Which quiet partitions to look at, each state (committed offset, end of log) once per
    assignment: the end of a transactional log is a commit marker that no fetch returns. A
    rebalance starts afresh (``forget``): the consumer may go on from where it was in a partition
    it keeps or gets back, past messages the rebalance dropped, and only a fetch from the committed
    offset gives them again. Remembered across it, a state tried before the rebalance (a worker
    whose commits lag, quiet at its committed offset) left them never handled."""

    def __init__(self) -> None:
        self._tried: set[tuple] = set()

    def forget(self) -> None:
        self._tried.clear()

    def stalled(self, tp: tuple, committed: int | None, end: int | None, quiet_for: float) -> bool:
        if end is None or quiet_for < STALL_SECONDS or (committed or 0) >= end:
            return False
        state = (tp, committed, end)
        if state in self._tried:
            return False
        self._tried.add(state)
        return True


class ReadBack:
    """Reads records of given offsets straight from the broker (one consumer, made on first use).

    Under ``exactly_once`` every transaction commit leaves a marker offset in each partition it
    wrote, so the agents downstream meet a gap about once a second a partition, and each is read
    back here while the message after it waits. A read must not wait behind a fetch of the read
    before: a partition left assigned is fetched again and again at the end of its log, each fetch
    held by the broker until data comes or ``fetch_max_wait_ms`` passes, and a connection answers
    its requests in order, so with aiokafka's 500 ms each read-back took up to half a second (the
    agents of ``articles.clean`` and ``articles.enriched`` spent most of their time there in
    ``kabar bench``). So the consumer asks for short fetches and pauses the partition once read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._consumer: AIOKafkaConsumer | None = None
        self._admin: AIOKafkaAdminClient | None = None
        self._reading = asyncio.Lock()  # one consumer: one read at a time

    async def committed(self, group: str, partitions: list[TopicPartition]) -> dict[TopicPartition, int | None]:
        """The offsets ``group`` committed for ``partitions`` (None where it committed none)."""
        if self._admin is None:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.settings.bootstrap_servers, **kafka_auth(self.settings))
            await admin.start()
            self._admin = admin
        offsets = await self._admin.list_consumer_group_offsets(group, partitions=partitions)
        return {TopicPartition(tp.topic, tp.partition): (meta.offset if meta.offset >= 0 else None)
                for tp, meta in offsets.items()}

    async def read(self, topic: str, partition: int, offsets: range, limit: int | None = None) -> list[Skipped]:
        """The records of ``topic[partition]`` at ``offsets`` (those that exist: none for the
        offsets of transaction markers), or the first ``limit`` of them."""
        async with self._reading:
            return await self._read(topic, partition, offsets, limit)

    async def _read(self, topic: str, partition: int, offsets: range, limit: int | None) -> list[Skipped]:
        if self._consumer is None:
            consumer = AIOKafkaConsumer(bootstrap_servers=self.settings.bootstrap_servers, group_id=None,
                                        enable_auto_commit=False, isolation_level="read_committed",
                                        fetch_max_wait_ms=READ_FETCH_WAIT_MS, **kafka_auth(self.settings))
            await consumer.start()
            self._consumer = consumer
        consumer = self._consumer
        tp = TopicPartition(topic, partition)
        consumer.assign([tp])
        consumer.seek(tp, offsets.start)
        found: list[Skipped] = []
        deadline = time.monotonic() + READ_TIMEOUT
        try:
            while await consumer.position(tp) < offsets.stop and (limit is None or len(found) < limit):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{topic}[{partition}]: offsets {offsets.start}-{offsets.stop - 1} not read "
                                       f"within {READ_TIMEOUT:.0f}s")
                batch = await consumer.getmany(tp, timeout_ms=1000)
                found += [Skipped(r.key, r.value, SimpleNamespace(topic=topic, partition=partition, offset=r.offset))
                          for r in batch.get(tp, ()) if r.offset in offsets]
        finally:
            consumer.pause(tp)  # no more fetches until the next read assigns a partition afresh
        return found[:limit]

    async def close(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None
        if self._admin is not None:
            await self._admin.close()
            self._admin = None
