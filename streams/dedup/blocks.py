"""Which events each block holds: an index in memory, rebuilt from the event records.

A block (``keys.block``: country, type family, date) is where ``decide`` looks
for the canonical events an extracted event may be. Each event's record names
its block (``EventState.block``), and a retired event is out of it, so the
index is derived from the records, like the LSH and day indexes
(``Clusterer.index``): a worker restored from the changelog finds the same
events. Stored, a block was a changelog record for each event created (2.2 an
article on mostly original articles), its whole list written again each time,
and capped at 256 events to bound that value; in memory a block is bounded by
the horizon, as its events are. Matching does not depend on the order of a
block's events (``matching.assign`` breaks ties by index and id).

State written by an earlier version still holds blocks under ``blk:`` keys:
they are not read (the event records say the same), and are pruned as their
events retire (``retire.expire_key``).
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from streams.dedup import expiry


class Blocks:
    """The ids of the live events of each block, for one partition key."""

    def __init__(self) -> None:
        self.events: dict[str, set[str]] = {}

    def add(self, block: str, event_id: str) -> None:
        self.events.setdefault(block, set()).add(event_id)

    def remove(self, block: str, event_id: str) -> None:
        members = self.events.get(block)
        if members is not None:
            members.discard(event_id)
            if not members:
                del self.events[block]

    def of(self, block: str) -> Iterable[str]:
        """The events of ``block``, in a fixed order (ids sorted)."""
        return sorted(self.events.get(block, ()))


class Scope(expiry.Prefixed):
    """One partition key's part of the clusterer's state, with its day index and its blocks."""

    def __init__(self, state: MutableMapping[str, Any], name: str, days: expiry.Days, blocks: Blocks) -> None:
        super().__init__(state, name, days)
        self.blocks = blocks
