"""Bounded state: which keys were written on which day, so old days go whole.

Used by the clusterer's state and, through ``put`` and ``sweep``, by the
worker's other tables (``seen-articles``, ``fingerprints``, ``fired-alerts``).

Everything the clusterer stores is filed under an event-time day: the UTC day
of an article's publication, or the clock if that day is older (a late
article, see ``filing_day``). Alongside the data, each day has an *index*: the
keys filed under that day, in chunks of ``CHUNK`` keys under
``idx:<day>:<n>``. Expiring a day reads its chunks (``keys_of``), lets the
caller delete or prune each key, then drops the chunks (``forget``): the
store is never scanned, and the cost of expiry is the size of that day.

A single ``meta`` key holds the event-time clock (the latest day seen) and,
per live day, how many chunks its index has started. Every assignment to a
Faust table is a message on its changelog, so writes are few: registering
keys writes the day's last chunk, and ``meta`` only when the clock moves or a
chunk is started (once in ``CHUNK`` keys), not on every registration (a
dated table's entry cost three changelog messages, not two, when ``meta``
counted keys). Chunks are small (16 keys) because each write sends the whole
chunk again: with 64, the index was a tenth of the bytes the worker's tables
sent an article, for one ``meta`` write in 64 registrations instead of 16.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from streams.dedup.keys import DATED_INDEX, META, dated_index, index_chunk, scoped

CHUNK = 16
SECONDS_PER_DAY = 86400


def day_of(epoch_seconds: float) -> int:
    """The event-time bucket: days since 1970-01-01 UTC."""
    return int(epoch_seconds // SECONDS_PER_DAY)


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


def register(state: MutableMapping[str, Any], day: int, keys: list[str], seen_day: int | None = None) -> None:
    """Record that ``keys`` were written on ``day``; move the clock to
    ``seen_day`` if that is later.

    Keys go into the day's last chunk while it has room, then into new ones.
    ``meta`` is written first, and only if the clock moved or a chunk was
    started: a crash in between leaves it naming a chunk not yet written
    (read as empty), never a chunk it does not name."""
    meta = _meta(state)
    changed = False
    if seen_day is not None and (meta["clock"] is None or seen_day > meta["clock"]):
        meta["clock"] = seen_day
        changed = True
    chunks: dict[str, list[str]] = {}
    if keys:
        started = meta["days"].get(str(day), 0)
        last = (state.get(index_chunk(day, started - 1)) or []) if started else []
        while keys:
            if not started or len(last) >= CHUNK:
                started, last = started + 1, []
                meta["days"][str(day)] = started
                changed = True
            batch, keys = keys[:CHUNK - len(last)], keys[CHUNK - len(last):]
            last = chunks[index_chunk(day, started - 1)] = last + batch
    if changed:
        state[META] = meta
    for chunk_key, chunk in chunks.items():
        state[chunk_key] = chunk


def days_before(state: MutableMapping[str, Any], cutoff: int) -> list[int]:
    """The live days older than ``cutoff``, oldest first."""
    return sorted(int(d) for d in _meta(state)["days"] if int(d) < cutoff)


def keys_of(state: MutableMapping[str, Any], day: int) -> list[str]:
    """The keys registered on ``day`` (possibly more than once)."""
    keys: list[str] = []
    for n in range(_meta(state)["days"].get(str(day), 0)):
        keys.extend(state.get(index_chunk(day, n)) or [])
    return keys


def forget(state: MutableMapping[str, Any], day: int) -> None:
    """Drop the index of ``day``, once its keys have been expired (in this
    order, so that a crash in between expires them again, harmlessly)."""
    meta = _meta(state)
    for n in range(meta["days"].get(str(day), 0)):
        if index_chunk(day, n) in state:
            del state[index_chunk(day, n)]
    meta["days"].pop(str(day), None)
    state[META] = meta


class Prefixed:
    """The part of a store whose keys start with ``name + "|"``.

    A Faust table is partitioned: each key must only ever be written from one
    partition (the table keeps a key written from two partitions in two
    places, and may read back the stale one). Prefixing every key of a group
    with something that belongs to one partition keeps that true."""

    def __init__(self, state: MutableMapping[str, Any], name: str) -> None:
        self.state = state
        self.name = name
        self.prefix = scoped(name, "")

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
# table keeps the index above (clock, keys per day) under ``~expiry:<partition>|``,
# a prefix no article id, fingerprint or event id takes. Entries and index are
# written while handling a message of that partition, so both land on that
# partition's changelog, and a sweep deletes them there: its tombstones are
# what make a deletion survive a restart. The clock is the partition's, as in
# Faust's own windowed tables: a partition lagging behind in a replay does not
# lose the state it still needs to the others' progress.

#: where a dated table keeps the index of one partition
INDEX = DATED_INDEX


def _index(table: MutableMapping[str, Any], partition: int) -> Prefixed:
    return Prefixed(table, dated_index(partition))


def value_of(entry: Any) -> Any:
    """The value of a dated table's entry (``None`` if there is none)."""
    return entry.get("value") if isinstance(entry, dict) else None


def put(table: MutableMapping[str, Any], partition: int, key: str, value: Any, day: int) -> None:
    """Store ``value`` under ``key``, filed under event day ``day`` (or the
    partition's clock, if later: see ``filing_day``), and move the clock.

    An entry already holding ``value`` is re-filed only when that moves it to
    a later day (at most one write a day): an article or event seen again
    keeps its entry alive, and a repeat costs no write on the same day."""
    index = _index(table, partition)
    filed = filing_day(index, day)
    entry = table.get(key)
    if isinstance(entry, dict) and entry.get("value") == value and entry.get("day", -1) >= filed:
        return
    register(index, filed, [key], seen_day=day)  # first: a crash in between leaves no unindexed entry
    table[key] = {"value": value, "day": filed}


def sweep(table: MutableMapping[str, Any], partition: int, horizon_days: int, now: float = 0.0,
          grace: float = 0.0) -> int:
    """Delete the entries of ``partition`` filed more than ``horizon_days``
    before its clock, and their index; return how many entries went.

    With a ``grace`` (seconds of ``now``, wall time), a cutoff is first armed
    and applied only once ``grace`` has passed: a message handled before the
    clock leapt and delivered again (at least once, the redo after a restart
    or a rebalance reaches back to the last commit) still finds the entries it
    found the first time. Entries then go up to two graces late."""
    index = _index(table, partition)
    today = clock(index)
    if today is None:
        return 0
    cutoff = today - horizon_days
    if grace <= 0:
        return _expire_before(table, index, cutoff)
    removed = 0
    armed = _meta(index).get("armed")
    if armed is not None and now - armed[1] >= grace:
        removed = _expire_before(table, index, armed[0])
        armed = None
    if armed is None:
        meta = _meta(index)
        was = meta.pop("armed", None)
        if days_before(index, cutoff):
            meta["armed"] = [cutoff, now]
        if meta.get("armed") != was:
            index[META] = meta
    return removed


def _expire_before(table: MutableMapping[str, Any], index: Prefixed, cutoff: int) -> int:
    removed = 0
    for day in days_before(index, cutoff):
        for key in keys_of(index, day):
            entry = table.get(key)
            if isinstance(entry, dict) and entry.get("day", day) <= day:  # not re-filed on a later day
                del table[key]
                removed += 1
        forget(index, day)
    return removed
