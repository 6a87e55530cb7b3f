"""A learned event/no-event filter on the rules' candidate events.

The rules of ``events.py`` over-produce on text they were not tuned on: history told as background,
habits and generic statements, event nouns used as topics, plans. Each event the rules keep is
described here by features that carry across languages (its type and mode, where its sentence stands
in the article, how its date was found and how far back it lies, how often the article mentions it,
whether an actor, a target, a place and a count were found, quotes and reporting verbs around it,
how many other events its sentence holds; what the lexicon says of its trigger phrase and which of
the lexicon's cue classes precede it in its sentence; how many events and trigger words of its type
the article holds, whether the lede names its type, whether an event of its type, country and date
was told before it) and scored by a logistic model whose weights are ``data/common/event_filter.json``;
an event scoring below the model's threshold is dropped. Lexical features are classes of the
language's data files, never words of the training sentences.

``kabar train-filter`` rebuilds that file (``streams/filtertrain.py``): the weights, the threshold
chosen by grouped cross-validation and the numbers it measured. The file says whether the filter
is on; ``KABAR_EVENT_FILTER`` (``on``/``off``) overrides it. It is off: cross-validated on tune and
eval/fresh it barely moves event F1 (the file's ``_doc`` and ``measured``). Everything here is pure:
the features are a function of the article's context and the merged candidates, so the agents and
``kabar eval`` run the same code.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_right
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterator

from streams.nlp.eventcontext import ArticleContext
from streams.nlp.eventmerge import Candidate
from streams.nlp.triggers import is_verbal, lexicon
from streams.nlp.textutil import load_data
from streams.records import Sentence

#: the model file in ``data/common``
MODEL_NAME = "event_filter"
#: environment variable that turns the filter on or off whatever the model file says
SWITCH = "KABAR_EVENT_FILTER"
#: days back from publication, as buckets of ``days_back=``
DAY_BUCKETS = (0, 1, 3, 7, 30)
#: sentence lengths (words), as buckets of ``words=``
LENGTH_BUCKETS = (12, 25, 40)
#: article lengths (sentences), as buckets of ``article_sentences=``
ARTICLE_BUCKETS = (5, 15, 30)
#: characters before a trigger where its cues are looked for (``near_<cue>``)
CUE_WINDOW = 60
#: the lexicon's word classes looked for before a trigger (``Lexicon`` fields, from ``data/<lang>/events.json``)
NEAR_CUES = ("negation", "conditional", "modal", "threat_modal", "unreal_modal", "vow", "announce", "purpose",
             "background", "after", "reporting", "report", "future")
#: the trigger's lexicon flags (``Trigger`` fields) carried as features ``trigger_<flag>``
TRIGGER_FLAGS = ("passive", "modal_ok", "anchor", "content", "needs_actor", "named_actor")

_DIGIT = re.compile(r"\d")

#: while set (by ``collecting``), every merged event and its features are appended here, unfiltered
_SINK: ContextVar[list | None] = ContextVar("event_filter_sink", default=None)


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float
    enabled: bool

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability that an event with these features is a real, fresh event."""
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


def model_from(data: dict | None) -> Model | None:
    """The model of a decoded model file (``None`` without one)."""
    if not data or "weights" not in data:
        return None
    return Model(bias=float(data.get("bias", 0.0)), weights={k: float(v) for k, v in data["weights"].items()},
                 threshold=float(data.get("threshold", 0.0)), enabled=bool(data.get("enabled", False)))


@lru_cache(maxsize=1)
def load_model() -> Model | None:
    return model_from(load_data("common", MODEL_NAME))


def active_model() -> Model | None:
    """The model when the filter is on (the model file's ``enabled``, unless ``KABAR_EVENT_FILTER`` says)."""
    model = load_model()
    switch = os.environ.get(SWITCH, "").strip().lower()
    if model is None or switch == "off":
        return None
    return model if model.enabled or switch == "on" else None


