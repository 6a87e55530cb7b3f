"""The feed poller: every feed on its adaptive schedule, each new item sent once.

``poll_feeds`` runs one task per feed. A poll is a conditional GET
(``fetch.Fetcher``), a parse (``feeds.parse_feed``), normalisation
(``items.normalize_item``), the seen-set check (``seen.SeenSet``) and, for an
item whose feed gives only a summary, the article page's full text
(``robots.RobotsCache`` then ``scrape.extract_article``). New articles go to
``emit`` (the lead wires it to the ``articles.raw`` topic); unusable items go
to ``reject(stage, reason, detail)`` (the dead-letter topic). Feed-level
failures (HTTP errors, timeouts, HTML instead of a feed) are recorded in the
feed's ``health.FeedHealth``, which backs off and parks feeds that keep
failing. Nothing here raises out of the poller.

Items published before the seen-set's retention are skipped (``stale``):
their ids may have been pruned, so they could otherwise be sent twice.
An id is marked seen only after ``emit`` returned, so a crash or a failed send
means the item is sent again on the next poll (at-least-once). Parsing and
extraction run in worker threads so that a large feed or page does not stall
the other feeds' network I/O. ``once=True`` polls every feed one time, parked
or not, and returns.

With ``websub`` (a public callback URL), feeds that advertise a hub are also
subscribed to (``websub.Subscriber``); a push is handled like a poll's body,
one at a time per feed with the polls, and such feeds are polled at their
``max_interval`` only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from streams import metrics
from streams.ingest.feedlist import FeedConfig
from streams.ingest.feeds import FeedItem, parse_feed
from streams.ingest.fetch import Fetcher
from streams.ingest.health import FeedHealth, HealthStore
from streams.ingest.items import NormalizedItem, normalize_item
from streams.ingest.robots import RobotsCache
from streams.ingest.scrape import extract_article
from streams.ingest.seen import SeenSet
from streams.ingest.state import open_state
from streams.ingest.websub import Subscriber, WebSubConfig
from streams.reasons import Reason
from streams.records import RawArticle, Rejection

log = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
#: seconds a running poll has after ``stop`` is set to finish the item it is sending; a poll still
#: waiting on a feed or a page (up to a minute per try) is cancelled then, so that a stop is prompt
STOP_GRACE = 2.0
PRUNE_EVERY = 3600.0

Emit = Callable[[RawArticle], Awaitable[None]]
Reject = Callable[[str, Reason, str], Awaitable[None]]


@dataclass
class PollStats:
    polls: int = 0
    not_modified: int = 0
    fetch_failures: int = 0
    unreadable: int = 0
    items: int = 0
    duplicates: int = 0
    emitted: int = 0
    emit_failures: int = 0
    rejected: int = 0
    full_text: int = 0
    full_text_failed: int = 0
    robots_blocked: int = 0
    parked: int = 0
    internal_errors: int = 0
    #: items published before the seen-set's retention: old news, and could no longer be deduplicated
    stale: int = 0
    #: doubtful items by flag (``no link``, ``no date``, ...)
    flags: dict[str, int] = field(default_factory=dict)
    #: configured feed URL -> where a permanent redirect says it moved
    moved: dict[str, str] = field(default_factory=dict)
    #: feed bodies a WebSub hub pushed, and the subscriber's counts
    pushed: int = 0
    websub: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


async def poll_feeds(
    feeds: list[FeedConfig],
    emit: Emit,
    reject: Reject,
    state_dir: Path,
    *,
    stop: asyncio.Event,
    allow_private: bool = False,
    fetch_full_text: bool = True,
    once: bool = False,
    progress: Callable[[dict], None] | None = None,
    fetch_options: Mapping[str, Any] | None = None,
    websub: WebSubConfig | None = None,
) -> PollStats:
    """Poll ``feeds`` until ``stop`` is set (or one round when ``once``); returns the counts.

    ``fetch_options`` are passed to ``Fetcher`` (timeouts, ``delay``, ``max_bytes``, ...);
    ``websub`` turns on the WebSub subscriber (not with ``once``).
    """
    conn = open_state(state_dir)
    stats = PollStats()
    try:
        async with Fetcher(allow_private=allow_private, **dict(fetch_options or {})) as fetcher, contextlib.AsyncExitStack() as stack:
            poller = _Poller(fetcher, SeenSet(conn), HealthStore(conn), emit, reject, stats, stop, fetch_full_text, progress)
            if websub is not None and not once:
                try:
                    poller.subscriber = await stack.enter_async_context(Subscriber(websub, fetcher, poller.receive))
                except OSError as exc:  # e.g. the port is taken: polling still works
                    log.error("WebSub off, polling only: cannot listen on %s:%s: %s", websub.host, websub.port, exc)
            poller.seen.prune()
            tasks = [asyncio.create_task(poller.run(feed, once)) for feed in _unique(feeds)]
            if tasks:
                await _wait(tasks, stop)
            if poller.subscriber is not None:
                stats.websub = asdict(poller.subscriber.stats)
    finally:
        conn.close()
    return stats


async def _wait(tasks: list[asyncio.Task], stop: asyncio.Event) -> None:
    stopper = asyncio.create_task(stop.wait())
    pending = set(tasks)
    while pending and not stop.is_set():
        _done, pending = await asyncio.wait(pending | {stopper}, return_when=asyncio.FIRST_COMPLETED)
        pending.discard(stopper)
    if pending:
        _done, pending = await asyncio.wait(pending, timeout=STOP_GRACE)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    stopper.cancel()


def _stale(article: RawArticle, horizon: float) -> bool:
    if article.date_origin == "fetched":
        return False
    published = article.published
    return published is not None and published.timestamp() < horizon


def _unique(feeds: list[FeedConfig]) -> list[FeedConfig]:
    seen: dict[str, FeedConfig] = {}
    for feed in feeds:
        seen.setdefault(feed.url, feed)
    return list(seen.values())


class _Poller:
    def __init__(self, fetcher, seen, health, emit, reject, stats, stop, fetch_full_text, progress) -> None:
        self.fetcher: Fetcher = fetcher
        self.robots = RobotsCache(fetcher)
        self.seen: SeenSet = seen
        self.health: HealthStore = health
        self.emit: Emit = emit
        self.reject: Reject = reject
        self.stats: PollStats = stats
        self.stop: asyncio.Event = stop
        self.fetch_full_text = fetch_full_text
        self.progress = progress
        self.subscriber: Subscriber | None = None
        self._last_prune = time.time()
        #: one poll or push at a time per feed (the seen-set check and the send are not atomic)
        self._locks: dict[str, asyncio.Lock] = {}

    async def run(self, feed: FeedConfig, once: bool) -> None:
        while not self.stop.is_set():
            if not once:
                record = self.health.get(feed.url)
                wait = max(record.next_poll, record.parked_until or 0.0) - time.time()
                if wait > 0:
                    try:
                        await asyncio.wait_for(self.stop.wait(), timeout=wait)
                        return
                    except asyncio.TimeoutError:
                        pass
            try:
                await self.poll(feed)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - a bug must not stop the other feeds
                log.exception("poll of %s failed", feed.url)
                self.stats.internal_errors += 1
                record = self.health.get(feed.url)
                failure = Rejection(Reason.STAGE_ERROR, f"{type(exc).__name__}: {exc}")
                record.record_failure(time.time(), failure, feed.min_interval, feed.max_interval)
                self.health.put(record)
            if once:
                return
            if time.time() - self._last_prune > PRUNE_EVERY:
                self._last_prune = time.time()
                self.seen.prune()

    async def poll(self, feed: FeedConfig) -> None:
        async with self._locks.setdefault(feed.url, asyncio.Lock()):
            await self._poll(feed)

    async def receive(self, feed: FeedConfig, body: bytes, headers: dict[str, str]) -> None:
        """A hub's push: handled like the body of a poll (never raises)."""
        try:
            async with self._locks.setdefault(feed.url, asyncio.Lock()):
                record = self.health.get(feed.url)
                parsed = await asyncio.to_thread(parse_feed, body, headers, record.moved_to or feed.url)
                if not parsed.readable:
                    self.stats.unreadable += 1
                    log.warning("WebSub push for %s is not a feed: %s", feed.url, "; ".join(parsed.problems))
                    return
                self.stats.pushed += 1
                new, _complete = await self._handle_items(feed, parsed.items)
                record.items_new_total += new
                self._done(record, feed, "pushed", new)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - a bad push must not stop the subscriber
            log.exception("WebSub push for %s failed", feed.url)
            self.stats.internal_errors += 1

    async def _poll(self, feed: FeedConfig) -> None:
        record = self.health.get(feed.url)
        url = record.moved_to or feed.url
        started = time.time()
        self.stats.polls += 1
        result = await self.fetcher.get(url, etag=record.etag, last_modified=record.last_modified, accept=FEED_ACCEPT)
        if result.permanent_redirect and result.permanent_redirect != url and (result.ok or result.not_modified):
            record.moved_to = result.permanent_redirect
            self.stats.moved[feed.url] = result.permanent_redirect
        if result.not_modified:
            self.stats.not_modified += 1
            record.record_success(started, 0, feed.min_interval, feed.max_interval)
            await self._websub(feed, record, started, None, url)
            return self._done(record, feed, "not modified", 0)
        if not result.ok:
            self.stats.fetch_failures += 1
            return self._failed(record, feed, started, result.failure, result.retry_after)
        parsed = await asyncio.to_thread(parse_feed, result.body, result.headers, result.final_url)
        if not parsed.readable:
            self.stats.unreadable += 1
            return self._failed(record, feed, started, Rejection(Reason.NOT_A_FEED, "; ".join(parsed.problems)), None)
        record.last_problems = parsed.problems or None
        new, complete = await self._handle_items(feed, parsed.items)
        # validators only when every new item was sent: else a 304 would hide the unsent ones
        record.etag = result.headers.get("etag") if complete else None
        record.last_modified = result.headers.get("last-modified") if complete else None
        record.record_success(started, new, feed.min_interval, feed.max_interval)
        await self._websub(feed, record, started, parsed.hubs, parsed.self_link or url)
        self._done(record, feed, "ok", new, problems=len(parsed.problems))

    async def _websub(self, feed: FeedConfig, record: FeedHealth, started: float, hubs: list[str] | None, topic: str) -> None:
        """Subscribe or renew at the feed's hub (``hubs`` None: the hub already known, after a 304);
        a feed its hub pushes is polled at ``max_interval`` only, or when its lease is due for renewal."""
        if self.subscriber is None:
            return
        await self.subscriber.ensure(feed, hubs, topic)
        renewal = self.subscriber.renewal_due(feed)
        if renewal is not None:
            record.next_poll = max(record.next_poll, min(started + feed.max_interval, renewal))

    async def _handle_items(self, feed: FeedConfig, items: list[FeedItem]) -> tuple[int, bool]:
        """Send the new items; returns how many were sent and whether all of them were."""
        fetched_at = datetime.now(timezone.utc)
        usable: dict[str, tuple[FeedItem, NormalizedItem]] = {}
        for item in items:
            self.stats.items += 1
            normalized = normalize_item(item, feed.url, fetched_at, language=feed.language)
            if isinstance(normalized, Rejection):
                self.stats.rejected += 1
                await self._reject("ingest.item", normalized.reason, f"{feed.url} {item.title[:200]}: {normalized.detail}")
                continue
            if normalized.article.id in usable:
                self.stats.duplicates += 1
                continue
            usable[normalized.article.id] = (item, normalized)
        unseen = self.seen.unseen(usable)
        self.stats.duplicates += len(usable) - len(unseen)
        horizon = fetched_at.timestamp() - self.seen.retention
        new, complete = 0, True
        for ident, (item, normalized) in usable.items():
            if ident not in unseen:
                continue
            if self.stop.is_set():
                return new, False
            if _stale(normalized.article, horizon):
                self.stats.stale += 1
                continue
            for flag in normalized.flags:
                self.stats.flags[flag] = self.stats.flags.get(flag, 0) + 1
            article = normalized.article
            if self.fetch_full_text and article.text_origin == "summary" and item.link:
                await self._full_text(article, item.link)
            try:
                await self.emit(article)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - not marked seen: sent again next poll
                log.warning("emit failed for %s: %s", article.url, exc)
                self.stats.emit_failures += 1
                complete = False
                continue
            self.seen.add(ident)
            self.stats.emitted += 1
            new += 1
        return new, complete

    async def _reject(self, stage: str, reason: Reason, detail: str) -> None:
        try:
            await self.reject(stage, reason, detail)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - the dead-letter path must not stop polling
            log.warning("reject failed (%s: %s): %s", stage, reason, exc)

    async def _full_text(self, article: RawArticle, link: str) -> None:
        """Replace the summary with the page's main text; on failure keep the summary."""
        if not await self.robots.allowed(link):
            self.stats.robots_blocked += 1
            return
        result = await self.fetcher.get(link, accept=PAGE_ACCEPT)
        content_type = result.headers.get("content-type", "html").lower()
        if not result.ok:
            page = result.failure
        elif "html" not in content_type:
            page = Rejection(Reason.NOT_HTML, content_type)
        else:
            page = await asyncio.to_thread(extract_article, result.body, result.final_url)
        if isinstance(page, Rejection) or len(page.text) <= len(article.text):
            self.stats.full_text_failed += 1
            return
        self.stats.full_text += 1
        article.text, article.text_origin = page.text, "page"
        article.title = article.title or page.title
        article.language = article.language or page.language
        article.authors = article.authors or page.authors
        article.image = article.image or page.image
        if article.date_origin == "fetched" and page.published_at:
            article.published_at, article.date_origin = page.published_at, "published"

    def _failed(self, record: FeedHealth, feed: FeedConfig, started: float, failure: Rejection, retry_after: float | None) -> None:
        was_parked = record.parked_until is not None
        record.record_failure(started, failure, feed.min_interval, feed.max_interval, retry_after)
        if record.parked_until is not None and not was_parked:
            self.stats.parked += 1
            log.warning("feed %s parked: %s", feed.url, record.parked_reason)
        self._done(record, feed, "failed", 0, error=str(failure))

    def _done(self, record: FeedHealth, feed: FeedConfig, status: str, new: int, **extra: Any) -> None:
        self.health.put(record)
        metrics.feed_fetched(status)
        if self.progress is not None:
            self.progress({"feed": feed.url, "status": status, "new": new, "next_poll": record.next_poll, **extra})
