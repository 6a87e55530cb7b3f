"""`kabar ingest --once` on the real broker, polling feeds on a local HTTP server (real sockets).

Three feeds: an RSS feed with full text and an ETag, an Atom feed with summaries
only (the poller fetches the article pages), and a feed URL that answers an
HTML page. Each article lands on articles.raw once, the broken feed shows in
`kabar feeds health`, a restart sends nothing again, and a new item is sent.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from streams.ingest.archive import read_archive
from streams.urls import canonical_url
from tests.support import kabar, read_topic
from tests.unit.ingest.samples import recent, rfc822

ETAG = '"rss-v1"'
PARAGRAPH = "Banjir merendam ratusan rumah warga di bantaran sungai, dan petugas mengevakuasi {n} keluarga ke posko pengungsian."
FULL_TEXT = " ".join(f"Paragraf {i}: hujan deras sejak malam membuat sungai meluap di beberapa kecamatan." for i in range(12))


def good_rss() -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>https://berita.example/{slug}</link><pubDate>{rfc822(recent(hours))}</pubDate>"
        f"<description>Ringkasan.</description><content:encoded><![CDATA[<p>{FULL_TEXT}</p>]]></content:encoded></item>"
        for title, slug, hours in (("Hujan deras di Bandung", "hujan", 3), ("Jalan tol ditutup", "tol", 2))
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Berita</title><link>https://berita.example/</link><language>id</language>{items}</channel></rss>"
    ).encode()


def atom(base: str, pages: list[int]) -> bytes:
    entries = "".join(
        f"<entry><title>Banjir {n}</title><link href=\"{base}/artikel/{n}\"/><id>{base}/artikel/{n}</id>"
        f"<updated>{recent(n).isoformat()}</updated><summary>Banjir {n}.</summary></entry>"
        for n in pages
    )
    return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id"><title>Kabar Banjir</title>'
            f"<id>{base}/atom</id><updated>{recent(0).isoformat()}</updated>{entries}</feed>").encode()


def page(n: int) -> bytes:
    text = " ".join(PARAGRAPH.format(n=n) for _ in range(8))
    return (f'<html lang="id"><head><title>Banjir {n}</title></head><body><article><h1>Banjir {n}</h1>'
            f"<p>{text}</p><p>Warga diminta waspada terhadap banjir susulan {n}.</p></article></body></html>").encode()


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 serving the feeds and pages; it logs every request."""

    def __init__(self) -> None:
        self.atom_pages = [1, 2]
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.requests.append((self.path, dict(self.headers)))
                status, body, headers = server.answer(self.path, self.headers)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, path: str, headers) -> tuple[int, bytes, dict[str, str]]:
        if path == "/rss":
            if headers.get("If-None-Match") == ETAG:
                return 304, b"", {"ETag": ETAG}
            return 200, good_rss(), {"Content-Type": "application/rss+xml", "ETag": ETAG}
        if path == "/atom":
            return 200, atom(self.base, self.atom_pages), {"Content-Type": "application/atom+xml"}
        if path == "/broken":
            return 200, b"<!DOCTYPE html><html><body>Maaf, sedang perbaikan</body></html>", {"Content-Type": "text/html"}
        if path.startswith("/artikel/") and int(path.rsplit("/", 1)[1]) in self.atom_pages:
            return 200, page(int(path.rsplit("/", 1)[1])), {"Content-Type": "text/html; charset=utf-8"}
        return 404, b"not found", {"Content-Type": "text/plain"}

    def paths(self) -> list[str]:
        return [path for path, _headers in self.requests]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server():
    server = FeedServer()
    yield server
    server.close()


def test_ingest_sends_each_article_once_with_full_text_and_survives_restarts(pipeline_env, feed_server, tmp_path):
    home = tmp_path / "home"
    env = dict(pipeline_env, KABAR_TOPIC_PREFIX=f"{pipeline_env['KABAR_TOPIC_PREFIX']}ingest.", KABAR_HOME=str(home))
    base = feed_server.base
    config = tmp_path / "feeds.toml"
    config.write_text("".join(f'[[feed]]\nurl = "{base}{path}"\nlanguage = "id"\n\n' for path in ("/rss", "/atom", "/broken")))

    def ingest_once() -> list[dict]:
        kabar(env, "ingest", "--once", "--config", str(config), "--allow-private")
        return read_topic(env, "articles.raw")

    first = ingest_once()
    by_title = {a["title"]: a for a in first}
    assert sorted(by_title) == ["Banjir 1", "Banjir 2", "Hujan deras di Bandung", "Jalan tol ditutup"]
    assert len(first) == 4, "an article was sent twice"
    assert by_title["Hujan deras di Bandung"]["text_origin"] == "feed" and FULL_TEXT in by_title["Hujan deras di Bandung"]["text"]
    assert by_title["Banjir 2"]["text_origin"] == "page" and PARAGRAPH.format(n=2) in by_title["Banjir 2"]["text"]
    assert by_title["Banjir 2"]["url"] == canonical_url(f"{base}/artikel/2") and by_title["Banjir 2"]["language"] == "id"
    assert sorted(ln.article.title for ln in read_archive(home / "archive")) == sorted(by_title)

    health = kabar(env, "feeds", "health")
    rows = {row["url"]: row for row in map(json.loads, health.stdout.splitlines())}
    assert rows[f"{base}/broken"]["consecutive_failures"] == 1
    assert rows[f"{base}/broken"]["last_reason"] == "not-a-feed" and "an HTML page" in rows[f"{base}/broken"]["last_error"]
    assert rows[f"{base}/rss"]["last_error"] is None and rows[f"{base}/rss"]["etag"] == ETAG

    # a restart: nothing is sent again, and the RSS feed is asked conditionally (304)
    before = len(feed_server.requests)
    assert len(ingest_once()) == 4
    rss_requests = [headers for path, headers in feed_server.requests[before:] if path == "/rss"]
    assert [h.get("If-None-Match") for h in rss_requests] == [ETAG]
    assert not any(path.startswith("/artikel/") for path in feed_server.paths()[before:]), "a seen article's page was fetched again"

    # a new item in the Atom feed is sent on the next run, with its page's text
    feed_server.atom_pages = [1, 2, 3]
    third = ingest_once()
    assert len(third) == 5
    (new,) = [a for a in third if a["title"] == "Banjir 3"]
    assert new["text_origin"] == "page" and PARAGRAPH.format(n=3) in new["text"]
