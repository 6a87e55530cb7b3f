"""Records read through attributes; an article's publication time is parsed once, and is no field."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import msgspec
import pytest

from streams import records
from streams.codec import decode, encode
from streams.records import RawArticle
from streams.topics import ARTICLES_RAW


def _article(published_at: str = "2022-01-07T12:00:00+07:00") -> RawArticle:
    return RawArticle(id="a", url="https://x.org/a", title="t", text="x", published_at=published_at)


def test_published_keeps_the_publishers_offset_and_gives_the_kafka_timestamp():
    article = _article()
    assert article.published == datetime(2022, 1, 7, 12, tzinfo=timezone(timedelta(hours=7)))
    assert article.published_ms == 1641531600000


def test_published_is_parsed_once_and_again_when_published_at_is_reassigned(monkeypatch):
    calls = []
    real = records.parse_time
    monkeypatch.setattr(records, "parse_time", lambda value: calls.append(value) or real(value))
    article = _article()
    assert article.published is article.published and article.published_ms == article.published_ms
    assert calls == ["2022-01-07T12:00:00+07:00"]
    article.published_at = "2022-01-07T00:00:00Z"
    assert article.published == datetime(2022, 1, 7, tzinfo=timezone.utc)
    assert len(calls) == 2


def test_the_parsed_time_is_neither_encoded_nor_compared():
    article = _article()
    assert article.published is not None
    assert encode(article) == encode(_article())
    assert article == _article() == decode(ARTICLES_RAW, encode(article))
    assert list(msgspec.structs.asdict(article)) == list(RawArticle.__struct_fields__)


def test_a_published_at_that_is_not_a_time_has_no_timestamp():
    article = _article("someday")
    assert article.published is None
    with pytest.raises(ValueError):
        article.published_ms
