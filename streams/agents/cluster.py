"""cluster: ``articles.enriched`` -> upserts of whole events on ``events`` (keyed by event id).

Near-duplicates and events about the same happening meet here because
``articles.enriched`` is keyed by the blocking country; the state is the
changelogged ``cluster-state`` table (JSON text, read and written as the
typed records of ``dedup.state``). ``Clusterer.process`` is idempotent per
article id, so a message redelivered after a crash changes nothing, and it
answers a redelivered article with the same events again.

Upserts wait up to ``KABAR_EMIT_INTERVAL`` seconds and go out as the latest
state of each event (``upserts.PendingUpserts``). Messages are acknowledged
by hand, after the upserts they caused are sent and the state they wrote is
on the changelog (``app.WatchedTable``): a crash or a rebalance before that
delivers them again, and they are answered again (after the state their first
handling wrote, which a rebalance does not forget). A committed offset whose
state did not reach the changelog would lose its article for good: the
restarted worker neither has it in its state nor is given it again.
"""

from __future__ import annotations

import asyncio
import time

from streams import metrics
from streams.agents.common import acknowledge, count, decoded, handling_of, send, send_dead, timed
from streams.agents.readcache import ReadCache
from streams.agents.upserts import PendingUpserts
from streams.app import TOPICS, app, cluster_state, sent_for, settings
from streams.dedup import held
from streams.dedup.cluster import Clusterer
from streams.dedup.state import TypedState
from streams.records import Event, Rejection
from streams.topics import ARTICLES_ENRICHED, EVENTS

STAGE = "cluster"


#: the table seen as typed records, each decoded once per rebalance (the agent alone writes its
#: partitions); event rewrites and applied decisions are held back and coalesce (``dedup.held``)
state = ReadCache(TypedState(cluster_state, encoded=True, holdable=held.holdable))
#: its LSH index is rebuilt from the table after each rebalance (``Clusterer.index``)
clusterer = Clusterer(state, horizon_days=settings.horizon_days, typed=True)
#: upserts waiting to go out, and the messages (with the stream that acks them) behind them
pending: PendingUpserts = PendingUpserts(settings.emit_interval)
_emitting = asyncio.Lock()


@app.on_partitions_revoked.connect
async def _forget_on_revoke(sender, revoked, **kwargs) -> None:
    state.values.clear()
    clusterer.forget_index()
    pending.drop()  # not acknowledged: the new owner handles those messages again (see ``emit``)


@app.on_partitions_assigned.connect
async def _forget_on_assign(sender, assigned, **kwargs) -> None:
    state.values.clear()
    clusterer.forget_index()
    pending.drop()


async def emit() -> None:
    """Send the waiting upserts and wait for the state writes behind them, then acknowledge the
    messages behind them (one at a time: the lock keeps an event's states in the order they were
    reached). The writes taken with the messages include all of theirs (a message's writes come
    before it is added to ``pending``), and perhaps a next message's, which is only waited for early.
    A rebalance drops the waiting messages but not their writes: delivered again, such a message
    finds its state already written and writes nothing, so what it waits for is the writes of its
    first handling, still among those taken here. Each upsert is sent for the message that last
    updated its event (``app.sent_for``): an event's state lives in its partition's part of
    ``cluster-state``, so the messages that update it come from that partition."""
    async with _emitting:
        states, messages = pending.take()
        written = cluster_state.take_writes()
        for ev, (_, origin) in states:
            with sent_for(origin.message.tp):
                await send(EVENTS, ev.id, ev)
            metrics.upserted(ev.last_seen, time.time())
        count(STAGE, "event-upserts", len(states))
        await asyncio.gather(*written)
        for stream, event in messages:
            await acknowledge(stream, event)


@app.timer(interval=max(settings.emit_interval / 2, 0.01))
async def _emit_when_idle() -> None:
    if pending.due():
        await emit()


HANDLING = handling_of(STAGE, ARTICLES_ENRICHED)


def _flush_if_held_enough() -> None:
    """Write out what ``cluster-state`` holds once a key was held ``held.ARTICLES_HELD`` times (its
    changelog messages are waited for by the next ``emit``, as all writes are). Under
    ``exactly_once`` a flush is all or nothing and the cache coalesces until the emit."""
    if cluster_state.held.full and not cluster_state.caches:
        cluster_state.flush()


@app.agent(TOPICS[ARTICLES_ENRICHED.name], concurrency=1)
async def cluster(stream):
    stream = stream.noack()
    async for event in stream.events():
        mentions = await HANDLING.handle(event, timed(STAGE, _cluster))
        pending.add((stream, event), [m for m in mentions if m is not None])
        if pending.due():
            await emit()


async def _cluster(event) -> tuple[str, list[Event]] | None:
    """The article of ``event`` and the events it updated (upserts to send); None after
    dead-lettering what cannot be clustered."""
    article = await decoded(STAGE, ARTICLES_ENRICHED, event)
    if article is None:
        return None
    result = clusterer.process(article, shard=event.message.partition)
    _flush_if_held_enough()
    if isinstance(result, Rejection):
        await send_dead(STAGE, result.reason, event, result.detail)
        return None
    if result.expired:  # redelivered after its state expired: its tombstone matched, nothing to send
        count(STAGE, "expired-repeat")
        return None
    count(STAGE, "out")
    if result.duplicate_of:
        count(STAGE, "near-duplicate")
    return result.article_id, result.events
