"""robots.txt for article page fetches, cached per host.

Feeds are published to be polled, so robots.txt is consulted only before
fetching an article page for its full text. Rules follow RFC 9309: a missing
robots.txt (4xx) allows everything; an unreachable one (5xx, network error)
disallows the host until the next try. A ``Crawl-delay`` slows our requests
to that host (``HostGate.set_delay``). Parsing is ``urllib.robotparser`` over
the fetched body; the cache entry lives ``ttl`` seconds.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from streams.ingest.fetch import Fetcher

#: the product token matched against User-agent lines
ROBOTS_AGENT = "Kabar"
#: a Crawl-delay above this is capped (a host that wants less should disallow us)
MAX_CRAWL_DELAY = 60.0


class RobotsCache:
    """``await robots.allowed(url)``: may we fetch this page?"""

    def __init__(self, fetcher: Fetcher, *, agent: str = ROBOTS_AGENT, ttl: float = 86400.0, failure_ttl: float = 3600.0):
        self.fetcher = fetcher
        self.agent = agent
        self.ttl = ttl
        self.failure_ttl = failure_ttl
        self._cache: dict[str, tuple[float, RobotFileParser | bool]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if not parts.hostname:
            return False
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self._locks.setdefault(origin, asyncio.Lock()):
            expires, rules = self._cache.get(origin, (0.0, False))
            if expires <= time.monotonic():
                rules = await self._load(origin, parts.hostname)
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self.agent, url)

    async def _load(self, origin: str, host: str) -> RobotFileParser | bool:
        result = await self.fetcher.get(origin + "/robots.txt", accept="text/plain")
        rules: RobotFileParser | bool
        ttl = self.ttl
        if result.ok:
            rules = parse_robots(result.body)
            delay = rules.crawl_delay(self.agent)
            if delay:
                self.fetcher.gate.set_delay(host, min(float(delay), MAX_CRAWL_DELAY))
        elif result.status is not None and 400 <= result.status < 500 and result.status != 429:
            rules = True
        else:
            rules, ttl = False, self.failure_ttl
        self._cache[origin] = (time.monotonic() + ttl, rules)
        return rules


def parse_robots(body: bytes) -> RobotFileParser:
    """A ``RobotFileParser`` over a robots.txt body (undecodable bytes are dropped)."""
    parser = RobotFileParser()
    parser.parse(body.decode("utf-8", "ignore").splitlines())
    return parser
