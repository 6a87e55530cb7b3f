"""Throughput and state size of ``Clusterer`` on a synthetic article stream.

``bench_dedup(n)`` generates ``n`` enriched articles (fixed seed, so every
run sees the same stream) and times only ``Clusterer.process`` on a plain
dict store holding what the worker's table holds (JSON text, decoded records
cached: ``dedup.state.TypedState`` as the agent builds it), so the cost of
encoding the state is counted. The stream imitates what the ``cluster`` agent sees:

- several countries (partition keys), each with a few *happenings* per day
  (type, place, actors, counts), reported by articles over the next days;
- five made-up "languages" (word lists with their own affixes), so that
  reports of one happening in two languages share events and not words;
- about a fifth of the articles are syndicated copies of a recent article
  (new opening, a dropped paragraph, an attribution line);
- publication times spread over ``days`` days in stream order, so expiry
  runs and the state should level off after the horizon.

Beside the clusterer's state, the stream goes through the worker's other
tables as the agents use them (``expiry.DatedTable`` on plain dicts, one
index per partition as in the worker): ``seen-articles`` (article
id -> fingerprint), ``fingerprints`` (fingerprint -> first article id) and
``fired-alerts`` (event id -> rules fired, from the real alert rules). The
clusterer is given a shard as in the worker, so idle countries are swept too.
``every`` days of event time it notes the size of each (``state_by_day``):
flat once the horizon is full, or something grows without bound.

Besides speed and state size it reports how well copies are found
(precision and recall of ``duplicate_of`` against the copies made) and story
B-cubed against the happenings: numbers on a made-up stream, to compare
versions of the code, not to quote as accuracy.

Run ``python -m streams.bench.dedup [n]``; it prints the numbers as JSON.
Speed is reported, never asserted.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone
from typing import Any

import orjson

from streams.agents.readcache import ReadCache
from streams.dedup import expiry
from streams.dedup.cluster import Clusterer
from streams.dedup.state import TypedState
from streams.desk.alerts import evaluate
from streams.records import EnrichedArticle, ExtractedEvent
from streams.timeutil import parse_time

COUNTRIES = ("ID", "MY", "KZ", "US", "FR", "ES", "CL", "IN")
#: made-up languages: (prefix, suffix) of their words
LANGUAGES = {
    "en": ("", "ing"), "id": ("me", "kan"), "ms": ("ber", "an"), "es": ("des", "ción"), "fr": ("re", "ment"),
}
TYPES = ("PROTEST", "ASSAULT", "COERCE", "AID", "AGREE", "REQUEST", "ACCUSE", "MOBILIZE")
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
#: table partitions of the simulated worker (``KABAR_PARTITIONS``' default)
PARTITIONS = 4


class DatedTables:
    """``seen-articles``, ``fingerprints`` and ``fired-alerts`` as the agents keep them, on dicts."""

    def __init__(self, horizon_days: int) -> None:
        self.horizon_days = horizon_days
        self.tables: dict[str, dict[str, Any]] = {"seen-articles": {}, "fingerprints": {}, "fired-alerts": {}}
        self.dated = {name: expiry.DatedTable(table, _entries_of(table)) for name, table in self.tables.items()}

    def _keep(self, name: str, key: str, value: Any, day: int) -> None:
        partition = _partition(key)
        self.dated[name].put(partition, key, value, day)
        self.dated[name].sweep(partition, self.horizon_days)

    def article(self, article: EnrichedArticle, fingerprint: str, day: int) -> None:
        """What normalize and enrich keep of an article."""
        if expiry.value_of(self.tables["seen-articles"].get(article.id)) != fingerprint:
            self._keep("seen-articles", article.id, fingerprint, day)
        if expiry.value_of(self.tables["fingerprints"].get(fingerprint)) is None:
            self._keep("fingerprints", fingerprint, article.id, day)

    def event(self, ev: Any) -> None:
        """What the alerts agent keeps of an event upsert."""
        fired = set(expiry.value_of(self.tables["fired-alerts"].get(ev.id)) or ())
        fired |= {alert.rule for alert in evaluate(ev, fired, at=ev.last_seen or "")}
        moment = parse_time(ev.last_seen or ev.first_seen)
        if fired and moment is not None:
            self._keep("fired-alerts", ev.id, sorted(fired), expiry.day_of(moment.timestamp()))

    def sizes(self) -> dict[str, int]:
        """Keys per table, entries and each partition's ``meta`` together."""
        return {name: len(table) for name, table in self.tables.items()}


