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


def synthetic_archive(path: Path, n: int, days_between_rounds: int = 10, exclude: tuple[str, ...] = (),
                      same_start: bool = False) -> Path:
    """``n`` distinct articles: rounds of the sample's stories, each round re-published
    ``days_between_rounds`` after the last under new URLs, with one paragraph added mid-text (so
    they are not exact copies). Within a round the stream holds several events, a near-duplicate
    and a cross-lingual match; with rounds ten days apart (past the dedup horizon) the state
    expires between rounds and comes back. The sample's stories were published years apart;
    with ``same_start`` each story's first round moves to the first story's day (its time of day
    kept), so the stream spans only its rounds."""
    from datetime import timedelta

    from streams.timeutil import parse_time, to_rfc3339

    templates = [a for a in sample_articles().values() if a["id"] not in exclude]
    start = parse_time(templates[0]["published_at"])
    with path.open("wb") as fh:
        for i in range(n):
            t = dict(templates[i % len(templates)])
            t["id"] = f"syn-{i:05d}-{t['id']}"
            t["url"] = f"{t['url']}-{i}"
            paragraphs = t["text"].split("\n\n")
            paragraphs.insert(len(paragraphs) // 2, f"This report was revised {i} times by the editors on the same day.")
            t["text"] = "\n\n".join(paragraphs)
            published = parse_time(t["published_at"])
            if same_start:
                published += timedelta(days=(start.date() - published.date()).days)
            shift = timedelta(days=days_between_rounds * (i // len(templates)))
            t["published_at"] = to_rfc3339(published + shift)
            fh.write(orjson.dumps(t) + b"\n")
    return path
