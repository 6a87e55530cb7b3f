"""Places told by where they lie from a known one: "in Nittambuwa, about 40 km from Colombo", "le
camp de Mugunga, à l'ouest de Goma", "près de Tassia, dans la région de Tillabéri", "di Desa X,
sekitar 20 km dari Wamena".

The town named first is the scene (the conventions' most precise place); the one after the distance
or direction is only the landmark it is measured from, and lends it its country. A small place the
gazetteer lacks is still a place there: a capitalised name after a locative ("in", "di", "près de")
and written in apposition to a distance or direction from a known town or province. The phrases are
places.json ``relative_places`` of each language (its grammar of distance and direction).
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.nlp.actors import ActorMention
from streams.nlp.fuzzy import fold
from streams.nlp.mentions import PlaceMention
from streams.nlp.textutil import alternation, load_data
from streams.nlp.triggers import lexicon
from streams.records import Location

#: characters before a landmark searched for the name and the distance or direction
REACH = 120
#: place kinds that may be a landmark: a country is too wide to lend a town its place
_LANDMARK_KINDS = ("city", "admin", "site")
#: kinds a town lies in when written before them with a word of ``within`` ("X, in the Gaza Strip")
_AREA_KINDS = ("admin", "site")
#: the most capitalised words a town's name has here
NAME_WORDS = 3
#: a capitalised word of a name
_WORD_RE = re.compile(r"[A-ZÀ-Þ][\w'’-]*")


@lru_cache(maxsize=None)
def _appositions(lang: str) -> tuple[re.Pattern, re.Pattern | None] | None:
    """(", about 40 km from ", ", à l'ouest de ": before any landmark; ", dans la ", ", en el estado ":
    before a province only), each ending where the landmark starts (on the folded text: lower case, no
    accents). A comma alone is no link: "Kampung X, Distrik Y" is coded at either level."""
    data = (load_data(lang, "places") or {}).get("relative_places")
    if not data:
        return None
    words = {k: [fold(w) for w in data.get(k, [])] for k in ("approximately", "units", "from", "directions", "within")}
    approx = rf"(?:(?:{alternation(words['approximately'])})\s*)?"
    distance = rf"\d[\d.,]*\s*(?:{alternation(words['units'])})\s+"
    link = rf"{distance}(?:{alternation(words['from'] + words['directions'])})|(?:{alternation(words['directions'])})"
    end = r"(?:\s+|(?<=['’]))$"
    within = re.compile(rf",\s*(?:{alternation(words['within'])}){end}") if words["within"] else None
    return re.compile(rf",\s*{approx}(?:{link}){end}"), within


@lru_cache(maxsize=None)
def _kind_words(lang: str) -> tuple[str, ...]:
    """Folded words that say what kind of place follows ("provinsi ", "desa ", "région de "; places.json
    ``prefixes``), each with its trailing space."""
    return tuple(fold(w) + " " for w in (load_data(lang, "places") or {}).get("prefixes", {}))


def _has_kind_word(lang: str, name: str) -> bool:
    return fold(name).startswith(_kind_words(lang))


def _province(lang: str, place: PlaceMention) -> bool:
    """An area (a province, a site), or a place the text calls by its kind ("dans la région de
    Tillabéri", "Distrik Hambantota")."""
    return place.kind in _AREA_KINDS or _has_kind_word(lang, place.surface)


@lru_cache(maxsize=None)
def _cue_words(lang: str) -> frozenset[str]:
    """Words after which a capitalised name is a place: places.json ``place_cues`` and the one-word
    locatives of events.json ("in", "di", "à"), with the last word of longer ones ("près de")."""
    cues = (load_data(lang, "places") or {}).get("place_cues", [])
    locatives = (load_data(lang, "events") or {}).get("locatives", [])
    return frozenset(fold(w) for w in cues) | frozenset(fold(w.split()[-1]) for w in locatives)


def _introduced_name(text: str, lang: str, comma: int) -> tuple[int, int] | None:
    """The span of the capitalised name ending at ``comma`` when a place cue or a locative stands
    right before it ("di Nittambuwa", "de Mugunga", "près de Tassia"), else None."""
    words = list(re.finditer(r"\S+", text[max(0, comma - 80):comma]))
    cues, offset = _cue_words(lang), max(0, comma - 80)
    name: list[re.Match] = []
    for w in reversed(words):
        if fold(w.group()) in cues or len(name) == NAME_WORDS or not _WORD_RE.fullmatch(w.group()):
            break
        name.insert(0, w)
    if not name or len(words) == len(name):
        return None
    before = words[len(words) - len(name) - 1].group()
    if fold(before) not in cues:
        return None
    return offset + name[0].start(), offset + name[-1].end()


def relative_places(text: str, lang: str, places: list[PlaceMention],
                    actors: list[ActorMention]) -> tuple[list[PlaceMention], frozenset[int]]:
    """(``places`` with the towns the text places by a landmark added, the starts of those landmarks).

    A landmark ("Colombo" in "Nittambuwa, 40 km from Colombo") is not the scene of what happened at
    the town measured from it; the town, when the gazetteer lacks it, gets the landmark's country."""
    patterns = _appositions(lang)
    if patterns is None:
        return places, frozenset()
    apart, within = patterns
    added: list[PlaceMention] = []
    landmarks: set[int] = set()
    for p in places:
        if p.kind not in _LANDMARK_KINDS:
            continue
        window = max(0, p.start - REACH)
        before = fold(text[window:p.start])
        link = apart.search(before)
        if link is None and within is not None and _province(lang, p) and not _listed_on(text, lang, p):
            link = within.search(before)  # "X, dans la région de Y", "X, en el estado Y"; not "in X, in Y and Z"
        if link is None:
            continue
        comma = window + link.start()
        if any(q.end == comma and q.kind in _LANDMARK_KINDS for q in places):
            if link.re is apart:
                landmarks.add(p.start)  # "in Gampaha, 25 km from Colombo": the known town is the scene
            continue  # "Malang, East Java": the finder's own "City, Region"
        span = _introduced_name(text, lang, comma)
        if span is None or any(a.start < span[1] and span[0] < a.end for a in actors) or any(
                q.start < span[1] and span[0] < q.end for q in places):
            continue  # no name, a person's or a body's, or a country's: not a town of its own
        surface = text[span[0]:span[1]]
        landmarks.add(p.start)
        name = _without_kind_word(lang, surface)
        added.append(PlaceMention(*span, surface, "city", Location(name, p.location.country), p.admin))
    if not added:
        return places, frozenset(landmarks)
    return sorted(places + added, key=lambda m: m.start), frozenset(landmarks)


@lru_cache(maxsize=None)
def _joiners(lang: str) -> frozenset[str]:
    """Words that join the items of a list ("and", "dan", "et"; places.json ``relative_places``)."""
    words = (load_data(lang, "places") or {}).get("relative_places", {}).get("list_joiners", [])
    return frozenset(fold(w) for w in words)


def _listed_on(text: str, lang: str, place: PlaceMention) -> bool:
    """The place is followed by "and", "dan", "et"... : one of a list ("in X, in Y and Z")."""
    after = text[place.end:place.end + 12].split()
    return bool(after) and fold(after[0]).strip(",") in _joiners(lang)


def _without_kind_word(lang: str, name: str) -> str:
    """The name without the kind word it starts with ("Desa Medamulana" -> "Medamulana"), as the
    gazetteer names "Kabupaten Malang" Malang."""
    folded = fold(name)
    kind = next((w for w in sorted(_kind_words(lang), key=len, reverse=True) if folded.startswith(w)), None)
    return name[len(kind):].strip() if kind and len(name) > len(kind) else name
