"""Applying a stored decision, idempotently: events, the day index (in memory), then ``applied``.

The decision is stored first under ``art:<id>`` (unless deciding again gives
the same: ``cluster.redecided_alike``; it is then stored once, applied), then
applied and marked applied; every step is a no-op when the article is already
in place (an event whose ``by`` lists the article's version is left alone). A
new event joins its block in memory (``blocks``). A replayed
article, or one re-delivered after a crash mid-way, re-applies the stored
decision and changes nothing twice: at-least-once delivery plus idempotent
upserts gives exactly-once results. Every write is ordered so that a crash at
any point, followed by redelivery, leaves neither a stray key nor a different
result (the unit tests crash at every write).
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from streams.dedup import expiry, keys, matching
from streams.dedup.blocks import Scope
from streams.dedup.extracted import Extracted, extract
from streams.dedup.merge import Mention, merge, to_event
from streams.dedup.state import CanonicalEvent, Decision, EventState
from streams.records import EnrichedArticle, Event


def apply(
    store: Scope, article: EnrichedArticle, published: datetime, decision: Decision, just_decided: bool,
) -> list[Event]:
    """Apply ``decision`` (stored under the article's key) and return the events it created or
    updated. ``just_decided``: stored by this very call, so nothing of it can be half-applied."""
    day, published_day = decision.day, expiry.day_of(published.timestamp())
    fresh: list[str] = []
    mention = Mention(article, published, decision.story, decision.version)
    extracted = [extract(ev, article, published) for ev in article.events]
    result = []
    for assignment in decision.events:
        key = keys.event(assignment.event_id)
        record = store.get(key)
        index = assignment.index
        ev = extracted[index] if index is not None and index < len(extracted) else None
        if record is None:
            if not assignment.new or ev is None:
                continue  # merged into an event that has expired since (or a changed replay)
            record = create(store, assignment.event_id, ev, mention, day)
            fresh.append(key)
        elif not decision.applied and record.by.get(article.id) != mention.version:
            merge(record, ev, mention, was=decision.was)
            if record.day < day:
                record.day = day
                fresh.append(key)
            store[key] = record
        result.append(to_event(record.event))
    if not decision.applied:
        if not just_decided:
            # a decision stored before a crash: any of its keys may have been
            # written unregistered (registering twice is harmless, never is a leak)
            fresh += [keys.event(a.event_id) for a in decision.events if a.new]
        fresh.append(keys.article(article.id))
        expiry.register(store, day, list(dict.fromkeys(fresh)), seen_day=published_day)
        store[keys.article(article.id)] = msgspec.structs.replace(decision, applied=True)
    else:
        expiry.register(store, day, fresh, seen_day=published_day)
    return result


def create(store: Scope, eid: str, ev: Extracted, mention: Mention, day: int) -> EventState:
    """A new canonical event from one extracted event, in its block."""
    event = CanonicalEvent(
        id=eid, type=ev.type, country=ev.country, date=ev.date, mode=ev.mode, cameo=ev.cameo,
        actors=[], targets=[], place=None, location=None, counts={}, count_sources={}, articles=[],
        mentions=0, sources=[], languages=[], story=mention.story, first_seen=mention.published_at,
        last_seen=mention.published_at, evidence=[], revision=0,
    )
    block = matching.block_key(ev.country, ev.type, ev.block_date)
    record = EventState(event=event, day=day, block=block, seen=[mention.epoch] * 2, count_t={}, by={})
    merge(record, ev, mention)
    store.blocks.add(block, eid)
    store[keys.event(eid)] = record
    return record
