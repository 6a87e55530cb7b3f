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
