"""Trigger words: where a sentence says that something happened, and what.

``data/<lang>/events.json`` lists trigger phrases with their PLOVER type and
mode, default actor and target sectors, and the words that cancel a trigger
in its sentence: modals and negation just before it ("will attack", "tidak
menyerang"), conditionals ("if", "jika"), cumulative tolls ("since the coup",
"sejak"), and football vocabulary for triggers that are also match-report
words ("serangan", "tembakan"). ``find_triggers`` applies all of them and
returns the surviving triggers of one sentence with their offsets.

Type-level facts (CAMEO root code, the count kinds an event may carry, which
types are speech acts) come from ``data/common/plover.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from streams.nlp.fuzzy import fold
from streams.nlp.textutil import load_data

#: words before a trigger searched for a modal or a negation
MODAL_WINDOW = 4


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    actor: str
    target: str
    passive: bool = False
    sports: bool = False
    modal_ok: bool = False
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    trigger: Trigger


@dataclass(frozen=True)
class Lexicon:
    pattern: re.Pattern | None
    #: folded phrase -> trigger ('*' phrases are kept in ``prefixes``)
    exact: dict[str, Trigger]
    prefixes: tuple[tuple[str, Trigger], ...]
    modal: re.Pattern | None
    negation: re.Pattern | None
    conditional: re.Pattern | None
    cumulative: re.Pattern | None
    sports: re.Pattern | None
    clause_breaks: tuple[str, ...]


def _words_pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    alternation = "|".join(re.escape(fold(w)) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The compiled trigger lexicon of ``lang`` (empty when the language has none)."""
    data = load_data(lang, "events") or {}
    exact: dict[str, Trigger] = {}
    prefixes: list[tuple[str, Trigger]] = []
    alternatives: list[str] = []
    for entry in data.get("triggers", []):
        trigger = Trigger(
            type=entry["type"], mode=entry.get("mode"), actor=entry.get("actor", ""),
            target=entry.get("target", ""), passive=bool(entry.get("passive")),
            sports=bool(entry.get("sports")), modal_ok=bool(entry.get("modal_ok")),
            requires=tuple(fold(w) for w in entry.get("requires", ())),
        )
        for phrase in entry["p"]:
            phrase = fold(phrase)
            if phrase.endswith("*"):
                prefixes.append((phrase[:-1], trigger))
                alternatives.append(re.escape(phrase[:-1]) + r"\w*")
            else:
                exact.setdefault(phrase, trigger)
                alternatives.append(re.escape(phrase))
    alternatives.sort(key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None
    return Lexicon(
        pattern=pattern, exact=exact, prefixes=tuple(sorted(prefixes, key=lambda p: -len(p[0]))),
        modal=_words_pattern(data.get("modal", [])),
        negation=_words_pattern(data.get("negation", [])),
        conditional=_words_pattern(data.get("conditional", [])),
        cumulative=_words_pattern(data.get("cumulative", [])),
        sports=_words_pattern(data.get("sports", [])),
        clause_breaks=tuple(fold(b) for b in data.get("clause_breaks", [])),
    )


@lru_cache(maxsize=1)
def plover() -> dict:
    return load_data("common", "plover") or {"types": {}, "count_kinds": {}, "verbal_types": []}


def cameo_root(event_type: str) -> str | None:
    return plover()["types"].get(event_type, {}).get("cameo")


def count_kinds(event_type: str, mode: str | None) -> tuple[str, ...]:
    """The count fields an event of this type and mode may carry."""
    kinds = plover()["count_kinds"]
    return tuple(kinds.get(f"{event_type}/{mode}", kinds.get(event_type, ())))


def is_verbal(event_type: str) -> bool:
    """Speech acts (accusing, requesting...) are located with their speaker."""
    return event_type in plover()["verbal_types"]


def _resolve(lex: Lexicon, phrase: str) -> Trigger | None:
    found = lex.exact.get(phrase)
    if found is not None:
        return found
    for prefix, trigger in lex.prefixes:
        if phrase.startswith(prefix):
            return trigger
    return None


def _window_before(folded: str, start: int) -> str:
    words = folded[:start].split()
    return " ".join(words[-MODAL_WINDOW:]) + " "


def clauses(folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Clause spans of a folded sentence, split at the language's clause breaks."""
    cuts = {0, len(folded)}
    for b in lex.clause_breaks:
        i = folded.find(b)
        while i >= 0:
            cuts.add(i)
            i = folded.find(b, i + 1)
    points = sorted(cuts)
    return [(a, b) for a, b in zip(points, points[1:]) if b > a]


def find_triggers(sentence: str, lang: str) -> list[TriggerHit]:
    """Triggers of one sentence that survive the modal, negation, conditional and sports filters.

    Offsets are into ``sentence``. Folding keeps string length for the Latin
    scripts we serve, so offsets into the folded text are offsets into the
    sentence; if it does not (rare ligatures), no trigger is returned.
    """
    lex = lexicon(lang)
    if lex.pattern is None:
        return []
    folded = fold(sentence)
    if len(folded) != len(sentence):
        return []
    sporty = bool(lex.sports and lex.sports.search(folded))
    hits: list[TriggerHit] = []
    for m in lex.pattern.finditer(folded):
        trigger = _resolve(lex, m.group())
        if trigger is None:
            continue
        if trigger.sports and sporty:
            continue
        if trigger.requires and not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded) for w in trigger.requires):
            continue
        before = _window_before(folded, m.start())
        if not trigger.modal_ok:
            if lex.modal and lex.modal.search(before):
                continue
            if lex.conditional and lex.conditional.search(folded[: m.start()]):
                continue
        if lex.negation and lex.negation.search(before) and trigger.type != "REJECT":
            continue
        hits.append(TriggerHit(m.start(), m.end(), trigger))
    return hits


def is_cumulative(sentence: str, lang: str) -> bool:
    """True when the sentence gives a running total ("since the coup", "sejak")."""
    lex = lexicon(lang)
    return bool(lex.cumulative and lex.cumulative.search(fold(sentence)))
