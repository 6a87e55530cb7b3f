"""Decode and encode per topic on one core: what ``codec`` costs each message an agent handles.

The records are the pipeline's own: the gold articles of a folder through ``article_from_dict`` ->
``normalize`` -> ``enrich`` -> ``Clusterer.process`` (raw, clean, enriched articles and their event
upserts), an alert per event and a dead letter per article. ``bench_codec`` returns microseconds per
message for ``codec.decode`` (bytes -> validated record) and ``codec.encode`` (record -> bytes).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from streams.codec import dead_letter, decode, encode
from streams.reasons import Reason
from streams.records import Alert, EnrichedArticle, Record, Rejection
from streams.topics import ALERTS, ARTICLES_CLEAN, ARTICLES_ENRICHED, ARTICLES_RAW, DEADLETTER, EVENTS, TopicSpec


def pipeline_records(objects: Iterable[dict]) -> dict[TopicSpec, list[Record]]:
    """The records of every topic that archive objects (gold articles) produce, by topic spec."""
    from streams.dedup.cluster import Clusterer
    from streams.ingest.archive import article_from_dict
    from streams.nlp.enrich import enrich
    from streams.nlp.normalize import normalize

    topics = (ARTICLES_RAW, ARTICLES_CLEAN, ARTICLES_ENRICHED, EVENTS, ALERTS, DEADLETTER)
    out: dict[TopicSpec, list[Record]] = {spec: [] for spec in topics}
    clusterer = Clusterer({})
    for obj in objects:
        raw = article_from_dict(obj)
        if isinstance(raw, Rejection):
            continue
        out[ARTICLES_RAW].append(raw)
        out[DEADLETTER].append(dead_letter("normalize", Reason.STAGE_ERROR, "a letter as the agents write it", encode(raw),
                                           topic=ARTICLES_RAW.name, partition=0, offset=1, key=raw.id))
        clean = normalize(raw)
        if isinstance(clean, Rejection):
            continue
        out[ARTICLES_CLEAN].append(clean)
        enriched = enrich(clean)
        if not isinstance(enriched, EnrichedArticle):
            continue
        out[ARTICLES_ENRICHED].append(enriched)
        result = clusterer.process(enriched)
        if isinstance(result, Rejection):
            continue
        for event in result.events:
            out[EVENTS].append(event)
            out[ALERTS].append(Alert(id=f"{event.id}:r", rule="r", severity="high", message=event.type,
                                     event_id=event.id, at=event.last_seen or raw.published_at, event=event))
    return out


def _per_message_us(fn, items: list, repeat: int) -> float:
    started = time.process_time()
    for _ in range(repeat):
        for item in items:
            fn(item)
    return round(1e6 * (time.process_time() - started) / (len(items) * repeat), 2)


def bench_codec(folder: str, repeat: int = 200) -> dict:
    """Per topic: messages, mean payload bytes, µs per decode and per encode (CPU time, ``repeat`` passes)."""
    from streams.evaluate import load_gold

    result = {}
    for spec, records in pipeline_records(load_gold(Path(folder))).items():
        if not records:
            continue
        payloads = [encode(r) for r in records]
        _per_message_us(lambda p: decode(spec, p), payloads, 1)  # warm-up: validators and decoders built
        result[spec.name] = {
            "messages": len(records),
            "bytes": round(sum(map(len, payloads)) / len(payloads)),
            "decode_us": _per_message_us(lambda p: decode(spec, p), payloads, repeat),
            "encode_us": _per_message_us(encode, records, repeat),
        }
    return result
