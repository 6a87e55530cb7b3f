"""Deduplication and event clustering of enriched articles, over a state store.

The ``cluster`` agent reads ``articles.enriched`` (partitioned by the
article's primary country) and, for each article, calls
``Clusterer.process``; the ``events`` it returns are upserts for the
compacted ``events`` topic. ``state`` is a Faust table in the worker and a
plain dict in ``kabar eval`` and the benchmark; it holds JSON values, seen
here as typed records (``state``) under the keys of ``keys``, and every
change is an assignment (a table persists assignments, not in-place
mutation). Nothing that changes a result lives outside ``state`` (the LSH
index and the blocks in memory are derived from it: ``Clusterer.index``), so a worker
restored from the changelog answers the same.

Per article, ``Clusterer.process``: decides (``decide``: duplicate, events,
story) and stores the ``Decision`` under ``art:<id>``, applies it
idempotently (``apply``, ``merge``), then expires what is past the horizon
(``retire``). A redelivered article re-applies its stored decision and
changes nothing twice. A copy, or an article with no event, is decided the
same again after a crash, so its decision is stored once, applied
(``redecided_alike``): one state write fewer for most articles of a hot
story. An expired article leaves a ``Tombstone`` for
``retire.RETIRED_HORIZONS`` more horizons, so one redelivered after its state
expired (a fast replay can move more than a horizon within one commit
interval) is recognised and changes nothing (``ClusterResult.expired``). A
*revised* article (same id, new fingerprint: ``normalize`` sends an edited
page on) keeps its duplicate decision and story, but its events are matched
again and update what the earlier version said (a corrected toll replaces
the one it gave before); a revision that comes after the article expired is
clustered as a new article.

**Partitioning.** All state keys are scoped by the article's partition key
(primary country, else ``ZZ-<language>``: ``partition_key``; the key of
``articles.enriched``), so an article is compared only with articles and
events stored under the same partition key, in the worker and in ``kabar
eval`` alike.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from streams.dedup import expiry, keys, lsh, matching, minhash, retire
from streams.dedup.apply import apply
from streams.dedup.blocks import Blocks, Scope
from streams.dedup.decide import decide, digest, match_events
from streams.dedup.extracted import NO_COUNTRY, text
from streams.dedup.state import Decision, EventState, Tombstone, TypedState
from streams.reasons import Reason
from streams.records import EnrichedArticle, Event, Rejection
from streams.timeutil import parse_time

#: Estimated Jaccard similarity of word trigrams at or above which an article
#: copies an earlier one. Syndicated copies in the dev set (new headline and
#: opening, other boilerplate, an added or dropped paragraph) score 0.52-0.71
#: on the cleaned text the pipeline clusters (0.44-0.51 on raw page text);
#: different articles, same story and language included, score <= 0.05. 0.3
#: sits low in that gap, over 3 standard errors below the weakest copy, so
#: that a more heavily edited copy still counts; a rewrite sharing a few
#: quotes stays far below it.
DUP_THRESHOLD = 0.3


def _dated(key: str) -> bool:
    """Whether ``key`` holds an article's decision or an event (the records filed by day)."""
    return keys.kind(key) in (keys.ARTICLE, keys.EVENT)


def partition_key(article: EnrichedArticle) -> str:
    """What an article is blocked and partitioned under: its primary country; for an article
    that names none, ``ZZ`` and its language (one key for all of them was a hot partition,
    and copies of one text share its language, so they still meet)."""
    first = article.countries[0] if article.countries else None
    if isinstance(first, str) and first:
        return first
    language = article.language if isinstance(article.language, str) and article.language else "und"
    return f"{NO_COUNTRY}-{language}"


@dataclass
class ClusterResult:
    """What clustering decided for one article."""

    article_id: str
    duplicate_of: str | None
    story: str
    #: the full canonical events the article created or updated (upserts)
    events: list[Event]
    #: a redelivery of an article whose state has expired since (its tombstone
    #: matched): nothing was done, ``duplicate_of`` and ``story`` are not known
    expired: bool = False


def redecided_alike(decision: Decision) -> bool:
    """Whether deciding again after a crash midway through applying ``decision`` gives it again,
    so that it need not be stored before it is applied (``apply`` stores it once, applied).

    A copy's decision is the original's events and story, read from the original's decision; an
    article with no event is decided from the other articles' decisions alone. Applying either
    writes only mentions of existing events and the clock, which the decision does not depend on
    (the filing day is the later of the publication day and the clock, which moves at most to the
    publication day). An original with events is matched against the events its own application
    creates and updates: decided again, its events could match those, so it is stored first."""
    return decision.dup is not None or not decision.events


