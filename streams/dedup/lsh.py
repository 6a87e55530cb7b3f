"""LSH banding of MinHash signatures over the state store.

The first ``BANDS * ROWS`` minimums of a signature are cut into ``BANDS``
bands of ``ROWS``; each band is a state key ``lsh:<band>:<hash>`` (``keys.band``) holding the
articles whose signature has that band, as ``[article_id, day]`` pairs. Two
articles become candidates when they share a band, which happens with
probability ``1 - (1 - J**ROWS) ** BANDS`` for Jaccard similarity ``J``:
with 16 bands of 2 rows that is 0.78 at J = 0.3 (the duplicate threshold),
0.97 at J = 0.45, 0.994 at J = 0.52 (the weakest syndicated copy of the dev
set), 0.04 at J = 0.05 (unrelated articles that share a publisher's
boilerplate). Each band is a state write for every original article, the
most of any kind: 32 bands (0.95 at J = 0.3) cost 32 of the ~41 writes an
original made to the changelogged state in ``kabar bench --mix distinct``,
for the few copies edited down to J = 0.3-0.45 (a copy that is missed still
merges into the same events, as a new article). Candidates are then checked
with the full signature, so a false candidate costs a comparison, never a
wrong answer; at most ``MAX_CANDIDATES``, those sharing the most bands, are
checked (a copy shares 3-6 of 16 bands, an unrelated article rarely 2).

A bucket keeps its ``BUCKET_CAP`` most recent entries: a band shared by more
articles than that within the horizon is boilerplate, not a copy. Entries
carry the day their article is filed under (see ``expiry``) so that expiry
can drop one day's entries from a bucket the next days still use
(``prune``). Bands are cut from the stored 16-bit form of the signature, so
the buckets of an expiring article are found again from its stored
signature and need no index of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import MutableMapping
from typing import Any

import numpy as np

from streams.dedup import keys, minhash

BANDS = 16
ROWS = 2
BUCKET_CAP = 64
MAX_CANDIDATES = 32


def band_keys(sig: np.ndarray, bands: int = BANDS) -> list[str]:
    """The state keys of the first ``bands`` bands of a signature, full or as stored: bands
    are cut from the compact (16-bit) values, so that expiry can find an
    article's buckets again from its stored signature."""
    rows = minhash.compact(sig)[: bands * ROWS].astype(np.uint64).reshape(bands, ROWS)
    packed = rows[:, 0]
    for r in range(1, ROWS):
        packed = (packed << np.uint64(16)) | rows[:, r]
    return [keys.band(band, value) for band, value in enumerate(packed.tolist())]


def candidates(state: MutableMapping[str, Any], keys: list[str]) -> list[str]:
    """Article ids sharing a band with ``keys``, most shared bands first (at
    most ``MAX_CANDIDATES``; ties keep the order in which they were stored)."""
    hits: Counter[str] = Counter()
    for key in keys:
        for article_id, _day in state.get(key) or ():
            hits[article_id] += 1
    return [article_id for article_id, _ in hits.most_common(MAX_CANDIDATES)]


def insert(state: MutableMapping[str, Any], keys: list[str], article_id: str, day: int) -> None:
    """Add an article, filed under ``day``, to its buckets (idempotent)."""
    for key in keys:
        bucket = state.get(key) or []
        if not any(entry[0] == article_id for entry in bucket):
            bucket.append([article_id, day])
            state[key] = bucket[-BUCKET_CAP:]


def prune(state: MutableMapping[str, Any], key: str, day: int) -> None:
    """Drop the entries of ``day`` and before from a bucket (delete it if empty)."""
    bucket = state.get(key)
    if bucket is None:
        return
    kept = [entry for entry in bucket if entry[1] > day]
    if kept:
        if len(kept) != len(bucket):
            state[key] = kept
    else:
        del state[key]
