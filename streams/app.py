"""The one place the Faust App is built, with its topics and tables.

Topics carry raw bytes; ``codec`` decodes them so that a bad payload becomes a
dead letter instead of an exception inside Faust. Tables store plain JSON
values (``cluster-state`` as JSON text, see ``dedup.state``) and are
changelogged, so a restarted worker recovers them.

Every table is bounded by event time: ``cluster-state`` by the clusterer, the
others as dated tables (``expiry.DatedTable``) through ``keep``. The
sweep runs in the agent, on the message being handled, not in a timer: a
Faust table can only be changed during stream iteration (outside it,
``del table[key]`` raises ``TypeError``, since the changelog partition is the
current message's), and that is also what keeps a sweep to the partitions
this worker owns and writes its tombstones to the right changelog partition.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import faust
import rocksdict
from aiokafka.errors import ProducerFenced
from faust import stores
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.stores.memory import Store as MemoryStore
from faust.stores.rocksdb import Store as RocksDBStore
from faust.transport.consumer import TopicPartitionGroup, TransactionManager
from faust.types import TP, EventT, FutureMessage

from streams import metrics

from streams.admin import kafka_auth
from streams.agents.offload import Offload
from streams.agents.readcache import ReadCache
from streams.dedup import expiry, held
from streams.monitor import Monitor
from streams.settings import Settings, get_settings
from streams.timeutil import parse_time
from streams.topics import (
    ALL_TOPICS,
    ARTICLES_CLEAN,
    ARTICLES_ENRICHED,
    ARTICLES_RAW,
    EVENTS,
    TopicSpec,
    partitions_of,
)

settings = get_settings()
#: decoded values each dated table's read cache keeps before it starts afresh
DATED_CACHE_MAX = 10_000

#: Memory each table partition's RocksDB may hold. Faust opens one RocksDB per table partition, and
#: its defaults (a 2 GiB block cache, up to three 64 MiB memtables each) let a worker holding 8
#: partitions of 4 tables grow by gigabytes as writes fill the memtables: in a 15-minute soak the
#: worker's RSS doubled. Reads mostly hit the agents' read caches, so a small block cache is enough.
ROCKSDB_OPTIONS = {
    "write_buffer_size": 4 * 1024**2,
    "max_write_buffer_number": 2,
    "block_cache_size": 8 * 1024**2,
    "block_cache_compressed_size": 4 * 1024**2,
}


class _Store(RocksDBStore):
    """Faust's RocksDB store without RocksDB's write-ahead log. The changelog is what makes a
    table durable: each partition's database keeps the offset of the last changelog record it
    holds, written after the values, and a worker that starts replays the changelog from there.
    Without the log a crash loses what had not reached an SST file yet, the offset with it, and
    the replay brings it back; a clean stop flushes. The log was a file write per table write and
    per changelog acknowledgement (~21 an article in ``kabar bench``): two thirds of each write's
    CPU (8 against 3 µs)."""

    #: the table's partitions this worker handled after the last rebalance
    _actives: frozenset[int] = frozenset()

    def _open_for_partition(self, partition: int):
        db = super()._open_for_partition(partition)
        write_options = rocksdict.WriteOptions()
        write_options.disable_wal = True
        db.set_write_options(write_options)
        return db

    def put(self, partition: int, key: Any, value: Any) -> None:
        """``store[key] = value`` into ``partition``'s database, named here, not taken from the
        message being handled (``WatchedTable`` writes its cached values outside any message)."""
        encoded = self._encode_key(key)
        self._key_index[encoded] = partition
        self._db_for_partition(partition).put(encoded, self._encode_value(value))

    def delete(self, partition: int, key: Any) -> None:
        """``del store[key]`` from ``partition``'s database (see ``put``)."""
        encoded = self._encode_key(key)
        if self._key_index.get(encoded) == partition:
            del self._key_index[encoded]
        self._db_for_partition(partition).delete(encoded)

    async def on_rebalance(self, assigned, revoked, newly_assigned, generation_id: int = 0) -> None:
        """Under ``exactly_once`` each partition that becomes active on this worker (at start too)
        is emptied, and Faust's recovery fills it from its changelog, as Kafka Streams does with a
        state it cannot trust. A table write goes to the local database at once but to the
        changelog in the partition's open transaction, which is aborted when the partition leaves
        the worker: what the database kept of it never happened. Had the partition come back before
        another worker redid its messages, they met those writes (an article's ``seen-articles``
        entry made it a repeat, and it was lost). The changelog, read ``read_committed``, holds only
        committed writes. A crash leaves such writes behind too (flushed before the kill). Nothing
        is read twice for it: under ``exactly_once`` Faust never keeps a changelog offset in the
        database (it looks the offset to keep up by the source partition committed, never the
        changelog's), so recovery reads each changelog from its start anyway. A partition kept
        through a rebalance keeps its open transaction, and its state."""
        await super().on_rebalance(assigned, revoked, newly_assigned, generation_id)
        changelog = self.table.changelog_topic_name
        actives = frozenset(tp.partition for tp in self.app.assignor.assigned_actives() if tp.topic == changelog)
        if self.app.in_transaction:
            async with self.db_lock:
                for partition in sorted(actives - self._actives):
                    self._wipe(partition)
        self._actives = actives

    def _wipe(self, partition: int) -> None:
        """Delete every key of ``partition``'s database, Faust's changelog offset among them."""
        db = self._db_for_partition(partition)
        last = db.iter()
        last.seek_to_last()
        if last.valid():
            db.delete_range(b"", last.key() + b"\0")
        for key in [key for key, p in self._key_index.items() if p == partition]:
            self._key_index.pop(key, None)
        self.logger.info("exactly_once: %s[%s] emptied, to be recovered from its changelog", self.table.name, partition)


