"""LSH banding of MinHash signatures: an in-memory index derived from the stored decisions.

The first ``BANDS * ROWS`` minimums of a signature are cut into ``BANDS``
bands of ``ROWS``; two articles become candidates when they share a band,
which happens with probability ``1 - (1 - J**ROWS) ** BANDS`` for Jaccard
similarity ``J``: with 16 bands of 2 rows that is 0.78 at J = 0.3 (the
duplicate threshold), 0.97 at J = 0.45, 0.994 at J = 0.52 (the weakest
syndicated copy of the dev set), 0.04 at J = 0.05 (unrelated articles that
share a publisher's boilerplate). Candidates are then checked with the full
signature, so a false candidate costs a comparison, never a wrong answer; at
most ``MAX_CANDIDATES``, those sharing the most bands, are checked (a copy
shares 3-6 of 16 bands, an unrelated article rarely 2), and of a band shared
by more than ``BUCKET_CAP`` live articles (boilerplate, not a copy) only the
most recent count.

**Why in memory.** The buckets used to be state keys (``lsh:<band>:<hex>``,
``keys.band``), one write to the changelogged table per band for every
original article: 16 of the ~20 writes an original made. Every original's
``Decision`` keeps its signature, so the buckets are a pure function of the
stored decisions: ``BandIndex`` is rebuilt from them when a worker gets its
partitions (``Clusterer``) and kept up to date as articles come and expire,
and a restored worker answers as the one before it. Bands are cut from the
stored 16-bit form of the signature, so a rebuilt index has the same bands.

The index is sorted arrays of 64-bit band keys (partition key, band, rows)
and article ordinals, 12 bytes a band, plus a dict of the latest inserts
merged into them in batches: 100,000 articles in the horizon take about 40 MB
with their ids (measured with tracemalloc), where buckets as a dict of the
``[id, day]`` lists the state held took about 400 MB. State written before the index
existed still has its bucket keys; expiry prunes them (``band_keys``, ``prune``).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import MutableMapping
from typing import Any

import numpy as np

from streams.dedup import keys, minhash

BANDS = 16
ROWS = 2
BUCKET_CAP = 64
MAX_CANDIDATES = 32
#: band entries inserted before they are merged into the sorted arrays
MERGE_AT = 4096


def bands(scope: str, sig: np.ndarray) -> list[int]:
    """The index keys of a signature (full or stored) under partition key ``scope``: the scope's
    CRC in the top 28 bits, the band number, then the band's packed 16-bit rows. Two scopes
    sharing a CRC give only false candidates, which the stored signature rules out."""
    top = (zlib.crc32(scope.encode("utf-8")) & 0xFFFFFFF) << 36
    return [top | (band << 32) | value for band, value in enumerate(_packed(sig, BANDS))]


def _packed(sig: np.ndarray, count: int) -> list[int]:
    """The first ``count`` bands of a signature, each band's 16-bit rows packed in one int."""
    rows = minhash.compact(sig)[: count * ROWS].astype(np.uint64).reshape(count, ROWS)
    packed = rows[:, 0]
    for r in range(1, ROWS):
        packed = (packed << np.uint64(16)) | rows[:, r]
    return packed.tolist()


