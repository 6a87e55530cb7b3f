"""cluster: ``articles.enriched`` -> upserts of whole events on ``events`` (keyed by event id).

Near-duplicates and events about the same happening meet here because
``articles.enriched`` is keyed by the blocking country; the state is the
changelogged ``cluster-state`` table. ``Clusterer.process`` is idempotent per
article id, so a message redelivered after a crash changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from streams.agents.common import continuity, count, decoded, send, send_dead, with_skipped
from streams.app import TOPICS, app, cluster_state, settings
from streams.dedup.cluster import Clusterer
from streams.records import Rejection
from streams.topics import ARTICLES_ENRICHED, EVENTS

STAGE = "cluster"
#: decoded values the cache keeps before it starts afresh (about a horizon of a busy worker's state)
CACHE_MAX = 200_000
_ABSENT = object()


class ReadCache(MutableMapping):
    """Decoded table values kept in memory in front of ``cluster-state``.

    An article reads about forty keys (LSH buckets, articles, events, blocks);
    from RocksDB each read is a lookup and a JSON decode. This agent is the
    only writer of its partitions' keys, so values it read or wrote stay
    valid until a rebalance, which empties the cache (another worker may have
    written them meanwhile). Writes and deletes go through to the table.
    """

    def __init__(self, table: MutableMapping[str, Any]) -> None:
        self.table = table
        self.values: dict[str, Any] = {}

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key, _ABSENT)
        if value is _ABSENT:
            if len(self.values) >= CACHE_MAX:
                self.values.clear()
            value = self.values[key] = self.table.get(key)
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __setitem__(self, key: str, value: Any) -> None:
        self.table[key] = value
        self.values[key] = value

    def __delitem__(self, key: str) -> None:
        del self.table[key]
        self.values[key] = None

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


state = ReadCache(cluster_state)


@app.on_partitions_revoked.connect
async def _forget_on_revoke(sender, revoked, **kwargs) -> None:
    state.values.clear()


@app.on_partitions_assigned.connect
async def _forget_on_assign(sender, assigned, **kwargs) -> None:
    state.values.clear()


SEEN = continuity()


@app.agent(TOPICS[ARTICLES_ENRICHED.name], concurrency=1)
async def cluster(stream):
    clusterer = Clusterer(state, horizon_days=settings.horizon_days)
    async for event in stream.events():
        for message in await with_skipped(STAGE, SEEN, event):
            await _cluster(clusterer, message)


async def _cluster(clusterer: Clusterer, event) -> None:
    article = await decoded(STAGE, ARTICLES_ENRICHED, event)
    if article is None:
        return
    result = clusterer.process(article)
    if isinstance(result, Rejection):
        await send_dead(STAGE, result.reason, event, result.detail)
        return
    if result.expired:  # redelivered after its state expired: its tombstone matched, nothing to send
        count(STAGE, "expired-repeat")
        return
    for ev in result.events:
        await send(EVENTS, ev.id, ev)
    count(STAGE, "out")
    count(STAGE, "event-upserts", len(result.events))
    if result.duplicate_of:
        count(STAGE, "near-duplicate")
