"""Feed item -> ``RawArticle`` (the record of ``articles.raw``).

The id is ``urls.article_id`` of the item's canonical link, so the same
article reached through two feeds, a tracking parameter or ``http`` vs
``https`` gets one id. ``published_at`` keeps the publisher's offset; when the
item has no publication time the updated time is used, then the fetch time,
and ``date_origin`` says which. ``text`` is the feed's full content when it has
one, else the summary (``text_origin`` = feed | summary; the poller may later
replace it with the page's text, ``page``).

An item without a link still gets a stable id (from the feed URL and its
guid or title) and the flag ``no link``; an item with nothing usable is a
``Rejection`` with the reason. Pure: no I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from streams.ingest.feeds import FeedItem
from streams.reasons import Reason
from streams.records import RawArticle, Rejection
from streams.timeutil import to_rfc3339
from streams.urls import article_id, canonical_url, source_of

#: a publication time further in the future than this is not believed
FUTURE_TOLERANCE = timedelta(days=1)
TITLE_FROM_TEXT_CHARS = 120


@dataclass
class NormalizedItem:
    """A usable item and what was doubtful about it (``no link``, ``no date``, ...)."""

    article: RawArticle
    flags: list[str] = field(default_factory=list)


def normalize_item(
    item: FeedItem,
    feed_url: str,
    fetched_at: datetime,
    *,
    language: str | None = None,
    source: str | None = None,
) -> NormalizedItem | Rejection:
    """Build the ``RawArticle`` of one feed item, or say why it cannot be used.

    ``language`` is the feed config's language, used when neither the item nor
    the feed declares one; ``fetched_at`` must be timezone-aware.
    """
    flags: list[str] = []
    text, text_origin = (item.content, "feed") if item.content else (item.summary, "summary")
    title = item.title
    if not title and not text and not item.link:
        return Rejection(Reason.EMPTY_ARTICLE, "an item with no title, no text and no link")
    if not title:
        title = _title_from_text(text)
        flags.append("no title")
    if item.link:
        url = canonical_url(item.link, base=feed_url)
        ident = article_id(url)
    else:
        key = item.guid or title  # never empty: an item with neither title nor text was rejected above
        url = canonical_url(feed_url)
        ident = hashlib.sha256(f"{url}\n{key}".encode("utf-8", "replace")).hexdigest()[:16]
        flags.append("no link")
    if not text:
        flags.append("no text")
    published, date_origin = _publication_time(item, fetched_at, flags)
    return NormalizedItem(
        RawArticle(
            id=ident,
            url=url,
            title=title,
            text=text,
            published_at=to_rfc3339(published),
            source=source or source_of(url),
            language=item.language or language,
            summary=item.summary or None,
            authors=list(item.authors),
            categories=list(item.categories),
            image=item.image,
            feed=feed_url,
            fetched_at=to_rfc3339(fetched_at),
            date_origin=date_origin,
            text_origin=text_origin,
        ),
        flags,
    )


def _publication_time(item: FeedItem, fetched_at: datetime, flags: list[str]) -> tuple[datetime, str]:
    for value, origin in ((item.published, "published"), (item.updated, "updated")):
        if value is None:
            continue
        if value > fetched_at + FUTURE_TOLERANCE:
            flags.append(f"{origin} time in the future")
            continue
        return value, origin
    flags.append("no date")
    return fetched_at, "fetched"


def _title_from_text(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    if len(first) <= TITLE_FROM_TEXT_CHARS:
        return first
    return first[:TITLE_FROM_TEXT_CHARS].rsplit(" ", 1)[0] + "…"
