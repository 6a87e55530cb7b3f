"""Saved feeds (historical snapshots) -> raw articles, for ``kabar replay PATH``.

A snapshot is a feed body saved to a file (RSS 0.9x/1.0/2.0, RDF, Atom, JSON
Feed; ``.gz`` ok), e.g. yesterday's feeds saved every ten minutes. Each file
is parsed by ``feeds.parse_feed`` and each item normalised by
``items.normalize_item``, as the poller does, so ids, URLs and times are those
of live polling. The same item shows up in many snapshots of one feed: items
are merged by article id and the version of the latest snapshot is kept.

A snapshot is dated by its content, the latest of the feed's own time
(lastBuildDate, Atom ``updated``) and its items' times, and by the file's
modification time only when it carries no time at all (copying a folder
changes file times). That time orders the versions and stands in for the
poller's fetch time: an item without a date is dated by the first snapshot
that holds it (when a poller would have seen it).

Snapshots carry what the feed carried, often only a summary. Nothing is
fetched, so a replay is offline and deterministic; such articles keep
``text_origin = "summary"``, as the poller leaves an article whose page it
could not fetch. A file that is not a feed is a ``FileRejection`` with the
reason; so is a malformed one, whose readable items are still kept.

``split_replay_files`` tells JSON Lines archives from snapshots (by extension,
else by the first line: a JSON Feed is one object over many lines, or one
line with a jsonfeed.org version), so a folder may hold either or both.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import orjson

from streams.ingest.feeds import ParsedFeed, parse_feed
from streams.ingest.items import NormalizedItem, normalize_item
from streams.reasons import Reason
from streams.records import RawArticle, Rejection
from streams.timeutil import to_rfc3339

ARCHIVE_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
#: bytes read to find the first line of a file whose extension says nothing
SNIFF_BYTES = 1 << 20


@dataclass
class FileRejection:
    """A snapshot file (or one item of it) that could not be used, and why."""

    path: str
    reason: Reason
    detail: str = ""
    excerpt: bytes = b""


@dataclass
class SnapshotArticles:
    """The articles of a set of snapshots, one per article id, and what went wrong."""

    articles: list[RawArticle] = field(default_factory=list)
    rejections: list[FileRejection] = field(default_factory=list)
    files: int = 0
    items: int = 0
    #: item versions superseded by the same article in a later snapshot
    merged: int = 0
    #: doubtful articles by flag (``no link``, ``no date``, ...), as the poller counts them
    flags: dict[str, int] = field(default_factory=dict)

    @property
    def summary_only(self) -> int:
        return sum(1 for a in self.articles if a.text_origin == "summary")


def split_replay_files(path: str | os.PathLike) -> tuple[list[Path], list[Path]]:
    """(archive files, snapshot files) of a file or a folder (recursive, hidden files skipped), in name order."""
    root = Path(path)
    if root.is_dir():
        files = sorted(q for q in root.rglob("*") if q.is_file() and not any(part.startswith(".") for part in q.relative_to(root).parts))
    elif root.exists():
        files = [root]
    else:
        raise FileNotFoundError(f"nothing at {root}: give a JSON Lines archive, a saved feed, or a folder of them")
    archives = [f for f in files if is_archive(f)]
    return archives, [f for f in files if f not in archives]


def is_archive(path: Path) -> bool:
    """True for a JSON Lines archive: ``.jsonl``/``.ndjson`` (``.gz`` ok), or, unless the extension is an XML
    feed's, a first line that is a whole JSON object other than a JSON Feed (``.json`` may be either)."""
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(ARCHIVE_SUFFIXES):
        return True
    if name.endswith(FEED_SUFFIXES):
        return False
    try:
        with (gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")) as fh:
            first = fh.readline(SNIFF_BYTES).strip()
        obj = orjson.loads(first)
    except (OSError, EOFError, zlib.error, orjson.JSONDecodeError):
        return False
    return isinstance(obj, dict) and "jsonfeed.org/version" not in str(obj.get("version", ""))


def read_snapshots(paths: Iterable[Path]) -> SnapshotArticles:
    """Parse every snapshot; merge items by article id, keeping the latest snapshot's version."""
    out = SnapshotArticles()
    latest: dict[str, tuple[tuple[float, str], NormalizedItem]] = {}
    first_seen: dict[str, datetime] = {}
    for path in paths:
        out.files += 1
        loaded = _load(path)
        if isinstance(loaded, FileRejection):
            out.rejections.append(loaded)
            continue
        body, parsed, taken_at, feed_url = loaded
        if parsed.problems:
            problems = "; ".join(parsed.problems)
            reason, detail = ((Reason.MALFORMED_FEED, f"{len(parsed.items)} items read: {problems}") if parsed.readable
                              else (Reason.NOT_A_FEED, problems))
            out.rejections.append(FileRejection(str(path), reason, detail[:500], body[:300]))
        for item in parsed.items:
            out.items += 1
            normalized = normalize_item(item, feed_url, taken_at)
            if isinstance(normalized, Rejection):
                out.rejections.append(FileRejection(str(path), normalized.reason, normalized.detail, item.title[:200].encode()))
                continue
            ident = normalized.article.id
            first_seen[ident] = min(first_seen.get(ident, taken_at), taken_at)
            version = (taken_at.timestamp(), str(path))
            held = latest.get(ident)
            if held is not None:
                out.merged += 1
                if version <= held[0]:
                    continue
            latest[ident] = (version, normalized)
    for ident, (_version, normalized) in latest.items():
        article = normalized.article
        if article.date_origin == "fetched":  # undated: the first snapshot that held it dates it
            article.published_at = article.fetched_at = to_rfc3339(first_seen[ident])
        for flag in normalized.flags:
            out.flags[flag] = out.flags.get(flag, 0) + 1
        out.articles.append(article)
    return out


def _load(path: Path) -> tuple[bytes, ParsedFeed, datetime, str] | FileRejection:
    """The body, the parsed feed, its snapshot time and the feed URL it stands for."""
    try:
        body = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            body = gzip.decompress(body)
        mtime = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        return FileRejection(str(path), Reason.UNREADABLE_FILE, str(exc)[:300])
    parsed = parse_feed(body)
    if parsed.self_link and any(item.link is None for item in parsed.items):
        parsed = parse_feed(body, url=parsed.self_link)  # relative item links resolve against the feed's URL
    feed_url = parsed.self_link or parsed.link or path.resolve().as_uri()
    times = [t for item in parsed.items for t in (item.published, item.updated) if t] + [t for t in [parsed.updated] if t]
    return body, parsed, max(times, default=mtime), feed_url
