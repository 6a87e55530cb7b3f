"""Feed item -> RawArticle: ids, dates with their origin, text origin, flags and rejections."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from streams.ingest.feeds import FeedItem
from streams.ingest.items import NormalizedItem, normalize_item
from streams.reasons import Reason
from streams.records import Rejection
from streams.urls import article_id

FETCHED = datetime(2025, 1, 7, 12, 0, tzinfo=timezone.utc)
WIB = timezone(timedelta(hours=7))
FEED = "https://example.org/rss"


def _article(item: FeedItem, **kw):
    result = normalize_item(item, FEED, FETCHED, **kw)
    assert isinstance(result, NormalizedItem), result
    return result


def test_id_from_canonical_link_ignores_tracking():
    a = _article(FeedItem(title="A", link="https://www.example.org/x?utm_source=rss&id=3", summary="s"))
    b = _article(FeedItem(title="A", link="http://example.org/x?id=3#top", summary="s"))
    assert a.article.id == b.article.id == article_id("https://example.org/x?id=3")
    assert a.article.url == "https://example.org/x?id=3"
    assert a.article.source == "example.org" and a.article.feed == FEED


def test_dates_keep_offset_and_fall_back():
    published = _article(FeedItem(title="A", link="https://e.com/1", published=datetime(2025, 1, 7, 9, 0, tzinfo=WIB)))
    assert published.article.published_at == "2025-01-07T09:00:00+07:00"
    assert published.article.date_origin == "published"
    updated = _article(FeedItem(title="A", link="https://e.com/1", updated=datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)))
    assert (updated.article.published_at, updated.article.date_origin) == ("2025-01-06T09:00:00Z", "updated")
    fetched = _article(FeedItem(title="A", link="https://e.com/1"))
    assert (fetched.article.published_at, fetched.article.date_origin) == ("2025-01-07T12:00:00Z", "fetched")
    assert "no date" in fetched.flags
    future = _article(FeedItem(title="A", link="https://e.com/1", published=FETCHED + timedelta(days=30)))
    assert future.article.date_origin == "fetched" and "published time in the future" in future.flags


def test_text_origin_and_language():
    full = _article(FeedItem(title="A", link="https://e.com/1", summary="s", content="full text", language=None), language="id")
    assert (full.article.text, full.article.text_origin, full.article.language) == ("full text", "feed", "id")
    teaser = _article(FeedItem(title="A", link="https://e.com/1", summary="only a summary", language="ms"), language="id")
    assert (teaser.article.text, teaser.article.text_origin, teaser.article.language) == ("only a summary", "summary", "ms")
    assert teaser.article.fetched_at == "2025-01-07T12:00:00Z"


def test_item_without_link_gets_a_stable_flagged_id():
    a = _article(FeedItem(title="Kabar", link=None, guid="urn:42", summary="s"))
    b = _article(FeedItem(title="Kabar (diperbarui)", link=None, guid="urn:42", summary="t"))
    c = _article(FeedItem(title="Kabar", link=None, guid="urn:43", summary="s"))
    assert a.article.id == b.article.id != c.article.id
    assert "no link" in a.flags and a.article.url == FEED


def test_unusable_items_are_rejected_with_a_reason():
    empty = normalize_item(FeedItem(title="", link=None), FEED, FETCHED)
    assert isinstance(empty, Rejection) and empty.reason == Reason.EMPTY_ARTICLE
    untitled = _article(FeedItem(title="", link="https://e.com/1", summary="Gempa mengguncang Cianjur.\nDua tewas."))
    assert untitled.article.title == "Gempa mengguncang Cianjur." and "no title" in untitled.flags
