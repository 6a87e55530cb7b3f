"""Expiring the clusterer's state: what going out means for each kind of key, and shard sweeps.

Time is event time (publication, never the wall clock): the clock is the
latest publication day seen under a partition key, and an article's keys
are filed under its publication day or, if that is older, the clock
(``expiry.filing_day``); an event is filed again each time an article
mentions it. Once the clock is more than ``horizon_days`` past a day, that
day's keys expire (``expire_before``, at the end of each ``Clusterer.process``):
an article leaves the LSH index (``lsh.BandIndex``) and its decision
becomes a ``Tombstone``, an event leaves its block and keeps its id reserved
(``retired``); both are deleted ``RETIRED_HORIZONS`` horizons later
(``expire_key``). So an article's state lives one horizon of clock progress
whatever its publication time: one that comes more than a horizon behind the
clock (an archive mixing years, replayed over several partitions, where a
2024 report overtakes a 2022 one) still meets its late copies, matched by its
own event dates; what expired before it came is not brought back.

A partition key that receives no more articles is swept by ``Clusterer.expire``;
in the worker, ``process`` is told the table partition (``shard``) the
article belongs to and, each time that partition's clock reaches a new day,
expires every partition key stored there (``sweep_shard``, listed in its
``ShardRecord``), so the state is bounded by partition keys x horizons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from typing import Any

import msgspec

from streams.dedup import expiry, keys, lsh, minhash
from streams.dedup.blocks import Scope
from streams.dedup.state import Decision, EventState, ShardRecord, Tombstone

#: how many horizons an expired event keeps its id reserved, and an expired article its
#: tombstone (see ``expire_key``)
RETIRED_HORIZONS = 3


def sweep_shard(
    state: MutableMapping[str, Any], shard: int, partition_key: str, day: int, horizon_days: int, index: lsh.BandIndex,
    scope: Callable[[str], Scope],
) -> None:
    """Note ``partition_key`` as stored in ``shard``; when the shard's clock moves on to
    ``day``, expire its other partition keys up to it. A country that gets no more
    articles is swept by its partition's other articles, once per day of event time,
    and the list of a shard's keys survives a restart (it is in the state)."""
    key = keys.shard(shard)
    record = state.get(key) or ShardRecord(clock=None, keys=[])
    new_day = record.clock is None or day > record.clock
    if not new_day and partition_key in record.keys:
        return
    if new_day:  # first: a crash before the record is written sweeps again, harmlessly
        expire_days(record.keys, day, horizon_days, index, scope)
    state[key] = ShardRecord(clock=max(day, record.clock or day), keys=sorted({*record.keys, partition_key}))


def expire_days(
    partition_keys: Iterable[str], day: int, horizon_days: int, index: lsh.BandIndex, scope: Callable[[str], Scope],
) -> int:
    """Expire what is filed more than ``horizon_days`` before event-time ``day`` under each
    partition key (whose state ``scope`` gives); return the number of keys expired or pruned."""
    cutoff = day - horizon_days
    return sum(expire_before(scope(k), cutoff, horizon_days, index) for k in sorted(partition_keys))


def expire_before(store: Scope, cutoff: int, horizon_days: int, index: lsh.BandIndex) -> int:
    """Expire the days of one partition key's index older than ``cutoff``."""
    removed = 0
    days = expiry.days_before(store, cutoff)
    while days:  # again: retiring an event registers it on a later day, maybe before the cutoff too
        for day in days:
            for key in expiry.keys_of(store, day):
                removed += expire_key(store, key, day, horizon_days, index)
            expiry.forget(store, day)
        days = expiry.days_before(store, cutoff)
    return removed


def expire_key(store: Scope, key: str, day: int, horizon_days: int, index: lsh.BandIndex) -> int:
    """Expire one key filed under ``day``, unless it was filed again later; return 1 if it changed."""
    record = store.get(key)
    if record is None or record.day > day:
        return 0  # gone already, or refreshed on a later day
    later = day + RETIRED_HORIZONS * horizon_days
    if isinstance(record, Decision):
        index.remove(store.name, keys.article_id(key))
        stored = minhash.decode(record.sig) if record.sig and record.bands else None
        if stored is not None:  # buckets stored by an earlier version: the article key is what finds them
            for band in lsh.band_keys(stored, record.bands):
                lsh.prune(store, band, day)
        # A tombstone (the version only) for as long as a retired event: an article
        # redelivered after its state expired (a replay can move more than a horizon
        # within one commit interval) is recognised, not clustered a second time.
        expiry.register(store, later, [key])
        store[key] = Tombstone(day=later, gone=record.version)
        return 1
    if isinstance(record, EventState) and not record.retired:
        # Out of its block (never matched again), but the record stays for RETIRED_HORIZONS more
        # horizons: event ids come from what the event is, so a late report of the same happening
        # would otherwise re-create the id and overwrite the event's history on the compacted
        # topic. While retired, the id is taken and a late report gets a ``-2`` id instead.
        store.blocks.remove(record.block, record.event.id)
        stored = store.get(record.block)  # a block stored by an earlier version
        if stored is not None and record.event.id in stored:
            members = [e for e in stored if e != record.event.id]
            if members:
                store[record.block] = members
            else:
                del store[record.block]
        expiry.register(store, later, [key])
        store[key] = msgspec.structs.replace(record, retired=True, day=later)
        return 1
    del store[key]
    return 1
