"""Clusterer: how many state writes an article costs, and that the writes saved keep crash recovery."""

import copy

from streams.dedup.cluster import Clusterer
from tests.unit.test_cluster import _article, _assault, _copy, _indonesian, _wire, crash_at_every_write

COPY_NEXT_DAY = "2022-01-08T10:00:00Z"


class Writes(dict):
    """A dict store that lists the keys assigned, in order."""

    def __init__(self, data):
        super().__init__(data)
        self.written = []

    def __setitem__(self, key, value):
        self.written.append(key)
        super().__setitem__(key, value)


def _state_with_wire():
    state = {}
    Clusterer(state).process(_indonesian())
    Clusterer(state).process(_wire())
    return state


def _writes_of(state, article):
    store = Writes(copy.deepcopy(state))
    result = Clusterer(store).process(article)
    return store.written, result


def test_a_copy_stores_its_decision_once_after_the_mentions():
    written, result = _writes_of(_state_with_wire(), _copy())
    assert result.duplicate_of == "wire"
    assert written.count("KZ|art:copy") == 1
    assert written[-1] == "KZ|art:copy"  # after the events it mentions
    assert sum(key.startswith("KZ|evt:") for key in written) == len(result.events) == 2


def test_an_article_without_events_stores_its_decision_once():
    quiet = _article("quiet", "A report that names no event at all.", "2022-01-07T15:00:00Z", [])
    written, result = _writes_of(_state_with_wire(), quiet)
    assert result.events == [] and result.duplicate_of is None
    assert written == ["KZ|art:quiet"]


def test_an_original_with_events_stores_its_decision_before_applying_it():
    written, result = _writes_of({}, _wire())
    assert result.duplicate_of is None and len(result.events) == 2
    assert written[0] == written[-1] == "KZ|art:wire"


def _two_attacks():
    return _article("two", "Two attacks in one city on one day.", "2022-01-07T15:00:00Z",
                    [_assault(mode="firearms", place="Almaty"), _assault(mode="bombing", place="Almaty", counts={})])


def test_new_events_write_no_block_and_a_restarted_clusterer_still_matches_them():
    written, result = _writes_of({}, _two_attacks())
    assert len(result.events) == 2
    assert not [key for key in written if "|blk:" in key]
    state = {}
    Clusterer(state).process(_two_attacks())
    later = _article("later", "Another report of the shooting.", "2022-01-07T18:00:00Z",
                     [_assault(mode="firearms", place="Almaty", actors=["KZ:police"])])
    restarted = Clusterer(state).process(later)  # its blocks rebuilt from the event records
    assert [e.id for e in restarted.events] == [result.events[0].id]
    assert restarted.story == result.story


def test_a_block_stored_by_an_earlier_version_goes_as_its_events_retire():
    state = {}
    first = Clusterer(state).process(_two_attacks())
    block = "KZ|blk:KZ:" + state["KZ|evt:" + first.events[0].id]["block"].split(":", 2)[2]
    state[block] = [e.id for e in first.events]  # as the previous version stored it
    Clusterer(state, horizon_days=3).expire("2022-01-20T00:00:00Z", ["KZ"])
    assert block not in state
    Clusterer(state).expire("2030-01-01T00:00:00Z", ["KZ"])
    assert set(state) == {"KZ|meta"}


def test_a_crash_at_any_write_of_a_copy_then_redelivery_gives_the_uncrashed_result():
    copy_next_day = _copy()
    copy_next_day.published_at = COPY_NEXT_DAY  # the copy moves the clock too
    assert crash_at_every_write(_state_with_wire(), copy_next_day) >= 3


def test_a_crash_at_any_write_of_an_article_without_events_gives_the_uncrashed_result():
    quiet = _article("quiet", "A report that names no event at all.", COPY_NEXT_DAY, [])
    assert crash_at_every_write(_state_with_wire(), quiet) >= 2


def test_a_crash_at_any_write_of_events_sharing_a_block_gives_the_uncrashed_result():
    assert crash_at_every_write(_state_with_wire(), _two_attacks()) >= 2
