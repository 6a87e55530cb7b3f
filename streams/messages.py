"""The NLP stages over Kafka message bytes: decode, run the pure stage, encode.

These run in the NLP processes beside a worker (``agents/offload.py``), so
that decoding, schema validation, the NLP and encoding all happen there: the
worker's loop neither decodes nor encodes these messages, and only bytes
cross between the processes, not records to pickle. The agent gets an
``Outcome``: the key and bytes to send on plus the few fields its tables
need, or the reason the message goes to the dead-letter topic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from streams.codec import DecodeError, decode, encode
from streams.dedup.cluster import partition_key
from streams.dedup.extracted import NO_COUNTRY
from streams.nlp.enrich import enrich
from streams.nlp.normalize import normalize
from streams.reasons import Reason
from streams.records import EnrichedArticle, Rejection
from streams.topics import ARTICLES_CLEAN, ARTICLES_RAW, TopicSpec


@dataclass(frozen=True)
class Outcome:
    """What a stage made of one message: what to send on, or why it is a dead letter."""

    key: str = ""
    value: bytes = b""
    #: the article's id and content fingerprint, for the agent's tables
    article_id: str = ""
    fingerprint: str = ""
    #: the article's event time, which its table entries expire by
    published_at: str = ""
    #: set when the message goes to the dead-letter topic instead
    reason: Reason | None = None
    detail: str = ""


def _stage(spec: TopicSpec, value: bytes | None, run: Callable[[Any], Any], key_of: Callable[[Any], str]) -> Outcome:
    try:
        record = decode(spec, value)
    except DecodeError as exc:
        return Outcome(reason=exc.reason, detail=exc.detail)
    result = run(record)
    if isinstance(result, Rejection):
        return Outcome(reason=result.reason, detail=result.detail)
    return Outcome(key_of(result), encode(result), result.id, result.fingerprint or "", result.published_at)


def normalize_message(value: bytes | None) -> Outcome:
    """An ``articles.raw`` message -> its ``articles.clean`` message (keyed by content fingerprint)."""
    return _stage(ARTICLES_RAW, value, normalize, lambda clean: clean.fingerprint)


def enrich_message(value: bytes | None) -> Outcome:
    """An ``articles.clean`` message -> its ``articles.enriched`` message, keyed by the partition
    key the cluster stage blocks on (the primary country: ``cluster.partition_key``)."""
    return _stage(ARTICLES_CLEAN, value, enrich, partition_key)


def copy_message(value: bytes | None, first_id: str, first_key: str) -> Outcome | None:
    """An ``articles.clean`` message with the text of an earlier article (``first_id``, enriched under
    partition key ``first_key``) -> its ``articles.enriched`` message, without the NLP.

    A syndicated copy under another id is still coverage: another outlet, another mention. It goes on
    with no events of its own under the original's partition key, where the cluster stage finds the
    original by their identical MinHash signatures and adds it as a mention of the original's events,
    as it does for near copies that went through the NLP. None when the message is the original
    itself (seen again after its entries expired), is not a valid article, or would not land on the
    original's key: it then takes the full path (where an invalid one becomes a dead letter).
    """
    try:
        clean = decode(ARTICLES_CLEAN, value)
    except DecodeError:
        return None
    if clean.id == first_id:
        return None
    copy = EnrichedArticle(
        id=clean.id, url=clean.url, title=clean.title, text=clean.text, published_at=clean.published_at,
        language=clean.language, source=clean.source, fingerprint=clean.fingerprint,
        countries=[] if first_key.startswith(f"{NO_COUNTRY}-") else [first_key],
    )
    if partition_key(copy) != first_key:
        return None
    return Outcome(first_key, encode(copy), copy.id, copy.fingerprint, copy.published_at)
