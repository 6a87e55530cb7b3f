"""Bounded state: which keys were written on which day, so old days go whole.

Used by the clusterer's state and by the worker's other tables
(``seen-articles``, ``fingerprints``, ``fired-alerts``: ``DatedTable``).

Everything the clusterer stores is filed under an event-time day: the UTC day
of an article's publication, or the clock if that day is older (a late
article, see ``filing_day``). Each record names its day, and an *index* in
memory (``Days``, one per scope) lists the keys filed under each day.
Expiring a day takes its keys (``keys_of``), lets the caller delete or prune
each key, then drops the day (``forget``): the store is not scanned at each
expiry, and the cost of expiry is the size of that day.

The index is not stored: it is rebuilt from the records (their days) when a
worker gets its partitions, in the same pass that rebuilds the clusterer's
LSH index. Every assignment to a Faust table is a message on its changelog,
and a stored index cost one for each article (the day's last chunk of keys,
written again with each registration), beside a ``meta`` write every 16.
A crash cannot leave a key the rebuilt index misses: what is in the store is
in the index. State written by an earlier version still has its stored index
(chunks of keys under ``idx:<day>:<n>``, counted per day in ``meta``): they
are read beside the index in memory and dropped with their day.

A single ``meta`` key holds the event-time clock (the latest day seen), written
only when the clock moves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from typing import Any

from streams.dedup.keys import DATED_INDEX, META, dated_index, index_chunk, scoped

SECONDS_PER_DAY = 86400


def day_of(epoch_seconds: float) -> int:
    """The event-time bucket: days since 1970-01-01 UTC."""
    return int(epoch_seconds // SECONDS_PER_DAY)


class Days:
    """Which keys are filed under which event-time day, for one scope: the index, in memory.
    A key filed again on a later day is listed under both until the earlier day goes (its
    record's day tells which filing is current)."""

    def __init__(self) -> None:
        self.keys: dict[int, set[str]] = {}

    def add(self, day: int, keys: Iterable[str]) -> None:
        self.keys.setdefault(day, set()).update(keys)

    def before(self, cutoff: int) -> list[int]:
        return [day for day in self.keys if day < cutoff]

    def of(self, day: int) -> set[str]:
        return self.keys.get(day, set())

    def drop(self, day: int) -> None:
        self.keys.pop(day, None)


def _meta(state: MutableMapping[str, Any]) -> dict[str, Any]:
    return state.get(META) or {"clock": None, "days": {}}


def clock(state: MutableMapping[str, Any]) -> int | None:
    """The latest day seen, or ``None`` for an empty store."""
    return _meta(state)["clock"]


def filing_day(state: MutableMapping[str, Any], day: int) -> int:
    """The day under which to file keys written now for an article of event
    day ``day``: that day, or the clock if the article is late. A late
    article's keys then live one horizon of clock progress, as an on-time
    article's do, instead of expiring at the end of their own write."""
    now = clock(state)
    return day if now is None else max(day, now)


def register(state: Prefixed, day: int, keys: list[str], seen_day: int | None = None) -> None:
    """Record that ``keys`` are written on ``day`` (in the index in memory); move the clock to
    ``seen_day`` if that is later (the one write, and only then)."""
    if seen_day is not None:
        meta = _meta(state)
        if meta["clock"] is None or seen_day > meta["clock"]:
            meta["clock"] = seen_day
            state[META] = meta
    if keys:
        state.days.add(day, keys)


def days_before(state: Prefixed, cutoff: int) -> list[int]:
    """The live days older than ``cutoff``, oldest first."""
    stored = {int(d) for d in _meta(state)["days"] if int(d) < cutoff}
    return sorted(stored.union(state.days.before(cutoff)))


def keys_of(state: Prefixed, day: int) -> list[str]:
    """The keys registered on ``day``."""
    keys = set(state.days.of(day))
    for n in range(_meta(state)["days"].get(str(day), 0)):
        keys.update(state.get(index_chunk(day, n)) or [])
    return sorted(keys)


def forget(state: Prefixed, day: int) -> None:
    """Drop the index of ``day``, once its keys have been expired (a stored one written by an
    earlier version too: its chunks, then its count in ``meta``, so that a crash in between
    expires them again, harmlessly)."""
    state.days.drop(day)
    meta = _meta(state)
    if str(day) not in meta["days"]:
        return
    for n in range(meta["days"][str(day)]):
        if index_chunk(day, n) in state:
            del state[index_chunk(day, n)]
    meta["days"].pop(str(day))
    state[META] = meta


class Prefixed:
    """The part of a store whose keys start with ``name + "|"``, and its index in memory (``days``:
    a new, empty one if not given).

    A Faust table is partitioned: each key must only ever be written from one
    partition (the table keeps a key written from two partitions in two
    places, and may read back the stale one). Prefixing every key of a group
    with something that belongs to one partition keeps that true."""

    def __init__(self, state: MutableMapping[str, Any], name: str, days: Days | None = None) -> None:
        self.state = state
        self.name = name
        self.prefix = scoped(name, "")
        self.days = Days() if days is None else days

    def get(self, key: str, default: Any = None) -> Any:
        return self.state.get(self.prefix + key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        self.state[self.prefix + key] = value

    def __delitem__(self, key: str) -> None:
        del self.state[self.prefix + key]

    def __contains__(self, key: str) -> bool:
        return self.prefix + key in self.state


# -- dated tables ------------------------------------------------------------
#
# A dated table maps a key to ``{"value": ..., "day": d}``: the value and the
# event-time day it is filed under. Beside the entries, each partition of the
# table keeps its ``meta`` under ``~expiry:<partition>|``, a prefix no article
# id, fingerprint or event id takes, and its index in memory, rebuilt from the
# partition's entries after each rebalance (``DatedTable``). Entries and ``meta``
# are written while handling a message of that partition, so both land on that
# partition's changelog, and a sweep deletes them there: its tombstones are
# what make a deletion survive a restart. The clock is the partition's, as in
# Faust's own windowed tables: a partition lagging behind in a replay does not
# lose the state it still needs to the others' progress.

#: where a dated table keeps the ``meta`` (and, written by an earlier version, the index) of one partition
INDEX = DATED_INDEX

#: the entries of one partition of a table: ``(key, stored value)`` pairs
Entries = Callable[[int], Iterable[tuple[str, Any]]]


def value_of(entry: Any) -> Any:
    """The value of a dated table's entry (``None`` if there is none)."""
    return entry.get("value") if isinstance(entry, dict) else None


class DatedTable:
    """A dated table, and the index in memory of each of its partitions.

    ``entries_of(partition)`` reads a partition's stored entries: its index is
    built from them on first use, and again after ``forget`` (the worker calls it
    when its partitions change, as it empties its read caches)."""

    def __init__(self, table: MutableMapping[str, Any], entries_of: Entries) -> None:
        self.table = table
        self.entries_of = entries_of
        self._days: dict[int, Days] = {}

    def forget(self) -> None:
        """Drop every partition's index, to be rebuilt from the store when next used."""
        self._days.clear()

    def index(self, partition: int) -> Prefixed:
        """The ``meta`` of ``partition`` and its index in memory."""
        days = self._days.get(partition)
        if days is None:
            days = self._days[partition] = Days()
            for key, entry in self.entries_of(partition):
                if not key.startswith(INDEX) and isinstance(entry, dict) and isinstance(entry.get("day"), int):
                    days.add(entry["day"], [key])
        return Prefixed(self.table, dated_index(partition), days)

    def put(self, partition: int, key: str, value: Any, day: int) -> None:
        """Store ``value`` under ``key``, filed under event day ``day`` (or the
        partition's clock, if later: see ``filing_day``), and move the clock.

        An entry already holding ``value`` is re-filed only when that moves it to
        a later day (at most one write a day): an article or event seen again
        keeps its entry alive, and a repeat costs no write on the same day."""
        index = self.index(partition)
        filed = filing_day(index, day)
        entry = self.table.get(key)
        if isinstance(entry, dict) and entry.get("value") == value and entry.get("day", -1) >= filed:
            return
        register(index, filed, [key], seen_day=day)
        self.table[key] = {"value": value, "day": filed}

    def sweep(self, partition: int, horizon_days: int, now: float = 0.0, grace: float = 0.0) -> int:
        """Delete the entries of ``partition`` filed more than ``horizon_days``
        before its clock; return how many went.

        With a ``grace`` (seconds of ``now``, wall time), a cutoff is first armed
        and applied only once ``grace`` has passed: a message handled before the
        clock leapt and delivered again (at least once, the redo after a restart
        or a rebalance reaches back to the last commit) still finds the entries it
        found the first time. Entries then go up to two graces late."""
        index = self.index(partition)
        today = clock(index)
        if today is None:
            return 0
        cutoff = today - horizon_days
        if grace <= 0:
            return self._expire_before(index, cutoff)
        removed = 0
        armed = _meta(index).get("armed")
        if armed is not None and now - armed[1] >= grace:
            removed = self._expire_before(index, armed[0])
            armed = None
        if armed is None:
            meta = _meta(index)
            was = meta.pop("armed", None)
            if days_before(index, cutoff):
                meta["armed"] = [cutoff, now]
            if meta.get("armed") != was:
                index[META] = meta
        return removed

    def _expire_before(self, index: Prefixed, cutoff: int) -> int:
        removed = 0
        for day in days_before(index, cutoff):
            for key in keys_of(index, day):
                entry = self.table.get(key)
                if isinstance(entry, dict) and entry.get("day", day) <= day:  # not re-filed on a later day
                    del self.table[key]
                    removed += 1
            forget(index, day)
        return removed
