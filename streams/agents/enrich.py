"""enrich: ``articles.clean`` -> ``articles.enriched`` (keyed by primary country).

The work (``messages.enrich_message``) runs in the NLP processes (``offload``). The same
text under a second URL is an exact duplicate: the ``fingerprints`` table
(co-partitioned on the fingerprint, the message key) drops it before any NLP,
logged and counted.
"""

from __future__ import annotations

import orjson

from streams.agents.common import count, handling_of, log, offloaded, send_bytes, timed
from streams.app import TOPICS, app, fingerprints_cached, keep
from streams.dedup.expiry import value_of
from streams.topics import ARTICLES_CLEAN, ARTICLES_ENRICHED

STAGE = "enrich"


def _article_id(value: bytes | None) -> str | None:
    try:
        return orjson.loads(value or b"").get("id")
    except (orjson.JSONDecodeError, AttributeError):
        return None  # not an article: enrich_message dead-letters it


HANDLING = handling_of(STAGE, ARTICLES_CLEAN)


@app.agent(TOPICS[ARTICLES_CLEAN.name], concurrency=1)
async def enrich(stream):
    stream = stream.noack()
    async for event in stream.events():
        await HANDLING.handle(event, timed(STAGE, _enrich))
        await stream.ack(event)


async def _enrich(event) -> None:
    first = value_of(fingerprints_cached.get(event.key.decode("utf-8", "replace"))) if event.key else None
    article_id = _article_id(event.value) if first is not None else None
    if article_id is not None and article_id != first:
        count(STAGE, "in")
        count(STAGE, "exact-duplicate")
        log.info("enrich: %s has the same text as %s; dropped", article_id, first)
        return
    enriched = await offloaded(STAGE, event)
    if enriched is None:
        return
    await send_bytes(ARTICLES_ENRICHED, enriched.key, enriched.value)
    if first is None:
        keep(fingerprints_cached, event, enriched.fingerprint, enriched.article_id, enriched.published_at)
    count(STAGE, "out")
