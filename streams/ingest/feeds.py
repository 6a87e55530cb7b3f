"""Feed parsing: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (feedparser), JSON Feed 1.x (ours).

``parse_feed(body, headers, url)`` turns the bytes of a feed into a
``ParsedFeed``: normalised ``FeedItem``s (plain text, absolute links,
timezone-aware times) and a list of ``problems``. Like feedparser's ``bozo``
flag, a bad feed never raises: a malformed feed gives the items that could be
read plus the reasons; an HTML page or junk gives no items and a problem that
says so. Pure: no I/O (the body is handed to feedparser as a stream, so a body
that happens to look like a path or a URL is never opened or fetched).

Hostile input: feedparser drops DOCTYPE entity declarations other than plain
character references and expat caps entity amplification (so "billion
laughs" cannot expand). feedparser's HTML sanitiser and relative-URI
resolution are off because nothing leaves here as HTML: every text field is
reduced to plain text by ``markup.plain_text`` (tags removed, script/style
contents dropped), which is the sanitiser, and costs a third less time.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
import orjson

from streams.ingest.markup import plain_text
from streams.timeutil import parse_time

JSON_FEED_TYPES = ("application/feed+json", "application/json")


@dataclass
class FeedItem:
    """One entry of a feed, normalised; times keep the publisher's UTC offset."""

    title: str
    link: str | None
    guid: str | None = None
    summary: str = ""
    #: the full text when the feed carries one (content:encoded, Atom content, content_html)
    content: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    language: str | None = None
    image: str | None = None


@dataclass
class ParsedFeed:
    """The result of parsing one feed body; ``problems`` is empty for a clean feed."""

    #: rss20, rss10, atom10, atom03, json11, ... ("" when nothing feed-like was found)
    kind: str
    title: str = ""
    link: str | None = None
    language: str | None = None
    #: the feed's own URL when it declares one (Atom/RSS ``<atom:link rel="self">``, JSON Feed ``feed_url``)
    self_link: str | None = None
    #: when the publisher last changed the feed (lastBuildDate/pubDate, Atom ``updated``)
    updated: datetime | None = None
    #: WebSub hubs the feed advertises (``<link rel="hub">``, JSON Feed ``hubs``)
    hubs: list[str] = field(default_factory=list)
    items: list[FeedItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """True when the body was recognised as a feed (possibly with problems)."""
        return bool(self.kind) or bool(self.items)


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None, url: str | None = None) -> ParsedFeed:
    """Parse a feed body; never raises (a failure is a ``ParsedFeed`` with problems)."""
    headers = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    try:
        if _looks_like_json(body, headers.get("content-type", "")):
            return parse_json_feed(body, url)
        return _parse_xml_feed(body, headers, url)
    except Exception as exc:  # noqa: BLE001 - the contract is: never raise on input
        return ParsedFeed(kind="", problems=[f"unparseable feed: {type(exc).__name__}: {exc}"[:300]])


def _looks_like_json(body: bytes, content_type: str) -> bool:
    if any(t in content_type.lower() for t in JSON_FEED_TYPES):
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _parse_xml_feed(body: bytes, headers: dict[str, str], url: str | None) -> ParsedFeed:
    fp_headers = dict(headers)
    if url:
        fp_headers["content-location"] = url
    fp_headers.setdefault("content-type", "application/xml")
    d = feedparser.parse(io.BytesIO(body), response_headers=fp_headers, sanitize_html=False, resolve_relative_uris=False)
    feed = d.get("feed", {})
    result = ParsedFeed(
        kind=d.get("version") or "",
        title=plain_text(feed.get("title"), single_line=True),
        link=_absolute(feed.get("link"), url),
        language=_language(feed.get("language")),
        self_link=_first_link(feed, "self", url),
        updated=_entry_time(feed, "updated") or _entry_time(feed, "published"),
        hubs=_dedupe(_absolute(link.get("href"), url) for link in feed.get("links") or [] if link.get("rel") == "hub"),
    )
    if d.get("bozo"):
        exc = d.get("bozo_exception")
        result.problems.append(f"{type(exc).__name__}: {exc}"[:300] if exc else "malformed feed")
    for entry in d.get("entries", []):
        result.items.append(_entry_item(entry, url, result.language))
    if not result.readable:
        head = body[:2048].lower()
        if b"<html" in head or b"<!doctype html" in head:
            result.problems.append("not a feed: an HTML page")
        else:
            result.problems.append("not a feed: no RSS, Atom or JSON Feed root element")
    return result


def _entry_item(entry: Any, url: str | None, feed_language: str | None) -> FeedItem:
    content = None
    for c in entry.get("content") or []:
        text = plain_text(c.get("value"))
        if text and (content is None or len(text) > len(content)):
            content = text
    # feedparser copies the content into "summary" when an entry has none
    summary = plain_text(entry.get("summary")) if "summary_detail" in entry or content is None else ""
    if content is not None and len(content) < len(summary):
        content = None  # a teaser, not the full text
    language = None
    for key in ("title_detail", "summary_detail"):
        language = language or _language((entry.get(key) or {}).get("language"))
    return FeedItem(
        title=plain_text(entry.get("title"), single_line=True),
        link=_entry_link(entry, url),
        guid=(entry.get("id") or None),
        summary=summary,
        content=content or None,
        published=_entry_time(entry, "published"),
        updated=_entry_time(entry, "updated"),
        authors=_entry_authors(entry),
        categories=_dedupe(plain_text(t.get("term") or t.get("label"), single_line=True) for t in entry.get("tags") or []),
        language=language or feed_language,
        image=_entry_image(entry, url),
    )


