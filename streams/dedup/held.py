"""Which cluster-state writes may wait and coalesce under at-least-once, and in what order they go out.

A copy of a hot story rewrites the same few events (mentions, article list, last seen) that the next
copies rewrite again; sending each state to the changelog was most of the records an article cost.
Under ``exactly_once`` the table's record cache coalesces every write, since a flush is all or
nothing. Under ``at_least_once`` a crash can cut a flush short, so only writes whose loss or
reordering recovery tolerates are held, and they go out in an order recovery relies on:

- held: a live event's new state, and a decision marked applied (the last write of an article);
- every other write (a decision stored before it is applied, a tombstone, a retired event, the
  clock, a deletion) first sends what is held, then goes through, as all writes did before;
- a flush sends the held events before the held decisions, so a decision marked applied never
  reaches the changelog before the events it updated: an article redelivered after a crash either
  finds its decision applied (all its mentions are there) or decides again, and an event holding its
  mention already lists its version (``EventState.by``) and is left alone;
- no key is held for more than ``ARTICLES_HELD`` articles (the agent flushes after the article
  that reaches it: ``HeldCount``), so an event written out with the mentions of every held article
  still lists each of their versions. An article writes an event at most once.

A crash leaves every message behind the held writes unacknowledged (the agent acknowledges only
after their flush is on the changelog), so all of them are delivered again, in order.
"""

from __future__ import annotations

from typing import Any

from streams.dedup import keys
from streams.dedup.merge import BY_CAP
from streams.dedup.state import Decision, EventState

#: held writes of one key before a flush: an event remembers the versions of its last ``BY_CAP``
#: articles, enough to recognise each of them when they are delivered again
ARTICLES_HELD = BY_CAP


def holdable(key: str, record: Any) -> bool:
    """Whether writing ``record`` under ``key`` may wait in the cache and coalesce."""
    if isinstance(record, EventState):
        return not record.retired
    return isinstance(record, Decision) and record.applied


def flush_rank(key: str) -> int:
    """Where a held key goes in a flush: events (0) before decisions (1); stable within each."""
    return int(keys.kind(key) == keys.ARTICLE)


class HeldCount:
    """How many times each key was held since the last flush: ``full`` once one reached
    ``ARTICLES_HELD``. A hot event of a story counts the articles mentioning it; copies of other
    stories between them do not bring the flush closer."""

    def __init__(self) -> None:
        self._times: dict[str, int] = {}
        self.full = False

    def note(self, key: str) -> None:
        times = self._times[key] = self._times.get(key, 0) + 1
        self.full = self.full or times >= ARTICLES_HELD

    def clear(self) -> None:
        self._times.clear()
        self.full = False
