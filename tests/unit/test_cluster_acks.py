"""When the cluster agent acknowledges a message: only once the upserts it caused are sent and the
state it wrote is on the changelog. Faust commits every acknowledged offset, and a worker killed
after a commit that came before its message's state reached the changelog restarts without that
article in its state and is never given it again: its mention is lost. And after a rebalance, where
the partitions a worker keeps go on: from the first message dropped unacknowledged."""

import asyncio
import inspect
from types import SimpleNamespace

import faust
from aiokafka.errors import IllegalStateError
from faust.types import TP
from msgspec.structs import replace

from streams import app
from streams.agents import cluster
from streams.agents.upserts import PendingUpserts
from streams.app import cluster_state
from streams.dedup.cluster import Clusterer
from tests.unit.test_event_mentions import _report


class FakeTable:
    """The changelog writes of ``cluster-state`` since they were last taken."""

    def __init__(self) -> None:
        self.writes: list[asyncio.Future] = []

    def take_writes(self) -> list[asyncio.Future]:
        writes, self.writes = self.writes, []
        return writes


class FakeStream:
    def __init__(self) -> None:
        self.acked: list[str] = []

    async def ack(self, event: SimpleNamespace) -> None:
        self.acked.append(event.name)


def _message(name: str, offset: int = 0, partition: int = 0) -> SimpleNamespace:
    """A Faust event as the acknowledgement sees it: where its message came from, and a name."""
    return SimpleNamespace(name=name, message=SimpleNamespace(
        topic="articles.enriched", partition=partition, offset=offset, tp=TP("articles.enriched", partition)))


def test_a_message_is_acknowledged_only_once_the_state_it_wrote_is_on_the_changelog(monkeypatch):
    result = Clusterer({}).process(_report(0))
    table, stream, sent = FakeTable(), FakeStream(), []

    async def send(spec, key, record) -> None:
        sent.append(key)

    async def scenario() -> None:
        monkeypatch.setattr(cluster, "_emitting", asyncio.Lock())
        write = asyncio.get_running_loop().create_future()
        table.writes.append(write)  # the article's state, handed to the producer, not yet on the broker
        cluster.pending.add((stream, _message("message-0")), [(result.article_id, result.events)])
        emitting = asyncio.ensure_future(cluster.emit())
        await asyncio.sleep(0.05)
        assert sent == [result.events[0].id]
        assert stream.acked == [], "acknowledged (so committed) before its state was on the changelog"
        write.set_result(None)
        await emitting
        assert stream.acked == ["message-0"]
        assert table.writes == []

    monkeypatch.setattr(cluster, "cluster_state", table)
    monkeypatch.setattr(cluster, "send", send)
    monkeypatch.setattr(cluster, "pending", PendingUpserts(0.2))
    asyncio.run(scenario())


def test_the_cluster_state_table_hands_over_each_changelog_write_once(monkeypatch):
    sends = iter(["write-1", "write-2", "write-3"])
    monkeypatch.setattr(faust.Table, "send_changelog", lambda self, *args, **kwargs: next(sends))
    cluster_state.take_writes()
    cluster_state.send_changelog(0, "KZ|art:a", b"{}")
    cluster_state.send_changelog(0, "KZ|evt:e", b"{}")
    assert cluster_state.take_writes() == ["write-1", "write-2"]
    cluster_state.send_changelog(0, "KZ|art:a", None)
    assert cluster_state.take_writes() == ["write-3"]
    assert cluster_state.take_writes() == []


