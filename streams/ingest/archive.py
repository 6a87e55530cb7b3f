"""JSON Lines archives of raw articles: reading (for replay) and writing (rotating by day).

An archive line is one JSON object with at least ``url``, ``title``, ``text``
and ``published_at``; ``id``, ``source`` and ``language`` are optional (``id``
defaults to the id of the canonical URL). Files may be gzip-compressed
(``.gz``). A line that cannot be used becomes a ``Rejection`` with its line
number, never an exception, so a replay reports it and goes on.

A damaged ``.gz`` (a gzip member cut short by a killed writer, at the end or
followed by a later run's, or corrupt bytes) is read as far as it goes: every
whole member, the whole lines of a broken one up to the damage, and on from
the next member that decompresses. The damage becomes one ``Rejection``
(``Reason.TRUNCATED`` or ``Reason.CORRUPT_GZIP``) saying after which line
and at which bytes. Lines zlib gave before it noticed corruption are kept if
they are articles. A file is read whole into memory: a replay holds every
article anyway, to send them in publication order.

``ArchiveWriter`` writes each article as a gzip member of its own, in one
unbuffered write, so the file never waits for ``close``: once ``write``
returns, the article is in the file, whole, whatever then happens to the
process. A SIGTERM the process handles (``kabar ingest`` does) cannot cut a
write; a SIGKILL can cut the one under way, which the reader reports as
truncated. Compressed one by one, articles take about 45% more room than in
one long stream.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

import orjson

from streams.codec import encode
from streams.reasons import Reason
from streams.records import RawArticle, Rejection
from streams.timeutil import parse_time, to_rfc3339
from streams.urls import article_id, canonical_url, source_of

REQUIRED = ("url", "title", "text", "published_at")
#: what a truncated member's rejection says
ENDED_EARLY = "gzip stream ended early"
#: the first bytes of a gzip member (magic number and the deflate method), where reading resumes after corrupt bytes
GZIP_MEMBER_START = b"\x1f\x8b\x08"
#: compressed bytes given to zlib at a time: the lines of a corrupt member are kept up to the last whole chunk
CHUNK = 1 << 12


@dataclass
class ArchiveLine:
    path: str
    line: int
    article: RawArticle | None
    rejection: Rejection | None
    raw: bytes
    #: True for a stretch of a ``.gz`` that could not be decompressed; ``line`` is then the last line read before it
    damage: bool = False

    @property
    def problem(self) -> str:
        """What could not be used, and where (empty for an article)."""
        if self.rejection is None:
            return ""
        reason, detail = self.rejection.reason, self.rejection.detail
        if self.damage:
            return f"{reason} after line {self.line} ({detail})"
        return f"line {self.line}: {reason}" + (f" ({detail})" if detail else "")


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
        return Rejection(Reason.SCHEMA, "not a JSON object")
    missing = [k for k in REQUIRED if not isinstance(obj.get(k), str) or not obj.get(k)]
    if missing:
        return Rejection(Reason.SCHEMA, "missing or empty field(s): " + ", ".join(missing))
    published = parse_time(obj["published_at"])
    if published is None:
        return Rejection(Reason.NO_PUBLISHED_TIME, str(obj["published_at"])[:80])
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
    """Every readable line of an archive file or folder, in file order, and each damaged stretch.

    Line numbers count the lines read: after corrupt bytes they go on from the
    last line before them, since how many lines were lost is unknown.
    """
    for f in archive_files(path):
        data = f.read_bytes()
        pieces = _gzip_pieces(data) if f.name.endswith(".gz") else iter([data])
        n, pending = 0, b""
        for piece in pieces:
            if isinstance(piece, Rejection):
                yield ArchiveLine(str(f), n, None, piece, pending, damage=True)
                pending = b""
                continue
            *lines, pending = (pending + piece).split(b"\n")
            for line in lines:
                n += 1
                if line.strip():
                    yield _archive_line(str(f), n, line.strip())
        if pending.strip():
            yield _archive_line(str(f), n + 1, pending.strip())


def _archive_line(path: str, n: int, line: bytes) -> ArchiveLine:
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        reason = Reason.INVALID_JSON if _is_utf8(line) else Reason.NOT_UTF8
        return ArchiveLine(path, n, None, Rejection(reason, str(exc)), line)
    result = article_from_dict(obj)
    if isinstance(result, Rejection):
        return ArchiveLine(path, n, None, result, line)
    return ArchiveLine(path, n, result, None, line)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _gzip_pieces(data: bytes) -> Iterator[bytes | Rejection]:
    """The decompressed bytes of a gzip file, member by member, with a Rejection where it is damaged."""
    pos = 0
    while pos < len(data):
        out, end, error = _member(data, pos, len(data))
        if error is None:
            yield out
            pos = end
            continue
        resume = _next_member(data, pos + 1)
        if resume < len(data):  # zlib may have read on into the next member: decode the broken one up to it only
            out, _, error = _member(data, pos, resume)
        yield out
        if error == ENDED_EARLY:
            yield Rejection(Reason.TRUNCATED, f"{ENDED_EARLY} at byte {resume}")
        else:
            yield Rejection(Reason.CORRUPT_GZIP, f"{error} in the gzip member at bytes {pos}-{resume}")
        pos = resume


def _member(data: bytes, start: int, stop: int) -> tuple[bytes, int, str | None]:
    """Decompress the gzip member at ``data[start:stop]``: its bytes, the offset after it and None when it is
    whole; else the bytes decompressed before the damage, and ``ENDED_EARLY`` or zlib's message."""
    view = memoryview(data)[:stop]
    decompressor = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer, whose CRC zlib checks
    out = []
    pos = start
    try:
        while pos < stop and not decompressor.eof:
            out.append(decompressor.decompress(view[pos:pos + CHUNK]))
            pos = min(pos + CHUNK, stop)
    except zlib.error as exc:
        return b"".join(out), pos, str(exc).rpartition(": ")[2]
    if not decompressor.eof:
        return b"".join(out), pos, ENDED_EARLY
    return b"".join(out), pos - len(decompressor.unused_data), None


def _next_member(data: bytes, start: int) -> int:
    """The first offset from ``start`` where a gzip member decompresses without error (to its end or to the
    end of the data), else ``len(data)``. The search starts inside the broken member, since zlib may notice
    the damage only after reading on past its end."""
    at = data.find(GZIP_MEMBER_START, start)
    while at != -1:
        if _member(data, at, len(data))[2] in (None, ENDED_EARLY):
            return at
        at = data.find(GZIP_MEMBER_START, at + 1)
    return len(data)


class ArchiveWriter:
    """Appends raw articles to ``DIR/articles-YYYY-MM-DD.jsonl.gz``, one file per UTC day of ingestion.

    Each article is a gzip member of its own, written at once (see the module docstring).
    """

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._day: str | None = None
        self._fh: IO[bytes] | None = None

    def write(self, article: RawArticle, now: datetime | None = None) -> None:
        day = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%d")
        if day != self._day:
            self.close()
            self._fh = open(self.directory / f"articles-{day}.jsonl.gz", "ab", buffering=0)
            self._day = day
        assert self._fh is not None
        member = memoryview(gzip.compress(encode(article) + b"\n"))
        while member:  # a short write is rare on a local file, but possible
            member = member[self._fh.write(member):]

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
            self._day = None
