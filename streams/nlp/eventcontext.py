"""What the event extractor knows about one article while it reads it.

``ArticleContext`` holds the text and the finders' mentions (offsets into the
text), the article-level facts (main country, main place, dominant date,
dateline) and the running "incident date", so the helpers that date, place
and cast events (``eventdates``, ``eventplaces``, ``eventroles``) take one
argument instead of ten. Plain data, built by ``events.extract_events``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from streams.nlp.actors import ActorMention
from streams.nlp.fuzzy import fold
from streams.nlp.mentions import DateMention, PlaceMention


@dataclass
class ArticleContext:
    text: str
    #: ``fold(text)``: folding keeps offsets, so a span of it is the fold of that span of the text
    folded: str
    lang: str
    today: date
    places: list[PlaceMention]
    dates: list[DateMention]
    actors: list[ActorMention]
    primary_country: str | None
    dominant_date: date
    #: the most mentioned place of the primary country, and of the whole article (dateline included)
    dominant_place: PlaceMention | None
    scene: PlaceMention | None
    paragraph_of: list[int]
    quotes: list[tuple[int, int]]
    #: where the body starts (after the dateline) and the day the dateline says the story was filed
    #: (None when it gives no date)
    lede: int = 0
    filed_date: date | None = None
    #: the towns of the dateline ("CAIRO/KHARTOUM, April 20 - ": Cairo, Khartoum; ``eventplaces.dateline_towns``)
    filed_towns: list[PlaceMention] = field(default_factory=list)
    #: starts of the places a town is measured from ("40 km from Colombo"; ``relplaces``): no scene
    landmarks: frozenset[int] = frozenset()
    #: the date of the first deed (not speech) dated in its own sentence: the lede's incident
    incident_date: date | None = None
    #: the article is about a natural disaster
    disaster: bool = False
    #: the lede's paragraph told an accident or a disaster and no deliberate attack ("a tank at the plant
    #: exploded"): set while its sentences are read (``events._lede_mishap``)
    mishap_lede: bool = False
    #: whether the date mention at an offset tells when something was said (``eventdates``)
    report_dates: dict[int, bool] = field(default_factory=dict)
    #: whether the place mention at an offset follows "in", "di", "en"... (``eventplaces``)
    after_locative: dict[int, bool] = field(default_factory=dict)
    #: national capitals the trust filter left out (``eventplaces.untrusted_capitals``): subjects and
    #: objects of speech acts only ("accused Moscow of"), never where an event happened
    capitals: list[PlaceMention] = field(default_factory=list)
    #: every trigger found in a sentence (by the sentence's start), before any is dropped: what a
    #: statement judges stays among them (``eventdates``)
    found_hits: dict[int, list] = field(default_factory=dict)
    #: whether a clause (span) says its event covers the whole country (``eventplaces``)
    nationwide: dict[tuple[int, int], bool] = field(default_factory=dict)


class Spans(list):
    """Mentions sorted by start (each ending at or after its start), with their starts at hand,
    so ``between`` looks at the few that can lie in a span instead of all of them."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.starts = [x.start for x in self]


def spans(items) -> list:
    """``items`` as ``Spans`` when sorted by start, else as they are (``between`` reads both)."""
    found = Spans(items)
    ordered = all(a <= b for a, b in zip(found.starts, found.starts[1:]))
    return found if ordered and all(x.end >= x.start for x in found) else items


def between(items, start: int, end: int):
    """The items that lie within ``start``..``end``, in order (a ``Spans`` list is bisected)."""
    if isinstance(items, Spans):
        lo = bisect_left(items.starts, start)
        hi = bisect_right(items.starts, end, lo)
        return [x for x in items[lo:hi] if x.end <= end] if hi > lo else []
    return [x for x in items if x.start >= start and x.end <= end]


def nearest(items, pos: int):
    return min(items, key=lambda x: abs((x.start + x.end) // 2 - pos)) if items else None


_PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")


def paragraph_index(text: str) -> list[int]:
    """For every character offset of ``text``, the number of its paragraph."""
    index = [0] * (len(text) + 1)
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK_RE.finditer(text)] + [len(index)]
    for i, (a, b) in enumerate(zip(starts, starts[1:])):
        index[a:b] = [i] * (b - a)
    return index


#: characters before a position read for its last few words (all of them if too few words fit)
WINDOW_CHARS = 200


def window_words(sentence: str, end: int, size: int) -> str:
    """The last ``size`` folded words before ``end``, spaced (" kata polisi ")."""
    start = max(0, end - WINDOW_CHARS)
    words = fold(sentence[start:end]).split()
    if start and len(words) <= size:  # the cut may split the first word: read the whole prefix
        words = fold(sentence[:end]).split()
    return " " + " ".join(words[-size:]) + " "
