"""``kabar bench --soak MINUTES``: a steady load for a long time, to see state and memory stay flat.

A ``kabar worker`` subprocess (isolated topic prefix and app id, like ``kabar bench``) gets
articles at a steady rate for the given minutes. Their publication times advance faster than
the clock, ``--days-per-minute`` days of event time per minute (default 1), ending at the present
(Kafka refuses timestamps ahead of its clock), so the state horizon
(``KABAR_HORIZON_DAYS``, 7) is crossed within the run and the tables' sweep has work to do: with
flat state, table sizes stop growing once a horizon of event time has gone by. Every minute one
line: articles sent and turned into events, p50/p99 latency of that minute (publication into
``articles.raw`` to the first upsert naming the article, in wall time), the worker's RSS with its
NLP processes, and the keys of each table (from the worker's stats page).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import msgspec
import orjson

from streams import broker
from streams.bench.pipeline import (_percentile, _rss_mb, _start_worker, bench_articles, events_reader,
                                    note_first_upserts)
from streams.settings import from_env

#: seconds between two report lines
REPORT_EVERY = 60.0


def _table_sizes(port: int) -> dict[str, int]:
    try:
        page = orjson.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/kabar/stats/?tables=1", timeout=30).read())
    except (OSError, ValueError):
        return {}
    return page.get("tables", {})


def minute_line(minute: int, sent: int, done: int, latencies_ms: list[float], rss_mb: float,
                tables: dict[str, int]) -> str:
    """One report line (pure, so its format is tested)."""
    sizes = " ".join(f"{name}={n}" for name, n in sorted(tables.items())) or "tables=?"
    return (f"soak: minute {minute:3d}  sent {sent:7d}  in events {done:7d}  "
            f"p50 {_percentile(latencies_ms, 0.5):7.0f} ms  p99 {_percentile(latencies_ms, 0.99):7.0f} ms  "
            f"rss {rss_mb:6.0f} MB  {sizes}")


async def _soak(minutes: float, rate: float, days_per_minute: float, settings, worker_pid: int, port: int) -> dict:
    from streams.admin import ensure_topics
    from streams.producer import ArticleProducer
    from streams.timeutil import to_rfc3339

    sent_at: dict[str, float] = {}
    seen_at: dict[str, float] = {}
    await ensure_topics(settings)
    consumer = await events_reader(settings)
    stop = asyncio.Event()
    reader = asyncio.create_task(note_first_upserts(consumer, sent_at, seen_at, stop.is_set))
    try:
        total = int(minutes * 60 * rate)
        articles = bench_articles(total)
        lines, minute, start = [], 0, time.time()
        # event time runs from ``minutes * days_per_minute`` days ago up to now: Kafka refuses record
        # timestamps more than an hour ahead of its clock
        event_start = datetime.now(timezone.utc) - timedelta(days=days_per_minute * minutes)
        next_report = start + REPORT_EVERY
        async with ArticleProducer(settings) as producer:
            for i, (template, aid, text) in enumerate(articles):
                delay = start + i / rate - time.time()
                if delay > 0:
                    await producer.flush()
                    await asyncio.sleep(delay)
                now = time.time()
                if now >= next_report:
                    minute += 1
                    window = [(seen_at[a] - sent_at[a]) * 1000 for a in seen_at if seen_at[a] >= next_report - REPORT_EVERY]
                    line = minute_line(minute, len(sent_at), len(seen_at), window, _rss_mb(worker_pid), _table_sizes(port))
                    print(line, file=sys.stderr, flush=True)
                    lines.append(line)
                    next_report += REPORT_EVERY
                published = event_start + timedelta(days=days_per_minute * (now - start) / 60)
                sent_at[aid] = now
                article = msgspec.structs.replace(template, id=aid, url=f"{template.url}?soak={aid}", text=text,
                                                  published_at=to_rfc3339(published))
                await producer.send(article)
        deadline = time.time() + 60
        while len(seen_at) < len(sent_at) and time.time() < deadline:
            await asyncio.sleep(0.5)
        stop.set()
        await reader
    finally:  # Ctrl-C included: no consumer left open
        reader.cancel()
        await consumer.stop()
    latencies = [(seen_at[a] - sent_at[a]) * 1000 for a in seen_at]
    return {
        "minutes": minutes, "offered_rate": rate, "days_of_event_time": round(days_per_minute * minutes, 1),
        "sent": len(sent_at), "in_events": len(seen_at),
        "latency_ms": {"p50": round(_percentile(latencies, 0.5), 1), "p99": round(_percentile(latencies, 0.99), 1)},
        "worker_rss_mb": round(_rss_mb(worker_pid), 1), "tables": _table_sizes(port), "minutes_report": lines,
    }


def soak(minutes: float, rate: float, days_per_minute: float) -> dict:
    run = uuid.uuid4().hex[:8]
    home = tempfile.mkdtemp(prefix="kabar-soak-")
    port = broker.free_port()
    env = dict(os.environ, KABAR_TOPIC_PREFIX=f"soak-{run}.", KABAR_APP_ID=f"kabar-soak-{run}", KABAR_HOME=home,
               KABAR_WEB_PORT=str(port))
    settings = from_env(env)
    if not broker.reachable(settings):
        raise SystemExit(f"kabar bench: no broker answers at {settings.bootstrap_servers}; run `kabar broker start` first")
    worker = _start_worker(env, home, "soak")
    try:
        print(f"soak: worker up; {rate:g} articles/s for {minutes:g} min, {days_per_minute:g} day(s) of event time "
              f"per minute (horizon {settings.horizon_days} days) ...", file=sys.stderr, flush=True)
        return asyncio.run(_soak(minutes, rate, days_per_minute, settings, worker.pid, port))
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
