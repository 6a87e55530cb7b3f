"""WebSub subscriber: feeds that advertise a hub push their updates between polls.

Only when a public callback URL is configured (``KABAR_WEBSUB_CALLBACK``, e.g.
``https://kabar.example.org/websub``: the hub must reach it); otherwise Kabar
polls only. When a poll finds ``<link rel="hub">`` (or JSON Feed ``hubs``),
the poller asks ``Subscriber.ensure`` to subscribe to the feed's ``rel="self"``
URL at the first hub, with the callback ``<callback>/<feed key>``. The hub then
verifies the intent (a GET with ``hub.challenge``, answered only for a topic
and mode we asked for) and later POSTs new content, which is handed to the
poller like the body of a poll (same parsing, seen-set, full text). The feed
key in the callback is random per process, so a push cannot be addressed
without having seen the subscription; the signature below is the real check.

With a secret (``KABAR_WEBSUB_SECRET``) each subscription gets its own key
(an HMAC of the secret and the topic), sent as ``hub.secret``, and a delivery
whose ``X-Hub-Signature`` (sha1/sha256/sha384/sha512 HMAC of the body) does
not match is acknowledged and ignored, as the spec asks. Subscriptions are
renewed when 80% of the granted lease has passed (the feed's next poll is
due by then at the latest) and live in memory: a restarted
poller subscribes again at its first poll of each feed. Polling goes on at the
feed's ``max_interval`` as a safety net for a hub that stops pushing.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp import web

from streams.ingest.feedlist import FeedConfig
from streams.ingest.fetch import Fetcher

log = logging.getLogger(__name__)

DEFAULT_LEASE = 5 * 86400
RENEW_AT = 0.8
MAX_BODY = 5_000_000
SIGNATURES = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha384": hashlib.sha384, "sha512": hashlib.sha512}

#: called with the feed, the pushed body and its headers (lower-case names)
OnContent = Callable[[FeedConfig, bytes, dict[str, str]], Awaitable[None]]


@dataclass(frozen=True)
class WebSubConfig:
    #: the public base URL of the callback, as the hub will call it
    callback: str
    host: str = "0.0.0.0"
    port: int = 8090
    secret: str | None = None
    lease_seconds: int = DEFAULT_LEASE

    def __repr__(self) -> str:
        return f"WebSubConfig(callback={self.callback!r}, host={self.host!r}, port={self.port}, secret={'***' if self.secret else None})"


def websub_from_env(env: Mapping[str, str] | None = None) -> WebSubConfig | None:
    """``KABAR_WEBSUB_CALLBACK`` (off when unset), ``KABAR_WEBSUB_LISTEN`` (host:port, default 0.0.0.0:8090),
    ``KABAR_WEBSUB_SECRET``; raises ValueError on a callback that is not an http(s) URL."""
    env = os.environ if env is None else env
    callback = env.get("KABAR_WEBSUB_CALLBACK", "").strip()
    if not callback:
        return None
    if urlsplit(callback).scheme not in ("http", "https") or not urlsplit(callback).hostname:
        raise ValueError(f"KABAR_WEBSUB_CALLBACK must be a public http(s) URL, not {callback!r}")
    listen = env.get("KABAR_WEBSUB_LISTEN", "0.0.0.0:8090")
    host, _, port = listen.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"KABAR_WEBSUB_LISTEN must be HOST:PORT (e.g. 0.0.0.0:8090), not {listen!r}")
    return WebSubConfig(callback.rstrip("/"), host or "0.0.0.0", int(port), env.get("KABAR_WEBSUB_SECRET") or None)


def signature_ok(key: str, body: bytes, header: str | None) -> bool:
    """Whether ``X-Hub-Signature: method=hexdigest`` is the HMAC of ``body`` under ``key``."""
    method, _, digest = (header or "").partition("=")
    algorithm = SIGNATURES.get(method.strip().lower())
    if algorithm is None or not digest:
        return False
    return hmac.compare_digest(hmac.new(key.encode(), body, algorithm).hexdigest(), digest.strip().lower())


@dataclass
class Subscription:
    feed: FeedConfig
    hub: str
    topic: str
    #: the mode we asked the hub for and that it has not verified yet
    pending: str | None = None
    lease_until: float | None = None
    #: the lease the hub granted, in seconds
    lease: float = DEFAULT_LEASE
    requested_at: float = 0.0

    @property
    def active(self) -> bool:
        return self.lease_until is not None and time.time() < self.lease_until

    @property
    def renew_at(self) -> float:
        """When 80% of the granted lease has passed (0 when there is no lease)."""
        return self.lease_until - (1 - RENEW_AT) * self.lease if self.lease_until is not None else 0.0


@dataclass
class PushStats:
    subscribed: int = 0
    subscribe_failures: int = 0
    verified: int = 0
    refused_verifications: int = 0
    pushes: int = 0
    bad_signatures: int = 0


class Subscriber:
    """The callback server and the subscriptions; ``async with Subscriber(...)`` serves while it is open."""

    def __init__(self, config: WebSubConfig, fetcher: Fetcher, on_content: OnContent) -> None:
        self.config = config
        self.fetcher = fetcher
        self.on_content = on_content
        self.stats = PushStats()
        self.subscriptions: dict[str, Subscription] = {}
        self._path = urlsplit(config.callback).path.rstrip("/")
        self._runner: web.AppRunner | None = None
        self._tasks: set[asyncio.Task] = set()
        self._salt = secrets.token_hex(16)

    async def __aenter__(self) -> Subscriber:
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_get(self._path + "/{key}", self._verify)
        app.router.add_post(self._path + "/{key}", self._deliver)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, self.config.host, self.config.port).start()
        except OSError:
            await self._runner.cleanup()
            raise
        log.info("WebSub callback %s listening on %s:%s", self.config.callback, self.config.host, self.config.port)
        return self

    async def __aexit__(self, *exc) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()

    def key(self, feed: FeedConfig) -> str:
        """The feed's callback path segment: unguessable, and new at each start (a hub pushing to an
        old one gets 410 Gone and drops that subscription)."""
        return hashlib.sha256(f"{self._salt}{feed.url}".encode()).hexdigest()[:24]

    def callback_url(self, feed: FeedConfig) -> str:
        return f"{self.config.callback}/{self.key(feed)}"

    def renewal_due(self, feed: FeedConfig) -> float | None:
        """When the feed's live subscription must be renewed (None: no live subscription)."""
        sub = self.subscriptions.get(self.key(feed))
        return sub.renew_at if sub is not None and sub.active else None

    def secret_for(self, topic: str) -> str | None:
        """The subscription's own key (hubs cap hub.secret at 200 bytes; one leaked key exposes one feed)."""
        if not self.config.secret:
            return None
        return hmac.new(self.config.secret.encode(), topic.encode(), hashlib.sha256).hexdigest()

    async def ensure(self, feed: FeedConfig, hubs: list[str] | None, topic: str) -> None:
        """Subscribe to ``topic`` at the first hub unless a subscription is live, asked for, or due later.

        ``hubs`` None (a 304 carried no feed to read them from): renew the feed's known subscription, if any.
        """
        now = time.time()
        sub = self.subscriptions.get(self.key(feed))
        if hubs is None:
            if sub is None:
                return
            hubs, topic = [sub.hub], sub.topic
        if not hubs:
            return
        if sub is not None and sub.hub in hubs and sub.topic == topic:
            live = sub.active and now < sub.renew_at
            # asked recently and not verified (or failed, or denied): wait for a slow poll's time before asking again
            waiting = now - sub.requested_at < feed.max_interval and (sub.pending or not sub.active)
            if live or waiting:
                return
        sub = Subscription(feed, hubs[0], topic, pending="subscribe", requested_at=now,
                           lease_until=sub.lease_until if sub is not None else None,
                           lease=sub.lease if sub is not None else self.config.lease_seconds)
        self.subscriptions[self.key(feed)] = sub
        form = {"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": self.callback_url(feed),
                "hub.lease_seconds": str(self.config.lease_seconds)}
        secret = self.secret_for(topic)
        if secret:
            form["hub.secret"] = secret
        result = await self.fetcher.post_form(sub.hub, form)
        if result.failure:
            self.stats.subscribe_failures += 1
            sub.pending = None
            log.warning("WebSub subscription of %s at %s failed: %s", topic, sub.hub, result.failure)
        else:
            self.stats.subscribed += 1

    async def _verify(self, request: web.Request) -> web.Response:
        """Verification of intent: echo the challenge for a subscription we asked for, else 404."""
        sub = self.subscriptions.get(request.match_info["key"])
        mode, topic = request.query.get("hub.mode"), request.query.get("hub.topic")
        if sub is not None and mode == "denied" and topic == sub.topic:
            log.warning("WebSub hub %s denied %s: %s", sub.hub, topic, request.query.get("hub.reason", ""))
            sub.pending, sub.lease_until = None, None
            return web.Response(text="")
        challenge = request.query.get("hub.challenge")
        if sub is None or mode != sub.pending or topic != sub.topic or not challenge:
            self.stats.refused_verifications += 1
            return web.Response(status=404, text="no such subscription request")
        try:
            lease = int(request.query.get("hub.lease_seconds", self.config.lease_seconds))
        except ValueError:
            lease = self.config.lease_seconds
        sub.pending, sub.lease, sub.lease_until = None, lease, time.time() + lease
        self.stats.verified += 1
        return web.Response(text=challenge)

    async def _deliver(self, request: web.Request) -> web.Response:
        """Content distribution: acknowledge at once, handle the body like a poll's in the background."""
        sub = self.subscriptions.get(request.match_info["key"])
        if sub is None:
            return web.Response(status=410, text="not subscribed")
        body = await request.read()
        secret = self.secret_for(sub.topic)
        if secret and not signature_ok(secret, body, request.headers.get("X-Hub-Signature")):
            self.stats.bad_signatures += 1
            log.warning("WebSub push for %s ignored: missing or wrong X-Hub-Signature", sub.topic)
            return web.Response(status=202)
        self.stats.pushes += 1
        headers = {k.lower(): v for k, v in request.headers.items()}
        task = asyncio.create_task(self.on_content(sub.feed, body, headers))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.Response(status=202)
