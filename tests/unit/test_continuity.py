"""Offsets per partition: a skipped one is found, a redelivery is not a gap."""

from streams.agents.continuity import Continuity


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