class _MemoryStore(MemoryStore):
    """Faust's memory store, knowing the partition of every key, as the RocksDB store does (one
    database a partition): Faust's notes it only for keys it recovered, not for those written
    since, and a dated table's index is rebuilt from the entries of one partition (``entries_of``)."""

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        event = faust.current_event()
        if event is not None:
            self._key_partition[key] = event.message.partition

    def __delitem__(self, key: Any) -> None:
        super().__delitem__(key)
        self._key_partition.pop(key, None)

    def put(self, partition: int, key: Any, value: Any) -> None:
        """``store[key] = value``, filed under ``partition`` (see ``_Store.put``)."""
        self.data[key] = value
        self._key_partition[key] = partition

    def delete(self, partition: int, key: Any) -> None:
        """``del store[key]``, if it is there (see ``_Store.delete``)."""
        self.data.pop(key, None)
        self._key_partition.pop(key, None)


#: the schemes under which Faust finds ``_Store`` and ``_MemoryStore``; ``KABAR_STORE=rocksdb://``
#: and ``memory://`` mean them
STORE_SCHEME = "kabar-rocksdb"
MEMORY_SCHEME = "kabar-memory"
stores.STORES.aliases[STORE_SCHEME] = f"{__name__}:_Store"
stores.STORES.aliases[MEMORY_SCHEME] = f"{__name__}:_MemoryStore"


def faust_store(url: str) -> str:
    """The store URL Faust is given for ``KABAR_STORE``: RocksDB is ``_Store``'s, memory ``_MemoryStore``'s."""
    for scheme, ours in (("rocksdb://", STORE_SCHEME), ("memory://", MEMORY_SCHEME)):
        if url.startswith(scheme):
            return f"{ours}://{url[len(scheme):]}"
    return url