class BandIndex:
    """Which live originals have which bands (see the module docstring); plain data, no I/O."""

    def __init__(self) -> None:
        #: ordinal -> (scope, article id), None once removed
        self._articles: list[tuple[str, str] | None] = []
        self._ordinals: dict[tuple[str, str], int] = {}
        #: band keys, sorted, and the ordinal of each one's article (equal keys in insertion order)
        self._keys = np.empty(0, dtype=np.uint64)
        self._refs = np.empty(0, dtype=np.uint32)
        #: the latest inserts, not merged yet: band key -> ordinals
        self._recent: dict[int, list[int]] = {}
        self._recent_entries = 0
        self._removed = 0

    def __len__(self) -> int:
        """How many articles are indexed."""
        return len(self._ordinals)

    def candidates(self, band_keys: list[int]) -> list[str]:
        """Article ids sharing a band with ``band_keys``, most shared bands first (at most
        ``MAX_CANDIDATES``; ties keep the order in which they were indexed)."""
        hits: list[int] = []
        query = np.array(band_keys, dtype=np.uint64)
        starts = np.searchsorted(self._keys, query, side="left").tolist()
        ends = np.searchsorted(self._keys, query, side="right").tolist()
        for key, start, end in zip(band_keys, starts, ends):
            refs = self._refs[start:end].tolist() if end > start else []
            recent = self._recent.get(key)
            if recent:
                refs += recent
            if refs:
                hits += [r for r in refs if self._articles[r] is not None][-BUCKET_CAP:]
        if not hits:
            return []
        return [self._articles[r][1] for r, _ in Counter(hits).most_common(MAX_CANDIDATES)]

    def insert(self, scope: str, article_id: str, band_keys: list[int]) -> None:
        """Index an article of partition key ``scope`` under its bands (idempotent)."""
        ident = (scope, article_id)
        if ident in self._ordinals:
            return
        ordinal = self._ordinals[ident] = len(self._articles)
        self._articles.append(ident)
        for key in band_keys:
            self._recent.setdefault(key, []).append(ordinal)
        self._recent_entries += len(band_keys)
        if self._recent_entries >= MERGE_AT:
            self._merge()

    def remove(self, scope: str, article_id: str) -> None:
        """Forget an article (it expired); its entries go at the next merge."""
        ordinal = self._ordinals.pop((scope, article_id), None)
        if ordinal is not None:
            self._articles[ordinal] = None
            self._removed += 1

    def _merge(self) -> None:
        """Move the latest inserts into the sorted arrays (one pass over them: ``np.insert`` at
        sorted positions keeps equal keys in insertion order), dropping removed articles once
        they are half of the ordinals."""
        new_keys = np.fromiter((k for k, refs in self._recent.items() for _ in refs), dtype=np.uint64,
                               count=self._recent_entries)
        new_refs = np.fromiter((r for refs in self._recent.values() for r in refs), dtype=np.uint32,
                               count=self._recent_entries)
        order = np.argsort(new_keys, kind="stable")
        new_keys, new_refs = new_keys[order], new_refs[order]
        at = np.searchsorted(self._keys, new_keys, side="right")
        self._keys = np.insert(self._keys, at, new_keys)
        self._refs = np.insert(self._refs, at, new_refs)
        self._recent, self._recent_entries = {}, 0
        if self._removed * 2 >= len(self._articles):
            self._compact()

    def _compact(self) -> None:
        live = np.fromiter((a is not None for a in self._articles), dtype=bool, count=len(self._articles))
        renumbered = np.cumsum(live, dtype=np.int64) - 1
        kept = live[self._refs]
        self._keys = self._keys[kept]
        self._refs = renumbered[self._refs[kept]].astype(np.uint32)
        self._articles = [a for a in self._articles if a is not None]
        self._ordinals = {ident: n for n, ident in enumerate(self._articles)}
        self._removed = 0


def band_keys(sig: np.ndarray, bands: int) -> list[str]:
    """The state keys of the first ``bands`` buckets of a signature as state written before
    the index stored them (``Decision.bands`` says how many: 32 or 16)."""
    return [keys.band(band, value) for band, value in enumerate(_packed(sig, bands))]


def prune(state: MutableMapping[str, Any], key: str, day: int) -> None:
    """Drop the entries of ``day`` and before from a stored bucket (delete it if empty)."""
    bucket = state.get(key)
    if bucket is None:
        return
    kept = [entry for entry in bucket if entry[1] > day]
    if kept:
        if len(kept) != len(bucket):
            state[key] = kept
    else:
        del state[key]
