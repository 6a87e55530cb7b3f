"""The clusterer's state as typed records, and the view that types a store of JSON values.

What the state holds (key formats in ``keys``):

- ``art:<id>``: a ``Decision`` (what clustering decided for the article, stored
  before it is applied, then marked ``applied``) or, once the article has
  expired, a ``Tombstone`` (its version, for redeliveries);
- ``evt:<id>``: an ``EventState``: the canonical event (``CanonicalEvent``, the
  fields of the ``events`` topic's ``Event``) and what only the clusterer needs
  beside it (filing day, block, first/last seen and count times as epochs, the
  article versions applied);
- ``~shard:<n>``: a ``ShardRecord`` (a table partition's clock and partition keys);
- the expiry ``meta`` stays a plain JSON dict (``expiry``); so do the blocks, index chunks and
  LSH buckets written by earlier versions, until they expire (the blocks, the day index and the
  buckets are in memory now, rebuilt from the records: ``blocks``, ``expiry``, ``lsh``).

There is no story record: a story is an id carried by decisions and events.

**Storage.** The store keeps exactly the JSON the untyped clusterer wrote:
the records below encode to the same objects (``omit_defaults`` leaves out
``was`` and ``retired`` while unset, as before, and ``applied`` while false: a
revision in progress no longer writes ``"applied": false``, which reads the
same; a decision's events stay ``[eid, index, new]`` triples), so a state or
changelog written by the previous version is read as is, and the changelog
stays readable. ``TypedState`` converts at that boundary, by the kind of the
key, with msgspec. ``kabar eval`` and the tests keep JSON objects in a dict
(``convert`` on a read, ``to_builtins`` on a write). The worker's table holds
the JSON as text (the raw codec: records are parsed straight from the bytes and
encoded without building dicts), the benchmark a dict of the same, and a read
cache in front keeps the decoded records (the agent is the only writer of its
partitions), so a record is decoded once per rebalance, not once per read.

Records are mutable: the clusterer changes one in place and assigns it back
(a table persists assignments, not mutations).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import msgspec

from streams.dedup import keys


class Assignment(msgspec.Struct, array_like=True):
    """One event of a decision: the canonical event, the index of the article's extracted event
    that goes into it (``None`` for a duplicate, which only mentions it), and whether the article
    creates it. JSON ``[event_id, index, new]``."""

    event_id: str
    index: int | None
    new: bool


class Decision(msgspec.Struct, omit_defaults=True):
    """What clustering decided for an article (stored under ``art:<id>`` before it is applied)."""

    #: the event-time day its keys are filed under (``expiry.filing_day``)
    day: int
    #: its MinHash signature, compact and base64 (``minhash.encode``); None for an empty text
    sig: str | None
    #: the original it copies, or None
    dup: str | None
    story: str
    events: list[Assignment]
    #: the article's fingerprint: another one is a revision
    version: str
    applied: bool = False
    #: a revision's events before it was matched again (its mentions are not counted twice)
    was: list[str] = []
    #: how many LSH buckets of the state hold it: 0 since the buckets are an index in memory
    #: (``lsh``); state written before holds 32 (unset) or 16, and expiry prunes them
    bands: int = 32


class Tombstone(msgspec.Struct):
    """An expired article: its version, until ``day`` (``retire.RETIRED_HORIZONS`` horizons on)."""

    day: int
    gone: str


class Place(msgspec.Struct):
    """A stored location: the fields of the ``Location`` record."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class CountSource(msgspec.Struct):
    """Where a count's chosen value came from (the ``CountValue`` record)."""

    value: int
    article_id: str
    published_at: str


class Citation(msgspec.Struct):
    """A sentence an event was read from (the ``Evidence`` record)."""

    article_id: str
    sentence: str
    language: str | None = None


class CanonicalEvent(msgspec.Struct, kw_only=True):
    """A canonical event as the ``events`` topic sends it (``merge.to_event``)."""

    id: str
    type: str
    country: str | None
    date: str | None
    mode: str | None
    cameo: str | None
    actors: list[str]
    targets: list[str]
    place: str | None
    location: Place | None
    counts: dict[str, int]
    count_sources: dict[str, CountSource]
    articles: list[str]
    #: all the articles that mention it (``None`` only in a state older than the field)
    mentions: int | None = None
    sources: list[str]
    languages: list[str]
    story: str
    first_seen: str | None
    last_seen: str | None
    evidence: list[Citation]
    revision: int

    def __post_init__(self) -> None:
        if self.mentions is None:  # written before mentions were counted: the listed ones
            self.mentions = len(self.articles)


