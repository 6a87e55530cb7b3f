"""Find countries, regions and cities named in a text, geocoded offline.

``find_places`` walks the text's word tokens once and looks up n-grams of
folded tokens (longest first) in the gazetteer (``gazetteer.py``), so the
cost is a few dict hits per capitalised word whatever the number of names
(lower-case words are skipped at once unless a lower-case name such as
"rusos" starts with them). Mentions never overlap: the longest name at a
position wins ("Kabupaten Malang" over "Malang"), and a longer common phrase
("White House") blocks its parts.

A name that fits several places is resolved with the rest of the text:

1. a kind word next to it decides the kind ("Provinsi Papua", "Washington state");
2. "City, Region" or "City, Country" keeps the city of that region or country;
3. countries named unambiguously elsewhere in the text (by country and region
   names and cities of ``CONTEXT_CITY`` people) are the context: a place in a
   context country beats one outside it ("Georgia" in a US story is the
   state, "Santiago" in a Chilean story is Santiago de Chile), except that a
   metropolis of ``BIG_CITY`` people beats small namesakes anywhere;
4. then a place's own name beats an alternate name, and a bigger place (a
   region counts as 100,000 people) beats a smaller one.

What is not taken for a place:

- towns outside the context countries under ``CONTEXT_CITY`` people (one-word
  names) or ``MAJOR_CITY`` (longer names); inside them any town of the
  gazetteer counts ("Beoga" in a Papua story);
- one-word towns of three letters or less ("Al", "Lo") unless a metropolis;
- words of the language that are also town names, its month and weekday
  names ("Harian", "Police", "Juli"), listed in the data files;
- a one-word town in a run of capitalised words, taken for a person's name
  ("Vladimir Putin", "Evo Morales"), unless a kind word such as "Distrik"
  stands there or the text also writes the town after a place word ("in
  Malang", "di Pahalgam": then a title-case headline keeps it); a surname
  ("Kamala Harris") stays one in the whole text;
- a multi-word town name whose long words are not all capitalised ("El
  segundo día"), an acronym for a short town ("UN" is no "Un");
- a town name whose last words start a longer common phrase, an organisation's
  name ("La Guardia Nacional", "La Garde nationale", "La Cruz Roja").

A capitalised word of 7+ letters with no match is tried against long
country, region and big-city names with one typo ("Kazakhtan" ->
Kazakhstan); shorter words are never matched fuzzily.

``python -m streams.nlp.places FILE...`` prints load time, memory and the
time per call of the fact finders over gold-format article files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import (
    CASE_ANY,
    CASE_UPPER,
    CASE_WORDS,
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
#: what lies between "City, Region": a comma and at most one white space
_COMMA_RE = re.compile(r",\s?")
#: a region or site ranks like a city of this many people
_REGION_WEIGHT = 100000
#: a one-word town smaller than this followed by a capitalised word is a first name
PERSON_SAFE_CITY = 1000000
#: ... and one smaller than this after a capitalised word a surname, in the whole text
SURNAME_SAFE_CITY = 150000
#: names that only one country has, and that settle a name several countries share
#: ("Valencia" with "Alfafar" and "Paiporta" is Spain's)
LOCAL_VOTES = 2
#: a city this big names its country (context), and is matched outside the text's countries
CONTEXT_CITY = 100000
#: a city this big wins over namesakes in the text's countries
BIG_CITY = 1000000


@dataclass
class _Match:
    start: int
    end: int
    first: int  # index of the first token
    last: int  # index past the last token
    entries: list[Entry]
    hint: str | None = None
    #: written like a surname somewhere in the text ("el consejero Tomás Ibarra"), a town too big
    #: to be taken for one outright: a place only where the rest of the text names its country
    surname_like: bool = False


def _joined(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """True when tokens i..j-1 are written as one name (no comma, no line break between)."""
    for k in range(i, j - 1):
        gap = text[toks[k][1] : toks[k + 1][0]]
        if gap != " " and not _JOINER_RE.fullmatch(gap):  # one space, the usual gap, always joins
            return False
    return True


def _case_ok(entry: Entry, surfaces: list[str]) -> bool:
    if entry.case == CASE_ANY:
        return True
    if entry.case == CASE_UPPER:
        return all(s.isupper() for s in surfaces)
    if len(surfaces) == 1 and len(surfaces[0]) <= 3 and surfaces[0].isupper():
        return False  # "UN", "WA": an acronym, not the town "Un"
    if entry.case == CASE_WORDS and not all(s[:1].isupper() for s in surfaces if len(s) > 3):
        return False
    return surfaces[0][:1].isupper()


def _lookup(lx: LanguageIndex, key: str, surfaces: list[str]) -> list[Entry]:
    found = list(lx.countries.get(key, ()))
    if key not in lx.common_words:
        found.extend(world_index().get(key))
    return [e for e in found if _case_ok(e, surfaces)] if found else found


#: one-word names a language index remembers
MEMO_SIZE = 100_000


def _lookup_word(lx: LanguageIndex, key: str, surface: str) -> list[Entry]:
    """``_lookup`` of a one-word name, remembered (a fresh list each time: callers may keep it)."""
    found = lx.word_memo.get((key, surface))
    if found is None:
        if len(lx.word_memo) >= MEMO_SIZE:
            lx.word_memo.clear()
        found = lx.word_memo[(key, surface)] = _lookup(lx, key, [surface])
    return list(found)


def _fuzzy(lx: LanguageIndex, folded: str, surface: str) -> list[Entry]:
    if len(folded) < FUZZY_MIN_LEN or not surface[:1].isupper() or folded in lx.common_words:
        return []
    keys = lx.fuzzy.near(folded)
    entries = [e for k in keys for e in _lookup(lx, k, [surface]) if not e.alternate and _major(e)]
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


def _longest(text: str, toks, folded: list[str], i: int, lx: LanguageIndex) -> _Match | None:
    """The longest name (or common phrase, with no entries) starting at token i."""
    world = world_index()
    best = None
    key = folded[i]
    j = i + 1
    while True:
        if j - i > 1 and key in lx.common_words:
            best = _Match(0, 0, i, j, [])
        else:
            entries = _lookup_word(lx, key, toks[i][2]) if j - i == 1 else _lookup(lx, key, [t[2] for t in toks[i:j]])
            if entries:
                best = _Match(toks[i][0], toks[j - 1][1], i, j, entries)
        if j == len(toks) or not (key in world.partial or key in lx.partial) or not _joined(text, toks, j - 1, j + 1):
            return best
        key = f"{key} {folded[j]}"
        j += 1


def _common_phrase_end(text: str, toks, folded: list[str], k: int, beyond: int, lx: LanguageIndex) -> int | None:
    """Where a common phrase of the language (``common_words`` of more than one word) that starts at
    token ``k`` and reaches past token ``beyond`` ends, else None."""
    key, j = folded[k], k + 1
    while j < len(toks) and key in lx.partial and _joined(text, toks, j - 1, j + 1):
        key = f"{key} {folded[j]}"
        j += 1
        if j > beyond and key in lx.common_words:
            return j
    return None


def _phrase_past(text: str, toks, folded: list[str], m: _Match, lx: LanguageIndex) -> int | None:
    """Where a common phrase of the language ends when one starts inside the name ``m`` and runs past
    it ("La Guardia Nacional": "guardia nacional", "La Garde nationale", "La Cruz Roja"): the name is
    then part of an organisation's, no place (``None``: no such phrase)."""
    ends = (_common_phrase_end(text, toks, folded, k, m.last, lx) for k in range(m.first + 1, m.last))
    return next((j for j in ends if j is not None), None)


