"""The NLP stages over Kafka message bytes: decode, run the pure stage, encode.

These run in the NLP processes beside a worker (``agents/offload.py``), so
that decoding, schema validation, the NLP and encoding all happen there and
only bytes cross between processes: pickling the records themselves cost
more than the work it moved. The agent gets an ``Outcome``: the key and
bytes to send on plus the few fields its tables need, or the reason the
message goes to the dead-letter topic.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.codec import DecodeError, decode, encode
from streams.dedup.cluster import NO_COUNTRY
from streams.nlp.enrich import enrich
from streams.nlp.normalize import normalize
from streams.records import CleanArticle, EnrichedArticle, RawArticle, Rejection
from streams.topics import ARTICLES_CLEAN, ARTICLES_RAW


@dataclass(frozen=True)
class Outcome:
    """What a stage made of one message: what to send on, or why it is a dead letter."""

    key: str = ""
    value: bytes = b""
    #: the article's id and content fingerprint, for the agent's tables
    article_id: str = ""
    fingerprint: str = ""
    #: set when the message goes to the dead-letter topic instead
    reason: str | None = None
    detail: str = ""


def _rejected(reason: str, detail: str) -> Outcome:
    return Outcome(reason=reason, detail=detail)


def normalize_message(value: bytes | None) -> Outcome:
    """An ``articles.raw`` message -> its ``articles.clean`` message (keyed by content fingerprint)."""
    try:
        raw = decode(ARTICLES_RAW, value)
    except DecodeError as exc:
        return _rejected("undecodable", str(exc))
    clean = normalize(raw)
    if isinstance(clean, Rejection):
        return _rejected(clean.reason, clean.detail)
    return Outcome(clean.fingerprint, encode(clean), clean.id, clean.fingerprint)


def enrich_message(value: bytes | None) -> Outcome:
    """An ``articles.clean`` message -> its ``articles.enriched`` message (keyed by primary country)."""
    try:
        clean = decode(ARTICLES_CLEAN, value)
    except DecodeError as exc:
        return _rejected("undecodable", str(exc))
    enriched = enrich(clean)
    if isinstance(enriched, Rejection):
        return _rejected(enriched.reason, enriched.detail)
    # the partition key of articles.enriched; the cluster stage blocks on it
    key = enriched.countries[0] if enriched.countries else NO_COUNTRY
    return Outcome(key, encode(enriched), enriched.id, enriched.fingerprint or "")