class EventState(msgspec.Struct, omit_defaults=True):
    """A canonical event and the clusterer's bookkeeping beside it (``evt:<id>``)."""

    event: CanonicalEvent
    #: the event-time day it is filed under (moves on each time an article mentions it)
    day: int
    #: its block key (``keys.block``)
    block: str
    #: first and last publication times of its articles, epochs
    seen: list[float]
    #: per count kind, the publication time (epoch) of the value chosen
    count_t: dict[str, float]
    #: article id -> version applied, the latest ``merge.BY_CAP`` (a replay is a no-op)
    by: dict[str, str]
    #: expired: out of its block, its id kept reserved until ``day``
    retired: bool = False


class ShardRecord(msgspec.Struct):
    """A table partition: its event-time clock and the partition keys stored in it."""

    clock: int | None
    keys: list[str]


#: the record type of each typed key kind (an ``art:`` key holds one of two)
_TYPES: dict[str, Any] = {keys.EVENT: EventState, keys.SHARD: ShardRecord}
#: how a tombstone's JSON shows (only a key can hold it unescaped: a string's quotes are escaped)
_GONE = b'"gone":'


def decode(key: str, value: Any) -> Any:
    """The typed record of a stored JSON value (other kinds of key as they are)."""
    if value is None:
        return None
    kind = keys.kind(key)
    if kind == keys.ARTICLE:
        return msgspec.convert(value, Tombstone if "gone" in value else Decision)
    record_type = _TYPES.get(kind)
    return value if record_type is None else msgspec.convert(value, record_type)


def encode(value: Any) -> Any:
    """The JSON value a record is stored as (plain values as they are)."""
    return msgspec.to_builtins(value) if isinstance(value, msgspec.Struct) else value


def decode_bytes(key: str, raw: bytes | None) -> Any:
    """``decode`` for a value stored as JSON text: parsed straight into its record."""
    if raw is None:
        return None
    kind = keys.kind(key)
    if kind == keys.ARTICLE:
        return _DECODERS[Tombstone if _GONE in raw else Decision].decode(raw)
    return _DECODERS[_TYPES.get(kind)].decode(raw)


_DECODERS = {t: msgspec.json.Decoder(t) if t else msgspec.json.Decoder() for t in (
    Decision, Tombstone, EventState, ShardRecord, None)}
encode_bytes = msgspec.json.Encoder().encode


class TypedState(MutableMapping):
    """A store of JSON values seen as typed records, converted at the boundary.

    The store holds JSON objects and lists (``encoded=False``: a dict, or a table with a JSON
    codec) or the same JSON as text (``encoded=True``: a table with the raw codec; a record is
    parsed straight from the bytes and written without building dicts first). The worker puts
    its read cache (``agents.readcache.ReadCache``) in front, so that it keeps decoded records.
    With ``holdable``, the records it accepts are written with the store's ``hold`` (they may
    wait and coalesce: ``held``), the others as usual."""

    def __init__(self, store: MutableMapping[str, Any], encoded: bool = False,
                 holdable: Callable[[str, Any], bool] | None = None) -> None:
        self.store = store
        self._decode = decode_bytes if encoded else decode
        self._encode = encode_bytes if encoded else encode
        #: which records may wait in the store's ``hold`` instead of being written at once
        #: (the worker's table under at-least-once: ``held``)
        self._holdable = holdable

    def get(self, key: str, default: Any = None) -> Any:
        value = self._decode(key, self.store.get(key))
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self.store

    def __setitem__(self, key: str, value: Any) -> None:
        if self._holdable is not None and self._holdable(key, value):
            self.store.hold(key, self._encode(value))
        else:
            self.store[key] = self._encode(value)

    def __delitem__(self, key: str) -> None:
        del self.store[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)

    def scan(self, wanted: Callable[[str], bool]) -> Iterator[tuple[str, Any]]:
        """Each key ``wanted`` keeps, and its record, read in one pass over the store. Use it, not
        ``get`` on each key, to read all of a Faust table: a table's ``get`` looks only in the
        partition of the message being handled, and finds nothing of the others."""
        for key, value in self.store.items():
            if wanted(key):
                yield key, self._decode(key, value)