#: tokens before a name where a common phrase running over it may start ("mar de la China Meridional")
PHRASE_LOOKBACK = 3


def _phrase_over(text: str, toks, folded: list[str], i: int, lx: LanguageIndex) -> int | None:
    """Where a common phrase of the language (a sea named after a country: "South China Sea", "mer de
    Chine méridionale") ends when it starts at most ``PHRASE_LOOKBACK`` tokens before token ``i`` and
    covers it, else None."""
    ends = (_common_phrase_end(text, toks, folded, k, i, lx) for k in range(max(0, i - PHRASE_LOOKBACK), i + 1))
    return next((j for j in ends if j is not None), None)


def _capitalised(text: str, toks, i: int, j: int) -> bool:
    """True when token i is a capitalised word written next to token j (a space apart)."""
    if not 0 <= i < len(toks):
        return False
    a, b = sorted((i, j))
    return toks[i][2][:1].isupper() and text[toks[a][1] : toks[b][0]] == " "


def _person_like(text: str, toks, m: _Match) -> str | None:
    """"first" or "surname" when a one-word town stands in a run of capitalised words
    ("Vladimir Putin", "Evo Morales"), else None."""
    if m.last - m.first != 1 or any(e.place.kind != "city" for e in m.entries):
        return None
    biggest = max(e.place.population for e in m.entries)
    if biggest < PERSON_SAFE_CITY and _capitalised(text, toks, m.last, m.last - 1):
        return "first"
    if biggest < PERSON_SAFE_CITY and _capitalised(text, toks, m.first - 1, m.first):
        if not _sentence_start(text, toks[m.first - 1][0]):
            return "surname" if biggest < SURNAME_SAFE_CITY else "surname-like"
    return None


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"'“(")
    return not before or before[-1] in ".!?:\n"


