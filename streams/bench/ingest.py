"""Ingest benchmarks: numbers, not pass/fail (``python -m streams.bench.ingest``).

- ``bench_parse(n_items)``: feed items parsed and normalised per second on one
  core (target 2,000/s).
- ``bench_poll(n_feeds)``: one round over ``n_feeds`` feeds served by a local
  aiohttp server (its own process) spread over loopback addresses 127.0.1.x
  (one "host" each), with the per-host politeness delay respected (target:
  1,000 feeds in 60 s). It reports the smallest gap the server saw between
  two requests to one host, which should not be below the delay.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from streams.ingest.feeds import parse_feed
from streams.ingest.items import normalize_item
from streams.reasons import Reason

ITEMS_PER_FEED = 10


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def synthetic_feed(n_items: int, base: str = "https://news.example.org", seed: int = 0) -> bytes:
    """An RSS 2.0 feed of ``n_items`` plausible items (entities, HTML, dates with offsets)."""
    now = datetime.now(timezone(timedelta(hours=7)))
    items = []
    for i in range(n_items):
        n = seed * 100_000 + i
        items.append(
            f"<item><title>Banjir di Kecamatan {n} &amp; sekitarnya: 3 orang tewas</title>"
            f"<link>{base}/berita/{n}?utm_source=rss</link><guid isPermaLink=\"false\">{n}</guid>"
            f"<pubDate>{(now - timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate>"
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
    """One polling round over ``n_feeds`` local feeds; see the module docstring.

    The server runs in its own process, so the request times it records (for
    the politeness check) are not skewed by the poller's event loop.
    """
    ctx = multiprocessing.get_context("fork")
    ports, times, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    addresses = [f"127.0.1.{h + 1}" for h in range(hosts)]
    server = ctx.Process(target=_serve_feeds, args=(addresses, ports, times, stop), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        result = asyncio.run(_poll_round(n_feeds, addresses, port, delay))
        stop.set()
        requests: dict[str, list[float]] = times.get(timeout=30)
    finally:
        stop.set()
        server.join(timeout=10)
    gaps = [b - a for t in requests.values() for a, b in zip(sorted(t), sorted(t)[1:])]
    return {**result, "hosts": hosts, "delay": delay, "min_gap_same_host": round(min(gaps), 3) if gaps else None}


def _serve_feeds(addresses: list[str], ports, times, stop) -> None:
    asyncio.run(_serve_feeds_async(addresses, ports, times, stop))


async def _serve_feeds_async(addresses: list[str], ports, times, stop) -> None:
    from aiohttp import web

    requests: dict[str, list[float]] = {}

    async def feed(request: web.Request) -> web.Response:
        requests.setdefault(request.host.split(":")[0], []).append(time.monotonic())
        body = synthetic_feed(ITEMS_PER_FEED, base=f"https://{request.host}", seed=int(request.match_info["n"]))
        return web.Response(body=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/feed/{n}.xml", feed)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    first = web.TCPSite(runner, addresses[0], 0)
    await first.start()
    port = first._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    for address in addresses[1:]:
        await web.TCPSite(runner, address, port).start()
    ports.put(port)
    while not stop.is_set():
        await asyncio.sleep(0.05)
    times.put(requests)
    await runner.cleanup()


async def _poll_round(n_feeds: int, addresses: list[str], port: int, delay: float) -> dict:
    from streams.ingest.feedlist import FeedConfig
    from streams.ingest.poller import poll_feeds

    feeds = [FeedConfig(url=f"http://{addresses[i % len(addresses)]}:{port}/feed/{i}.xml") for i in range(n_feeds)]
    emitted = 0

    async def emit(_article) -> None:
        nonlocal emitted
        emitted += 1

    async def reject(_stage: str, _reason: Reason, _detail: str) -> None:
        return None

    with tempfile.TemporaryDirectory() as state:
        start = time.perf_counter()
        stats = await poll_feeds(
            feeds, emit, reject, Path(state), stop=asyncio.Event(), allow_private=True,
            fetch_full_text=False, once=True, fetch_options={"delay": delay},
        )
        seconds = time.perf_counter() - start
    return {
        "feeds": n_feeds,
        "seconds": round(seconds, 2),
        "emitted": emitted,
        "fetch_failures": stats.fetch_failures,
        "rss_mb": _rss_mb(),
    }


if __name__ == "__main__":
    print(bench_parse())
    print(bench_poll())
