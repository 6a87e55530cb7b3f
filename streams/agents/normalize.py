"""normalize: ``articles.raw`` -> ``articles.clean`` (keyed by content fingerprint).

An exact repeat (same article id, same fingerprint) is dropped through the
``seen-articles`` table; an updated article (same id, new text) goes on.
"""

from __future__ import annotations

from streams.agents.common import count, decoded, log, send, send_dead
from streams.app import TOPICS, app, seen_articles
from streams.nlp.normalize import normalize as normalize_article
from streams.records import Rejection
from streams.topics import ARTICLES_CLEAN, ARTICLES_RAW

STAGE = "normalize"


@app.agent(TOPICS[ARTICLES_RAW.name], concurrency=1)
async def normalize(stream):
    async for event in stream.events():
        raw = await decoded(STAGE, ARTICLES_RAW, event)
        if raw is None:
            continue
        result = normalize_article(raw)
        if isinstance(result, Rejection):
            await send_dead(STAGE, result.reason, event, result.detail)
            continue
        if seen_articles.get(result.id) == result.fingerprint:
            count(STAGE, "repeat")
            log.debug("normalize: %s already sent with this text", result.id)
            continue
        await send(ARTICLES_CLEAN, result.fingerprint, result)
        seen_articles[result.id] = result.fingerprint
        count(STAGE, "out")