def _scan(text: str, lx: LanguageIndex) -> list[_Match]:
    toks = tokens(text)
    folded = [fold(t[2]) for t in toks]
    matches: list[_Match] = []
    names: list[_Match] = []  # one-word towns that look like a person's name here
    surnames: set[str] = set()  # "Kamala Harris", then "Harris said"
    surname_like: set[str] = set()  # "Tomás Ibarra": a surname, or a big town after a capitalised word
    taken = 0  # the first token after the last name found
    # a name starts with a capital, or with one of the few lower-case words a name may start with
    starts = [i for i, (t, key) in enumerate(zip(toks, folded)) if t[2][:1].isupper() or key in lx.lower_starts]
    world = world_index()
    dead = lx.dead_words
    for i in starts:
        if i < taken:
            continue
        word = (folded[i], toks[i][2])
        if word in dead:
            continue
        over = _phrase_over(text, toks, folded, i, lx)
        if over is not None:
            taken = over  # "the South China Sea", "el golfo de México": no mention of the country
            continue
        found = _longest(text, toks, folded, i, lx)
        if found is None:
            entries = _fuzzy(lx, folded[i], toks[i][2])
            if entries:
                found = _Match(toks[i][0], toks[i][1], i, i + 1, entries)
        if found is None:
            if word[0] not in world.partial and word[0] not in lx.partial:
                # no name, nor the start of one, nor a misspelling of one, wherever it stands
                if len(dead) >= MEMO_SIZE:
                    dead.clear()
                dead.add(word)
            continue
        phrase_end = _phrase_past(text, toks, folded, found, lx) if found.entries else None
        if phrase_end is not None:
            found = _Match(0, 0, i, phrase_end, [])
        if found.entries:
            _hint(lx, text, toks, folded, found, taken)
            person = None if found.hint else _person_like(text, toks, found)
            (matches if person in (None, "surname-like") else names).append(found)
            if person == "surname":
                surnames.add(folded[found.first])
            elif person == "surname-like":
                surname_like.add(folded[found.first])
        taken = found.last
    # a town written once after "in"/"di" is a place everywhere ("Malang Stadium Crush" in a title)
    places = {folded[m.first] for m in matches + names if m.first and folded[m.first - 1] in lx.place_cues}
    # ... and so is the town of the dateline ("KABARNUSANTARA.TEST, MAGELANG - "), where the story was filed
    places |= {folded[m.first] for m in matches if m.start < DATELINE_REACH and _in_dateline(text, m)}
    matches += [m for m in names if folded[m.first] in places]
    surnames -= places
    kept = [m for m in matches if m.hint or m.last - m.first > 1 or folded[m.first] not in surnames or _is_not_city(m)]
    for m in kept:
        m.surname_like = not m.hint and m.last - m.first == 1 and folded[m.first] in surname_like - places
    return sorted(kept, key=lambda m: m.start)


