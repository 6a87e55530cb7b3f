"""Offsets an agent sees must follow each other; what Faust skipped is read again.

A restarted worker, slow on its first message after an assignment, was seen
to be handed offset 20, then 22 (21 never came), then 29 twice: with
at-least-once or exactly-once alike, the skipped article was lost. So the
stages that carry articles check, per partition, that each offset follows
the one before. On a gap they read the missing offsets straight from the
broker and handle them first, in order. A gap can also be legitimate (the
control records of Kafka transactions take offsets): reading it back then
finds nothing. An offset at or before the last one is a redelivery (a seek
back after a rebalance) and is handled as usual: the stages are idempotent.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from types import SimpleNamespace

from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.admin import kafka_auth
from streams.settings import Settings

log = logging.getLogger("kabar.continuity")
#: seconds to wait for the broker while reading a gap back
READ_TIMEOUT = 10.0


@dataclass
class Skipped:
    """A record read back from the broker, shaped like the Faust event the agent would have had."""

    key: bytes | None
    value: bytes | None
    message: SimpleNamespace


class Continuity:
    """The next offset expected on each partition of one topic."""

    def __init__(self) -> None:
        self.expected: dict[int, int] = {}

    def gap(self, partition: int, offset: int) -> range:
        """The offsets skipped before ``offset`` (empty when none), and ``offset`` noted as seen."""
        expected = self.expected.get(partition)
        self.expected[partition] = offset + 1
        if expected is None or offset <= expected:
            return range(0)
        return range(expected, offset)

    def forget(self) -> None:
        """After a rebalance: the next offset of each partition is whatever comes first."""
        self.expected.clear()


class ReadBack:
    """Reads records of given offsets straight from the broker (one consumer, made on first use)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._consumer: AIOKafkaConsumer | None = None

    async def read(self, topic: str, partition: int, offsets: range) -> list[Skipped]:
        """The records of ``topic[partition]`` at ``offsets`` (those that exist: none for the
        offsets of transaction markers)."""
        if self._consumer is None:
            consumer = AIOKafkaConsumer(bootstrap_servers=self.settings.bootstrap_servers, group_id=None,
                                        enable_auto_commit=False, isolation_level="read_committed",
                                        **kafka_auth(self.settings))
            await consumer.start()
            self._consumer = consumer
        consumer = self._consumer
        tp = TopicPartition(topic, partition)
        consumer.assign([tp])
        consumer.seek(tp, offsets.start)
        found: list[Skipped] = []
        deadline = time.monotonic() + READ_TIMEOUT
        while await consumer.position(tp) < offsets.stop:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{topic}[{partition}]: offsets {offsets.start}-{offsets.stop - 1} not read "
                                   f"within {READ_TIMEOUT:.0f}s")
            batch = await consumer.getmany(tp, timeout_ms=1000)
            found += [Skipped(r.key, r.value, SimpleNamespace(topic=topic, partition=partition, offset=r.offset))
                      for r in batch.get(tp, ()) if r.offset in offsets]
        return found

    async def close(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None
