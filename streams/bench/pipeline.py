"""``kabar bench --stage pipeline`` (the default): articles through the broker and a real worker.

It pushes N articles through the whole pipeline on the broker: an isolated topic prefix and app id,
a real ``kabar worker`` subprocess, articles sent to ``articles.raw`` with their publication time
set to the moment they are sent, and a consumer on ``events`` that notes when each article first
appears in an event upsert. Latency is that difference; throughput is articles over the time from
the first send to the last upsert. By default articles are sent as fast as possible (throughput;
latency then includes queueing); ``--rate`` offers a steady load to measure latency at it.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import msgspec
import orjson

from streams import broker
from streams.settings import from_env

#: where a sentence ends (the text is split on it to draw sentences)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (a worker and its NLP processes)."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return pids


def _rss_mb(pid: int) -> float:
    """Resident memory of a worker and its NLP processes."""
    total = 0
    for p in _tree(pid):
        try:
            total += next(int(ln.split()[1]) for ln in Path(f"/proc/{p}/status").read_text().splitlines()
                          if ln.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total / 1024


def _cpu_seconds(pids: list[int]) -> tuple[float, float]:
    """CPU time (user + system) used so far by these workers' event loops, and by their NLP processes."""
    ticks = [0, 0]
    for pid in pids:
        for p in _tree(pid):
            try:
                ticks[p != pid] += sum(int(v) for v in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[11:13])
            except OSError:
                pass
    return ticks[0] / os.sysconf("SC_CLK_TCK"), ticks[1] / os.sysconf("SC_CLK_TCK")


def bench_articles(n: int, mix: str = "copies", folder: str | None = None):
    """``(template, id, text)`` of N articles. ``copies``: the sample's articles that yield events,
    each with a new id and a one-line variation: after the first few, every article is a near copy
    of one of six, mentioning their hot events. ``distinct``: mostly originals (``distinct_articles``)."""
    if mix == "distinct":
        yield from distinct_articles(n, folder)
        return
    from streams.ingest.archive import read_archive
    from streams.nlp.enrich import enrich
    from streams.nlp.normalize import normalize
    from streams.records import Rejection
    from streams.replay import sample_archive

    templates = []
    for ln in read_archive(sample_archive()):
        clean = normalize(ln.article)
        if isinstance(clean, Rejection):
            continue
        enriched = enrich(clean)
        if not isinstance(enriched, Rejection) and enriched.events:
            templates.append(ln.article)
    if not templates:
        raise RuntimeError("no sample article yields events; nothing to measure")
    for i in range(n):
        t = templates[i % len(templates)]
        yield t, f"bench-{i:07d}", f"{t.text}\n\nUpdate {i}: coverage continues."


def distinct_articles(n: int, folder: str | None = None, sentences: int = 12):
    """N articles that mostly copy no other, as in real coverage (where most articles are
    originals, each indexed by the clusterer, and stories are many): each is ``sentences``
    sentences drawn from all the articles of one language of ``folder`` (gold or archive JSON; the
    sample without it), three to a paragraph (fixed seed). Word trigrams within a sentence, what
    the NLP and MinHash read, stay those of real text; on the dev set 7% of articles 5,600-6,000
    copy an earlier one (shared sentences), as syndication does."""
    from streams.evaluate import load_gold
    from streams.ingest.archive import article_from_dict, read_archive
    from streams.records import Rejection
    from streams.replay import sample_archive

    if folder and Path(folder).is_dir():
        pool = [a for a in (article_from_dict(o) for o in load_gold(Path(folder))) if not isinstance(a, Rejection)]
    else:
        pool = [ln.article for ln in read_archive(sample_archive())]
    by_language: dict[str, tuple[list, list[str]]] = {}
    for article in pool:
        found = [s for s in _SENTENCE_END.split(article.text or "") if len(s.split()) >= 5]
        templates, lines = by_language.setdefault(article.language or "und", ([], []))
        templates.append(article)
        lines.extend(found)
    languages = sorted(lang for lang, (_, lines) in by_language.items() if len(lines) >= 4 * sentences)
    if not languages:
        raise RuntimeError(f"no language with {4 * sentences} sentences to draw from; nothing to measure")
    rng = random.Random(1)
    for i in range(n):
        templates, lines = by_language[languages[i % len(languages)]]
        drawn = rng.sample(lines, sentences)
        text = "\n\n".join(" ".join(drawn[k:k + 3]) for k in range(0, sentences, 3))
        yield rng.choice(templates), f"bench-{i:07d}", text


async def events_reader(settings):
    """A started consumer of ``events`` from the beginning, committed records only, no group."""
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(settings.topic("events"), bootstrap_servers=settings.bootstrap_servers,
                                group_id=None, auto_offset_reset="earliest", isolation_level="read_committed")
    await consumer.start()
    return consumer


async def note_first_upserts(consumer, sent_at: dict[str, float], seen_at: dict[str, float],
                             done: Callable[[], bool]) -> None:
    """Note when each sent article first appears in an upsert on ``events``, until ``done()``."""
    while not done():
        batch = await consumer.getmany(timeout_ms=500)
        now = time.time()
        for records in batch.values():
            for rec in records:
                for aid in orjson.loads(rec.value)["articles"]:
                    if aid in sent_at and aid not in seen_at:
                        seen_at[aid] = now