#: characters from the start of a text where a dateline's town may stand
DATELINE_REACH = 80
#: what follows a dateline's town: its date, the agency, then the dash or colon ("NAIROBI, Nov 3 (Horn Current) - ")
_DATELINE_TAIL_RE = re.compile(r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?(?:\s*\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—|:|\.-)\s")


def _in_dateline(text: str, m: _Match) -> bool:
    """The match is the town of a dateline: written in capitals on the first line, before
    the dateline's dash or colon."""
    surface = text[m.start:m.end]
    return (surface.isupper() and len(surface) > 3 and "\n" not in text[:m.start]
            and _DATELINE_TAIL_RE.match(text, m.end) is not None)


def _is_not_city(m: _Match) -> bool:
    return any(e.place.kind != "city" for e in m.entries)


def _major(entry: Entry) -> bool:
    """Matched without the text naming its country."""
    p = entry.place
    return not p.context_only and (p.kind != "city" or p.population >= MAJOR_CITY)


def _context(text: str, matches: list[_Match]) -> set[str]:
    """Countries the text is about: those of country and region names, and of big cities. A big
    city several countries have ("Valencia") is in the one that the text's towns of one country
    agree on; a name written like a surname names no country."""
    found = set()
    shared: list[set[str]] = []
    for m in matches:
        if m.surname_like:
            continue
        strong = [e for e in m.entries if _major(e) and (e.place.kind != "city" or e.place.population >= CONTEXT_CITY)]
        countries = {e.place.country for e in strong}
        if len(countries) == 1:
            found |= countries
        elif countries:
            shared.append(countries)
    local = _local_countries(text, matches) if shared else set()
    for countries in shared:
        if len(countries & local) == 1:
            found |= countries & local
    return found


def _local_countries(text: str, matches: list[_Match]) -> set[str]:
    """Countries that at least ``LOCAL_VOTES`` different names of the text belong to alone."""
    names: dict[str, set[str]] = {}
    for m in matches:
        countries = {e.place.country for e in m.entries}
        if len(countries) == 1 and not m.surname_like:
            names.setdefault(countries.pop(), set()).add(fold(text[m.start : m.end]))
    return {c for c, keys in names.items() if len(keys) >= LOCAL_VOTES}


def _surname_abroad(m: _Match, context: set[str]) -> bool:
    """A name written like a surname whose towns of note lie outside the text's countries."""
    return m.surname_like and not any(_major(e) and e.place.country in context for e in m.entries)


def _weight(entry: Entry) -> int:
    return entry.place.population if entry.place.kind == "city" else _REGION_WEIGHT


def _plausible(entry: Entry, m: _Match, context: set[str]) -> bool:
    """May this place stand here? Towns outside the text's countries must be big, and a
    town of three letters or less ("Al", "Lo") a metropolis."""
    p = entry.place
    if p.context_only and p.country not in context and not _called_region(m, context):
        return False
    if p.kind != "city":
        return True
    if m.last - m.first == 1 and m.end - m.start <= 3 and p.population < BIG_CITY:
        return False
    if p.country in context:
        return True
    return p.population >= (MAJOR_CITY if m.last - m.first > 1 else CONTEXT_CITY)


def _called_region(m: _Match, context: set[str]) -> bool:
    """The text calls the name a region ("departamento de Antioquia", "the state of Tamaulipas",
    "l'État de Jalisco") and names no country: a first-level region that only one country has
    needs no country of its own then. Where the text names countries, a region of another one
    ("provincia de Córdoba" in Spain, Argentina's province) still needs its country named."""
    return (m.hint == "admin" and not context
            and len({e.place.country for e in m.entries if e.place.kind == "admin"}) == 1)


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
    others = [e for e in entries if e.place.kind != "country" and _plausible(e, m, context)]
    if countries:
        # "Georgia" in a US story is the state; a town called "Armenia" never beats the country
        regions = [e for e in others if e.place.kind == "admin" and e.place.country in context]
        if not regions or any(c.place.country in context for c in countries):
            # a name two countries share ("Congo") is the one whose towns the text names
            return next((c for c in countries if c.place.country in context), countries[0])
        others = regions
    if not others:
        return None
    return max(others, key=lambda e: (_known(e, context), _big_at_home(e, context), not e.alternate, _weight(e)))


def _big_at_home(entry: Entry, context: set[str]) -> bool:
    """A city of note in a country of the text: Spain's Valencia, not Venezuela's, in a Spanish story."""
    return entry.place.country in context and _weight(entry) >= CONTEXT_CITY


def _known(entry: Entry, context: set[str]) -> bool:
    """In a country of the text, or a metropolis everyone knows ("Barcelona" in a Brazilian story)."""
    return entry.place.country in context or entry.place.population >= BIG_CITY


#: a hyphen and a number after a name: a model, not a place ("Hwasong-18" missiles, "Paris-2024")
_MODEL_RE = re.compile(r"[-‐‑]\d")


def _quarter_of(entry: Entry, city: Entry) -> bool:
    """"Senayan, Jakarta", "Menteng, Jakarta Pusat": a small town of the gazetteer written before a bigger
    city, in another province than that city: the name is a quarter of the city the gazetteer does not
    list under it (its namesake lies elsewhere), not a place of its own."""
    town, big = entry.place, city.place
    return (town.kind == "city" and big.kind == "city" and town.country == big.country
            and town.population < CONTEXT_CITY <= big.population and town.admin != big.admin)


def _followed_by_comma(text: str, a: _Match, b: _Match) -> bool:
    return _COMMA_RE.fullmatch(text, a.end, b.start) is not None


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """Every country, region and city named in ``text``, in order, without overlaps."""
    if not text or not isinstance(text, str):
        return []
    lx = language_index(lang or "en")
    matches = _scan(text, lx)
    context = _context(text, matches)
    matches = [m for m in matches if not _surname_abroad(m, context)]
    chosen: list[Entry | None] = [None] * len(matches)
    # resolve right to left so "Wilmington, Delaware" can use Delaware's answer
    for k in range(len(matches) - 1, -1, -1):
        near = None
        if k + 1 < len(matches) and chosen[k + 1] is not None and _followed_by_comma(text, matches[k], matches[k + 1]):
            near = chosen[k + 1]
        chosen[k] = _resolve(matches[k], context, near)
        if near is not None and chosen[k] is not None and _quarter_of(chosen[k], near):
            chosen[k] = None
    mentions = []
    for m, entry in zip(matches, chosen):
        if entry is None or _MODEL_RE.match(text, m.end):
            continue
        p = entry.place
        location = Location(p.name, p.country, p.lat, p.lon, p.geonames_id)
        mentions.append(PlaceMention(m.start, m.end, text[m.start : m.end], p.kind, location, p.admin))
    return mentions


def lookup_country(name: str, lang: str | None = None) -> str | None:
    """ISO alpha-2 code of a country name or demonym in ``lang`` (any supported language if None)."""
    if not name or not isinstance(name, str):
        return None
    name = re.sub(r"['’]s$", "", name.strip())  # "Russia's"
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


def _benchmark(paths: list[str]) -> None:
    """Print load time, memory and per-call times of the fact finders over gold-format articles."""
    import json
    import resource
    import time
    from datetime import datetime

    from streams.nlp.counts import find_counts
    from streams.nlp.dates import find_dates
    from streams.nlp.gazetteer import world_index

    t0 = time.perf_counter()
    world_index()
    langs = set()
    articles = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            a = json.load(fh)
        articles.append((f"{a['title']}\n{a['text']}", datetime.fromisoformat(a["published_at"]), a["language"]))
        langs.add(a["language"])
    for lang in langs:
        language_index(lang)
    print(f"load {time.perf_counter() - t0:.2f} s, max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for text, published, lang in articles:  # warm the per-language caches
        find_places(text, lang), find_dates(text, published, lang), find_counts(text, lang)
    chars = sum(len(t) for t, _, _ in articles) or 1
    for name, call in [
        ("find_places", lambda t, p, lang: find_places(t, lang)),
        ("find_dates", find_dates),
        ("find_counts", lambda t, p, lang: find_counts(t, lang)),
    ]:
        t0 = time.perf_counter()
        for _ in range(20):
            for text, published, lang in articles:
                call(text, published, lang)
        per_article = (time.perf_counter() - t0) / 20 / max(len(articles), 1) * 1000
        per_3000 = (time.perf_counter() - t0) / 20 / chars * 3000 * 1000
        print(f"{name}: {per_article:.2f} ms per article, {per_3000:.2f} ms per 3,000 characters")


if __name__ == "__main__":
    import sys

    _benchmark(sys.argv[1:])
