"""Under ``exactly_once`` (``app._TransactionManager``): a partition that leaves the worker stops its
transactional producer, also when the worker keeps it as a standby (left running, the producer is
fenced by the new owner's, and the partition, back, could send nothing); and what a message causes
goes in the transaction of the partition it came from, which commits its offset."""

import asyncio
import weakref
from types import SimpleNamespace

from faust.streams import _current_event
from faust.types import TP

from streams.app import _TransactionManager, sent_for

RAW, CLEAN, CHANGELOG = "raw", "clean", "app-seen-articles-changelog"


class FakeAssignor:
    """Every topic in one group; a standby is a partition the new assignment keeps here as one."""

    def __init__(self, standbys: set[TP]) -> None:
        self.standbys = standbys

    def group_for_topic(self, topic: str) -> int:
        return 0

    def is_standby(self, tp: TP) -> bool:
        return tp in self.standbys


class FakeProducer:
    def __init__(self) -> None:
        self.running: set[str] = set()
        self.sent: list[tuple[str, int, str | None]] = []

    async def send(self, topic, key, value, partition, timestamp, headers, *, transactional_id=None):
        self.sent.append((topic, partition, transactional_id))

    async def maybe_begin_transaction(self, transactional_id: str) -> None:
        self.running.add(transactional_id)

    async def stop_transaction(self, transactional_id: str) -> None:
        self.running.discard(transactional_id)


def _rebalanced(before: set[TP], after: set[TP], standbys: set[TP]) -> set[str]:
    """The transactional ids whose producers run after a rebalance from ``before`` to ``after``."""
    app = SimpleNamespace(conf=SimpleNamespace(id="app"), assignor=FakeAssignor(set()))
    producer = FakeProducer()
    manager = _TransactionManager(SimpleNamespace(app=app), consumer=None, producer=producer)

    async def run() -> None:
        await manager.on_rebalance(before, set(), before)
        app.assignor.standbys = standbys
        await manager.on_rebalance(after, before - after, after - before)

    asyncio.run(run())
    return producer.running


def test_a_partition_that_leaves_for_a_standby_here_stops_its_producer():
    both = {TP(t, p) for t in (RAW, CLEAN, CHANGELOG) for p in (0, 1)}
    kept = {TP(RAW, 1), TP(CLEAN, 1), TP(CHANGELOG, 1), TP(CHANGELOG, 0)}
    assert _rebalanced(both, kept, standbys={TP(RAW, 0), TP(CLEAN, 0), TP(CHANGELOG, 0)}) == {"app-0-1"}


def test_a_partition_kept_keeps_its_producer_and_one_gone_entirely_stops_it():
    both = {TP(t, p) for t in (RAW, CHANGELOG) for p in (0, 1)}
    assert _rebalanced(both, {TP(RAW, 0), TP(CHANGELOG, 0)}, standbys=set()) == {"app-0-0"}
    assert _rebalanced(both, both, standbys=set()) == {"app-0-0", "app-0-1"}


class Handled:
    """The event being handled, as Faust knows it (``faust.current_event``): from partition 1 of RAW."""

    message = SimpleNamespace(tp=TP(RAW, 1))


def test_a_message_sent_while_handling_one_goes_in_the_transaction_of_the_partition_it_came_from():
    app = SimpleNamespace(conf=SimpleNamespace(id="app"), assignor=FakeAssignor(set()))
    producer = FakeProducer()
    consumer = SimpleNamespace(key_partition=lambda topic, key, partition: 0)  # the key's partition of CLEAN
    manager = _TransactionManager(SimpleNamespace(app=app), consumer=consumer, producer=producer)
    handled = Handled()

    async def run() -> None:
        await manager.send(CHANGELOG, b"k", b"v", None, None, None)  # outside a message: Faust's way
        _current_event.set(weakref.ref(handled))
        await manager.send(CLEAN, b"k", b"v", None, None, None)

    asyncio.run(run())
    assert producer.sent == [(CHANGELOG, 0, "app-0-0"), (CLEAN, 0, "app-0-1")]


def test_a_message_sent_for_a_partition_goes_in_its_transaction_whatever_is_being_handled():
    app = SimpleNamespace(conf=SimpleNamespace(id="app"), assignor=FakeAssignor(set()))
    producer = FakeProducer()
    consumer = SimpleNamespace(key_partition=lambda topic, key, partition: 0)
    manager = _TransactionManager(SimpleNamespace(app=app), consumer=consumer, producer=producer)
    handled = Handled()

    async def run() -> None:
        with sent_for(TP(RAW, 2)):  # from a timer: nothing is being handled
            await manager.send(CLEAN, b"k", b"v", None, None, None)
        _current_event.set(weakref.ref(handled))
        with sent_for(TP(RAW, 3)):  # on behalf of an earlier message, while partition 1's is handled
            await manager.send(CLEAN, b"k", b"v", None, None, None)
        await manager.send(CLEAN, b"k", b"v", None, None, None)

    asyncio.run(run())
    assert producer.sent == [(CLEAN, 0, "app-0-2"), (CLEAN, 0, "app-0-3"), (CLEAN, 0, "app-0-1")]


class CommittingProducer:
    """Each transaction's commit takes a round trip; notes how many are under way at once."""

    def __init__(self) -> None:
        self.committed: dict[str, dict[TP, int]] = {}
        self.under_way = self.most_at_once = 0

    async def commit_transactions(self, tid_to_offsets, group_id, start_new_transaction=True):
        self.under_way += 1
        self.most_at_once = max(self.most_at_once, self.under_way)
        await asyncio.sleep(0.01)
        self.under_way -= 1
        self.committed.update(tid_to_offsets)


def test_each_partitions_transaction_commits_its_own_offsets_all_at_once():
    """One after the other, the commits held the sends of each partition for the sum of the four."""
    app = SimpleNamespace(conf=SimpleNamespace(id="app"), assignor=FakeAssignor(set()))
    producer = CommittingProducer()
    manager = _TransactionManager(SimpleNamespace(app=app), consumer=None, producer=producer)
    offsets = {TP(topic, p): 10 * p + i for i, topic in enumerate((RAW, CLEAN)) for p in range(4)}
    assert asyncio.run(manager.commit(offsets)) is True
    assert producer.most_at_once == 4
    assert producer.committed == {f"app-0-{p}": {TP(RAW, p): 10 * p, TP(CLEAN, p): 10 * p + 1} for p in range(4)}
