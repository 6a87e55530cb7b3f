"""The poller end to end against a local server: each item once, across restarts; failures in health."""

from __future__ import annotations

import asyncio

from aiohttp import web

from streams.ingest.feedlist import FeedConfig
from streams.ingest.health import PARK_AFTER, HealthStore
from streams.ingest.poller import poll_feeds
from streams.ingest.state import open_state
from streams.reasons import Reason

from .samples import recent, rfc822, rss

FAST = {"delay": 0.0, "retries": 0}
ARTICLE_TEXT = " ".join(f"Kalimat nomor {i} tentang banjir yang melanda kota dan memaksa warga mengungsi." for i in range(20))
ARTICLE_PAGE = f"""<html lang="id"><head><title>Banjir besar | Contoh</title></head><body><article><h1>Banjir besar</h1>
<p>{ARTICLE_TEXT}</p></article></body></html>""".encode()


class Sink:
    def __init__(self, fail_times: int = 0):
        self.articles = []
        self.rejects = []
        self.fail_times = fail_times

    async def emit(self, article):
        if self.fail_times:
            self.fail_times -= 1
            raise ConnectionError("broker down")
        self.articles.append(article)

    async def reject(self, stage, reason, detail):
        self.rejects.append((stage, reason, detail))


async def _poll(feeds, sink, state_dir, **kw):
    return await poll_feeds(
        feeds, sink.emit, sink.reject, state_dir, stop=asyncio.Event(), allow_private=True, once=True,
        fetch_options=FAST, **{"fetch_full_text": False, **kw},
    )


async def test_each_item_is_sent_once_across_reorder_redate_and_restart(serve, tmp_path):
    first_time = recent(5)
    body = {"value": rss(
        ("Satu", "https://contoh.id/1", rfc822(first_time)),
        ("Dua", "https://contoh.id/2?utm_source=rss", rfc822(recent(4))),
        ("Dua lagi", "https://contoh.id/2", rfc822(recent(4))),  # the same article twice
        ("Lama", "https://contoh.id/lama", rfc822(recent(24 * 365))),  # older than the seen-set keeps ids
    )}

    async def feed(request):
        return web.Response(body=body["value"], content_type="application/rss+xml")

    base = await serve({"/rss": feed})
    feeds = [FeedConfig(url=base + "/rss", language="id")]
    sink = Sink()
    first = await _poll(feeds, sink, tmp_path)
    assert [a.title for a in sink.articles] == ["Satu", "Dua"]
    assert first.emitted == 2 and first.duplicates == 1 and first.stale == 1
    assert sink.articles[0].published_at == first_time.isoformat() and sink.articles[0].language == "id"

    # the feed re-orders and re-dates its items and adds one; the poller restarts (a new call, same state)
    body["value"] = rss(
        ("Tiga", "https://contoh.id/3", rfc822(recent(1))),
        ("Dua (diperbarui)", "https://contoh.id/2", rfc822(recent(2))),
        ("Satu", "http://www.contoh.id/1#top", rfc822(recent(3))),
    )
    second = await _poll(feeds, sink, tmp_path)
    assert [a.title for a in sink.articles] == ["Satu", "Dua", "Tiga"]
    assert second.emitted == 1 and second.duplicates == 2


async def test_conditional_get_and_permanent_redirect(serve, tmp_path):
    hits = {"old": 0, "new": 0}

    async def old(request):
        hits["old"] += 1
        raise web.HTTPMovedPermanently("/new")

    async def new(request):
        hits["new"] += 1
        if request.headers.get("If-None-Match") == '"1"':
            return web.Response(status=304)
        return web.Response(body=rss(("A", "https://e.com/a", rfc822(recent(1)))), headers={"ETag": '"1"'})

    base = await serve({"/old": old, "/new": new})
    feeds = [FeedConfig(url=base + "/old")]
    sink = Sink()
    first = await _poll(feeds, sink, tmp_path)
    second = await _poll(feeds, sink, tmp_path)
    assert first.moved == {base + "/old": base + "/new"}
    assert hits == {"old": 1, "new": 2}  # the second poll went straight to the new URL
    assert second.not_modified == 1 and len(sink.articles) == 1
    record = HealthStore(open_state(tmp_path)).get(base + "/old")
    assert record.moved_to == base + "/new" and record.etag == '"1"'