def _entry_link(entry: Any, url: str | None) -> str | None:
    """The item's own canonical link first, then its alternate link, then a permalink guid."""
    candidates = [entry.get("feedburner_origlink")]
    candidates += [link.get("href") for link in entry.get("links") or [] if link.get("rel") == "canonical"]
    candidates.append(entry.get("link"))
    if entry.get("guidislink") or str(entry.get("id", "")).startswith(("http://", "https://")):
        candidates.append(entry.get("id"))
    for candidate in candidates:
        link = _absolute(candidate, url)
        if link:
            return link
    return None


def _first_link(element: Any, rel: str, base: str | None) -> str | None:
    for link in element.get("links") or []:
        if link.get("rel") == rel:
            found = _absolute(link.get("href"), base)
            if found:
                return found
    return None


def _absolute(link: Any, base: str | None) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    link = urljoin(base, link.strip()) if base else link.strip()
    return link if link.lower().startswith(("http://", "https://")) else None


def _entry_time(entry: Any, key: str) -> datetime | None:
    """The entry's time with the publisher's offset when the raw string agrees
    with feedparser's parse, else feedparser's UTC time."""
    # dict.get: feedparser's own get() maps a missing "updated" to "published"
    raw = dict.get(entry, key)
    parsed = dict.get(entry, f"{key}_parsed")
    ours = _parse_time(raw)
    if parsed:
        try:
            utc = datetime(*parsed[:6], tzinfo=timezone.utc)
        except (TypeError, ValueError):
            return ours
        if ours is not None and abs((ours - utc).total_seconds()) < 1:
            return ours
        return utc
    return ours


def _parse_time(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        dt = parsedate_to_datetime(raw)
        if dt is not None and dt.tzinfo is not None:
            return dt
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_time(raw.strip())
    except Exception:  # noqa: BLE001 - dateutil raises odd types on junk
        return None


def _entry_authors(entry: Any) -> list[str]:
    names = [a.get("name") for a in entry.get("authors") or [] if isinstance(a, dict)]
    if not any(names) and entry.get("author"):
        names = [entry.get("author")]
    return _dedupe(plain_text(n, single_line=True) for n in names if isinstance(n, str))


def _entry_image(entry: Any, url: str | None) -> str | None:
    for media in (entry.get("media_content") or []) + (entry.get("media_thumbnail") or []):
        if str(media.get("medium", "image")) == "image" or str(media.get("type", "")).startswith("image/"):
            found = _absolute(media.get("url"), url)
            if found:
                return found
    for link in entry.get("enclosures") or []:
        if str(link.get("type", "")).startswith("image/"):
            found = _absolute(link.get("href"), url)
            if found:
                return found
    image = entry.get("image")
    return _absolute(image.get("href") if isinstance(image, dict) else image, url)


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def _dedupe(values) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def parse_json_feed(body: bytes, url: str | None = None) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1); never raises."""
    try:
        doc = orjson.loads(body.lstrip(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        return ParsedFeed(kind="", problems=[f"invalid JSON: {exc}"[:300]])
    if not isinstance(doc, dict) or "jsonfeed.org/version/1" not in str(doc.get("version", "")):
        return ParsedFeed(kind="", problems=["not a feed: JSON without a jsonfeed.org version"])
    kind = "json11" if str(doc["version"]).rstrip("/").endswith("1.1") else "json10"
    base = _absolute(doc.get("feed_url"), url) or url
    result = ParsedFeed(
        kind=kind,
        title=plain_text(_str(doc.get("title")), single_line=True),
        link=_absolute(doc.get("home_page_url"), base),
        language=_language(doc.get("language")),
        self_link=_absolute(doc.get("feed_url"), url),
        hubs=_dedupe(_absolute(h.get("url"), base) for h in _list(doc.get("hubs")) if isinstance(h, dict)),
    )
    items = doc.get("items")
    if not isinstance(items, list):
        result.problems.append("JSON Feed without an items list")
        return result
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            result.problems.append(f"item {n} is not an object")
            continue
        result.items.append(_json_item(item, base, result.language, doc))
    return result


def _json_item(item: dict, base: str | None, feed_language: str | None, doc: dict) -> FeedItem:
    content = plain_text(_str(item.get("content_html"))) or plain_text(_str(item.get("content_text")))
    summary = plain_text(_str(item.get("summary")))
    authors = _json_authors(item) or _json_authors(doc)
    guid = item.get("id")
    return FeedItem(
        title=plain_text(_str(item.get("title")), single_line=True),
        link=_absolute(item.get("url"), base) or _absolute(item.get("external_url"), base),
        guid=str(guid) if isinstance(guid, (str, int)) and str(guid) else None,
        summary=summary,
        content=content or None,
        published=_parse_time(item.get("date_published")),
        updated=_parse_time(item.get("date_modified")),
        authors=authors,
        categories=_dedupe(plain_text(t, single_line=True) for t in item.get("tags") or [] if isinstance(t, str)),
        language=_language(item.get("language")) or feed_language,
        image=_absolute(item.get("image"), base) or _absolute(item.get("banner_image"), base),
    )


def _json_authors(obj: dict) -> list[str]:
    """Names from a 1.1 ``authors`` list or a 1.0 ``author`` object."""
    entries = obj.get("authors") if isinstance(obj.get("authors"), list) else [obj.get("author")]
    return _dedupe(plain_text(a["name"], single_line=True) for a in entries if isinstance(a, dict) and isinstance(a.get("name"), str))


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""
