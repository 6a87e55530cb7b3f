"""robots.txt: rules per host, cached; missing allows, unreachable disallows."""

from __future__ import annotations

from aiohttp import web

from streams.ingest.fetch import Fetcher
from streams.ingest.robots import RobotsCache, parse_robots


def test_parse_robots_for_our_agent():
    rules = parse_robots(b"User-agent: Kabar\nDisallow: /premium/\nCrawl-delay: 5\n\nUser-agent: *\nDisallow: /\n")
    assert rules.can_fetch("Kabar", "https://e.com/berita/1")
    assert not rules.can_fetch("Kabar", "https://e.com/premium/1")
    assert not rules.can_fetch("OtherBot", "https://e.com/berita/1")
    assert rules.crawl_delay("Kabar") == 5


async def test_robots_cache_fetches_once_per_host_and_follows_status(serve):
    hits = []

    async def robots(request):
        hits.append(1)
        return web.Response(text="User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n")

    async def missing(request):
        return web.Response(status=404)

    async def broken(request):
        return web.Response(status=500)

    allowed_base = await serve({"/robots.txt": robots})
    missing_base = await serve({"/robots.txt": missing})
    broken_base = await serve({"/robots.txt": broken})
    async with Fetcher(allow_private=True, retries=0, delay=0.0) as fetcher:
        cache = RobotsCache(fetcher)
        assert await cache.allowed(missing_base + "/anything")
        assert not await cache.allowed(broken_base + "/anything")
        assert await cache.allowed(allowed_base + "/berita/1")
        assert not await cache.allowed(allowed_base + "/private/1")
        assert fetcher.gate._host_delay["127.0.0.1"] == 2
    assert len(hits) == 1
