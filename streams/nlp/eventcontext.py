"""What the event extractor knows about one article while it reads it.

``ArticleContext`` holds the text and the finders' mentions (offsets into the
text), the article-level facts (main country, main place, dominant date,
dateline) and the running "incident date", so the helpers that date, place
and cast events (``eventdates``, ``eventplaces``, ``eventroles``) take one
argument instead of ten. Plain data, built by ``events.extract_events``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from streams.nlp.actors import ActorMention
from streams.nlp.fuzzy import fold
from streams.nlp.mentions import DateMention, PlaceMention


@dataclass
class ArticleContext:
    text: str
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
    #: where the body starts (after the dateline) and the day the story was filed
    lede: int = 0
    filed_date: date | None = None
    #: the date of the first deed (not speech) dated in its own sentence: the lede's incident
    incident_date: date | None = None
    #: the article is about a natural disaster
    disaster: bool = False


def between(items, start: int, end: int):
    return [x for x in items if x.start >= start and x.end <= end]


def nearest(items, pos: int):
    return min(items, key=lambda x: abs((x.start + x.end) // 2 - pos)) if items else None


def paragraph_index(text: str) -> list[int]:
    """For every character offset of ``text``, the number of its paragraph."""
    index = [0] * (len(text) + 1)
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)] + [len(index)]
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