def _partition(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % PARTITIONS


def _entries_of(table: dict[str, Any]) -> expiry.Entries:
    """The entries of one partition of ``table`` (``_partition`` tells them apart)."""
    return lambda partition: ((k, v) for k, v in table.items() if _partition(k) == partition)


def bench_dedup(
    n_articles: int = 100000, days: int = 30, horizon_days: int = 7, seed: int = 1, every: int = 5
) -> dict[str, Any]:
    """Cluster ``n_articles`` synthetic articles spread over ``days`` days of event time; return
    counts, time, state size, and every ``every`` days the size of each table."""
    state: dict[str, bytes] = {}
    clusterer = Clusterer(ReadCache(TypedState(state, encoded=True)), horizon_days=horizon_days, typed=True)
    tables = DatedTables(horizon_days)
    by_day: list[dict[str, Any]] = []
    noted = 0
    seconds = 0.0
    events = 0
    happening: dict[str, int] = {}
    story: dict[str, str] = {}
    copies: set[tuple[str, str]] = set()
    found: set[tuple[str, str]] = set()
    for article, label, original in _stream(n_articles, days, random.Random(seed)):
        day = expiry.day_of(parse_time(article.published_at).timestamp())
        elapsed = day - expiry.day_of(START.timestamp())
        if elapsed >= noted + every:
            noted = elapsed
            by_day.append({"day": elapsed, "cluster-state": len(state), **tables.sizes()})
        began = time.perf_counter()
        result = clusterer.process(article, shard=_partition(article.countries[0]))
        seconds += time.perf_counter() - began
        tables.article(article, hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16], day)
        for ev in result.events:
            tables.event(ev)
        events += len(result.events)
        happening[article.id], story[article.id] = label, result.story
        if original:
            copies.add((article.id, original))
        if result.duplicate_of:
            found.add((article.id, result.duplicate_of))
    return {
        "articles": n_articles,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n_articles / seconds, 1) if seconds else None,
        "event_upserts": events,
        "duplicate_precision": round(len(found & copies) / len(found), 4) if found else None,
        "duplicate_recall": round(len(found & copies) / len(copies), 4) if copies else None,
        "story_bcubed": _bcubed(happening, story),
        "state_keys": len(state),
        "state_bytes": len(orjson.dumps({k: orjson.Fragment(v) for k, v in state.items()})),
        "table_keys": tables.sizes(),
        "state_by_day": by_day,
    }


def _bcubed(gold: dict[str, int], predicted: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of story ids against happenings."""
    members: dict[Any, set[str]] = {}
    for aid in gold:
        members.setdefault(("g", gold[aid]), set()).add(aid)
        members.setdefault(("p", predicted[aid]), set()).add(aid)
    precision = recall = 0.0
    for aid in gold:
        g, p = members[("g", gold[aid])], members[("p", predicted[aid])]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _stream(n: int, days: int, rng: random.Random):
    vocab = {lang: [f"{pre}{_root(rng)}{suf}" for _ in range(4000)] for lang, (pre, suf) in LANGUAGES.items()}
    """``(article, happening, id of the article it copies or None)`` in stream order."""
    happenings: list[dict[str, Any]] = []
    recent: list[tuple[EnrichedArticle, int, str]] = []  # (article, happening, root original)
    per_day = max(1, n // days)
    for i in range(n):
        when = START + timedelta(seconds=i * 86400 / per_day + rng.uniform(0, 600))
        happenings = [h for h in happenings if (when - h["when"]).days < 3]
        if len(happenings) < 6 * len(COUNTRIES) or rng.random() < 0.02:
            happenings.append(_happening(rng, when))
        if recent and rng.random() < 0.2:
            source, label, root = rng.choice(recent)
            article, original = _copy(rng, source, i, when), root
        else:
            h = rng.choice(happenings)
            article, label, original = _report(rng, h, vocab, i, when), h["topic"], None
        recent = recent[-199:] + [(article, label, original or article.id)]
        yield article, label, original


def _root(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghjklmnprstvwyz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def _happening(rng: random.Random, when: datetime) -> dict[str, Any]:
    country = rng.choice(COUNTRIES)
    return {
        "when": when,
        "country": country,
        "type": rng.choice(TYPES),
        "place": f"{country}-city-{rng.randint(1, 40)}",
        "actors": [f"{country}:{rng.choice(['police', 'military', 'protesters', 'government'])}"],
        "targets": [f"{country}:{rng.choice(['civilians', 'protesters', 'government'])}"],
        "killed": rng.randint(1, 300),
        "topic": rng.randint(0, 10**9),
    }


def _report(rng: random.Random, h: dict[str, Any], vocab: dict[str, list[str]], i: int, when: datetime):
    lang = rng.choice(list(LANGUAGES))
    words = vocab[lang]
    # words that this happening's reports in one language tend to share (names, places, phrases)
    local = random.Random(f"{h['topic']}:{lang}")
    theme = [local.choice(words) for _ in range(40)]
    length = rng.randint(150, 350)
    text = " ".join(rng.choice(theme) if rng.random() < 0.3 else rng.choice(words) for _ in range(length))
    event = ExtractedEvent(
        type=h["type"], country=h["country"], date=h["when"].date().isoformat(),
        actors=list(h["actors"]), targets=list(h["targets"]) if rng.random() < 0.8 else [],
        place=h["place"] if rng.random() < 0.8 else None,
        counts={"killed": h["killed"] + rng.randint(0, 5)} if rng.random() < 0.5 else {},
        evidence=text[:120],
    )
    extra = ExtractedEvent(type=rng.choice(TYPES), country=h["country"], date=when.date().isoformat(),
                           actors=[f"{h['country']}:government"])
    events = [event, extra] if rng.random() < 0.4 else [event]
    return _article(f"a{i}", text, lang, when, h["country"], events)


def _copy(rng: random.Random, original: EnrichedArticle, i: int, when: datetime) -> EnrichedArticle:
    words = original.text.split()
    cut = rng.randint(0, len(words) // 2)
    kept = words[:cut] + words[cut + len(words) // 8 :]  # one paragraph dropped
    text = " ".join(["syndicated", "opening", "line"] + kept + ["via", "wire"])
    return _article(f"a{i}", text, original.language, when, original.countries[0], list(original.events))


def _article(aid: str, text: str, lang: str, when: datetime, country: str, events: list[ExtractedEvent]):
    return EnrichedArticle(
        id=aid, url=f"https://{lang}.news.example/{aid}", title=aid, text=text,
        published_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"), language=lang,
        source=f"{lang}-{int(aid[1:]) % 17}.news.example", events=events, countries=[country],
    )


if __name__ == "__main__":
    print(json.dumps(bench_dedup(int(sys.argv[1]) if len(sys.argv) > 1 else 100000), indent=2))
