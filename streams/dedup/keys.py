"""Every key format of the clusterer's state, built and parsed in one place.

The ``cluster-state`` table (and the dict ``kabar eval`` and the benchmark use
instead) holds, for each partition key (an article's primary country, else
``ZZ-<language>``: ``cluster.partition_key``), keys scoped as ``<scope>|<key>``:

- ``art:<article id>``: the article's ``Decision``, or its ``Tombstone`` once expired;
- ``evt:<event id>``: a canonical event's ``EventState``;
- ``blk:<country>:<family>:<date>``: the ids of the events of a block, in state written before
  the blocks became an index in memory (``blocks``), pruned as their events retire;
- ``lsh:<band>:<hex>``: an LSH bucket, ``[article id, day]`` pairs, in state written before
  the buckets became an index in memory (``lsh``), pruned as its articles expire;
- ``meta``: the clock of ``expiry``; ``idx:<day>:<n>``: a chunk of the per-day index, in state
  written before the index moved to memory (``expiry``), dropped with its day.

Unscoped, ``~shard:<n>`` is the ``ShardRecord`` of table partition ``n`` (its
clock and partition keys), and the worker's dated tables keep their ``meta``
under the scope ``~expiry:<n>``. An id may contain ``|``, a scope never does (a
partition key is a country code or ``ZZ-<language>``) and never starts like a
key format, so a key that starts with a format is read as unscoped (the
expiry index lists keys without their scope), any other at its first ``|``.

Which kind a key is decides which typed record its value is (``state``), so
``kind`` is on the path of every state read: a prefix test, no regex.
"""

from __future__ import annotations

ARTICLE = "art:"
EVENT = "evt:"
BLOCK = "blk:"
BAND = "lsh:"
INDEX = "idx:"
META = "meta"
SHARD = "~shard:"
#: the scope of a dated table's ``meta`` in one table partition (``expiry.DatedTable``)
DATED_INDEX = "~expiry:"
SCOPE = "|"


def scoped(scope: str, key: str) -> str:
    """``key`` within ``scope`` (a partition key, or a dated table's index)."""
    return f"{scope}{SCOPE}{key}"


def unscoped(key: str) -> tuple[str, str]:
    """``(scope, key)`` of a scoped key; ``("", key)`` for an unscoped one."""
    scope, sep, rest = key.partition(SCOPE)
    return (scope, rest) if sep else ("", key)


def article(article_id: str) -> str:
    return f"{ARTICLE}{article_id}"


def article_id(key: str) -> str:
    """The article id of an ``art:`` key (scoped or not)."""
    return _after(key, ARTICLE)


def event(event_id: str) -> str:
    return f"{EVENT}{event_id}"


def event_id(key: str) -> str:
    """The event id of an ``evt:`` key (scoped or not)."""
    return _after(key, EVENT)


def block(country: str, family: str, day: str) -> str:
    """A block: events of one country, type family and ISO date."""
    return f"{BLOCK}{country}:{family}:{day}"


def block_parts(key: str) -> tuple[str, str, str]:
    """``(country, family, date)`` of a ``blk:`` key."""
    country, family, day = _after(key, BLOCK).split(":", 2)
    return country, family, day


def band(number: int, value: int) -> str:
    """The LSH bucket of band ``number`` holding the packed rows ``value``."""
    return f"{BAND}{number}:{value:x}"


def band_parts(key: str) -> tuple[int, int]:
    """``(band number, packed rows)`` of an ``lsh:`` key."""
    number, value = _after(key, BAND).split(":")
    return int(number), int(value, 16)


def index_chunk(day: int, n: int) -> str:
    """Chunk ``n`` of the index of event-time day ``day`` (``expiry``)."""
    return f"{INDEX}{day}:{n}"


def index_parts(key: str) -> tuple[int, int]:
    """``(day, chunk)`` of an ``idx:`` key."""
    day, n = _after(key, INDEX).split(":")
    return int(day), int(n)


def shard(partition: int) -> str:
    """The record of table partition ``partition`` (unscoped)."""
    return f"{SHARD}{partition}"


def shard_of(key: str) -> int:
    return int(_after(key, SHARD))


def dated_index(partition: int) -> str:
    """The scope of a dated table's index in table partition ``partition``."""
    return f"{DATED_INDEX}{partition}"


def kind(key: str) -> str:
    """What a key (scoped or not) holds: one of ``ARTICLE``, ``EVENT``, ``BLOCK``, ``BAND``,
    ``INDEX``, ``META``, ``SHARD``, or ``""`` for a key of no known format."""
    start = 0 if key[:4] in _PREFIXES else key.find(SCOPE) + 1
    prefix = key[start:start + 4]
    if prefix in _PREFIXES and (prefix != META or len(key) == start + 4):
        return prefix
    return SHARD if key.startswith(SHARD) else ""


#: the formats told apart by their first four characters after the scope
_PREFIXES = frozenset({ARTICLE, EVENT, BLOCK, BAND, INDEX, META})


def _after(key: str, prefix: str) -> str:
    rest = key if key.startswith(prefix) else unscoped(key)[1]
    if not rest.startswith(prefix):
        raise ValueError(f"not a {prefix!r} key: {key!r}")
    return rest[len(prefix):]
