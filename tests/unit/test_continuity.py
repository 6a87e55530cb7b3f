"""Offsets per partition: a skipped one is found, a redelivery is not a gap."""

import asyncio
from types import SimpleNamespace

from aiokafka import TopicPartition

from streams.agents import continuity
from streams.agents.continuity import STALL_SECONDS, Continuity, InFlight, ReadBack, Stalls
from streams.settings import from_env


def test_offsets_that_follow_each_other_leave_no_gap():
    seen = Continuity()
    assert [list(seen.gap(0, o)) for o in (20, 21, 22)] == [[], [], []]


def test_a_skipped_offset_is_reported_once_and_per_partition():
    seen = Continuity()
    seen.gap(0, 20)
    seen.gap(1, 5)
    assert list(seen.gap(0, 22)) == [21]
    assert list(seen.gap(0, 23)) == []
    assert list(seen.gap(1, 9)) == [6, 7, 8]


def test_a_redelivery_after_a_seek_back_is_no_gap_and_resets_the_count():
    seen = Continuity()
    for offset in (20, 21, 22):
        seen.gap(0, offset)
    assert list(seen.gap(0, 18)) == []
    assert list(seen.gap(0, 19)) == []
    assert list(seen.gap(0, 21)) == [20]


def test_after_a_rebalance_the_first_offset_sets_the_count():
    seen = Continuity()
    seen.gap(0, 20)
    seen.forget()
    assert list(seen.gap(0, 80)) == []
    assert list(seen.gap(0, 81)) == []


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_partition_is_quiet_since_its_last_message_or_the_last_rebalance():
    clock = FakeClock()
    seen = Continuity("t", clock=clock)
    clock.now += 5
    assert seen.quiet_for(0) == 5
    seen.gap(0, 7)
    clock.now += 2
    assert seen.quiet_for(0) == 2 and seen.quiet_for(1) == 7
    seen.forget()
    assert seen.quiet_for(0) == 0


def test_a_quiet_partition_behind_the_end_of_its_log_is_fetched_again_once_per_state():
    stalls = Stalls()
    tp = ("articles.raw", 0)
    assert not stalls.stalled(tp, 12, 14, quiet_for=STALL_SECONDS - 1)  # messages may still be on their way
    assert not stalls.stalled(tp, 14, 14, quiet_for=60)  # all committed
    assert not stalls.stalled(tp, None, 0, quiet_for=60)  # an empty log
    assert stalls.stalled(tp, 12, 14, quiet_for=STALL_SECONDS)
    assert not stalls.stalled(tp, 12, 14, quiet_for=60)  # tried: a commit marker at 13 is never delivered
    assert stalls.stalled(tp, 13, 16, quiet_for=60)  # a new state
    assert stalls.stalled(tp, None, 3, quiet_for=60)  # nothing ever committed
    assert stalls.stalled(("articles.raw", 1), 12, 14, quiet_for=60)


def test_after_a_rebalance_a_quiet_partition_is_fetched_again_in_a_state_tried_before_it():
    stalls = Stalls()
    tp = ("articles.raw", 0)
    assert stalls.stalled(tp, None, 7, quiet_for=60)  # commits lag; the messages were handled
    assert not stalls.stalled(tp, None, 7, quiet_for=60)
    stalls.forget()  # a rebalance: the consumer may go on past messages it dropped
    assert stalls.stalled(tp, None, 7, quiet_for=60)


def test_a_rebalance_goes_back_to_the_first_message_handed_and_not_acknowledged():
    in_flight = InFlight()
    for offset in (10, 11, 12, 13):
        in_flight.taken("t", 0, offset)
    in_flight.acked("t", 0, 10)
    in_flight.acked("t", 0, 12)  # acknowledged out of order (alert deliveries)
    in_flight.taken("t", 1, 4)
    assert in_flight.resume_points() == {("t", 0): 11, ("t", 1): 4}


def test_with_everything_acknowledged_a_partition_goes_on_after_the_last_message_handed():
    in_flight = InFlight()
    for offset in (3, 4):
        in_flight.taken("t", 0, offset)
        in_flight.acked("t", 0, offset)
    assert in_flight.resume_points() == {("t", 0): 5}


def test_after_an_assignment_nothing_is_in_flight_and_a_late_acknowledgement_changes_nothing():
    in_flight = InFlight()
    in_flight.taken("t", 0, 7)
    in_flight.forget()
    in_flight.acked("t", 0, 7)
    assert in_flight.resume_points() == {}


class _Consumer:
    """aiokafka's consumer as ``ReadBack`` uses it: each fetch returns a transaction's commit marker
    (no record) and the record after it."""

    def __init__(self, **config) -> None:
        self.config = config
        self.positions: dict = {}
        self.paused: set = set()

    async def start(self) -> None:
        pass

    def assign(self, partitions) -> None:
        self.paused = set()

    def seek(self, tp, offset: int) -> None:
        self.positions[tp] = offset

    async def position(self, tp) -> int:
        return self.positions[tp]

    async def getmany(self, tp, timeout_ms: int):
        assert tp not in self.paused
        start = self.positions[tp]
        self.positions[tp] = start + 2
        return {tp: [SimpleNamespace(key=b"k", value=b"v", offset=start + 1)]}

    def pause(self, *partitions) -> None:
        self.paused.update(partitions)


def test_a_read_back_leaves_no_fetch_held_at_the_broker_for_the_next_one(monkeypatch):
    """Under exactly_once a stage reads a commit marker back about once a second a partition; a
    fetch left long-polling the end of the last partition read delayed the next read by up to
    aiokafka's 500 ms: the fetches are short and the partition read is paused."""
    monkeypatch.setattr(continuity, "AIOKafkaConsumer", _Consumer)
    reader = ReadBack(from_env({}))

    async def read_twice():
        return await reader.read("clean", 0, range(5, 6)), await reader.read("clean", 1, range(8, 10))

    marker_only, after_marker = asyncio.run(read_twice())
    assert marker_only == [] and [r.message.offset for r in after_marker] == [9]
    assert reader._consumer.config["fetch_max_wait_ms"] <= 10
    assert reader._consumer.paused == {TopicPartition("clean", 1)}


def test_each_stage_reads_its_gaps_back_with_a_reader_of_its_own():
    """One reader for all: the stages waited for each other's read-backs."""
    from streams.agents import cluster, enrich, normalize

    readers = [stage.HANDLING.reader for stage in (normalize, enrich, cluster)]
    assert all(isinstance(r, ReadBack) for r in readers) and len({id(r) for r in readers}) == 3


def test_a_partition_kept_through_a_rebalance_reads_back_what_the_consumer_went_on_past():
    seen = Continuity("articles.enriched")
    for offset in (10, 11):
        assert seen.gap(0, offset) == range(0)
    seen.forget()
    seen.resume(0, 12)  # 12 and 13 were dropped by the rebalance; the consumer goes on at the end of the log
    assert seen.gap(0, 14) == range(12, 14)
    seen.forget()
    seen.resume(0, 15)  # the seek back took: no gap
    assert seen.gap(0, 15) == range(0)
    seen.forget()
    seen.resume(0, 20)  # the consumer went back further, to the committed offset: a redelivery, no gap
    assert seen.gap(0, 16) == range(0)
