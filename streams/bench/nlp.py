"""Throughput of the text stages on one core: normalize + enrich over a folder of articles.

``bench_enrich`` is a measurement, not a test: it returns numbers for the
bench command and the report (articles per second, resident memory).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from streams.ingest.archive import article_from_dict
from streams.nlp.enrich import enrich
from streams.nlp.normalize import normalize
from streams.records import Rejection


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def bench_enrich(folder: str, repeat: int = 20) -> dict:
    """Articles per second of normalize + enrich over every gold/archive ``*.json`` of ``folder``,
    each article processed ``repeat`` times after one warm-up pass (lexicons loaded)."""
    from streams.evaluate import load_gold

    raws = [r for r in (article_from_dict(o) for o in load_gold(Path(folder))) if not isinstance(r, Rejection)]
    for raw in raws:  # warm-up: data files and caches
        clean = normalize(raw)
        if not isinstance(clean, Rejection):
            enrich(clean)
    started = time.process_time()
    for _ in range(repeat):
        for raw in raws:
            clean = normalize(raw)
            if not isinstance(clean, Rejection):
                enrich(clean)
    seconds = time.process_time() - started
    done = len(raws) * repeat
    return {
        "articles": done,
        "seconds": round(seconds, 3),
        "articles_per_s": round(done / seconds, 1) if seconds > 0 else None,
        "ms_per_article": round(1000 * seconds / done, 3) if done else None,
        "rss_mb": _rss_mb(),
    }
