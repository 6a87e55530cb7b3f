"""enrich: ``articles.clean`` -> ``articles.enriched`` (keyed by primary country).

The same text under a second URL is an exact duplicate: the ``fingerprints``
table (co-partitioned on the fingerprint key) drops it, logged and counted.
"""

from __future__ import annotations

from streams.agents.common import count, decoded, log, send, send_dead
from streams.app import TOPICS, app, fingerprints
from streams.nlp.enrich import enrich as enrich_article
from streams.records import Rejection
from streams.topics import ARTICLES_CLEAN, ARTICLES_ENRICHED

STAGE = "enrich"
NO_COUNTRY = "ZZ"


@app.agent(TOPICS[ARTICLES_CLEAN.name], concurrency=1)
async def enrich(stream):
    async for event in stream.events():
        clean = await decoded(STAGE, ARTICLES_CLEAN, event)
        if clean is None:
            continue
        first = fingerprints.get(clean.fingerprint)
        if first is not None and first != clean.id:
            count(STAGE, "exact-duplicate")
            log.info("enrich: %s has the same text as %s; dropped", clean.id, first)
            continue
        result = enrich_article(clean)
        if isinstance(result, Rejection):
            await send_dead(STAGE, result.reason, event, result.detail)
            continue
        await send(ARTICLES_ENRICHED, result.countries[0] if result.countries else NO_COUNTRY, result)
        if first is None:
            fingerprints[clean.fingerprint] = clean.id
        count(STAGE, "out")