class Clusterer:
    """Deduplicates articles and merges their events into canonical events.

    ``state``: a store of JSON values, seen through ``TypedState``; with ``typed``, a store
    of records already (the worker's: its table's ``TypedState`` behind a read cache)."""

    def __init__(
        self,
        state: MutableMapping[str, Any],
        horizon_days: int = 7,
        dup_threshold: float = DUP_THRESHOLD,
        match_threshold: float = matching.MATCH_THRESHOLD,
        typed: bool = False,
    ) -> None:
        self.state = state
        #: the state seen as typed records
        self.records = state if typed else TypedState(state)
        self.horizon_days = horizon_days
        self.dup_threshold = dup_threshold
        self.match_threshold = match_threshold
        #: partition keys seen by this instance, for ``expire`` (never changes a result)
        self._partition_keys: set[str] = set()
        #: the LSH buckets of the originals in ``state``, derived from their decisions (``lsh``)
        self._index: lsh.BandIndex | None = None
        #: per partition key, its keys by filing day (``expiry``), derived from their records
        self._days: dict[str, expiry.Days] = {}
        #: per partition key, the events of each block (``blocks``), derived from their records
        self._blocks: dict[str, Blocks] = {}

    def forget_index(self) -> None:
        """Drop the LSH index, the day index and the blocks, to be rebuilt from the state at the next
        article: the worker calls it when its partitions change (the state holds others'
        articles, or no longer ours)."""
        self._index = None

    @property
    def index(self) -> lsh.BandIndex:
        """The LSH index, built from the stored decisions of originals on first use (the day
        index and the blocks with it): a new instance on a restored state finds the copies and
        the events the one before it would have, and expires what it would have."""
        if self._index is None:
            originals = []
            days: dict[str, expiry.Days] = {}
            blocks: dict[str, Blocks] = {}
            for key, record in list(self.records.scan(_dated)):
                scope, rest = keys.unscoped(key)
                if record is not None:
                    days.setdefault(scope, expiry.Days()).add(record.day, [rest])
                if isinstance(record, EventState) and not record.retired:
                    blocks.setdefault(scope, Blocks()).add(record.block, record.event.id)
                if isinstance(record, Decision) and record.dup is None and record.sig:
                    originals.append((record.day, key, record.sig))
            index = lsh.BandIndex()
            for _, key, stored in sorted(originals, key=lambda original: original[0]):
                sig = minhash.decode(stored)
                if sig is not None:
                    scope, rest = keys.unscoped(key)
                    index.insert(scope, keys.article_id(rest), lsh.bands(scope, sig))
            self._index, self._days, self._blocks = index, days, blocks
        return self._index

    def scope(self, partition_key: str) -> Scope:
        """The state of ``partition_key``, with its day index and its blocks (after ``index``, which
        builds them all)."""
        blocks = self._blocks.setdefault(partition_key, Blocks())
        return Scope(self.records, partition_key, self.days(partition_key), blocks)

    def days(self, partition_key: str) -> expiry.Days:
        """The day index of ``partition_key`` (after ``index``, which builds them all)."""
        return self._days.setdefault(partition_key, expiry.Days())

    def process(self, article: EnrichedArticle, shard: int | None = None) -> ClusterResult | Rejection:
        """Cluster one article (idempotent per article id). ``shard``: the
        partition of the Faust table the article is handled in, whose other
        partition keys are then swept once a day of event time."""
        if not isinstance(article, EnrichedArticle) or not isinstance(article.id, str) or not article.id:
            return Rejection(Reason.NO_ARTICLE_ID, repr(article)[:200])
        published = article.published
        if published is None:
            return Rejection(Reason.NO_PUBLISHED_TIME, str(article.published_at)[:100])
        key_of_article = partition_key(article)
        self._partition_keys.add(key_of_article)
        index = self.index
        store = self.scope(key_of_article)
        key = keys.article(article.id)
        version = text(article.fingerprint) or digest(article.text if isinstance(article.text, str) else "")
        decision = store.get(key)
        if isinstance(decision, Tombstone):  # expired since
            if decision.gone == version:
                return ClusterResult(article.id, None, "", [], expired=True)
            decision = None  # a revision of an expired article is a new article
        just_decided = decision is None
        if decision is None:
            sig = minhash.signature(article.text or article.title or "")
            bands = lsh.bands(key_of_article, sig) if sig is not None else []
            decision = decide(store, article, published, sig, index.candidates(bands), version,
                              self.dup_threshold, self.match_threshold)
            if not redecided_alike(decision):
                store[key] = decision
            if decision.dup is None and bands:
                # Only originals are indexed: a later copy is compared with the original it
                # copies, so indexing copies too would only grow the buckets.
                index.insert(key_of_article, article.id, bands)
        elif decision.version != version and decision.dup is None and decision.applied:
            # a revised version of the article: match its events again; the story and the signature stay
            events, _ = match_events(store, article, published, self.match_threshold)
            was = [a.event_id for a in decision.events]
            decision = msgspec.structs.replace(decision, version=version, events=events, applied=False, was=was)
            store[key] = decision
        events = apply(store, article, published, decision, just_decided)
        retire.expire_before(store, expiry.clock(store) - self.horizon_days, self.horizon_days, index)
        if shard is not None:
            retire.sweep_shard(self.records, shard, key_of_article, expiry.clock(store), self.horizon_days, index,
                               self.scope)
        return ClusterResult(article.id, decision.dup, decision.story, events)

    def expire(self, now: str | datetime, partition_keys: Iterable[str] | None = None) -> int:
        """Expire everything filed more than ``horizon_days`` before ``now``
        (event time) under ``partition_keys`` (default: those this instance has
        processed; after a restart, a partition key's state is also swept when
        its next article comes), as ``process`` does (tombstones and retired
        events included); return the number of keys expired or pruned.

        ``process`` already does this for the article's partition key, and
        for the others of its ``shard``. On a Faust table, call it only while
        handling a message of that partition: a table writes to the partition
        of the current message."""
        moment = parse_time(now) if isinstance(now, str) else now
        if moment is None:
            return 0
        day = expiry.day_of(moment.timestamp())
        index = self.index
        return retire.expire_days(partition_keys or self._partition_keys, day, self.horizon_days, index, self.scope)
