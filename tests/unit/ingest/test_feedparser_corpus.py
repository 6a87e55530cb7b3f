"""Every file of feedparser's own test suite: items or a clear problem, never a traceback.

The corpus lives beside the repository (``../shared/corpora/feedparser-tests``,
read-only in CI). Whatever a file holds (ill-formed XML, odd encodings,
entities, hostile HTML), ``parse_feed`` returns, every item normalises to a
RawArticle that encodes as JSON, and no text field carries a tag: the
``sanitize`` folder is 745 files of scripts, styles and event handlers.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import orjson
import pytest

from streams.ingest.feeds import parse_feed
from streams.ingest.items import NormalizedItem, normalize_item
from streams.records import Rejection
from tests.shared import CORPORA, needs_shared

CORPUS = CORPORA / "feedparser-tests" / "tests"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []
FETCHED = datetime(2025, 1, 7, tzinfo=timezone.utc)
HEADER = re.compile(rb"^Header:\s+([^:\r\n]+):(.*)$", re.M)
DANGEROUS = re.compile(r"<\s*/?\s*(script|style|iframe|object|embed|img|a|svg)\b|\bon\w+\s*=\s*['\"]", re.I)


@needs_shared
def test_corpus_is_there():
    assert len(FILES) > 2000, f"feedparser test corpus missing or incomplete at {CORPUS}"


def _headers(raw: bytes) -> dict[str, str]:
    return {k.decode("latin-1").strip(): v.decode("latin-1").strip() for k, v in HEADER.findall(raw[:4096])}


@needs_shared
@pytest.mark.parametrize("folder", ["wellformed", "illformed", "encoding", "entities", "json"])
def test_every_file_gives_items_or_a_problem(folder):
    files = [p for p in FILES if p.relative_to(CORPUS).parts[0] == folder]
    assert files
    failures = []
    for path in files:
        raw = path.read_bytes()
        parsed = parse_feed(raw, _headers(raw), "http://127.0.0.1:8097/" + path.relative_to(CORPUS).as_posix())
        if not (parsed.readable or parsed.problems) or not all(isinstance(p, str) and p for p in parsed.problems):
            failures.append(f"{path.name}: neither a feed nor a problem")
        for item in parsed.items:
            for text in (item.title, item.summary, item.content or ""):
                if DANGEROUS.search(text):
                    failures.append(f"{path.name}: markup in text: {text[:80]!r}")
            result = normalize_item(item, "http://127.0.0.1:8097/feed", FETCHED)
            if isinstance(result, NormalizedItem):
                orjson.dumps(result.article.to_dict())  # valid UTF-8, no surrogates
            else:
                assert isinstance(result, Rejection) and result.reason
    assert not failures, failures[:20]