async def test_full_text_from_the_page_or_the_summary_when_it_fails(serve, tmp_path):
    async def feed(request):
        return web.Response(body=rss(
            ("Banjir besar", f"{base}/artikel/1", rfc822(recent(1))),
            ("Hilang", f"{base}/artikel/hilang", rfc822(recent(1))),
            ("Rahasia", f"{base}/private/1", rfc822(recent(1))),
            ("Laporan", f"{base}/laporan.pdf", rfc822(recent(1))),
        ))

    async def page(request):
        return web.Response(body=ARTICLE_PAGE, content_type="text/html")

    async def pdf(request):
        return web.Response(body=b"%PDF-1.4 " + ARTICLE_PAGE, content_type="application/pdf")

    async def robots(request):
        return web.Response(text="User-agent: *\nDisallow: /private/\n")

    base = await serve({"/rss": feed, "/artikel/1": page, "/private/1": page, "/robots.txt": robots, "/laporan.pdf": pdf})
    sink = Sink()
    stats = await _poll([FeedConfig(url=base + "/rss")], sink, tmp_path, fetch_full_text=True)
    by_title = {a.title: a for a in sink.articles}
    assert by_title["Banjir besar"].text_origin == "page" and ARTICLE_TEXT[:200] in by_title["Banjir besar"].text
    assert by_title["Banjir besar"].language == "id"
    assert by_title["Hilang"].text_origin == "summary" and by_title["Hilang"].text == "Ringkasan berita."
    assert by_title["Rahasia"].text_origin == "summary" and by_title["Laporan"].text_origin == "summary"
    assert (stats.full_text, stats.full_text_failed, stats.robots_blocked) == (1, 2, 1)


async def test_failing_feed_lands_in_health_and_is_parked(serve, tmp_path):
    async def html(request):
        return web.Response(text="<!DOCTYPE html><html><body>Beranda</body></html>", content_type="text/html")

    base = await serve({"/rss": html})
    feeds = [FeedConfig(url=base + "/rss"), FeedConfig(url="http://127.0.0.1:9/rss")]
    sink = Sink()
    for _ in range(PARK_AFTER):
        stats = await _poll(feeds, sink, tmp_path)
        assert stats.unreadable == 1 and stats.fetch_failures == 1 and stats.internal_errors == 0
    store = HealthStore(open_state(tmp_path))
    html_health, dead_health = store.get(base + "/rss"), store.get("http://127.0.0.1:9/rss")
    assert html_health.last_reason == Reason.NOT_A_FEED
    assert html_health.consecutive_failures == PARK_AFTER and html_health.parked_until is not None
    assert dead_health.last_reason == Reason.CONNECT_FAILED and "consecutive failures" in dead_health.parked_reason
    assert sink.articles == []


async def test_unusable_items_are_rejected_and_failed_sends_retried(serve, tmp_path):
    async def feed(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(body=b'<rss version="2.0"><channel><title>t</title><item><description></description></item>'
                            b"<item><title>Baik</title><link>https://e.com/ok</link></item></channel></rss>",
                            headers={"ETag": '"v1"'})

    base = await serve({"/rss": feed})
    sink = Sink(fail_times=1)
    first = await _poll([FeedConfig(url=base + "/rss")], sink, tmp_path)
    assert first.emit_failures == 1 and sink.articles == []
    assert sink.rejects and sink.rejects[0][:2] == ("ingest.item", Reason.EMPTY_ARTICLE)
    second = await _poll([FeedConfig(url=base + "/rss")], sink, tmp_path)
    assert second.emitted == 1 and [a.title for a in sink.articles] == ["Baik"]  # not hidden behind a 304
    third = await _poll([FeedConfig(url=base + "/rss")], sink, tmp_path)
    assert third.not_modified == 1 and len(sink.articles) == 1


async def test_continuous_polling_stops_on_request(serve, tmp_path):
    calls = []

    async def feed(request):
        calls.append(1)
        return web.Response(body=rss(("A", "https://e.com/a", rfc822(recent(1)))))

    base = await serve({"/rss": feed})
    stop = asyncio.Event()
    sink = Sink()
    task = asyncio.create_task(poll_feeds([FeedConfig(url=base + "/rss")], sink.emit, sink.reject, tmp_path,
                                          stop=stop, allow_private=True, fetch_full_text=False, fetch_options=FAST))
    await asyncio.sleep(0.5)
    stop.set()
    stats = await asyncio.wait_for(task, timeout=5)
    assert stats.polls == 1 and len(calls) == 1 and len(sink.articles) == 1  # next poll is min_interval away
