"""Find countries, regions and cities named in a text, geocoded offline.

``find_places`` walks the text's word tokens once and looks up n-grams of
folded tokens (longest first) in the gazetteer (``gazetteer.py``), so the
cost is a few dict hits per word whatever the number of names. Mentions
never overlap: the longest name at a position wins ("Kabupaten Malang" over
"Malang"), and a longer common phrase ("Washington Post") blocks its parts.

A name that fits several places is resolved with the rest of the text:

1. a kind word next to it decides the kind ("Provinsi Papua", "Washington state");
2. "City, Region" or "City, Country" keeps the city of that region or country;
3. countries named unambiguously elsewhere in the text are the context: a place
   in a context country beats one outside it ("Georgia" in a US story is the
   state, "Santiago" in a Chilean story is Santiago de Chile);
4. then a place's own name beats an alternate name, and a bigger place (a
   region counts as 100,000 people) beats a smaller one.

Villages and towns under ``MAJOR_CITY`` people are accepted only when their
country is in the context. A capitalised word of 7+ letters with no match is
tried against long country, region and big-city names with one typo
("Kazakhtan" -> Kazakhstan); shorter words are never matched fuzzily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import (
    CASE_ANY,
    CASE_UPPER,
    FUZZY_MIN_LEN,
    MAJOR_CITY,
    Entry,
    LanguageIndex,
    country_places,
    key_of,
    language_index,
    supported_languages,
    tokens,
    world_index,
)
from streams.nlp.mentions import PlaceMention
from streams.records import Location

#: what may stand between two words of one name ("Nagorno-Karabakh", "U.S.", "Côte d'Ivoire")
_JOINER_RE = re.compile(r"[ \t\u00a0]?[-.'’]?[ \t\u00a0]?")
#: a region or site ranks like a city of this many people
_REGION_WEIGHT = 100000


@dataclass
class _Match:
    start: int
    end: int
    first: int  # index of the first token
    last: int  # index past the last token
    entries: list[Entry]
    hint: str | None = None


def _joined(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """True when tokens i..j-1 are written as one name (no comma, no line break between)."""
    return all(_JOINER_RE.fullmatch(text[toks[k][1] : toks[k + 1][0]]) for k in range(i, j - 1))


def _case_ok(entry: Entry, surfaces: list[str]) -> bool:
    if entry.case == CASE_ANY:
        return True
    if entry.case == CASE_UPPER:
        return all(s.isupper() for s in surfaces)
    return surfaces[0][:1].isupper() and surfaces[-1][:1].isupper()


def _lookup(lx: LanguageIndex, key: str, surfaces: list[str]) -> list[Entry]:
    found = list(lx.countries.get(key, ()))
    if key not in lx.common_words:
        found.extend(world_index().get(key, ()))
    return [e for e in found if _case_ok(e, surfaces)]


def _fuzzy(lx: LanguageIndex, folded: str, surface: str) -> list[Entry]:
    if len(folded) < FUZZY_MIN_LEN or not surface[:1].isupper() or folded in lx.common_words:
        return []
    keys = lx.fuzzy.near(folded)
    entries = [e for k in keys for e in _lookup(lx, k, [surface]) if not e.alternate]
    return entries if len({e.place for e in entries}) == 1 else []


def _hint(lx: LanguageIndex, text: str, toks, folded: list[str], m: _Match, taken: int) -> None:
    """Attach a prefix ("Provinsi") or suffix ("province") kind word to the match."""
    for n in (2, 1):
        i = m.first - n
        if i >= taken and _joined(text, toks, i, m.first + 1) and " ".join(folded[i : m.first]) in lx.prefixes:
            m.hint = lx.prefixes[" ".join(folded[i : m.first])]
            m.start, m.first = toks[i][0], i
            return
    j = m.last
    if j < len(toks) and _joined(text, toks, j - 1, j + 1) and folded[j] in lx.suffixes:
        m.hint = lx.suffixes[folded[j]]
        m.end, m.last = toks[j][1], j + 1


def _scan(text: str, lx: LanguageIndex) -> list[_Match]:
    toks = tokens(text)
    folded = [fold(t[2]) for t in toks]
    matches: list[_Match] = []
    i, taken = 0, 0
    while i < len(toks):
        found = None
        for n in range(min(lx.max_tokens, len(toks) - i), 0, -1):
            if n > 1 and not _joined(text, toks, i, i + n):
                continue
            key = " ".join(folded[i : i + n])
            if n > 1 and key in lx.common_words:
                found = _Match(0, 0, i, i + n, [])
                break
            entries = _lookup(lx, key, [t[2] for t in toks[i : i + n]])
            if entries:
                found = _Match(toks[i][0], toks[i + n - 1][1], i, i + n, entries)
                break
        if found is None:
            entries = _fuzzy(lx, folded[i], toks[i][2])
            if entries:
                found = _Match(toks[i][0], toks[i][1], i, i + 1, entries)
        if found is None:
            i += 1
            continue
        if found.entries:
            _hint(lx, text, toks, folded, found, taken)
            matches.append(found)
        i = taken = found.last
    return matches


def _major(entry: Entry) -> bool:
    return entry.place.kind != "city" or entry.place.population >= MAJOR_CITY


def _context(matches: list[_Match]) -> set[str]:
    """Countries of the mentions that can only mean one country."""
    found = set()
    for m in matches:
        countries = {e.place.country for e in m.entries if _major(e)}
        if len(countries) == 1:
            found |= countries
    return found


def _weight(entry: Entry) -> int:
    return entry.place.population if entry.place.kind == "city" else _REGION_WEIGHT


def _resolve(m: _Match, context: set[str], near: Entry | None) -> Entry | None:
    entries = m.entries
    if m.hint and any(e.place.kind == m.hint for e in entries):
        entries = [e for e in entries if e.place.kind == m.hint]
    if near is not None:
        same = [
            e
            for e in entries
            if e.place.country == near.place.country
            and (near.place.kind != "admin" or near.place.admin in (None, e.place.admin))
        ]
        if same:
            return max(same, key=lambda e: (not e.alternate, _weight(e)))
    countries = [e for e in entries if e.place.kind == "country"]
    others = [e for e in entries if e.place.kind != "country" and (_major(e) or e.place.country in context)]
    if countries:
        in_context = [e for e in others if e.place.country in context]
        if not in_context or any(c.place.country in context for c in countries):
            return countries[0]
        others = in_context
    if not others:
        return None
    return max(others, key=lambda e: (e.place.country in context, not e.alternate, _weight(e)))


def _followed_by_comma(text: str, a: _Match, b: _Match) -> bool:
    return re.fullmatch(r",\s?", text[a.end : b.start]) is not None


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """Every country, region and city named in ``text``, in order, without overlaps."""
    if not text or not isinstance(text, str):
        return []
    lx = language_index(lang or "en")
    matches = _scan(text, lx)
    context = _context(matches)
    chosen: list[Entry | None] = [None] * len(matches)
    # resolve right to left so "Wilmington, Delaware" can use Delaware's answer
    for k in range(len(matches) - 1, -1, -1):
        near = None
        if k + 1 < len(matches) and chosen[k + 1] is not None and _followed_by_comma(text, matches[k], matches[k + 1]):
            near = chosen[k + 1]
        chosen[k] = _resolve(matches[k], context, near)
    mentions = []
    for m, entry in zip(matches, chosen):
        if entry is None:
            continue
        p = entry.place
        location = Location(p.name, p.country, p.lat, p.lon, p.geonames_id)
        mentions.append(PlaceMention(m.start, m.end, text[m.start : m.end], p.kind, location))
    return mentions


def lookup_country(name: str, lang: str | None = None) -> str | None:
    """ISO alpha-2 code of a country name or demonym in ``lang`` (any supported language if None)."""
    if not name or not isinstance(name, str):
        return None
    surfaces = [t[2] for t in tokens(name)]
    if not surfaces:
        return None
    key = key_of(name)
    langs = [lang] if lang else ["en", *supported_languages()]
    for lx in map(language_index, langs):
        codes = {e.place.country for e in lx.countries.get(key, ()) if _case_ok(e, surfaces)}
        if len(codes) == 1:
            return codes.pop()
    if len(surfaces) == 1:
        for lx in map(language_index, langs):
            codes = {e.place.country for e in _fuzzy(lx, key, surfaces[0]) if e.place.kind == "country"}
            if len(codes) == 1:
                return codes.pop()
    code = name.strip().upper()
    return code if len(code) == 2 and code in country_places() else None


def country_name(code: str) -> str:
    """Usual English name of an ISO alpha-2 country code (the code itself if unknown)."""
    place = country_places().get((code or "").upper())
    return place.name if place else code