@contextmanager
def collecting() -> Iterator[list]:
    """Within the block, ``extract_events`` keeps every event and appends ``(event, features)``
    to the list yielded: what ``kabar train-filter`` learns from."""
    sink: list = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def _bucket(value: float, bounds: tuple[int, ...]) -> str:
    """The bucket of ``value``: ``<=b`` for the first bound it does not exceed, else ``>last``."""
    return next((f"<={b}" for b in bounds if value <= b), f">{bounds[-1]}")


def _sentence_of(sentences: list[Sentence], starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1) if sentences else 0


def trigger_features(ctx: ArticleContext, c: Candidate, sent: Sentence) -> dict[str, float]:
    """What the lexicon says of the phrase at the candidate's trigger: its length in words and
    its flags (``trigger=none`` when no phrase starts there: an event implied by another); and
    which of the lexicon's cue classes stand in its sentence's words before it (``near_<cue>``)."""
    lex = lexicon(ctx.lang)
    found = [(a, b, t) for a, b, t in lex.index.find(ctx.folded[c.pos:sent.end]) if a == 0 and t.type]
    f: dict[str, float] = {}
    if found:
        _, end, trigger = found[0]
        f[f"trigger_words={min(len(ctx.folded[c.pos:c.pos + end].split()), 3)}"] = 1.0
        f.update({f"trigger_{flag}": 1.0 for flag in TRIGGER_FLAGS if getattr(trigger, flag)})
    else:
        f["trigger=none"] = 1.0
    before = ctx.folded[max(sent.start, c.pos - CUE_WINDOW):c.pos]
    for cue in NEAR_CUES:
        pattern = getattr(lex, cue)
        if pattern is not None and pattern.search(before):
            f[f"near_{cue}"] = 1.0
    return f


@dataclass(frozen=True)
class ArticleTally:
    """What the article as a whole says of its events: how many merged events each sentence
    (by index) and each type hold, how often the lexicon's triggers of each type occur in the
    text, the types of the lede sentence's triggers, and how often each country's places are named."""
    per_sentence: dict[int, int]
    type_events: Counter
    type_mentions: Counter
    lede_types: frozenset[str]
    country_places: Counter


def article_tally(ctx: ArticleContext, merged: list[Candidate], sentences: list[Sentence],
                  starts: list[int]) -> ArticleTally:
    hits = [(a, t.type) for a, _, t in lexicon(ctx.lang).index.find(ctx.folded) if t.type]
    lede = sentences[_sentence_of(sentences, starts, ctx.lede)] if sentences else Sentence(0, len(ctx.text))
    return ArticleTally(
        per_sentence=Counter(_sentence_of(sentences, starts, c.pos) for c in merged),
        type_events=Counter(c.event.type for c in merged),
        type_mentions=Counter(kind for _, kind in hits),
        lede_types=frozenset(kind for a, kind in hits if lede.start <= a < lede.end),
        country_places=Counter(p.location.country for p in ctx.places if p.location.country),
    )


