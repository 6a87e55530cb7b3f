"""JSON Lines archives of raw articles: reading (for replay) and writing (rotating by day).

An archive line is one JSON object with at least ``url``, ``title``, ``text``
and ``published_at``; ``id``, ``source`` and ``language`` are optional (``id``
defaults to the id of the canonical URL). Files may be gzip-compressed
(``.gz``). A line that cannot be used becomes a ``Rejection`` with its line
number, never an exception, so a replay reports it and goes on.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

import orjson

from streams.records import RawArticle, Rejection
from streams.timeutil import parse_time, to_rfc3339
from streams.urls import article_id, canonical_url, source_of

REQUIRED = ("url", "title", "text", "published_at")


@dataclass
class ArchiveLine:
    path: str
    line: int
    article: RawArticle | None
    rejection: Rejection | None
    raw: bytes


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def archive_files(path: str | os.PathLike) -> list[Path]:
    """One file, or every ``*.jsonl``/``*.jsonl.gz`` of a folder in name order."""
    p = Path(path)
    if p.is_dir():
        return sorted(q for q in p.rglob("*") if q.name.endswith((".jsonl", ".jsonl.gz")))
    if not p.exists():
        raise FileNotFoundError(f"no archive at {p}: give a .jsonl/.jsonl.gz file or a folder of them")
    return [p]


def article_from_dict(obj: object) -> RawArticle | Rejection:
    """Validate and normalise one archive object into a RawArticle."""
    if not isinstance(obj, dict):
        return Rejection("not a JSON object")
    missing = [k for k in REQUIRED if not isinstance(obj.get(k), str) or not obj.get(k)]
    if missing:
        return Rejection("missing or empty field(s): " + ", ".join(missing))
    published = parse_time(obj["published_at"])
    if published is None:
        return Rejection("unreadable published_at", str(obj["published_at"])[:80])
    url = canonical_url(obj["url"])
    return RawArticle(
        id=str(obj.get("id") or article_id(url)),
        url=url,
        title=obj["title"],
        text=obj["text"],
        published_at=to_rfc3339(published),
        source=obj.get("source") or source_of(url),
        language=obj.get("language"),
        summary=obj.get("summary"),
        authors=[a for a in obj.get("authors") or [] if isinstance(a, str)],
        categories=[c for c in obj.get("categories") or [] if isinstance(c, str)],
        image=obj.get("image"),
        feed=obj.get("feed"),
        fetched_at=obj.get("fetched_at"),
        date_origin=obj.get("date_origin") or "archive",
        text_origin=obj.get("text_origin") or "archive",
    )


def read_archive(path: str | os.PathLike) -> Iterator[ArchiveLine]:
    """Every line of an archive file or folder, in file order."""
    for f in archive_files(path):
        with _open(f) as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    obj = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    yield ArchiveLine(str(f), n, None, Rejection("invalid JSON", str(exc)), line)
                    continue
                result = article_from_dict(obj)
                if isinstance(result, Rejection):
                    yield ArchiveLine(str(f), n, None, result, line)
                else:
                    yield ArchiveLine(str(f), n, result, None, line)


class ArchiveWriter:
    """Appends raw articles to ``DIR/articles-YYYY-MM-DD.jsonl.gz``, one file per UTC day of ingestion."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._day: str | None = None
        self._fh: IO[bytes] | None = None

    def write(self, article: RawArticle, now: datetime | None = None) -> None:
        day = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d")
        if day != self._day:
            self.close()
            self._fh = gzip.open(self.directory / f"articles-{day}.jsonl.gz", "ab")
            self._day = day
        assert self._fh is not None
        self._fh.write(orjson.dumps(article.to_dict()) + b"\n")

    def flush(self) -> None:
        if self._fh is not None:
            self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._day = None
