"""Merging one article's mention into a canonical event, and the ``Event`` record sent for it.

``merge`` changes an ``EventState`` in place (the caller assigns it back): the
article is listed and counted once (``by`` remembers the versions applied, so
a replay adds nothing), sources, languages, first and last seen follow, and,
with the article's extracted event, actors and targets are added, missing
mode/CAMEO/date filled, a more precise place taken, and each count takes the
value of the latest article that gives it (its own earlier value when a
revision corrects it). A revised article (``was``: the events its earlier
version was applied to) updates what it said and is not counted again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from streams.dedup.extracted import Extracted
from streams.dedup.state import CanonicalEvent, Citation, CountSource, EventState, Place
from streams.records import CountValue, EnrichedArticle, Event, Evidence, Location
from streams.urls import source_of

EVIDENCE_CAP = 5
#: article ids an event lists: the first half of them and the latest half. A big
#: story is mentioned by thousands of articles; listing them all would make
#: every upsert (and every state write) grow with the story. ``mentions`` counts all.
ARTICLES_CAP = 100
#: article versions an event remembers (``by``), the latest ones: enough to
#: recognise the one article a crash can leave half-applied (see ``apply``; the
#: clusterer applies an article without yielding, so that is the last one it
#: merged). Each entry is rewritten with the event on every mention: 32 were a
#: quarter of a hot event's state write.
BY_CAP = 8


class Mention:
    """The article-level facts an event update needs."""

    def __init__(self, article: EnrichedArticle, published: datetime, story: str, version: str) -> None:
        self.article_id = article.id
        self.version = version
        self.published_at = article.published_at
        self.epoch = published.timestamp()
        self.source = article.source or source_of(article.url or "")
        self.language = article.language
        self.story = story


def merge(record: EventState, ev: Extracted | None, mention: Mention, was: Iterable[str] = ()) -> None:
    """Add one article's mention (and its extracted event, if any) to a canonical event."""
    event, by = record.event, record.by
    if mention.article_id not in by and event.id not in was:
        event.mentions += 1
    by.pop(mention.article_id, None)
    by[mention.article_id] = mention.version
    while len(by) > BY_CAP:
        del by[next(iter(by))]
    _add(event.articles, [mention.article_id])
    if len(event.articles) > ARTICLES_CAP:
        del event.articles[ARTICLES_CAP // 2]
    _add(event.sources, [mention.source] if mention.source else [])
    _add(event.languages, [mention.language] if mention.language else [])
    first, last = record.seen
    if mention.epoch < first:
        record.seen[0], event.first_seen = mention.epoch, mention.published_at
    if mention.epoch > last:
        record.seen[1], event.last_seen = mention.epoch, mention.published_at
    event.revision += 1
    if ev is None:
        return
    _add(event.actors, ev.actors)
    _add(event.targets, ev.targets)
    for name in ("mode", "cameo", "date"):
        if not getattr(event, name) and getattr(ev, name):
            setattr(event, name, getattr(ev, name))
    if precision(ev.place, ev.location) > precision(event.place, event.location):
        event.place = ev.place or (ev.location.name if ev.location else None)
        event.location = ev.location
    for kind, value in ev.counts.items():
        source = event.count_sources.get(kind)
        own = source is not None and source.article_id == mention.article_id
        if kind not in record.count_t or mention.epoch > record.count_t[kind] or own:
            record.count_t[kind] = mention.epoch
            event.counts[kind] = value
            event.count_sources[kind] = CountSource(value=value, article_id=mention.article_id,
                                                    published_at=mention.published_at)
    cited = any(e.article_id == mention.article_id for e in event.evidence)
    if ev.evidence and not cited and len(event.evidence) < EVIDENCE_CAP:
        event.evidence.append(Citation(article_id=mention.article_id, sentence=ev.evidence,
                                       language=mention.language))


def precision(place: str | None, location: Place | None) -> int:
    """How precise a place is: none 0, a name 1, coordinates 2, a GeoNames id 3."""
    if location is not None and location.geonames_id is not None:
        return 3
    if location is not None and location.lat is not None and location.lon is not None:
        return 2
    return 1 if place or (location is not None and location.name) else 0


def to_event(data: CanonicalEvent) -> Event:
    """The ``Event`` record of a stored canonical event (a fresh copy)."""
    location = data.location
    return Event(
        id=data.id,
        type=data.type,
        country=data.country,
        date=data.date,
        mode=data.mode,
        cameo=data.cameo,
        actors=list(data.actors),
        targets=list(data.targets),
        place=data.place,
        location=Location(name=location.name, country=location.country, lat=location.lat, lon=location.lon,
                          geonames_id=location.geonames_id) if location else None,
        counts=dict(data.counts),
        count_sources={k: CountValue(value=v.value, article_id=v.article_id, published_at=v.published_at)
                       for k, v in data.count_sources.items()},
        articles=list(data.articles),
        mentions=data.mentions,
        sources=list(data.sources),
        languages=list(data.languages),
        story=data.story,
        first_seen=data.first_seen,
        last_seen=data.last_seen,
        evidence=[Evidence(article_id=e.article_id, sentence=e.sentence, language=e.language)
                  for e in data.evidence],
        revision=data.revision,
    )


def _add(items: list[str], new: list[str]) -> None:
    for item in new:
        if item and item not in items:
            items.append(item)
