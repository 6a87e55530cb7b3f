"""enrich: ``articles.clean`` -> ``articles.enriched`` (keyed by primary country).

The work (``messages.enrich_message``) runs in the NLP processes (``offload``). The same
text under another article id is an exact copy: the ``fingerprints`` table (co-partitioned on
the fingerprint, the message key) holds the first article's id and partition key, and the copy
skips the NLP and goes on as a mention of the first (``messages.copy_message``), logged and
counted. Entries written before they held the partition key (a bare id) send the copy the full way.
"""

from __future__ import annotations

from streams.agents.common import AckedWhenWritten, count, handling_of, log, lookahead_of, offloaded, send_bytes, timed
from streams.app import TOPICS, app, fingerprints, fingerprints_cached, fingerprints_dated, keep
from streams.dedup.expiry import value_of
from streams.messages import copy_message
from streams.topics import ARTICLES_CLEAN, ARTICLES_ENRICHED

STAGE = "enrich"


def first_of(entry: object) -> tuple[str, str] | None:
    """(id, partition key) of the first article with a fingerprint, from its table value."""
    if isinstance(entry, list) and len(entry) == 2 and all(isinstance(v, str) for v in entry):
        return entry[0], entry[1]
    return None


HANDLING = handling_of(STAGE, ARTICLES_CLEAN)
#: a message is acknowledged once its ``fingerprints`` entry is on the changelog
ACKS = AckedWhenWritten(STAGE, fingerprints)
AHEAD = lookahead_of(STAGE)


def not_known_copy(event) -> bool:
    """Whether ``event`` needs the NLP as far as the read cache knows (the table itself is read
    only while the message is handled): a copy of an article already enriched skips it."""
    key = event.key.decode("utf-8", "replace") if event.key else None
    return key is None or first_of(value_of(fingerprints_cached.values.get(key))) is None


@app.agent(TOPICS[ARTICLES_CLEAN.name], concurrency=1)
async def enrich(stream):
    stream = stream.noack()
    async for event in stream.events():
        AHEAD.ask(event, stream, not_known_copy)
        await HANDLING.handle(event, timed(STAGE, _enrich))
        ACKS.ack(stream, event)


async def _enrich(event) -> None:
    entry = value_of(fingerprints_cached.get(event.key.decode("utf-8", "replace"))) if event.key else None
    first = first_of(entry)
    copy = copy_message(event.value, *first) if first is not None else None
    if copy is not None:
        count(STAGE, "in")
        count(STAGE, "exact-duplicate")
        log.info("enrich: %s has the same text as %s; passed on as its copy, without NLP", copy.article_id, first[0])
        await send_bytes(ARTICLES_ENRICHED, copy.key, copy.value)
        count(STAGE, "out")
        return
    enriched = await offloaded(STAGE, event, AHEAD)
    if enriched is None:
        return
    await send_bytes(ARTICLES_ENRICHED, enriched.key, enriched.value)
    if entry is None:
        keep(fingerprints_dated, event, enriched.fingerprint, [enriched.article_id, enriched.key],
             enriched.published_at)
    count(STAGE, "out")
