from __future__ import annotations

import gzip
from datetime import datetime, timezone

import orjson

from streams.ingest.archive import ArchiveWriter, article_from_dict, read_archive
from streams.reasons import Reason
from streams.replay import parse_speed, sample_archive
from streams.urls import article_id


def test_the_bundled_sample_is_a_valid_archive_with_the_seed_article():
    lines = list(read_archive(sample_archive()))
    assert lines and all(ln.article for ln in lines)
    languages = {ln.article.language for ln in lines}
    assert {"en", "id"} <= languages
    assert any("Kazakhstan" in ln.article.title and ln.article.language == "id" for ln in lines)


def test_bad_lines_become_rejections_with_line_numbers(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    good = {"url": "https://x.org/a?utm_source=x", "title": "T", "text": "Body.", "published_at": "2022-01-07T12:00:00+07:00"}
    with gzip.open(path, "wb") as fh:
        fh.write(orjson.dumps(good) + b"\n{not json\n" + orjson.dumps({"url": "https://x.org/b"}) + b"\n\n"
                 + orjson.dumps(dict(good, published_at="someday")) + b"\n")
    lines = list(read_archive(path))
    assert [ln.line for ln in lines] == [1, 2, 3, 5]
    first = lines[0].article
    assert first.id == article_id("https://x.org/a") and first.url == "https://x.org/a"
    assert first.published_at == "2022-01-07T12:00:00+07:00" and first.source == "x.org"
    assert [ln.rejection.reason for ln in lines[1:]] == [Reason.INVALID_JSON, Reason.SCHEMA, Reason.NO_PUBLISHED_TIME]
    assert "title" in lines[2].rejection.detail and "text" in lines[2].rejection.detail


def test_the_writer_output_reads_back(tmp_path):
    article = next(read_archive(sample_archive())).article
    writer = ArchiveWriter(tmp_path)
    writer.write(article)
    writer.close()
    (back,) = list(read_archive(tmp_path))
    assert back.article.id == article.id and back.article.text == article.text


def test_speed_parsing():
    assert parse_speed("max") is None and parse_speed("60") == 60.0


def _line(n: int) -> bytes:
    return orjson.dumps({"url": f"https://x.org/{n}", "title": f"T{n}", "text": f"Body {n}. " * 40,
                         "published_at": "2025-01-07T12:00:00Z"}) + b"\n"


def _written(directory, count: int) -> tuple[bytes, list[int]]:
    """An archive of ``count`` articles made by ArchiveWriter: its bytes and where each article's bytes start."""
    writer = ArchiveWriter(directory)
    path = directory / "articles-2025-01-07.jsonl.gz"
    starts = []
    for n in range(count):
        starts.append(path.stat().st_size if path.exists() else 0)
        writer.write(article_from_dict(orjson.loads(_line(n))), now=datetime(2025, 1, 7, tzinfo=timezone.utc))
    writer.close()
    return path.read_bytes(), starts


def _titles(lines) -> list[str]:
    return [ln.article.title for ln in lines if ln.article]


def test_a_cut_short_archive_gives_every_whole_line_then_says_where_it_ends(tmp_path):
    data, _ = _written(tmp_path, 20)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[:-10])
    *lines, end = read_archive(cut)
    assert _titles(lines) == [f"T{n}" for n in range(19)]
    assert end.damage and end.rejection.reason == Reason.TRUNCATED and end.line == 19
    assert end.problem == f"truncated after line 19 (gzip stream ended early at byte {len(data) - 10})"


def test_one_long_gzip_stream_cut_short_gives_the_lines_before_the_cut(tmp_path):
    """What the writer made before each article was a gzip member of its own."""
    data = gzip.compress(b"".join(_line(n) for n in range(200)))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    *lines, end = read_archive(cut)
    assert 50 < len(lines) < 200 and _titles(lines) == [f"T{n}" for n in range(len(lines))]
    assert end.damage and end.rejection.reason == Reason.TRUNCATED and end.line == len(lines)


def test_a_stream_cut_short_then_appended_to_loses_only_what_was_cut(tmp_path):
    """A killed `kabar ingest` left a cut gzip stream, the next run appended its own to the same day's file."""
    killed = gzip.compress(b"".join(_line(n) for n in range(200)))
    killed = killed[: len(killed) // 2]
    path = tmp_path / "day.jsonl.gz"
    path.write_bytes(killed + gzip.compress(b"".join(_line(n) for n in range(1000, 1005))))
    lines = list(read_archive(path))
    (gap,) = [ln for ln in lines if ln.damage]
    before = lines[: lines.index(gap)]
    assert _titles(before) == [f"T{n}" for n in range(len(before))] and len(before) > 50
    assert gap.problem == f"truncated after line {len(before)} (gzip stream ended early at byte {len(killed)})"
    assert _titles(lines[lines.index(gap) + 1:]) == [f"T{n}" for n in range(1000, 1005)]


def test_corrupt_bytes_lose_only_the_article_they_hit(tmp_path):
    data, starts = _written(tmp_path, 10)
    broken = bytearray(data)
    broken[starts[4] + 20: starts[4] + 40] = b"\xff" * 20  # inside the deflate data of the fifth article
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(broken)
    lines = list(read_archive(path))
    assert _titles(lines) == [f"T{n}" for n in range(10) if n != 4]
    (gap,) = [ln for ln in lines if ln.damage]
    assert gap.rejection.reason == Reason.CORRUPT_GZIP and gap.line == 4
    assert gap.rejection.detail.endswith(f"in the gzip member at bytes {starts[4]}-{starts[5]}")


def test_lines_that_are_not_utf8_or_not_json_are_rejected_and_the_rest_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(_line(1) + b'{"title": "caf\xe9"}\n' + b"{not json\n" + _line(2))
    lines = list(read_archive(path))
    assert _titles(lines) == ["T1", "T2"]
    assert [ln.rejection.reason for ln in lines if ln.rejection] == [Reason.NOT_UTF8, Reason.INVALID_JSON]
    assert [ln.problem.partition(":")[0] for ln in lines if ln.rejection] == ["line 2", "line 3"]
