"""Each feed poll counts its outcome (ok, not modified, failed) in the metrics `kabar ingest --metrics-port` serves."""

from __future__ import annotations

import asyncio

from aiohttp import web

from streams import metrics
from streams.ingest.feedlist import FeedConfig
from streams.ingest.poller import poll_feeds

from .samples import recent, rfc822, rss

FAST = {"delay": 0.0, "retries": 0}


def _outcomes() -> dict[str, float]:
    return {outcome: metrics.INGEST_REGISTRY.get_sample_value("kabar_feed_fetches_total", {"outcome": outcome}) or 0.0
            for outcome in ("ok", "not modified", "failed")}


async def test_poll_outcomes_are_counted(serve, tmp_path):
    async def feed(request):
        if request.headers.get("If-None-Match") == '"1"':
            return web.Response(status=304)
        return web.Response(body=rss(("A", "https://e.com/a", rfc822(recent(1)))), headers={"ETag": '"1"'})

    base = await serve({"/rss": feed})
    feeds = [FeedConfig(url=base + "/rss"), FeedConfig(url="http://127.0.0.1:9/rss")]
    before = _outcomes()

    async def ignore(*args) -> None:
        pass

    for _ in range(2):
        await poll_feeds(feeds, ignore, ignore, tmp_path, stop=asyncio.Event(), allow_private=True, once=True,
                         fetch_options=FAST, fetch_full_text=False)
    after = _outcomes()
    assert {k: after[k] - before[k] for k in after} == {"ok": 1, "not modified": 1, "failed": 2}
