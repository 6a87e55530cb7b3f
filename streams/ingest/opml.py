"""OPML import and export of the feed list (the format feed readers exchange).

Import reads every ``<outline>`` with an ``xmlUrl`` at any depth (folders are
nested outlines); ``language`` and ``country`` attributes, which Kabar writes
on export, are read back when present. Documents with a DTD are refused, so
entity expansion tricks never reach the XML parser.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from email.utils import format_datetime

from streams.ingest.feedlist import FeedConfig, FeedListError, feed_from_dict


def parse_opml(data: bytes) -> list[FeedConfig]:
    """The feeds of an OPML document; raises ``FeedListError`` when it is not OPML."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise FeedListError("OPML with a DTD or entity declarations is refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedListError(f"not well-formed XML: {exc}") from exc
    if root.tag.lower() != "opml":
        raise FeedListError(f"not OPML: the root element is <{root.tag}>")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url.startswith(("http://", "https://")) or url in seen:
            continue
        seen.add(url)
        entry = {
            "url": url,
            "name": outline.get("title") or outline.get("text"),
            "language": outline.get("language"),
            "country": outline.get("country"),
        }
        feeds.append(feed_from_dict({k: v for k, v in entry.items() if v}, f"outline {url}"))
    return feeds


def merge_feeds(existing: list[FeedConfig], new: list[FeedConfig]) -> tuple[list[FeedConfig], int]:
    """``existing`` plus the feeds of ``new`` whose URL is not listed yet, and how many were added."""
    known = {f.url for f in existing}
    added = [f for f in new if f.url not in known]
    return existing + added, len(added)


def to_opml(feeds: list[FeedConfig], title: str = "Kabar feeds") -> str:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(timezone.utc), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name or feed.url, "title": feed.name or feed.url, "xmlUrl": feed.url}
        if feed.language:
            attrs["language"] = feed.language
        if feed.country:
            attrs["country"] = feed.country
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
