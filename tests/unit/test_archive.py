from __future__ import annotations

import gzip

import orjson

from streams.ingest.archive import ArchiveWriter, read_archive
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
    assert lines[1].rejection.reason == "invalid JSON"
    assert "title" in lines[2].rejection.reason and "text" in lines[2].rejection.reason
    assert lines[3].rejection.reason == "unreadable published_at"


def test_the_writer_output_reads_back(tmp_path):
    article = next(read_archive(sample_archive())).article
    writer = ArchiveWriter(tmp_path)
    writer.write(article)
    writer.close()
    (back,) = list(read_archive(tmp_path))
    assert back.article.id == article.id and back.article.text == article.text


def test_speed_parsing():
    assert parse_speed("max") is None and parse_speed("60") == 60.0
