"""A toll the sentence splits by place is one event per place, each with its part.

"Ten people were killed on Tuesday: eight in Guayaquil, in attacks blamed on gangs, and two
police officers in Nobol" tells two attacks; the coding conventions split a toll by place. The
parts follow a colon, each a figure with a place of the event's country a few words after it,
and they add up to the whole: that sum is what tells a breakdown from any other figures after a
colon.
"""

from __future__ import annotations

from dataclasses import replace

import msgspec

from streams.nlp.eventcontext import ArticleContext, between
from streams.nlp.eventmerge import Candidate
from streams.nlp.mentions import CountMention, PlaceMention
from streams.nlp.numbers import find_numbers
from streams.records import Location

#: characters at most between a part's figure and its place, and before the next figure ("dos policías que
#: fueron asesinados por delincuentes armados en el cantón Nobol")
PLACE_REACH = 100


def split_by_place(ctx: ArticleContext, made: list[Candidate], given: list[CountMention], sent_start: int,
                   sentence: str) -> list[Candidate]:
    """The events of ``made`` whose one count is a whole the sentence splits by place after a colon,
    given the first part (count and place), and a copy of each for the other parts."""
    copies = []
    for c in made:
        if len(c.event.counts) != 1:
            continue
        (kind, total), = c.event.counts.items()
        whole = next((m for m in given if (m.kind, m.value) == (kind, total) and not m.vague), None)
        colon = sentence.find(":", whole.end - sent_start) if whole is not None else -1
        if colon < 0:
            continue
        parts = _parts(ctx, sentence, sent_start, colon, c.event.country)
        if len(parts) < 2 or sum(value for value, _ in parts) != total:
            continue
        (first, place), *rest = parts
        _at(c, place, {kind: first})
        for value, place in rest:
            copy = replace(c, event=msgspec.structs.replace(c.event, actors=list(c.event.actors),
                                                            targets=list(c.event.targets)))
            copies.append(_at(copy, place, {kind: value}))
    return copies


def _parts(ctx: ArticleContext, sentence: str, sent_start: int, colon: int,
           country: str | None) -> list[tuple[int, PlaceMention]]:
    """(figure, place) of each part after the colon: a figure and the first place of ``country``
    in the few characters after it, before the next figure."""
    numbers = [n for n in find_numbers(sentence[colon:], ctx.lang) if n.integer and not n.vague and n.value > 0]
    parts = []
    for i, n in enumerate(numbers):
        lo = sent_start + colon + n.end
        hi = min(lo + PLACE_REACH, sent_start + colon + numbers[i + 1].start if i + 1 < len(numbers) else len(ctx.text))
        place = next((p for p in between(ctx.places, lo, hi) if p.kind in ("city", "admin", "site")
                      and p.location.country == country), None)
        if place is not None:
            parts.append((int(n.value), place))
    return parts


def _at(c: Candidate, place: PlaceMention, counts: dict[str, int]) -> Candidate:
    loc = place.location
    c.event.place = loc.name
    c.event.location = Location(loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id)
    c.event.counts = counts
    c.pos, c.place_kind, c.place_inherited = place.start, place.kind, False
    return c
