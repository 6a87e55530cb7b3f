"""``kabar replay``: send historical articles to ``articles.raw`` in event time.

Three sources:

- ``PATH``, JSON Lines archives (what ``kabar ingest`` writes, ``.gz`` ok);
- ``PATH``, saved feeds (RSS/RDF/Atom/JSON Feed snapshots, ``ingest.snapshots``):
  parsed and normalised as live polling does, merged by article id, nothing
  fetched; a folder may hold archives, snapshots or both;
- no PATH but ``--from``/``--to``: a publication-time range of another
  namespace's ``articles.raw`` (``--source-prefix``), read with a full scan of
  its partitions up to their ends at start, written to this namespace's.

Articles go out in publication order; ``--speed 60`` plays one hour of news
per minute, ``--speed max`` as fast as the broker takes them. Each record's
Kafka timestamp is its publication time. ``--from``/``--to`` also filter the
files. What cannot be used (a bad line, a file that is not a feed, a record
that does not decode) is counted and sent to the dead-letter topic with the
file and line, or topic, partition and offset, and the reason. A damaged
archive is read as far as it can be (see ``ingest.archive``); when an archive
was not read whole, everything readable is still sent, and the command says
which and why in one line and exits 2.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from streams.codec import DecodeError, decode, encode
from streams.ingest.archive import read_archive
from streams.ingest.snapshots import read_snapshots, split_replay_files
from streams.producer import ArticleProducer
from streams.progress import Progress
from streams.reasons import Reason
from streams.records import RawArticle, Rejection
from streams.settings import Settings
from streams.timeutil import parse_time
from streams.topics import ARTICLES_RAW

#: seconds without any record from a partition below its end offset before the scan gives up
SCAN_STALL = 60.0
#: Kafka refuses a record timestamp further ahead than this (log.message.timestamp.after.max.ms, 4.0 default)
FUTURE_LIMIT_MS = 3_600_000


def sample_archive() -> Path:
    """The bundled sample (the seed article and a few English and Indonesian ones)."""
    return Path(str(resources.files("streams.data").joinpath("sample/articles.jsonl")))


def parse_speed(value: str) -> float | None:
    """``max`` -> None (no pacing); a positive number -> that many seconds of news per second."""
    if value == "max":
        return None
    speed = float(value)
    if speed <= 0:
        raise ValueError("speed must be positive or 'max'")
    return speed


@dataclass(frozen=True)
class Window:
    """Publication times in [start, end), epoch milliseconds; None = unbounded."""

    start_ms: int | None = None
    end_ms: int | None = None

    @classmethod
    def parse(cls, start: str | None, end: str | None) -> "Window":
        """From ``--from``/``--to`` values (ISO 8601); raises ValueError saying which one is wrong."""
        bounds = []
        for flag, value in (("--from", start), ("--to", end)):
            when = parse_time(value) if value else None
            if value and when is None:
                raise ValueError(f"{flag} takes an ISO 8601 time such as 2026-01-07T00:00:00Z, not {value!r}")
            bounds.append(int(when.timestamp() * 1000) if when else None)
        if None not in bounds and bounds[0] >= bounds[1]:
            raise ValueError("--from must be before --to")
        return cls(*bounds)

    @property
    def bounded(self) -> bool:
        return self.start_ms is not None or self.end_ms is not None

    def __contains__(self, ms: int) -> bool:
        return (self.start_ms is None or ms >= self.start_ms) and (self.end_ms is None or ms < self.end_ms)


@dataclass
class Loaded:
    """What a source gave: the articles to send and the dead letters (reason and where, excerpt)."""

    label: str
    articles: list[RawArticle] = field(default_factory=list)
    rejects: list[tuple[Rejection, bytes | str]] = field(default_factory=list)
    #: figures for the closing summary (snapshot files, merged versions, out of range, ...)
    notes: dict[str, int] = field(default_factory=dict)
    #: archive files read
    archives: int = 0
    #: what could not be used of each archive not read whole (damaged bytes, lines that are not articles)
    unread: dict[str, list[str]] = field(default_factory=dict)

    def unread_summary(self) -> str:
        """One line on the archives not read whole, naming each one's first problem (empty when all were)."""
        if not self.unread:
            return ""
        files = "; ".join(f"{name}: {problems[0]}" + (f", and {len(problems) - 1} more" if len(problems) > 1 else "")
                          for name, problems in self.unread.items())
        return (f"{self.archives - len(self.unread)} of {self.archives} archives read whole, the readable lines of "
                f"the others sent, the rest to the dead-letter topic; {files}")