class _Worker(faust.Worker):
    """Faust's worker without its terminal spinner. To spin on every log
    message the spinner sets the root logger to DEBUG, so each message sent
    built a debug log record: 3-4% of the worker's CPU in ``kabar bench``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spinner = None


#: the source partition whose transaction takes what is sent in ``sent_for`` (see there)
_SENT_FOR: ContextVar[TP | None] = ContextVar("sent_for", default=None)


@contextmanager
def sent_for(tp: TP) -> Iterator[None]:
    """Under ``exactly_once``, what is sent inside goes in the transaction of source partition
    ``tp``, as if sent while a message of ``tp`` was handled. The cluster stage sends the upserts
    an article caused later, from a timer or while another partition's message is handled: in the
    transaction of the partition they went to (Faust's way), an upsert was committed apart from its
    article's offset, and lost if that transaction alone was aborted; and with several workers the
    events partition may have no transaction on this worker at all."""
    token = _SENT_FOR.set(tp)
    try:
        yield
    finally:
        _SENT_FOR.reset(token)


class _TransactionManager(TransactionManager):
    """Faust's transactions (``exactly_once``), with what a message causes in its own partition's
    transaction and the producer of every partition that leaves the worker stopped."""

    def _transactional_id(self, tp: TP) -> str:
        group = self.app.assignor.group_for_topic(tp.topic)
        return self.transactional_id_format.format(group_id=self.app.conf.id,
                                                   tpg=TopicPartitionGroup(tp.topic, tp.partition, group))

    async def send(self, topic, key, value, partition, timestamp, headers, *, transactional_id=None):
        """Sent while a message is handled, a message goes in the transaction of the partition that
        message came from, which commits its offset, as Kafka Streams does; Faust put it in the
        transaction of the partition it goes to. An article of partition 1 whose clean copy went to
        partition 0 of ``articles.clean`` was committed as handled with partition 1, and its copy
        was lost when partition 0 left the worker and its transaction was aborted. (A table's
        changelog partition is its source partition: Faust sends those writes from its buffer,
        outside the message, to the same transaction.) ``sent_for`` names the source partition
        of what is sent on a message's behalf after its handling."""
        source = _SENT_FOR.get()
        if source is None:
            event = faust.current_event()
            source = event.message.tp if event is not None else None
        destination = self.consumer.key_partition(topic, key, partition)
        if source is None or destination is None:
            return await super().send(topic, key, value, partition, timestamp, headers)
        return await self.producer.send(topic, key, value, destination, timestamp, headers,
                                        transactional_id=self._transactional_id(source))

    async def commit(self, offsets, start_new_transaction: bool = True) -> bool:
        """Commit each source partition's transaction with its offsets, all at once. Faust commits
        them one after the other, each holding its producer's lock for four round trips to the
        broker (offsets added, offsets committed, the batches flushed, the transaction ended), and
        every send to a partition waits while its transaction commits, the changelog writes of all
        partitions queued behind it in Faust's one send buffer: with four partitions the sends
        waited for the sum of the four commits, once a second."""
        by_transaction: dict[str, dict[TP, int]] = {}
        for tp, offset in offsets.items():
            by_transaction.setdefault(self._transactional_id(tp), {})[tp] = offset
        try:
            await asyncio.gather(*(
                self.producer.commit_transactions({tid: tp_offsets}, self.app.conf.id,
                                                  start_new_transaction=start_new_transaction)
                for tid, tp_offsets in by_transaction.items()))
        except ProducerFenced as fenced:
            self.log.warning("ProducerFenced %s", fenced)
            await self.app.crash(fenced)
        return True

    async def on_rebalance(self, assigned, revoked, newly_assigned) -> None:
        """Faust leaves out of the partitions revoked those the *new* assignment makes standbys here,
        and a source partition that moves to another worker becomes one (with a standby replica, the
        default): its producer stayed, the new owner's producer of the same transactional id fenced
        it, and when the partition came back Faust kept the fenced producer (its
        ``begin_transaction`` fails, logged), so every message sent to the partition failed with
        ``ProducerFenced`` and none was committed."""
        await super().on_rebalance(assigned, revoked, newly_assigned)
        kept = self._tps_to_transactional_ids(assigned)
        await self._stop_transactions(sorted({self._transactional_id(tp) for tp in revoked} - kept))


def broker_credentials(settings: Settings) -> faust.SASLCredentials | None:
    """``admin.kafka_auth`` in Faust's form, so the worker's consumer and producer authenticate
    exactly as Kabar's other clients do (Faust picks SASL_SSL when there is an SSL context)."""
    auth = kafka_auth(settings)
    if not auth:
        return None
    return faust.SASLCredentials(username=auth["sasl_plain_username"], password=auth["sasl_plain_password"],
                                 mechanism=auth["sasl_mechanism"], ssl_context=auth.get("ssl_context"))


app = faust.App(
    settings.app_id,
    version=settings.app_version,
    broker=settings.broker,
    broker_credentials=broker_credentials(settings),
    store=faust_store(settings.store),
    datadir=str(settings.home / "worker" / f"{settings.group_id}-{settings.web_port}"),
    topic_partitions=settings.partitions,
    topic_replication_factor=1,
    topic_disable_leader=True,
    processing_guarantee=settings.processing_guarantee,
    web_port=settings.web_port,
    web_host="127.0.0.1",
    autodiscover=False,
    # Commit often: on a crash at most this much work is redone, and stages are idempotent.
    broker_commit_interval=1.0,
    table_cleanup_interval=60.0,
    producer_linger=0.005,
    # Acknowledged once every in-sync replica has it: with min.insync.replicas=2 on a three-node
    # cluster (admin.replication), a broker that dies loses nothing the worker was told was written.
    producer_acks=-1,
    # A full batch makes the next send wait for the broker (one request in flight per broker):
    # aiokafka's 16 KB default filled in a few event upserts.
    producer_max_batch_size=512 * 1024,
    stream_wait_empty=False,
    Worker=_Worker,
)


#: ``/metrics``: Faust's sensor (``faust_*``) and Kabar's metrics (``streams.metrics``), one registry;
#: the sensor is Faust's with its labelled series looked up once (``streams.monitor``)
setup_prometheus_sensors(app, registry=metrics.REGISTRY, name_prefix="faust")
app.monitor = Monitor(metrics=app.monitor._metrics)
app.transport.TransactionManager = _TransactionManager


def not_ready_because(started: bool, rebalancing: bool, assigned: int) -> str | None:
    """Why the worker cannot take messages yet (``/readyz`` answers 503 with it), or None."""
    if not started:
        return "the consumer has not started: is the broker reachable?"
    if rebalancing:
        return "the consumer group is rebalancing"
    if not assigned:
        return "no partitions are assigned to this worker yet"
    return None


@app.page("/healthz")
async def healthz(web, request):
    """The process is alive and serving."""
    return web.json({"ok": True})


@app.page("/readyz")
async def readyz(web, request):
    """The worker's consumer has joined the group and holds partitions."""
    started = app.consumer.started
    reason = not_ready_because(started, bool(app.rebalancing), len(app.consumer.assignment()) if started else 0)
    return web.json({"ready": reason is None, "reason": reason}, status=200 if reason is None else 503)


def _faust_topic(spec: TopicSpec) -> faust.TopicT:
    return app.topic(
        settings.topic(spec.name),
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions_of(spec, settings.partitions),
        config=spec.config(),
        compacting=spec.compacted or None,
        retention=spec.retention,
    )


#: normalize and enrich run their pure stage in these processes (``KABAR_NLP_PROCESSES``)
nlp = Offload(settings.nlp_processes)

#: Faust topic objects by spec name (``"articles.raw"``), built from ``topics.ALL_TOPICS``
TOPICS: dict[str, faust.TopicT] = {spec.name: _faust_topic(spec) for spec in ALL_TOPICS}


#: a cached deletion, and a key the cache does not hold (``WatchedTable``)
_DELETED, _NOT_CACHED = object(), object()


class WatchedTable(faust.Table):
    """A table with a record cache, as Kafka Streams has: a write only replaces the key's value in
    memory, and ``take_writes`` (called before the agent acknowledges the messages behind them)
    writes the last value of each key to the store and the changelog. Faust sends a changelog
    record, and runs ~80 µs of its table path, for every assignment: ``cluster`` writes each
    decision twice (undecided, then applied) and rewrites the same event and story keys for every
    article of a hot story, which the next articles write again.

    Nothing cached is acknowledged: an agent acknowledges a message once the writes taken with it
    are on the changelog (``common.AckedWhenWritten``, ``cluster.emit``), and Faust commits (under
    ``exactly_once``: in the partition's transaction) only offsets acknowledged, so committed
    offsets never run ahead of the changelog. The store gets a value when the changelog does, so a
    crash or a stop drops the cache together with the unacknowledged messages that wrote it (they
    are delivered again), and no store holds state its changelog lacks. A rebalance writes the
    cache out (``_write_cached_on_revoke``), as Faust's writing at once did: a message handled
    after a gap read back, acknowledged with it, may have written before the rebalance.

    Only under ``exactly_once`` (``caches``): there a flush goes out in the partition's transaction,
    all or nothing. Under ``at_least_once`` a crash can cut a flush short, and the order of the
    writes is what recovery relies on (a decision written undecided before the events it updates,
    applied after them): coalesced, a decision applied could reach the changelog while an event
    another article rewrote later did not, and a mention would be lost; there writes go through,
    except those written with ``hold``: ``cluster`` holds event rewrites and applied decisions, which
    go out events first at the next flush (any other write flushes first; see ``dedup.held``).

    Reads while a message is handled see what its partition cached (Faust's own reads look only in
    the message's partition); whole-table reads write the cache out first. The cache keeps keys in
    the order last written, so a decision marked applied goes out after the events it updated.

    The changelog messages are kept until taken, for the agent to wait for them: Faust commits an
    offset after flushing its send buffer, but that flush gives up after 0.1 s without a message
    sent and does not wait for the message being handed to the client
    (``faust.transport.producer.ProducerBuffer.flush_atmost``): an offset could be committed while
    the state its message wrote was still unsent, and a worker killed then lost that state for
    good (the message is never delivered again)."""

    #: whether writes wait in the cache (``exactly_once``) or go through at once (but for ``hold``)
    caches = settings.processing_guarantee == "exactly_once"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: (partition, key) -> the last value written (``_DELETED``: deleted), in the order last written
        self._cached: dict[tuple[int, Any], Any] = {}
        self._writes: list[FutureMessage] = []
        #: how often each key was held since the last flush (``hold``)
        self.held = held.HeldCount()

    def __setitem__(self, key: Any, value: Any) -> None:
        if self.caches:
            self._cache(key, value)
        else:
            if self._cached:  # what was held goes out first
                self.flush()
            super().__setitem__(key, value)

    def __delitem__(self, key: Any) -> None:
        if self.caches:
            self._cache(key, _DELETED)
        else:
            if self._cached:
                self.flush()
            super().__delitem__(key)

    def hold(self, key: Any, value: Any) -> None:
        """Write ``value`` under ``key`` and let it wait in the cache under ``at_least_once`` too: a
        write whose loss or order recovery tolerates (``dedup.held``), sent at the next flush, events
        before decisions, with only the last value of each key."""
        self._cache(key, value)
        self.held.note(key)

    def _cache(self, key: Any, value: Any) -> None:
        where = (self.partition_for_key(key), key)
        self._cached.pop(where, None)
        self._cached[where] = value

    def __getitem__(self, key: Any) -> Any:
        value = self._cached.get((_partition_handled(), key), _NOT_CACHED)
        if value is _NOT_CACHED:
            return self._stored(key)
        if value is _DELETED:
            raise KeyError(key)
        return value

    def _stored(self, key: Any) -> Any:
        """The store's value of ``key``, in one lookup: Faust's ``__getitem__`` asks the store
        whether it holds the key, then for its value (two RocksDB reads and key encodings)."""
        self.on_key_get(key)
        try:
            return self.data[key]
        except KeyError:
            return self.__missing__(key)

    def __contains__(self, key: object) -> bool:
        value = self._cached.get((_partition_handled(), key), _NOT_CACHED)
        if value is _NOT_CACHED:
            return super().__contains__(key)
        return value is not _DELETED

    def __iter__(self):
        self.flush()
        return super().__iter__()

    def __len__(self) -> int:
        self.flush()
        return super().__len__()

    def keys(self):
        self.flush()
        return super().keys()

    def values(self):
        self.flush()
        return super().values()

    def items(self):
        self.flush()
        return super().items()

    def flush(self) -> list[FutureMessage]:
        """Write the last cached value of each key to the store, then to the changelog; the
        changelog messages (``take_writes`` hands them over too)."""
        cached, self._cached = self._cached, {}
        self.held.clear()
        first = len(self._writes)
        store = self.data
        items = cached.items() if self.caches else sorted(cached.items(), key=lambda item: held.flush_rank(item[0][1]))
        for (partition, key), value in items:
            if value is _DELETED:
                store.delete(partition, key)
                self.send_changelog(partition, key, None, value_serializer="raw")
                self._sensor_on_del(self, key)
            else:
                store.put(partition, key, value)
                self.send_changelog(partition, key, value)
                self._sensor_on_set(self, key, value)
        return self._writes[first:]

    def send_changelog(self, *args: Any, **kwargs: Any) -> FutureMessage:
        write = super().send_changelog(*args, **kwargs)
        self._writes.append(write)
        return write

    def take_writes(self) -> list[FutureMessage]:
        """The changelog messages of the writes since the last call (the cache written out first),
        done once the broker has them."""
        self.flush()
        writes, self._writes = self._writes, []
        return writes


def _partition_handled() -> int | None:
    """The partition of the message being handled (None outside one)."""
    event = faust.current_event()
    return None if event is None else event.message.partition


def _table(name: str, source: TopicSpec, help: str, **options: Any) -> WatchedTable:
    """``app.Table(name, ...)``, a ``WatchedTable``: its agent acknowledges a message once what it
    wrote is on the changelog."""
    return app.tables.add(WatchedTable(app, name=name, default=None, beacon=app.tables.beacon, help=help,
                                       partitions=partitions_of(source, settings.partitions),
                                       options=dict(ROCKSDB_OPTIONS), **options))


#: normalize: article id -> fingerprint of the last version sent on (co-partitioned with articles.raw; dated)
seen_articles = _table("seen-articles", ARTICLES_RAW, "article id -> content fingerprint already sent on")
#: enrich: content fingerprint -> id of the first article with that exact text (co-partitioned with articles.clean; dated)
fingerprints = _table("fingerprints", ARTICLES_CLEAN, "content fingerprint -> first article id")
#: cluster: decisions (with MinHash signatures), canonical events, stories of one blocking key (co-partitioned with articles.enriched)
#: values are JSON text the clusterer encodes and parses itself (``dedup.state.TypedState``): the same
#: JSON the json codec wrote, without a detour through dicts (``bytes`` values: the raw codec)
cluster_state = _table("cluster-state", ARTICLES_ENRICHED, "dedup and event-clustering state", value_type=bytes)
#: alerts: event id -> rules already fired for it (co-partitioned with events; dated)
fired_alerts = _table("fired-alerts", EVENTS, "event id -> alert rules already fired")

#: the dated tables as their agents read them: through read caches, since ``keep`` reads the
#: partition's ``meta`` twice a message (one agent writes each table: see ``ReadCache``).
#: Small ones: what is read again is ``meta`` (a key a partition), entries mostly once.
seen_articles_cached, fingerprints_cached, fired_alerts_cached = _CACHED = tuple(
    ReadCache(table, limit=DATED_CACHE_MAX) for table in (seen_articles, fingerprints, fired_alerts))


def entries_of(table: WatchedTable):
    """``expiry.Entries`` of a table: the keys and values its store holds for one partition (its
    record cache written out first)."""

    def entries(partition: int) -> Iterator[tuple[str, Any]]:
        table.flush()
        store = table.data
        if isinstance(store, RocksDBStore):
            for key, value in store._visible_items(store._db_for_partition(partition)):
                yield store._decode_key(key), store._decode_value(value)
        else:
            yield from ((k, store.data.get(k)) for k, p in list(store._key_partition.items()) if p == partition)
    return entries


#: the dated tables as their agents write them (``keep``), each partition's day index in memory
seen_articles_dated, fingerprints_dated, fired_alerts_dated = _DATED = tuple(
    expiry.DatedTable(cache, entries_of(cache.table)) for cache in _CACHED)


#: the tables whose record caches a rebalance writes out
WATCHED = (seen_articles, fingerprints, cluster_state, fired_alerts)


@app.on_partitions_revoked.connect
async def _write_cached_on_revoke(sender, revoked, **kwargs) -> None:
    """Write out what the tables cached, and wait until the changelog has it, before the partitions
    can go to another worker (see ``WatchedTable``)."""
    written = [write for table in WATCHED for write in table.flush()]
    if written:
        await asyncio.wait(written)


@app.on_partitions_revoked.connect
async def _forget_dated_on_revoke(sender, revoked, **kwargs) -> None:
    for cache, dated in zip(_CACHED, _DATED):
        cache.values.clear()
        dated.forget()


@app.on_partitions_assigned.connect
async def _forget_dated_on_assign(sender, assigned, **kwargs) -> None:
    for cache, dated in zip(_CACHED, _DATED):
        cache.values.clear()
        dated.forget()


def keep(dated: expiry.DatedTable, event: EventT, key: str, value: object, event_time: str | None) -> None:
    """Store ``value`` under ``key`` in a dated table (read it back with ``expiry.value_of``),
    filed under the day of ``event_time`` (the partition's clock if it has none), then
    expire what the partition's clock has left more than a horizon behind (a grace later:
    see ``DatedTable.sweep``). Call it while handling ``event``: the entry goes to that
    message's partition, as Faust writes it."""
    moment = parse_time(event_time)
    day = expiry.day_of(moment.timestamp()) if moment is not None else 0
    partition = event.message.partition
    dated.put(partition, key, value, day)
    dated.sweep(partition, settings.horizon_days, time.time(), settings.sweep_grace)
