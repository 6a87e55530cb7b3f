"""cluster: ``articles.enriched`` -> upserts of whole events on ``events`` (keyed by event id).

Near-duplicates and events about the same happening meet here because
``articles.enriched`` is keyed by the blocking country; the state is the
changelogged ``cluster-state`` table. ``Clusterer.process`` is idempotent per
article id, so a message redelivered after a crash changes nothing.
"""

from __future__ import annotations

from streams.agents.common import count, decoded, send, send_dead
from streams.app import TOPICS, app, cluster_state, settings
from streams.dedup.cluster import Clusterer
from streams.records import Rejection
from streams.topics import ARTICLES_ENRICHED, EVENTS

STAGE = "cluster"


@app.agent(TOPICS[ARTICLES_ENRICHED.name], concurrency=1)
async def cluster(stream):
    clusterer = Clusterer(cluster_state, horizon_days=settings.horizon_days)
    async for event in stream.events():
        article = await decoded(STAGE, ARTICLES_ENRICHED, event)
        if article is None:
            continue
        result = clusterer.process(article)
        if isinstance(result, Rejection):
            await send_dead(STAGE, result.reason, event, result.detail)
            continue
        for ev in result.events:
            await send(EVENTS, ev.id, ev)
        count(STAGE, "out")
        count(STAGE, "event-upserts", len(result.events))
        if result.duplicate_of:
            count(STAGE, "near-duplicate")