def test_a_message_delivered_again_after_a_rebalance_waits_for_the_state_written_before_it(monkeypatch):
    # A rebalance drops the waiting messages, not their state: handled again, an article finds its
    # state already written and writes nothing, so its acknowledgement (and the commit behind it)
    # must still wait for the writes made before the rebalance.
    result = Clusterer({}).process(_report(0))
    table, stream, sent = FakeTable(), FakeStream(), []

    async def send(spec, key, record) -> None:
        sent.append(key)

    async def scenario() -> None:
        monkeypatch.setattr(cluster, "_emitting", asyncio.Lock())
        write = asyncio.get_running_loop().create_future()
        table.writes.append(write)  # the article's state, handled before the rebalance, not yet on the broker
        cluster.pending.add((stream, _message("message-0")), [(result.article_id, result.events)])
        await cluster._forget_on_revoke(None, revoked=set())
        await cluster._forget_on_assign(None, assigned=set())
        cluster.pending.add((stream, _message("message-0-again")), [(result.article_id, result.events)])
        emitting = asyncio.ensure_future(cluster.emit())
        await asyncio.sleep(0.05)
        assert stream.acked == [], "acknowledged before the state its first handling wrote was on the changelog"
        write.set_result(None)
        await emitting
        assert stream.acked == ["message-0-again"]

    monkeypatch.setattr(cluster, "cluster_state", table)
    monkeypatch.setattr(cluster, "send", send)
    monkeypatch.setattr(cluster, "pending", PendingUpserts(0.2))
    asyncio.run(scenario())


def test_each_upsert_is_sent_for_the_partition_of_the_message_that_last_updated_its_event(monkeypatch):
    # Under exactly_once an upsert must go in the transaction that commits its article's offset: the
    # transaction of the article's partition, not of the events partition it goes to, nor of the
    # message being handled when the upserts go out.
    strike = _report(1, text="Workers in Almaty went on strike")
    strike.events = [replace(strike.events[0], type="STRIKE", place="Almaty")]
    clusterer = Clusterer({})
    first, other, again = (clusterer.process(a) for a in (_report(0), strike, _report(2)))
    stream, sent = FakeStream(), []

    async def send(spec, key, record) -> None:
        sent.append((key, app._SENT_FOR.get()))

    async def scenario() -> None:
        monkeypatch.setattr(cluster, "_emitting", asyncio.Lock())
        for name, partition, result in (("m0", 0, first), ("m1", 1, other), ("m2", 2, again)):
            cluster.pending.add((stream, _message(name, partition=partition)), [(result.article_id, result.events)])
        await cluster.emit()

    monkeypatch.setattr(cluster, "cluster_state", FakeTable())
    monkeypatch.setattr(cluster, "send", send)
    monkeypatch.setattr(cluster, "pending", PendingUpserts(0.2))
    asyncio.run(scenario())
    assert sent == [(first.events[0].id, TP("articles.enriched", 2)), (other.events[0].id, TP("articles.enriched", 1))]
    assert app._SENT_FOR.get() is None


def test_the_other_stages_acknowledge_in_order_each_message_once_its_table_writes_are_on_the_changelog():
    # normalize, enrich and alerts keep a dated table each; a commit that came before their
    # entry reached the changelog lost it to a crash (an exact repeat let through, an alert fired twice)
    from streams.agents.common import AckedWhenWritten

    table, stream = FakeTable(), FakeStream()
    table.name = "seen-articles"

    async def scenario() -> None:
        acks = AckedWhenWritten("normalize", table)
        write = asyncio.get_running_loop().create_future()
        table.writes.append(write)
        acks.ack(stream, _message("message-0"))
        acks.ack(stream, _message("message-1", 1))  # wrote nothing, but comes after message-0
        await asyncio.sleep(0.05)
        assert stream.acked == [], "acknowledged before its entry was on the changelog"
        write.set_result(None)
        await asyncio.sleep(0.05)
        assert stream.acked == ["message-0", "message-1"]

    asyncio.run(scenario())


class _SeekingConsumer:
    """A consumer whose seeks on the loop's thread fail the test; ``seek_wait`` (on the consumer's
    thread) notes them, and fails for partition 1 as when another rebalance took it away."""

    def __init__(self) -> None:
        self.seeks: list[tuple[int, int]] = []

    async def seek(self, tp, offset: int) -> None:
        raise AssertionError("seek from the loop's thread races the consumer's thread")

    async def seek_wait(self, partitions) -> None:
        for tp, offset in partitions.items():
            if tp.partition == 1:
                raise IllegalStateError("another rebalance took it away")
            self.seeks.append((tp.partition, offset))


