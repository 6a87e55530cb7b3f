"""The sink's loop on a stand-in consumer: it resumes from the offsets in the store, applies each
record once, passes over what is not an event, and stops when asked or when caught up."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import orjson
from aiokafka import TopicPartition

from streams.codec import encode
from streams.records import Event
from streams.settings import Settings
from streams.store.sink import sink
from streams.store.tables import open_store, stored_offsets

SETTINGS = Settings(topic_prefix="t.")
TOPIC = "t.events"


@dataclass
class Message:
    offset: int
    value: bytes | None


class Consumer:
    """What the sink uses of AIOKafkaConsumer, over in-memory partitions; fetches two records at a time."""

    def __init__(self, partitions: dict[int, list[bytes | None]]):
        self.logs = partitions
        self.positions: dict[TopicPartition, int] = {}
        self.seeks: dict[int, int] = {}
        self.stopped = False

    async def start(self):
        pass

    def partitions_for_topic(self, topic):
        return set(self.logs) if topic == TOPIC else None

    def assign(self, tps):
        self.positions = {tp: 0 for tp in tps}

    def seek(self, tp, offset):
        self.positions[tp] = self.seeks[tp.partition] = offset

    async def seek_to_beginning(self, tp):
        self.seek(tp, 0)

    async def getmany(self, timeout_ms):
        batch = {}
        for tp, position in self.positions.items():
            records = [Message(o, v) for o, v in enumerate(self.logs[tp.partition])][position:position + 2]
            if records:
                batch[tp] = records
                self.positions[tp] = records[-1].offset + 1
        return batch

    async def end_offsets(self, tps):
        return {tp: len(self.logs[tp.partition]) for tp in tps}

    async def position(self, tp):
        return self.positions[tp]

    async def stop(self):
        self.stopped = True


def event(i: int, revision: int = 1) -> bytes:
    return encode(Event(id=f"ev{i}", type="PROTEST", country="KZ", date="2022-01-05", revision=revision,
                        articles=[f"a{i}"], mentions=1))


def run(conn, consumer, stop: asyncio.Event | None = None):
    return asyncio.run(sink(conn, consumer, SETTINGS, stop or asyncio.Event(), until_idle=True))


def test_a_second_run_reads_only_what_came_after_the_first(tmp_path):
    logs = {0: [event(1), event(2), event(1, revision=2)], 1: [event(3)]}
    conn = open_store(tmp_path / "kabar.duckdb")
    first = Consumer(logs)
    assert run(conn, first).upserts == 4 and first.stopped  # ev1 twice: its second state came in a later fetch
    assert stored_offsets(conn, TOPIC) == {0: 3, 1: 1}
    assert first.seeks == {0: 0, 1: 0}

    logs[1].append(event(4))
    second = Consumer(logs)
    result = run(conn, second)
    assert second.seeks == {0: 3, 1: 1} and result.upserts == 1
    rows = conn.execute("SELECT id, revision FROM events ORDER BY id").fetchall()
    assert rows == [("ev1", 2), ("ev2", 1), ("ev3", 1), ("ev4", 1)]


def test_records_that_are_not_events_are_passed_over_and_not_read_again(tmp_path, capsys):
    conn = open_store(tmp_path / "kabar.duckdb")
    result = run(conn, Consumer({0: [b"not json", None, orjson.dumps({"id": "x"}), event(1)]}))
    assert (result.upserts, result.skipped) == (1, 3)
    assert stored_offsets(conn, TOPIC) == {0: 4}
    assert "skipped t.events partition 0 offset 0: invalid-json" in capsys.readouterr().err


def test_a_stop_request_ends_the_run_before_the_next_fetch(tmp_path):
    conn = open_store(tmp_path / "kabar.duckdb")
    stop = asyncio.Event()
    stop.set()
    consumer = Consumer({0: [event(1)]})
    assert run(conn, consumer, stop).upserts == 0 and consumer.stopped
    assert stored_offsets(conn, TOPIC) == {}
