"""normalize: ``articles.raw`` -> ``articles.clean`` (keyed by content fingerprint).

The work (``messages.normalize_message``) runs in the NLP processes (``offload``). An exact
repeat (same article id, same fingerprint) is dropped through the
``seen-articles`` table; an updated article (same id, new text) goes on.
"""

from __future__ import annotations

from streams.agents.common import AckedWhenWritten, count, handling_of, log, lookahead_of, offloaded, send_bytes, timed
from streams.app import TOPICS, app, keep, seen_articles, seen_articles_cached, seen_articles_dated
from streams.dedup.expiry import value_of
from streams.topics import ARTICLES_CLEAN, ARTICLES_RAW

STAGE = "normalize"


HANDLING = handling_of(STAGE, ARTICLES_RAW)
#: a message is acknowledged once its ``seen-articles`` entry is on the changelog
ACKS = AckedWhenWritten(STAGE, seen_articles)
AHEAD = lookahead_of(STAGE)


@app.agent(TOPICS[ARTICLES_RAW.name], concurrency=1)
async def normalize(stream):
    stream = stream.noack()
    async for event in stream.events():
        AHEAD.ask(event, stream)
        await HANDLING.handle(event, timed(STAGE, _normalize))
        ACKS.ack(stream, event)


async def _normalize(event) -> None:
    clean = await offloaded(STAGE, event, AHEAD)
    if clean is None:
        return
    if value_of(seen_articles_cached.get(clean.article_id)) == clean.fingerprint:
        count(STAGE, "repeat")
        log.debug("normalize: %s already sent with this text", clean.article_id)
        keep(seen_articles_dated, event, clean.article_id, clean.fingerprint, clean.published_at)  # seen again: kept
        return
    await send_bytes(ARTICLES_CLEAN, clean.key, clean.value)
    keep(seen_articles_dated, event, clean.article_id, clean.fingerprint, clean.published_at)
    count(STAGE, "out")
