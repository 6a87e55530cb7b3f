"""Every record that crosses a Kafka topic, declared once.

Records are ``msgspec.Struct``s (no Faust import) so that the pure stages in
``nlp/`` and ``dedup/`` can take and return them without a broker, reading
them through attributes. msgspec decodes, validates and builds a record in one
pass (``codec.py``) and generates the JSON Schemas of ``schemas/`` (one per
topic, ``kabar schemas``; a unit test fails when the two drift apart).
Structs encode every field in declaration order, as the dataclasses did, so
the wire format is unchanged.

Field names of events follow ``shared/eval/README.md`` (type, mode, actors,
targets, country, place, date, counts) so that gold files, predictions and
the ``events`` topic speak the same language.

Times are RFC 3339 strings with their UTC offset (``2022-01-07T12:00:00+07:00``,
``Z`` for UTC; ``timeutil.to_rfc3339``): publication times keep the publisher's
offset because "Thursday" in the text means its local calendar. They stay
strings on the wire and in the records, so that what was published is what is
sent on (the v1 schemas take any string there); an article's ``published``
parses its ``published_at`` once per record for every stage that needs the
instant. Dates are ISO ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import msgspec

from streams.reasons import Reason
from streams.timeutil import parse_time


class Record(msgspec.Struct):
    """Base of every record on a topic: a msgspec Struct, encoded as a JSON object in field order."""

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready builtins (nested records as dicts, enums as their values)."""
        return msgspec.to_builtins(self)


class ArticleRecord(Record, dict=True):
    """An article on one of the ``articles.*`` topics: its ``published_at`` parsed once.

    ``dict=True`` gives the Struct a ``__dict__`` to keep the parsed time in; it is not a field, so it is
    neither encoded nor compared. The subclasses declare ``published_at`` among their fields, in their order.
    """

    published_at: ClassVar[str]  # declared by each subclass: a base class's fields would come first

    @property
    def published(self) -> datetime | None:
        """``published_at`` as an aware datetime (None if it is not a time), parsed on first use and again
        only if ``published_at`` is reassigned."""
        memo = self.__dict__.get("_published")
        if memo is None or memo[0] is not self.published_at:
            memo = self.__dict__["_published"] = (self.published_at, parse_time(self.published_at))
        return memo[1]

    @property
    def published_ms(self) -> int:
        """The publication time in epoch milliseconds (a Kafka record timestamp); ValueError if not a time."""
        published = self.published
        if published is None:
            raise ValueError(f"not a time: {self.published_at!r}")
        return int(published.timestamp() * 1000)


class RawArticle(ArticleRecord):
    """An article as ingested, before any processing (``articles.raw``)."""

    id: str
    url: str
    title: str
    text: str
    published_at: str
    source: str | None = None
    language: str | None = None
    summary: str | None = None
    authors: list[str] = []
    categories: list[str] = []
    image: str | None = None
    feed: str | None = None
    fetched_at: str | None = None
    #: where ``published_at`` came from: published, updated, fetched, archive
    date_origin: str = "published"
    #: how ``text`` was obtained: feed, page, summary, archive
    text_origin: str = "feed"


class Sentence(Record):
    """The character span of one sentence of a cleaned text."""

    start: int
    end: int


class CleanArticle(ArticleRecord):
    """Cleaned text with its language and fingerprint (``articles.clean``)."""

    id: str
    url: str
    title: str
    text: str
    published_at: str
    language: str
    source: str | None = None
    language_score: float = 0.0
    #: hex digest of the normalised text: equal text, equal fingerprint
    fingerprint: str = ""
    #: character spans of the sentences of ``text``
    sentences: list[Sentence] = []
    #: what cleaning removed, as (kind, excerpt) pairs, for debugging
    removed: list[list[str]] = []


class Location(Record):
    """A place resolved in the gazetteer: its name, country and coordinates."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class ExtractedEvent(Record):
    """One event as read from one article."""

    type: str
    country: str | None
    date: str | None
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = []
    targets: list[str] = []
    place: str | None = None
    location: Location | None = None
    counts: dict[str, int] = {}
    #: the sentence the event was read from
    evidence: str = ""
    confidence: float = 0.0


class EnrichedArticle(ArticleRecord):
    """A cleaned article with topics and events (``articles.enriched``)."""

    id: str
    url: str
    title: str
    text: str
    published_at: str
    language: str
    source: str | None = None
    fingerprint: str = ""
    topics: list[str] = []
    events: list[ExtractedEvent] = []
    #: countries the article is about, most prominent first (dedup blocking key)
    countries: list[str] = []


class Evidence(Record):
    """A sentence of an article that reports an event."""

    article_id: str
    sentence: str
    language: str | None = None


class CountValue(Record):
    """A reconciled count and the article it was taken from."""

    value: int
    article_id: str
    published_at: str


class Event(Record):
    """The latest state of one real-world event (compacted ``events`` topic, keyed by ``id``)."""

    id: str
    type: str
    country: str | None
    date: str | None
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = []
    targets: list[str] = []
    place: str | None = None
    location: Location | None = None
    counts: dict[str, int] = {}
    #: for each count, the value chosen and where it came from
    count_sources: dict[str, CountValue] = {}
    #: ids of the articles that mention the event; past 100, the first 50 and the latest 50
    articles: list[str] = []
    #: how many articles mention the event (all of them, listed or not)
    mentions: int = 0
    sources: list[str] = []
    languages: list[str] = []
    story: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: list[Evidence] = []
    #: bumps on every update, so consumers can order upserts
    revision: int = 1


class Alert(Record):
    """An alert rule fired on an event (``events.alerts``)."""

    id: str
    rule: str
    severity: str
    message: str
    event_id: str
    at: str
    event: Event | None = None


class DeadLetter(Record):
    """Anything a stage could not process, with the reason (``deadletter``)."""

    stage: str
    reason: Reason
    at: str
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    #: the first bytes of the offending payload, decoded leniently
    excerpt: str = ""
    #: what went wrong, in words (free text: never matched, the reason is what to decide on)
    detail: str = ""


@dataclass
class Rejection:
    """A stage's answer when an input cannot be processed (never raised)."""

    reason: Reason
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}" if self.detail else str(self.reason)

