"""WebSub against a local fake hub: discovery, verification of intent, signed pushes handled like polls."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time

import aiohttp
import pytest
from aiohttp import web

from streams.ingest.feedlist import FeedConfig
from streams.ingest.feeds import parse_feed
from streams.ingest.poller import poll_feeds
from streams.ingest.fetch import FetchResult
from streams.ingest.websub import Subscriber, WebSubConfig, signature_ok, websub_from_env
from streams.reasons import Reason
from streams.records import Rejection
from tests.support import free_port

from .samples import recent

FAST = {"delay": 0.0, "retries": 0}


def atom(base: str, entries: list[int]) -> bytes:
    items = "".join(
        f'<entry><title>Berita {n}</title><link href="https://contoh.id/{n}"/><id>https://contoh.id/{n}</id>'
        f"<updated>{recent(10 - n).isoformat()}</updated><content>Isi berita {n}.</content></entry>"
        for n in entries
    )
    return (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Contoh</title><id>{base}/feed</id>'
            f'<link rel="hub" href="{base}/hub"/><link rel="self" href="{base}/feed"/>'
            f"<updated>{recent(0).isoformat()}</updated>{items}</feed>").encode()


def feed_with(body):
    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=body(), content_type="application/atom+xml")

    return handler


class FakeHub:
    """Accepts subscriptions, verifies the subscriber's intent, and pushes content when told to."""

    def __init__(self) -> None:
        self.forms: list[dict[str, str]] = []
        self.verification: tuple[int, str] | None = None
        self.verified = asyncio.Event()

    async def subscribe(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.forms.append(form)
        asyncio.get_running_loop().create_task(self._verify(form))
        return web.Response(status=202)

    async def _verify(self, form: dict[str, str]) -> None:
        query = {"hub.mode": "subscribe", "hub.topic": form["hub.topic"], "hub.challenge": "tantangan-42", "hub.lease_seconds": "600"}
        self.verification = await get(form["hub.callback"], query)
        self.verified.set()

    async def push(self, body: bytes, key: str | None) -> int:
        form = self.forms[-1]
        headers = {"Content-Type": "application/atom+xml"}
        if key is not None:
            headers["X-Hub-Signature"] = "sha256=" + hmac.new(key.encode(), body, hashlib.sha256).hexdigest()
        async with aiohttp.ClientSession() as session, session.post(form["hub.callback"], data=body, headers=headers) as resp:
            return resp.status


async def get(url: str, query: dict[str, str]) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, params=query) as resp:
        return resp.status, await resp.text()


class Sink:
    def __init__(self) -> None:
        self.titles: list[str] = []

    async def emit(self, article) -> None:
        self.titles.append(article.title)

    async def reject(self, *args) -> None:
        pass

    async def until(self, count: int) -> None:
        while len(self.titles) < count:
            await asyncio.sleep(0.02)


async def test_a_feed_with_a_hub_is_subscribed_and_its_pushes_are_handled_like_polls(serve, tmp_path):
    hub = FakeHub()
    base = await serve({"/feed": feed_with(lambda: atom(base, [1])), "POST /hub": hub.subscribe})
    port = free_port()
    callback = f"http://127.0.0.1:{port}/websub"
    sink, stop = Sink(), asyncio.Event()
    polling = asyncio.create_task(poll_feeds(
        [FeedConfig(url=base + "/feed")], sink.emit, sink.reject, tmp_path, stop=stop, allow_private=True,
        fetch_full_text=False, fetch_options=FAST, websub=WebSubConfig(callback, "127.0.0.1", port, secret="rahasia")))
    try:
        await asyncio.wait_for(hub.verified.wait(), 10)
        (form,) = hub.forms
        assert form["hub.mode"] == "subscribe" and form["hub.topic"] == base + "/feed"
        assert form["hub.callback"].startswith(callback + "/") and form["hub.secret"]
        assert hub.verification == (200, "tantangan-42")
        assert sink.titles == ["Berita 1"]  # the poll itself

        # a verification the subscriber did not ask for is refused
        forged = {"hub.mode": "subscribe", "hub.topic": "https://evil.example/feed", "hub.challenge": "x"}
        assert (await get(form["hub.callback"], forged))[0] == 404
        assert (await get(callback + "/000000000000000000000000", dict(forged, **{"hub.topic": base + "/feed"})))[0] == 404

        # a signed push is handled like a poll: only the new item is sent
        assert await hub.push(atom(base, [1, 2]), form["hub.secret"]) == 202
        await asyncio.wait_for(sink.until(2), 10)
        # a push with a wrong or missing signature is acknowledged and ignored
        assert await hub.push(atom(base, [3]), "not-the-secret") == 202
        assert await hub.push(atom(base, [3]), None) == 202
        assert await hub.push(atom(base, [1, 2, 4]), form["hub.secret"]) == 202
        await asyncio.wait_for(sink.until(3), 10)
    finally:
        stop.set()
        stats = await polling
    assert sink.titles == ["Berita 1", "Berita 2", "Berita 4"]
    assert stats.pushed == 2 and stats.duplicates == 3
    assert stats.websub == {"subscribed": 1, "subscribe_failures": 0, "verified": 1, "refused_verifications": 2,
                            "pushes": 2, "bad_signatures": 2}


