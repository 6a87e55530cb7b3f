"""Feed bodies for the ingest tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7))


def recent(hours_ago: float) -> datetime:
    """A publication time ``hours_ago`` before now, in Western Indonesian Time, to the second."""
    return (datetime.now(WIB) - timedelta(hours=hours_ago)).replace(microsecond=0)


def rfc822(when: datetime) -> str:
    return when.strftime("%a, %d %b %Y %H:%M:%S %z")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Contoh</title><link>https://example.org/</link><language>id</language>
{items}
</channel></rss>"""

ITEM = """<item><title>{title}</title><link>{link}</link><guid>{link}</guid>
<pubDate>{date}</pubDate><description>{summary}</description></item>"""


def rss(*items: tuple[str, str, str], summary: str = "Ringkasan berita.") -> bytes:
    """An RSS 2.0 body from (title, link, RFC 822 date) triples."""
    body = "".join(ITEM.format(title=t, link=link, date=d, summary=summary) for t, link, d in items)
    return RSS.format(items=body).encode()