def candidate_features(ctx: ArticleContext, c: Candidate, sentences: list[Sentence], starts: list[int],
                       tally: ArticleTally, same_type_before: int = 0, told_before: bool = False) -> dict[str, float]:
    """The features of one merged candidate ``c``; ``starts``: the sentences' starts, ``tally``:
    the article's counts, ``same_type_before``: how many events of its type and country the
    article told before it (not merged with it: another date, place or actor, or a second telling
    of the same one), ``told_before``: one of them had its date too (a second telling the merge
    kept apart)."""
    e = c.event
    index = _sentence_of(sentences, starts, c.pos)
    sent = sentences[index] if sentences else Sentence(0, len(ctx.text))
    folded = ctx.folded[sent.start:sent.end]
    paragraph = ctx.paragraph_of[min(c.pos, len(ctx.paragraph_of) - 1)] if ctx.paragraph_of else 0
    lede_paragraph = ctx.paragraph_of[min(ctx.lede, len(ctx.paragraph_of) - 1)] if ctx.paragraph_of else 0
    days = (ctx.today - date.fromisoformat(e.date)).days if e.date else None
    lex = lexicon(ctx.lang)
    words = len(folded.split())
    f = {
        f"type={e.type}": 1.0,
        f"lang={ctx.lang}": 1.0,
        "verbal": float(is_verbal(e.type)),
        "first_sentence": float(index == 0),
        "sentence_rank": min(index, 20) / 20,
        "sentence_rel": index / max(1, len(sentences) - 1),
        f"paragraph={min(paragraph - lede_paragraph, 3)}": 1.0,
        f"date_rank={c.date_rank}": 1.0,
        "days_back=" + ("none" if days is None else "future" if days < 0 else _bucket(days, DAY_BUCKETS)): 1.0,
        "mentions": math.log2(c.mentions),
        "explicit_actor": float(c.explicit_actor),
        "default_target": float(c.default_target),
        "has_place": float(e.place is not None),
        "place_inherited": float(c.place_inherited),
        "has_counts": float(bool(e.counts)),
        "casualty": float(c.casualty),
        "no_country": float(e.country is None),
        "primary_country": float(e.country is not None and e.country == ctx.primary_country),
        "in_quote": float(any(a < c.pos < b for a, b in ctx.quotes)),
        "sentence_quoted": float(any(a < sent.end and sent.start < b for a, b in ctx.quotes)),
        "reporting": float(bool(lex.reporting and lex.reporting.search(folded))),
        "report": float(bool(lex.report and lex.report.search(folded))),
        "modal": float(bool(lex.modal and lex.modal.search(folded))),
        "digits": float(_DIGIT.search(folded) is not None),
        "question": float(folded.rstrip().endswith("?")),
        f"words={_bucket(words, LENGTH_BUCKETS)}": 1.0,
        f"sentence_events={min(tally.per_sentence.get(index, 1), 3)}": 1.0,
        "disaster_story": float(ctx.disaster),
        f"same_type_before={min(same_type_before, 2)}": 1.0,
        "article_events": math.log2(1 + sum(tally.type_events.values())),
        "event_sentences_share": len(tally.per_sentence) / max(1, len(sentences)),
        f"article_sentences={_bucket(len(sentences), ARTICLE_BUCKETS)}": 1.0,
        f"mode={e.mode}": float(e.mode is not None),
        "told_before": float(told_before),
        "type_events": math.log2(tally.type_events[e.type]),
        "type_mentions": math.log2(1 + tally.type_mentions[e.type]),
        "type_in_lede": float(e.type in tally.lede_types),
        "country_share": tally.country_places[e.country] / max(1, sum(tally.country_places.values())),
        "has_target": float(bool(e.targets) and not c.default_target),
        "place_wide": float(c.place_wide),
        "needs_count": float(c.needs_count),
        "incident_date": float(e.date is not None and e.date == str(ctx.incident_date)),
        "dominant_date": float(e.date is not None and e.date == str(ctx.dominant_date)),
        **trigger_features(ctx, c, sent),
    }
    # a sentence after the lede's paragraph with no date of its own and no source: it may tell background
    f["background"] = float(paragraph > lede_paragraph and c.date_rank != 0 and not f["report"] and not f["reporting"])
    return {k: v for k, v in f.items() if v}


def filtered(ctx: ArticleContext, merged: list[Candidate], sentences: list[Sentence]) -> list[Candidate]:
    """The merged candidates the filter keeps (all of them when it is off); while ``collecting``,
    all of them, each recorded with its features."""
    sink = _SINK.get()
    model = None if sink is not None else active_model()
    if not merged or (sink is None and model is None):
        return merged
    starts = [s.start for s in sentences]
    tally = article_tally(ctx, merged, sentences, starts)
    told: Counter = Counter()
    dated: set[tuple] = set()
    features = []
    for c in merged:
        kind, when = (c.event.type, c.event.country), (c.event.type, c.event.country, c.event.date)
        features.append(candidate_features(ctx, c, sentences, starts, tally, told[kind], when in dated))
        told[kind] += 1
        dated.add(when)
    if sink is not None:
        sink.extend((c.event, f) for c, f in zip(merged, features))
        return merged
    return [c for c, f in zip(merged, features) if model.keeps(f)]
