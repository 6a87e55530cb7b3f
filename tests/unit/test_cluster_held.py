"""Held cluster-state writes under at-least-once (``dedup.held``): copies of a hot story coalesce
their event rewrites, and a crash at any write that reaches the changelog, followed by the
redelivery of every unacknowledged article, gives the uncrashed state and leaks nothing."""

import copy
from collections.abc import MutableMapping

from streams.dedup import held
from streams.dedup.cluster import Clusterer
from streams.dedup.state import Tombstone, TypedState
from tests.unit.test_cluster import COPY_TEXT, _article, _assault, _copy, _indonesian, _wire


class Changelog(MutableMapping):
    """A store as the worker's table is under at-least-once: ``persisted`` is what reached the
    changelog; ``hold`` keeps a write back until ``flush`` (events before decisions), any other
    write flushes first; the store dies after ``writes`` writes reach the changelog. Values are
    copied in and out, as a table's bytes are: a record changed in place is not written."""

    def __init__(self, persisted: dict, writes: int | None = None) -> None:
        self.persisted = persisted
        self.held: dict = {}
        self.count = held.HeldCount()
        self.writes = writes
        self.sent: list[str] = []

    def _send(self, key, value) -> None:
        if self.writes is not None:
            self.writes -= 1
            if self.writes < 0:
                raise RuntimeError("worker killed")
        self.sent.append(key)
        if value is None:
            self.persisted.pop(key, None)
        else:
            self.persisted[key] = copy.deepcopy(value)

    def hold(self, key, value) -> None:
        self.held.pop(key, None)
        self.held[key] = copy.deepcopy(value)
        self.count.note(key)

    def flush(self) -> None:
        held_now, self.held = self.held, {}
        self.count.clear()
        for key, value in sorted(held_now.items(), key=lambda item: held.flush_rank(item[0])):
            self._send(key, value)

    def __getitem__(self, key):
        return copy.deepcopy(self.held[key] if key in self.held else self.persisted[key])

    def __setitem__(self, key, value) -> None:
        self.flush()
        self._send(key, value)

    def __delitem__(self, key) -> None:
        self.flush()
        self._send(key, None)

    def __iter__(self):
        self.flush()
        return iter(list(self.persisted))

    def __len__(self) -> int:
        self.flush()
        return len(self.persisted)


def _run(store: Changelog, articles) -> list:
    """Process ``articles`` as the agent does: a flush after an article that held a key the
    ``ARTICLES_HELD``-th time, and at the end (the emit that acknowledges them)."""
    clusterer = Clusterer(TypedState(store, holdable=held.holdable), typed=True)
    results = []
    for article in articles:
        results.append(clusterer.process(article))
        if store.count.full:
            store.flush()
    store.flush()
    return results


def _copies(n: int, published_at: str = "2022-01-08T07:45:00+08:00"):
    return [_article(f"copy-{i}", f"{COPY_TEXT} Update {i}.", published_at, [_assault(counts={"killed": 26 + i})],
                     source=f"desk{i}.example") for i in range(n)]


def _before() -> dict:
    state: dict = {}
    _run(Changelog(state), [_indonesian(), _wire()])
    return state


def _batch():
    """More copies than an event remembers, an article without events, an original with events and
    a copy on the next day (which moves the clock: a write that goes through)."""
    quiet = _article("quiet", "A report that names no event at all.", "2022-01-08T09:00:00Z", [])
    other = _article("other", "Police fired on a crowd in Aktobe.", "2022-01-08T10:00:00Z",
                     [_assault(place="Aktobe", date="2022-01-08", counts={"killed": 3})])
    next_day = _copy()
    next_day.id, next_day.published_at = "copy-next-day", "2022-01-09T10:00:00Z"
    return [*_copies(held.ARTICLES_HELD + 3), quiet, other, *_copies(2, "2022-01-08T12:00:00Z")[::-1], next_day]


def _without_clock(state: dict) -> dict:
    return {k: v for k, v in state.items() if "|meta" not in k}


def test_copies_of_a_hot_story_send_each_event_once_per_flush():
    store = Changelog(_before())
    copies = _copies(held.ARTICLES_HELD)
    results = _run(store, copies)
    assert all(r.duplicate_of == "wire" for r in results)
    events = [key for key in store.sent if "|evt:" in key]
    assert len(events) == len(results[-1].events), "one write of each event for the whole batch"
    assert [key for key in store.sent if "|art:" in key] == [f"KZ|art:{a.id}" for a in copies]
    assert store.sent.index(events[-1]) < store.sent.index("KZ|art:copy-0"), "events go out before decisions"


def test_holding_writes_changes_no_result_and_no_state():
    plain, with_held = copy.deepcopy(_before()), Changelog(_before())
    clusterer = Clusterer(plain)
    expected = [clusterer.process(article) for article in _batch()]
    results = _run(with_held, _batch())
    assert [[e.to_dict() for e in r.events] for r in results] == [[e.to_dict() for e in r.events] for r in expected]
    assert with_held.persisted == plain


def test_a_crash_at_any_held_or_written_through_write_then_redelivery_gives_the_uncrashed_state():
    expected = _before()
    _run(Changelog(expected), _batch())
    writes = 0
    while True:
        store = Changelog(_before(), writes)
        try:
            _run(store, _batch())
        except RuntimeError:
            recovered = Changelog(store.persisted)  # a restarted worker: nothing held survives
            _run(recovered, _batch())  # none of them was acknowledged: all are delivered again
            assert _without_clock(recovered.persisted) == _without_clock(expected), f"crash at write {writes}"
            Clusterer(recovered.persisted).expire("2030-01-01T00:00:00Z", ["KZ"])
            assert set(recovered.persisted) == {"KZ|meta"}, f"leak after a crash at write {writes}"
            writes += 1
            continue
        break
    assert writes >= 10


def test_only_live_events_and_applied_decisions_are_held():
    state: dict = {}
    Clusterer(state).process(_wire())
    typed = TypedState(state)
    event_key = next(k for k in state if "|evt:" in k)
    event, decision = typed[event_key], typed["KZ|art:wire"]
    assert held.holdable(event_key, event) and held.holdable("KZ|art:wire", decision)
    event.retired, decision.applied = True, False
    assert not held.holdable(event_key, event) and not held.holdable("KZ|art:wire", decision)
    assert not held.holdable("KZ|art:gone", Tombstone(day=1, gone="v"))
    assert not held.holdable("KZ|meta", typed["KZ|meta"])


def test_a_flush_comes_once_a_key_was_held_as_often_as_an_event_remembers_articles():
    count = held.HeldCount()
    for n in range(held.ARTICLES_HELD - 1):
        count.note("KZ|evt:hot")
        count.note(f"KZ|art:copy-{n}")
        count.note(f"RU|evt:other-{n}")
    assert not count.full
    count.note("KZ|evt:hot")
    assert count.full
    count.clear()
    assert not count.full