def load_files(path: str | os.PathLike, window: Window = Window()) -> Loaded:
    """Archives and snapshots under ``path``, filtered by ``window``."""
    archives, snapshots = split_replay_files(path)
    loaded = Loaded(Path(path).name)
    root = Path(path) if Path(path).is_dir() else Path(path).parent
    loaded.archives = len(archives)
    for f in archives:
        for ln in read_archive(f):
            if ln.rejection:
                loaded.rejects.append((Rejection(ln.rejection.reason, f"{ln.path}: {ln.problem}"), ln.raw))
                loaded.unread.setdefault(str(f.relative_to(root)), []).append(ln.problem)
            else:
                loaded.articles.append(ln.article)
    if snapshots:
        progress = Progress(len(snapshots), "read saved feeds")
        found = read_snapshots(_counted(snapshots, progress))
        progress.close(f"files, {found.items} items")
        loaded.articles += found.articles
        loaded.rejects += [(Rejection(r.reason, f"{r.path}: {r.detail}"), r.excerpt) for r in found.rejections]
        loaded.notes.update({"snapshot files": found.files, "feed items": found.items, "merged versions": found.merged,
                             "summary only": found.summary_only})
    if window.bounded:
        inside = [a for a in loaded.articles if a.published_ms in window]
        loaded.notes["outside --from/--to"] = len(loaded.articles) - len(inside)
        loaded.articles = inside
    return loaded


def _counted(paths: list[Path], progress: Progress) -> Iterator[Path]:
    for path in paths:
        yield path
        progress.update()


async def load_topic_range(settings: Settings, source_prefix: str, window: Window) -> Loaded:
    """The articles of ``<source_prefix>articles.raw`` published in ``window``.

    The log is in arrival order, not publication order, so every partition is
    read up to its end offset at start. The scan starts at ``offsets_for_times
    (from)``: Kafka answers the earliest offset whose timestamp is at or after
    it (its time index holds the running maximum timestamp), so every record
    before it was published before ``from``. Record timestamps are publication
    times (``producer.ArticleProducer`` sets them), which is what is filtered on.
    """
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from streams.admin import kafka_auth

    source = source_prefix + ARTICLES_RAW.name
    loaded = Loaded(source)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                group_id=None, **kafka_auth(settings))
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        parts = consumer.partitions_for_topic(source)
        if not parts:
            raise LookupError(f"topic {source!r} does not exist on {settings.bootstrap_servers}")
        tps = [TopicPartition(source, p) for p in sorted(parts)]
        ends = await consumer.end_offsets(tps)
        if window.start_ms is None:
            starts = await consumer.beginning_offsets(tps)
        else:
            found = await consumer.offsets_for_times({tp: window.start_ms for tp in tps})
            starts = {tp: found[tp].offset if found[tp] else ends[tp] for tp in tps}
        todo = {tp for tp in tps if starts[tp] < ends[tp]}
        consumer.assign(list(todo))
        for tp in todo:
            consumer.seek(tp, starts[tp])
        progress = Progress(sum(ends[tp] - starts[tp] for tp in todo), f"scan {source}")
        last_record = time.monotonic()
        while todo:
            batch = await consumer.getmany(*todo, timeout_ms=1000)
            for tp, records in batch.items():
                for rec in records:
                    if rec.offset >= ends[tp]:
                        break
                    last_record = time.monotonic()
                    progress.update()
                    if rec.timestamp not in window:
                        continue
                    try:
                        loaded.articles.append(decode(ARTICLES_RAW, rec.value))
                    except DecodeError as exc:
                        where = f"{source} partition {tp.partition} offset {rec.offset}"
                        loaded.rejects.append((Rejection(exc.reason, f"{where}: {exc.detail}"), rec.value or b""))
            for tp in list(todo):
                if await consumer.position(tp) >= ends[tp]:
                    todo.discard(tp)
                    consumer.pause(tp)
            if todo and time.monotonic() - last_record > SCAN_STALL:
                raise TimeoutError(f"no record from {source} for {SCAN_STALL:.0f}s before its end offsets; is the broker healthy?")
        loaded.notes["scanned"] = progress.done
        progress.close("scanned")
    finally:
        await consumer.stop()
    return loaded


async def send(loaded: Loaded, speed: float | None, settings: Settings) -> dict:
    """Send ``loaded`` in publication order, paced by ``speed``; dead letters first."""
    limit = time.time() * 1000 + FUTURE_LIMIT_MS
    good = sorted((a for a in loaded.articles if a.published_ms <= limit), key=lambda a: a.published_ms)
    loaded.rejects += [(Rejection(Reason.FUTURE_TIME, f"{a.url}: published_at {a.published_at} is in the future "
                                  "(Kafka refuses such timestamps)"), encode(a))
                       for a in loaded.articles if a.published_ms > limit]
    progress = Progress(len(good), f"replay {loaded.label}")
    async with ArticleProducer(settings) as producer:
        for rejection, raw in loaded.rejects:
            await producer.reject("replay", rejection.reason, rejection.detail, raw)
        start_wall = time.monotonic()
        start_event = good[0].published_ms if good else 0
        for article in good:
            if speed is not None:
                due = start_wall + (article.published_ms - start_event) / 1000 / speed
                delay = due - time.monotonic()
                if delay > 0:
                    await producer.flush()
                    await asyncio.sleep(delay)
            await producer.send(article)
            progress.update()
        await producer.flush()
    notes = "".join(f", {n} {what}" for what, n in loaded.notes.items())
    progress.close(f"sent, {producer.dead} rejected{notes}")
    return {"sent": producer.sent, "rejected": producer.dead, **loaded.notes}
