"""Archives for the integration tests, cut from the bundled sample."""

from __future__ import annotations

from pathlib import Path

import orjson

from streams.replay import sample_archive


def sample_articles() -> dict[str, dict]:
    lines = sample_archive().read_bytes().splitlines()
    return {a["id"]: a for a in map(orjson.loads, filter(None, lines))}


def write_archive(path: Path, *ids: str) -> Path:
    articles = sample_articles()
    path.write_bytes(b"".join(orjson.dumps(articles[i]) + b"\n" for i in ids))
    return path


SEED = "seed-kz-tribunnewswiki"


def synthetic_archive(path: Path, n: int) -> Path:
    """``n`` distinct articles: the sample's stories re-published on later days under new URLs with
    a changed line (so they are near-duplicates, not exact copies), which gives a stream of many
    events, near-duplicates and cross-lingual mentions."""
    from datetime import timedelta

    from streams.timeutil import parse_time, to_rfc3339

    templates = list(sample_articles().values())
    with path.open("wb") as fh:
        for i in range(n):
            t = dict(templates[i % len(templates)])
            shift = timedelta(days=3 * (i // len(templates)))
            t["id"] = f"syn-{i:05d}-{t['id']}"
            t["url"] = f"{t['url']}-{i}"
            t["text"] = f"{t['text']}\n\n(Updated copy {i}.)"
            t["published_at"] = to_rfc3339(parse_time(t["published_at"]) + shift)
            fh.write(orjson.dumps(t) + b"\n")
    return path
