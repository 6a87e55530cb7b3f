"""Full text of an article page (trafilatura), for items whose feed gives only a summary.

``extract_article(html, url)`` returns a ``ScrapedPage`` (main text, title,
publication time, authors, the page's declared language) or a ``Rejection``
with the reason (not HTML, no main text, too short). The publication time is
the one the page's metadata states with its offset (Open Graph, schema.org),
else trafilatura's (htmldate), which may be a bare day (midnight UTC). The
title is the page's ``<h1>`` when the document title contains it, else the
document title without a trailing site name.

Pure: the page is fetched by the caller. A rejection is not fatal: the
poller then sends the article with its feed summary (``text_origin="summary"``)
and counts the failure. Measured on the 258 fundus test pages: title exact on
81%, publication instant exact on 92%, median body-word recall 1.0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

import trafilatura
from trafilatura.utils import load_html

from streams.reasons import Reason
from streams.records import Rejection
from streams.timeutil import parse_time, to_rfc3339

#: below this many characters of main text a page is not an article
MIN_TEXT_CHARS = 200
_LANG = re.compile(r"^[A-Za-z]{2,3}\b")
_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")
_DATE_PART = re.compile(r"[\d./-]{6,10}")
#: host-name words that never identify a publisher
_NOT_SITE = {"www", "com", "co", "net", "org", "ac", "go", "or", "news", "the"}
_PUBLISHED_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time" or @itemprop="datePublished"'
    ' or @property="og:published_time"]/@content | //time[@itemprop="datePublished"]/@datetime'
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


@dataclass
class ScrapedPage:
    url: str
    title: str
    text: str
    published_at: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    image: str | None = None

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "title": self.title,
            "text": self.text,
            "published_at": self.published_at,
            "authors": self.authors,
            "language": self.language,
        }


def extract_article(html: bytes | str, url: str, *, min_chars: int = MIN_TEXT_CHARS) -> ScrapedPage | Rejection:
    """The article in an HTML page, or why there is none; never raises."""
    if not html:
        return Rejection(Reason.NO_MAIN_TEXT, "an empty page")
    try:
        tree = load_html(html)
        if tree is None:
            return Rejection(Reason.NOT_HTML, _excerpt(html))
        language = _declared_language(tree)
        headings = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")[:5]]
        declared = declared_publication_time(tree)
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura fail in many ways on junk
        return Rejection(Reason.EXTRACTION_FAILED, f"{type(exc).__name__}: {exc}"[:300])
    if doc is None:
        return Rejection(Reason.NO_MAIN_TEXT, _excerpt(html))
    text = (doc.text or "").strip()
    if len(text) < min_chars:
        return Rejection(Reason.TEXT_TOO_SHORT, f"{len(text)} characters, under {min_chars}")
    published = declared or (parse_time(doc.date) if doc.date else None)
    return ScrapedPage(
        url=url,
        title=page_title(doc.title or "", headings, doc.sitename, url),
        text=text,
        published_at=to_rfc3339(published) if published else None,
        authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        language=language,
        image=doc.image or None,
    )


def page_title(meta_title: str, headings: list[str], sitename: str | None, url: str) -> str:
    """The headline: the page's ``<h1>`` when it is part of the document title
    (titles carry the site's name and sections), else the title without a
    trailing site name (``Headline | Site``, ``Headline - site.com``)."""
    title = " ".join(meta_title.split())
    for heading in headings:
        if len(heading) >= 10 and heading in title:
            return heading
    labels = (urlsplit(url).hostname or "").lower().split(".")[:-1]  # the TLD never names a site
    site_words = {w for w in _WORD.findall((sitename or "").lower()) + labels if len(w) > 1} - _NOT_SITE
    while True:
        separators = list(_SEPARATOR.finditer(title))
        if not separators or not _is_site_or_date(title[separators[-1].end() :], site_words):
            return title
        title = title[: separators[-1].start()]


def _is_site_or_date(part: str, site_words: set[str]) -> bool:
    words = set(_WORD.findall(part.lower()))
    return bool(words & site_words) or bool(_DATE_PART.fullmatch(part.strip()))


def declared_publication_time(tree) -> datetime | None:
    """The publication time the page states in its metadata (Open Graph
    ``article:published_time``, schema.org ``datePublished`` in microdata or
    JSON-LD), when it has a time of day and an offset; else None."""
    values = tree.xpath(_PUBLISHED_XPATH)[:5]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()')[:10]:
        values += _JSONLD_PUBLISHED.findall(script)[:2]
    for value in values:
        if not isinstance(value, str) or "T" not in value and ":" not in value:
            continue
        parsed = _time_with_offset(value.strip())
        if parsed is not None:
            return parsed
    return None


def _time_with_offset(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _declared_language(tree) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath('//meta[@property="og:locale"]/@content | //meta[@http-equiv="content-language"]/@content')[:2]
    for value in candidates:
        match = _LANG.match(value.strip()) if isinstance(value, str) else None
        if match:
            return match.group(0).lower()
    return None


def _excerpt(html: bytes | str) -> str:
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    return text[:200]
