"""Ingest benchmarks: numbers, not pass/fail (``python -m streams.ingest.bench``).

- ``bench_parse(n_items)``: feed items parsed and normalised per second on one
  core (target 2,000/s).
- ``bench_poll(n_feeds)``: one round over ``n_feeds`` feeds served by a local
  aiohttp server spread over loopback addresses 127.0.1.x (one "host" each),
  with the per-host politeness delay respected (target: 1,000 feeds in 60 s).
  It reports the smallest gap seen between two requests to one host, which
  must not be below the delay.
"""

from __future__ import annotations

import asyncio
import resource
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from streams.ingest.feeds import parse_feed
from streams.ingest.items import normalize_item

ITEMS_PER_FEED = 10


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def synthetic_feed(n_items: int, base: str = "https://news.example.org", seed: int = 0) -> bytes:
    """An RSS 2.0 feed of ``n_items`` plausible items (entities, HTML, dates with offsets)."""
    items = []
    for i in range(n_items):
        n = seed * 100_000 + i
        items.append(
            f"<item><title>Banjir di Kecamatan {n} &amp; sekitarnya: 3 orang tewas</title>"
            f"<link>{base}/berita/{n}?utm_source=rss</link><guid isPermaLink=\"false\">{n}</guid>"
            f"<pubDate>Tue, 07 Jan 2025 {n % 24:02d}:{n % 60:02d}:00 +0700</pubDate>"
            f"<category>Nasional</category><dc:creator>Reporter {n % 7}</dc:creator>"
            f"<description><![CDATA[<p>Hujan deras menyebabkan <b>banjir</b> di wilayah {n}.</p>"
            f"<p>Badan Penanggulangan Bencana melaporkan tiga korban jiwa dan ratusan warga mengungsi.</p>]]></description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Contoh</title><link>{base}</link><language>id</language>{''.join(items)}</channel></rss>"
    ).encode()


def bench_parse(n_items: int = 5000) -> dict:
    """Items parsed and normalised per second (one core, feeds of 50 items)."""
    per_feed = 50
    bodies = [synthetic_feed(per_feed, seed=k) for k in range(max(1, n_items // per_feed))]
    fetched_at = datetime.now(timezone.utc)
    start = time.perf_counter()
    count = 0
    for body in bodies:
        parsed = parse_feed(body, {"content-type": "application/rss+xml"}, "https://news.example.org/rss")
        for item in parsed.items:
            normalize_item(item, "https://news.example.org/rss", fetched_at)
            count += 1
    seconds = time.perf_counter() - start
    return {"items": count, "seconds": round(seconds, 3), "items_per_second": round(count / seconds), "rss_mb": _rss_mb()}


def bench_poll(n_feeds: int = 1000, hosts: int = 50, delay: float = 0.5) -> dict:
    """One polling round over ``n_feeds`` local feeds; see the module docstring."""
    return asyncio.run(_bench_poll(n_feeds, hosts, delay))


async def _bench_poll(n_feeds: int, hosts: int, delay: float) -> dict:
    from aiohttp import web

    from streams.ingest.feedlist import FeedConfig
    from streams.ingest.poller import poll_feeds

    requests: dict[str, list[float]] = {}

    async def feed(request: web.Request) -> web.Response:
        requests.setdefault(request.host.split(":")[0], []).append(time.monotonic())
        body = synthetic_feed(ITEMS_PER_FEED, base=f"https://{request.host}", seed=int(request.match_info["n"]))
        return web.Response(body=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/feed/{n}.xml", feed)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    addresses = [f"127.0.1.{h + 1}" for h in range(hosts)]
    first = web.TCPSite(runner, addresses[0], 0)
    await first.start()
    port = first._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    for address in addresses[1:]:
        await web.TCPSite(runner, address, port).start()
    feeds = [FeedConfig(url=f"http://{addresses[i % hosts]}:{port}/feed/{i}.xml") for i in range(n_feeds)]
    emitted = 0

    async def emit(_article) -> None:
        nonlocal emitted
        emitted += 1

    async def reject(_stage: str, _reason: str, _excerpt: str) -> None:
        return None

    try:
        with tempfile.TemporaryDirectory() as state:
            start = time.perf_counter()
            stats = await poll_feeds(
                feeds, emit, reject, Path(state), stop=asyncio.Event(), allow_private=True,
                fetch_full_text=False, once=True, fetch_options={"delay": delay, "per_host": 2},
            )
            seconds = time.perf_counter() - start
    finally:
        await runner.cleanup()
    gaps = [b - a for times in requests.values() for a, b in zip(sorted(times), sorted(times)[1:])]
    return {
        "feeds": n_feeds,
        "hosts": hosts,
        "delay": delay,
        "seconds": round(seconds, 2),
        "emitted": emitted,
        "fetch_failures": stats.fetch_failures,
        "min_gap_same_host": round(min(gaps), 3) if gaps else None,
        "rss_mb": _rss_mb(),
    }


if __name__ == "__main__":
    print(bench_parse())
    print(bench_poll())
