"""Every record that crosses a Kafka topic, declared once.

Records are plain dataclasses (no Faust import) so that the pure stages in
``nlp/`` and ``dedup/`` can take and return them without a broker. The wire
format is JSON (orjson, see ``codec.py``); ``schemas/`` holds one JSON Schema
per topic generated from these classes (``kabar schemas``), and a unit test
fails when the two drift apart.

Field names of events follow ``shared/eval/README.md`` (type, mode, actors,
targets, country, place, date, counts) so that gold files, predictions and
the ``events`` topic speak the same language.

Times are RFC 3339 strings with their UTC offset (``2022-01-07T12:00:00+07:00``,
``Z`` for UTC; ``timeutil.to_rfc3339``): publication times keep the publisher's
offset because "Thursday" in the text means its local calendar. Dates are ISO
``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import Enum
from functools import lru_cache
from collections.abc import Callable
from typing import Any, ClassVar, get_args, get_origin, get_type_hints

from streams.reasons import Reason

SCHEMA_VERSION = 1


class Record:
    """Mixin: dict conversion that round-trips through JSON."""

    schema_name: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """Build from a decoded JSON object; unknown keys are ignored.

        Types are not checked here: ``codec.decode`` validates against the
        JSON Schema first, so this only has to build nested records.
        """
        kwargs = {}
        for name, build in _field_builders(cls):
            if name in data:
                value = data[name]
                kwargs[name] = value if build is None or value is None else build(value)
        return cls(**kwargs)


Builder = Callable[[Any], Any]


@lru_cache(maxsize=None)
def _field_builders(cls: type) -> tuple[tuple[str, Builder | None], ...]:
    """(name, builder) of each field. Resolving type hints is slow, and so is
    inspecting them per value: each type gets its builder once."""
    hints = get_type_hints(cls)
    return tuple((f.name, _builder(hints[f.name])) for f in fields(cls))


@lru_cache(maxsize=None)
def _builder(tp: Any) -> Builder | None:
    """A function that builds a value of type ``tp`` from its JSON form (never
    None), or None where the JSON value is already it (str, int, list[str]...)."""
    origin = get_origin(tp)
    if origin is list:
        item = _builder(get_args(tp)[0])
        return None if item is None else (lambda value: [None if v is None else item(v) for v in value])
    if origin is dict:
        item = _builder(get_args(tp)[1])
        return None if item is None else (
            lambda value: {k: None if v is None else item(v) for k, v in value.items()})
    args = [a for a in get_args(tp) if a is not type(None)]
    if origin is not None and len(args) == 1:  # Optional[X]
        return _builder(args[0])
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp.from_dict
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    return None


@dataclass
class RawArticle(Record):
    """An article as ingested, before any processing (``articles.raw``)."""

    schema_name: ClassVar[str] = "articles.raw"

    id: str
    url: str
    title: str
    text: str
    published_at: str
    source: str | None = None
    language: str | None = None
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str | None = None
    feed: str | None = None
    fetched_at: str | None = None
    #: where ``published_at`` came from: published, updated, fetched, archive
    date_origin: str = "published"
    #: how ``text`` was obtained: feed, page, summary, archive
    text_origin: str = "feed"


@dataclass
class Sentence(Record):
    start: int
    end: int


@dataclass
class CleanArticle(Record):
    """Cleaned text with its language and fingerprint (``articles.clean``)."""

    schema_name: ClassVar[str] = "articles.clean"

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
    sentences: list[Sentence] = field(default_factory=list)
    #: what cleaning removed, as (kind, excerpt) pairs, for debugging
    removed: list[list[str]] = field(default_factory=list)


@dataclass
class Location(Record):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class ExtractedEvent(Record):
    """One event as read from one article."""

    type: str
    country: str | None
    date: str | None
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    location: Location | None = None
    counts: dict[str, int] = field(default_factory=dict)
    #: the sentence the event was read from
    evidence: str = ""
    confidence: float = 0.0


@dataclass
class EnrichedArticle(Record):
    """A cleaned article with topics and events (``articles.enriched``)."""

    schema_name: ClassVar[str] = "articles.enriched"

    id: str
    url: str
    title: str
    text: str
    published_at: str
    language: str
    source: str | None = None
    fingerprint: str = ""
    topics: list[str] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)
    #: countries the article is about, most prominent first (dedup blocking key)
    countries: list[str] = field(default_factory=list)


@dataclass
class Evidence(Record):
    article_id: str
    sentence: str
    language: str | None = None


@dataclass
class CountValue(Record):
    """A reconciled count and the article it was taken from."""

    value: int
    article_id: str
    published_at: str


@dataclass
class Event(Record):
    """The latest state of one real-world event (compacted ``events`` topic, keyed by ``id``)."""

    schema_name: ClassVar[str] = "events"

    id: str
    type: str
    country: str | None
    date: str | None
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    location: Location | None = None
    counts: dict[str, int] = field(default_factory=dict)
    #: for each count, the value chosen and where it came from
    count_sources: dict[str, CountValue] = field(default_factory=dict)
    #: ids of the articles that mention the event; past 100, the first 50 and the latest 50
    articles: list[str] = field(default_factory=list)
    #: how many articles mention the event (all of them, listed or not)
    mentions: int = 0
    sources: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    story: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    #: bumps on every update, so consumers can order upserts
    revision: int = 1


@dataclass
class Alert(Record):
    """An alert rule fired on an event (``events.alerts``)."""

    schema_name: ClassVar[str] = "events.alerts"

    id: str
    rule: str
    severity: str
    message: str
    event_id: str
    at: str
    event: Event | None = None


@dataclass
class DeadLetter(Record):
    """Anything a stage could not process, with the reason (``deadletter``)."""

    schema_name: ClassVar[str] = "deadletter"

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


TOPIC_RECORDS: tuple[type[Record], ...] = (
    RawArticle,
    CleanArticle,
    EnrichedArticle,
    Event,
    Alert,
    DeadLetter,
)