async def test_without_a_callback_url_feeds_are_only_polled(serve, tmp_path, monkeypatch):
    hub = FakeHub()
    base = await serve({"/feed": feed_with(lambda: atom(base, [1])), "POST /hub": hub.subscribe})
    sink = Sink()
    stats = await poll_feeds([FeedConfig(url=base + "/feed")], sink.emit, sink.reject, tmp_path, stop=asyncio.Event(),
                             allow_private=True, once=True, fetch_full_text=False, fetch_options=FAST)
    assert stats.emitted == 1 and hub.forms == [] and stats.websub == {}
    monkeypatch.delenv("KABAR_WEBSUB_CALLBACK", raising=False)
    assert websub_from_env() is None


def test_hubs_are_discovered_in_rss_atom_and_json_feed():
    rss = b"""<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
    <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/><atom:link rel="self" href="https://contoh.id/rss"/>
    </channel></rss>"""
    parsed = parse_feed(rss)
    assert parsed.hubs == ["https://pubsubhubbub.appspot.com/"] and parsed.self_link == "https://contoh.id/rss"
    json_feed = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "T", "feed_url": "https://contoh.id/feed.json",
    "hubs": [{"type": "WebSub", "url": "https://hub.contoh.id/"}], "items": []}"""
    parsed = parse_feed(json_feed)
    assert parsed.hubs == ["https://hub.contoh.id/"] and parsed.self_link == "https://contoh.id/feed.json"
    assert parse_feed(atom("https://contoh.id", [])).hubs == ["https://contoh.id/hub"]


def test_signatures():
    body = b"<feed/>"
    for method in ("sha1", "sha256", "sha512"):
        digest = hmac.new(b"k", body, getattr(hashlib, method)).hexdigest()
        assert signature_ok("k", body, f"{method}={digest}")
        assert not signature_ok("other", body, f"{method}={digest}")
    assert not signature_ok("k", body, None) and not signature_ok("k", body, "md5=abc") and not signature_ok("k", body, "sha1=")


def test_configuration_from_the_environment():
    config = websub_from_env({"KABAR_WEBSUB_CALLBACK": "https://kabar.example.org/websub/", "KABAR_WEBSUB_LISTEN": "127.0.0.1:9000",
                              "KABAR_WEBSUB_SECRET": "s"})
    assert (config.callback, config.host, config.port, config.secret) == ("https://kabar.example.org/websub", "127.0.0.1", 9000, "s")
    assert "'s'" not in repr(config)
    with pytest.raises(ValueError, match="public http"):
        websub_from_env({"KABAR_WEBSUB_CALLBACK": "kabar.example.org/websub"})
    with pytest.raises(ValueError, match="HOST:PORT"):
        websub_from_env({"KABAR_WEBSUB_CALLBACK": "https://kabar.example.org/websub", "KABAR_WEBSUB_LISTEN": "8090x"})


async def test_a_callback_port_already_taken_leaves_polling_on(serve, tmp_path):
    hub = FakeHub()
    base = await serve({"/feed": feed_with(lambda: atom(base, [1])), "POST /hub": hub.subscribe})
    port = int(base.rsplit(":", 1)[1])  # the feed server's own port
    sink, stop = Sink(), asyncio.Event()
    polling = asyncio.create_task(poll_feeds(
        [FeedConfig(url=base + "/feed")], sink.emit, sink.reject, tmp_path, stop=stop, allow_private=True,
        fetch_full_text=False, fetch_options=FAST, websub=WebSubConfig(f"http://127.0.0.1:{port}/websub", "127.0.0.1", port)))
    await asyncio.wait_for(sink.until(1), 10)
    stop.set()
    stats = await polling
    assert stats.emitted == 1 and hub.forms == [] and stats.websub == {}


class RecordingFetcher:
    def __init__(self, status: int = 202) -> None:
        self.posts: list[dict[str, str]] = []
        self.status = status

    async def post_form(self, url: str, data: dict[str, str]) -> FetchResult:
        self.posts.append(data)
        return FetchResult(url, url, status=self.status, failure=None if self.status < 300 else Rejection(Reason.HTTP_ERROR, f"HTTP {self.status}"))


async def test_subscriptions_are_asked_once_and_renewed_when_most_of_the_lease_has_passed():
    feed = FeedConfig(url="https://contoh.id/feed", max_interval=3600)
    fetcher = RecordingFetcher()
    subscriber = Subscriber(WebSubConfig("https://kabar.example.org/websub"), fetcher, None)
    hubs, topic = ["https://hub.example/"], "https://contoh.id/feed"
    await subscriber.ensure(feed, hubs, topic)
    await subscriber.ensure(feed, hubs, topic)  # not verified yet: not asked again
    await subscriber.ensure(feed, None, topic)  # after a 304: the known subscription, still pending
    assert len(fetcher.posts) == 1 and subscriber.renewal_due(feed) is None

    sub = subscriber.subscriptions[subscriber.key(feed)]
    sub.pending, sub.lease, sub.lease_until = None, 1000, time.time() + 1000  # the hub verified a 1000 s lease
    await subscriber.ensure(feed, hubs, topic)
    assert len(fetcher.posts) == 1 and abs(subscriber.renewal_due(feed) - (time.time() + 800)) < 5

    sub.lease_until = time.time() + 150  # 85% of the lease has passed
    await subscriber.ensure(feed, None, topic)
    assert len(fetcher.posts) == 2 and fetcher.posts[-1]["hub.topic"] == topic
    assert subscriber.renewal_due(feed) is not None  # the old lease still holds until the renewal is verified

    failing = Subscriber(WebSubConfig("https://kabar.example.org/websub"), RecordingFetcher(status=500), None)
    await failing.ensure(feed, hubs, topic)
    await failing.ensure(feed, hubs, topic)  # a failed request is retried after max_interval, not at every poll
    assert len(failing.fetcher.posts) == 1 and failing.stats.subscribe_failures == 1
