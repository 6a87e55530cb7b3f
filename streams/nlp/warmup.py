"""Load the NLP's data files and models before the first article arrives.

Lexicons, the gazetteer and the language model load lazily on first use,
which makes the first articles of a worker wait about two seconds. A worker
(and each NLP process beside it) runs the bundled sample through
``normalize`` and ``enrich`` once at start instead.
"""

from __future__ import annotations

from importlib import resources

from streams.ingest.archive import read_archive
from streams.nlp.enrich import enrich
from streams.nlp.normalize import normalize
from streams.records import CleanArticle


def warm_up() -> int:
    """Run the bundled sample through the NLP; return how many articles it took."""
    sample = resources.files("streams.data").joinpath("sample/articles.jsonl")
    done = 0
    for line in read_archive(str(sample)):
        clean = normalize(line.article) if line.article else None
        if isinstance(clean, CleanArticle):
            enrich(clean)
            done += 1
    return done