def test_after_a_rebalance_the_partitions_kept_go_back_to_what_was_dropped_and_a_failed_seek_is_no_crash(monkeypatch):
    """The seek runs on the consumer's thread (``seek_wait``): its fetcher goes on during the rebalance."""
    from streams.agents import common
    from streams.agents.continuity import InFlight

    consumer = _SeekingConsumer()
    in_flight = InFlight()
    topic = common.CONTINUITY["cluster"].topic
    for partition, offset in ((0, 5), (0, 6), (1, 9), (2, 3)):
        in_flight.taken(topic, partition, offset)
    in_flight.acked(topic, 0, 5)
    monkeypatch.setattr(common, "IN_FLIGHT", in_flight)
    monkeypatch.setattr(common.app, "_consumer", consumer)
    monkeypatch.setattr(common, "_read_back", _Committed({3: 12}))
    kept = [faust.types.TP(topic, p) for p in (0, 1, 3)]  # partition 2 went to another worker
    asyncio.run(common._go_back_to_dropped(kept))
    assert consumer.seeks == [(0, 6)]
    assert in_flight.resume_points() == {}


class _Committed:
    """The group's committed offsets, by partition (None: nothing committed)."""

    def __init__(self, offsets: dict[int, int | None]) -> None:
        self.offsets = offsets

    async def committed(self, group, partitions):
        return {tp: self.offsets[tp.partition] for tp in partitions}


def test_a_partition_given_afresh_whose_first_message_comes_past_its_committed_offset_reads_the_skipped_back(monkeypatch):
    """A worker restarted after a kill was handed its first message one past the committed offset:
    Faust's commit checks no gap there, so it committed past the skipped article, lost for good.
    Each stage expects the committed offset first, or the log's first offset with nothing committed."""
    from streams.agents import common

    class Consumer(_SeekingConsumer):
        async def earliest_offsets(self, *partitions):
            return {tp: 2 for tp in partitions}

    topic = common.CONTINUITY["cluster"].topic
    monkeypatch.setattr(common, "IN_FLIGHT", common.InFlight())
    monkeypatch.setattr(common.app, "_consumer", Consumer())
    monkeypatch.setattr(common, "_read_back", _Committed({0: 7, 1: None}))
    asyncio.run(common._forget_offsets(None, [faust.types.TP(topic, 0), faust.types.TP(topic, 1)]))
    seen = common.CONTINUITY["cluster"]
    assert seen.gap(0, 8) == range(7, 8)
    assert seen.gap(1, 2) == range(0)
    assert seen.gap(1, 4) == range(3, 4)


def test_a_broker_that_does_not_say_where_partitions_start_leaves_the_stages_taking_what_comes(monkeypatch):
    from streams.agents import common

    class Unanswered:
        async def committed(self, group, partitions):
            raise ConnectionError("broker away")

    topic = common.CONTINUITY["cluster"].topic
    monkeypatch.setattr(common, "IN_FLIGHT", common.InFlight())
    monkeypatch.setattr(common.app, "_consumer", _SeekingConsumer())
    monkeypatch.setattr(common, "_read_back", Unanswered())
    asyncio.run(common._forget_offsets(None, [faust.types.TP(topic, 0)]))
    assert common.CONTINUITY["cluster"].gap(0, 8) == range(0)


def test_a_quiet_partition_is_fetched_again_by_a_seek_on_the_consumer_thread_and_a_failed_seek_is_no_crash(monkeypatch):
    """Faust's ``seek`` runs aiokafka's on the loop's thread, racing the consumer's thread over the
    fetched records (a ``KeyError`` crashed the fetcher, and the worker); ``seek_wait`` runs it there."""
    from streams.agents import common

    topic = common.CONTINUITY["cluster"].topic

    class Consumer(_SeekingConsumer):
        def assignment(self):
            return {faust.types.TP(topic, p) for p in (0, 1)}

        def highwater(self, tp) -> int:
            return 10

    class ReadBack:
        async def committed(self, group, partitions):
            return {tp: 4 for tp in partitions}

        async def read(self, topic, partition, offsets, limit=None):
            return ["a record"]

    consumer = Consumer()
    monkeypatch.setattr(common.app, "_consumer", consumer)
    monkeypatch.setattr(common, "_read_back", ReadBack())
    monkeypatch.setattr(common._stalls, "stalled", lambda tp, done, end, quiet: True)
    asyncio.run(inspect.unwrap(common._fetch_stalled_again)())  # the body (``app.timer`` wraps it in a loop)
    assert consumer.seeks == [(0, 4)]
