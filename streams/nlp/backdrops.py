"""Acts named as the backdrop or time frame of a sentence's main act.

A deed noun governed by a preposition of setting ("amid protests", "during the clashes", "di tengah
gelombang penolakan", "durante las protestas", "lors des perquisitions") tells when or against what the
sentence's own act happened. It is no new event when the article told an act of its type before, nor past
the lede's paragraph in a sentence with no date of its own; so is one after a span of days or a week
("after a week of unrest"). A span of weeks or more in front of it ("after months of investigation",
"tras semanas de protestas", "setelah berbulan-bulan demo") spreads it over the time before the sentence's
act, so it is never an act of that day (the cut follows events.json ``days_after_markers`` and
``long_after_markers``). The words are data (events.json ``backdrop_markers``, ``backdrop_spans``,
``backdrop_long_spans``); ``events.py`` decides with the article's dates and earlier events.
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.nlp.fuzzy import fold
from streams.nlp.textutil import alternation, load_data
from streams.nlp.triggers import TriggerHit, clauses, lexicon

#: words at most between a backdrop marker (or span) and the deed noun it governs ("amid a wave of protests")
BACKDROP_REACH = 3
#: what parts two words: spaces, or nothing after an elided article ("au milieu d'une vague")
_GAP = r"(?:\s+|(?<='))"
#: words at most between a preposition of time and the span after it ("after two weeks of")
SPAN_FILLERS = 1


@lru_cache(maxsize=None)
def _phrases_re(lang: str, key: str) -> str | None:
    """The phrases of an events.json list as one alternation of whole words, or None."""
    words = [fold(w) for w in (load_data(lang, "events") or {}).get(key, [])]
    return rf"(?<![\w'-])(?:{alternation(words)})(?:(?<=')|(?![\w-]))" if words else None


@lru_cache(maxsize=None)
def _backdrop_re(lang: str, spans_key: str | None) -> re.Pattern | None:
    """Ending the text: a preposition of setting (``backdrop_markers``) and at most ``BACKDROP_REACH``
    words; with ``spans_key``, a preposition of setting or time (``backdrop_markers``, ``after_markers``),
    at most ``SPAN_FILLERS`` words, a span of that events.json list and at most ``BACKDROP_REACH`` words."""
    markers = _phrases_re(lang, "backdrop_markers")
    tail = rf"(?:{_GAP}[^\s,;:]+){{0,{BACKDROP_REACH}}}\s*$"
    if spans_key is None:
        return re.compile(markers + tail) if markers else None
    spans = _phrases_re(lang, spans_key)
    preps = [p for p in (markers, _phrases_re(lang, "after_markers")) if p]
    if spans is None or not preps:
        return None
    return re.compile(rf"(?:{'|'.join(preps)})(?:{_GAP}[^\s,;:]+){{0,{SPAN_FILLERS}}}{_GAP}{spans}{tail}")


def _clause_before(folded: str, hit: TriggerHit, lang: str) -> str:
    """The folded text of the trigger's clause up to the trigger."""
    start = next((a for a, b in clauses(folded, lexicon(lang)) if a <= hit.start < b), 0)
    return folded[start:hit.start]


def _governed(folded: str, hit: TriggerHit, lang: str, spans_key: str | None) -> bool:
    pattern = _backdrop_re(lang, spans_key)
    return bool(pattern and pattern.search(_clause_before(folded, hit, lang)))


def in_backdrop(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a deed noun a preposition of setting governs in its clause ("amid protests", "lors des
    perquisitions", "di tengah gelombang penolakan"), or one after a span of days or a week ("after days of
    clashes", "tras una semana de protestas")."""
    return _governed(folded, hit, lang, None) or _governed(folded, hit, lang, "backdrop_spans")


def in_span_backdrop(folded: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a deed noun after a span of weeks or more that a preposition of setting or time
    governs ("after months of investigation", "tras semanas de protestas", "setelah berbulan-bulan demo"):
    spread over the time before the sentence's act."""
    return _governed(folded, hit, lang, "backdrop_long_spans")
