"""``kabar replay PATH``: send a JSON Lines archive to ``articles.raw`` in event time.

Articles go out in publication order; ``--speed 60`` plays one hour of news
per minute, ``--speed max`` as fast as the broker takes them. Each record's
Kafka timestamp is its publication time. Lines that cannot be used are
counted and sent to the dead-letter topic with file, line and reason.
"""

from __future__ import annotations

import asyncio
import sys
import time
from importlib import resources
from pathlib import Path

from streams.ingest.archive import read_archive
from streams.producer import ArticleProducer
from streams.progress import Progress
from streams.settings import Settings, get_settings
from streams.timeutil import epoch_ms


def sample_archive() -> Path:
    """The bundled sample (the seed article and a few English and Indonesian ones)."""
    return Path(str(resources.files("streams.data").joinpath("sample/articles.jsonl")))


def parse_speed(value: str) -> float | None:
    """``max`` -> None (no pacing); a positive number -> that many seconds of news per second."""
    if value == "max":
        return None
    speed = float(value)
    if speed <= 0:
        raise ValueError("speed must be positive or 'max'")
    return speed


async def replay(path: str | Path, speed: float | None, settings: Settings, quiet: bool = False) -> dict:
    lines = list(read_archive(path))
    good = sorted((ln for ln in lines if ln.article), key=lambda ln: epoch_ms(ln.article.published_at))
    progress = Progress(len(good), f"replay {Path(path).name}", stream=sys.stderr if not quiet else open("/dev/null", "w"))
    async with ArticleProducer(settings) as producer:
        for ln in lines:
            if ln.rejection:
                await producer.reject("replay", f"{ln.path}:{ln.line}: {ln.rejection.reason} {ln.rejection.detail}".strip(), ln.raw)
        start_wall = time.monotonic()
        start_event = epoch_ms(good[0].article.published_at) if good else 0
        for ln in good:
            if speed is not None:
                due = start_wall + (epoch_ms(ln.article.published_at) - start_event) / 1000 / speed
                delay = due - time.monotonic()
                if delay > 0:
                    await producer.flush()
                    await asyncio.sleep(delay)
            await producer.send(ln.article)
            progress.update()
        await producer.flush()
    progress.close(f"sent, {producer.dead} rejected")
    return {"sent": producer.sent, "rejected": producer.dead}


def _cmd(args) -> int:
    try:
        speed = parse_speed(args.speed)
    except ValueError:
        print(f"kabar replay: --speed takes a positive number or 'max', not {args.speed!r}", file=sys.stderr)
        return 2
    path = args.path or sample_archive()
    try:
        result = asyncio.run(replay(path, speed, get_settings()))
    except FileNotFoundError as exc:
        print(f"kabar replay: {exc}", file=sys.stderr)
        return 2
    return 0 if result["sent"] or not result["rejected"] else 1


def add_commands(sub) -> None:
    p = sub.add_parser(
        "replay",
        help="send an archive (JSON Lines, optionally .gz) to articles.raw in event time",
        description="Replay historical articles into the pipeline. Each line needs url, title, text and "
        "published_at (id, source, language optional). Articles are sent in publication order with the "
        "publication time as Kafka timestamp. Without PATH, the bundled sample is replayed.",
    )
    p.add_argument("path", nargs="?", help="archive file or folder (default: the bundled sample)")
    p.add_argument("--speed", default="max", help="seconds of news per wall-clock second (60 = an hour a minute), or 'max' (default)")
    p.set_defaults(func=_cmd)