async def _pipeline(n: int, settings, worker_pids: list[int], rate: float | None = None, mix: str = "copies",
                    folder: str | None = None) -> dict:
    from streams.admin import ensure_topics
    from streams.producer import ArticleProducer
    from streams.timeutil import to_rfc3339

    sent_at: dict[str, float] = {}
    seen_at: dict[str, float] = {}
    articles = list(bench_articles(n, mix, folder))
    await ensure_topics(settings)
    consumer = await events_reader(settings)
    reader = asyncio.create_task(note_first_upserts(consumer, sent_at, seen_at, lambda: len(seen_at) >= n))
    cpu_before = _cpu_seconds(worker_pids)
    start = time.time()
    async with ArticleProducer(settings) as producer:
        for i, (template, aid, text) in enumerate(articles):
            if rate:  # an open-loop load: latency at a given rate, not under a flood
                delay = start + i / rate - time.time()
                if delay > 0:
                    await producer.flush()
                    await asyncio.sleep(delay)
            now = time.time()
            sent_at[aid] = now
            article = msgspec.structs.replace(template, id=aid, url=f"{template.url}?bench={aid}", text=text,
                                              published_at=to_rfc3339(datetime.fromtimestamp(now, timezone.utc)))
            await producer.send(article)
    try:
        try:
            await asyncio.wait_for(reader, timeout=max(120.0, n / 20))
        except asyncio.TimeoutError:
            pass
        per_topic = await records_per_topic(settings, consumer)
    finally:
        await consumer.stop()
    loop_cpu, nlp_cpu = (after - before for after, before in zip(_cpu_seconds(worker_pids), cpu_before))
    end = max(seen_at.values()) if seen_at else time.time()
    latencies = [(seen_at[a] - sent_at[a]) * 1000 for a in seen_at]
    return {
        "articles": n,
        "completed": len(seen_at),
        "seconds": round(end - start, 3),
        "articles_per_s": round(len(seen_at) / (end - start), 1) if seen_at else 0.0,
        "latency_ms": {"p50": round(_percentile(latencies, 0.5), 1), "p99": round(_percentile(latencies, 0.99), 1)},
        "worker_rss_mb": round(max(_rss_mb(pid) for pid in worker_pids), 1),
        # CPU per article of the workers' event loops and of their NLP processes (comparable on a
        # shared machine; the two are what a core has to do for each article)
        "cpu_ms_per_article": {"worker": round(loop_cpu * 1000 / max(len(seen_at), 1), 2),
                               "nlp": round(nlp_cpu * 1000 / max(len(seen_at), 1), 2)},
        # what the worker wrote for each article sent: each record is a produce the loop pays for
        "records_per_article": {t: round(count / n, 2) for t, count in per_topic.items()},
    }


async def records_per_topic(settings, consumer) -> dict[str, int]:
    """Records on each topic of this run (its own topics and the worker's changelogs, by the
    name they have without the run's prefix), from end offsets: with exactly-once these count
    transaction markers too."""
    from aiokafka.admin import AIOKafkaAdminClient
    from aiokafka.structs import TopicPartition

    from streams.admin import kafka_auth

    prefixes = (settings.topic_prefix, f"{settings.group_id}-")
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **kafka_auth(settings))
    await admin.start()
    try:
        names = [t for t in await admin.list_topics() if t.startswith(prefixes)]
        described = await admin.describe_topics(names)
    finally:
        await admin.close()
    partitions = [TopicPartition(d["topic"], p["partition"]) for d in described for p in d["partitions"]]
    totals: dict[str, int] = {}
    for tp, end in (await consumer.end_offsets(partitions)).items():
        name = next(tp.topic[len(p):] for p in prefixes if tp.topic.startswith(p))
        totals[name] = totals.get(name, 0) + end
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def _start_worker(env: dict[str, str], home: str, name: str) -> subprocess.Popen:
    log = open(Path(home) / f"worker-{name}.log", "ab")
    worker = subprocess.Popen([sys.executable, "-m", "streams.cli", "worker", "--loglevel", "warning"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{env['KABAR_WEB_PORT']}/kabar/stats/"
    for _ in range(240):
        if worker.poll() is not None:
            raise SystemExit(f"kabar bench: the worker exited; see {home}/worker-{name}.log")
        try:
            page = orjson.loads(urllib.request.urlopen(url, timeout=1).read())
            if page["worker"]["assigned_partitions"] and not page["worker"]["rebalancing"]:
                return worker
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"kabar bench: the worker did not get ready; see {home}/worker-{name}.log")


def bench_pipeline(n: int, workers: int = 1, rate: float | None = None, mix: str = "copies",
                   folder: str | None = None) -> dict:
    run = uuid.uuid4().hex[:8]
    home = tempfile.mkdtemp(prefix="kabar-bench-")
    env = dict(os.environ, KABAR_TOPIC_PREFIX=f"bench-{run}.", KABAR_APP_ID=f"kabar-bench-{run}", KABAR_HOME=home)
    settings = from_env(env)
    if not broker.reachable(settings):
        raise SystemExit(f"kabar bench: no broker answers at {settings.bootstrap_servers}; run `kabar broker start` first")
    procs: list[subprocess.Popen] = []
    try:
        for i in range(workers):
            procs.append(_start_worker(dict(env, KABAR_WEB_PORT=str(broker.free_port())), home, str(i)))
        time.sleep(3 if workers > 1 else 0)  # let the group settle after the last join
        print(f"bench: {workers} worker(s) up, sending {n} articles ...", file=sys.stderr, flush=True)
        result = asyncio.run(_pipeline(n, settings, [p.pid for p in procs], rate, mix, folder))
        return {**result, "workers": workers, "store": settings.store, "offered_rate": rate or "max", "mix": mix}
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
