"""Names the desk page shows instead of codes, and its own words, in the page's language.

The page gets one table per language (``/api/names?lang=id``) and renders actor codes
with it (``KZ:police`` -> "Kazakh police", ``ID:protesters`` -> "pengunjuk rasa Indonesia"):
country names from pycountry's translations (or the gazetteer's usual English name),
demonyms from ``data/<lang>/places.json``, sector words, type labels and definitions, modes
and count kinds from ``data/common/desk_names.json``; its headings, buttons and messages
(``ui``) from ``data/<lang>/desk_ui.json``. ``actor_label`` here is what the page's
``names.js`` does, kept in Python so the rules are tested without a browser.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson
import pycountry

#: languages the page can be shown in: those the pipeline reads
LANGUAGES = ("en", "es", "fr", "id", "ms")


def _data(path: str) -> dict[str, Any]:
    return orjson.loads(resources.files("streams.data").joinpath(path).read_bytes())


def page_language(asked: str | None, accept_language: str | None) -> str:
    """The page's language: ``asked`` (the page's ``lang`` parameter) when the desk speaks it, else the first
    language of the browser's ``Accept-Language`` it speaks (by preference, ``fr-CA`` as ``fr``), else English."""
    if asked and asked.lower() in LANGUAGES:
        return asked.lower()
    ranked = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        try:
            weight = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((-weight, position, tag.strip()[:2].lower()))
    return next((lang for weight, _, lang in sorted(ranked) if weight < 0 and lang in LANGUAGES), "en")


def ui_words(lang: str) -> dict[str, Any]:
    """The page's own words in ``lang``: a string, or ``{one, other}`` by the plural of its count."""
    return {k: v for k, v in _data(f"{lang}/desk_ui.json").items() if not k.startswith("_")}


def _translator(domain: str, lang: str):
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True).gettext


def country_names(lang: str) -> dict[str, str]:
    usual = _data("common/places.json")["country_names"]
    tr = _translator("iso3166-1", lang)
    names = {}
    for c in pycountry.countries:
        english = getattr(c, "common_name", None) or c.name
        names[c.alpha_2] = usual.get(c.alpha_2, english) if lang == "en" else tr(english)
    names["XK"] = "Kosovo"
    return names


def demonyms(lang: str) -> dict[str, str]:
    """The first demonym each country has in ``data/<lang>/places.json`` (the singular adjective)."""
    out: dict[str, str] = {}
    for word, cc in _data(f"{lang}/places.json").get("demonyms", {}).items():
        out.setdefault(cc, word)
    return out


def language_names(lang: str) -> dict[str, str]:
    """Every two-letter language: articles come in more languages than the pipeline reads."""
    tr = _translator("iso639-3", lang)
    names = {language.alpha_2: tr(language.name).split(" (")[0]  # "Malay (macrolanguage)" is Malay to a reader
             for language in pycountry.languages if hasattr(language, "alpha_2")}
    return names | _data("common/desk_names.json")["language_names"].get(lang, {})


@lru_cache(maxsize=len(LANGUAGES))
def names_table(lang: str) -> dict[str, Any]:
    """Everything the page needs to show names in ``lang`` (English when the desk does not speak it)."""
    lang = lang if lang in LANGUAGES else "en"
    desk = _data("common/desk_names.json")
    templates = desk["actor_templates"]
    return {
        "lang": lang,
        "countries": country_names(lang),
        "demonyms": demonyms(lang) if templates[lang].count("{demonym}") else {},
        "sectors": desk["sectors"][lang],
        "template": templates[lang],
        "template_no_demonym": templates.get(f"{lang}_no_demonym", templates[lang]),
        "types": {t: {"label": label, "definition": definition}
                  for t, (label, definition) in desk["types"][lang].items()},
        "modes": desk["modes"][lang],
        "count_kinds": desk["count_kinds"][lang],
        "languages": language_names(lang),
        "ui": ui_words(lang),
        "page_languages": {code: ui_words(code)["language_name"] for code in LANGUAGES},
    }


def actor_label(code: str, table: dict[str, Any]) -> str:
    """``KZ:police`` as a reader says it; a bare country code is the country; anything else (a person) as is."""
    cc, _, sector = code.partition(":")
    if not sector:
        return table["countries"].get(code, code) if len(code) == 2 and code.isupper() else code
    country = table["countries"].get(cc, cc)
    demonym = table["demonyms"].get(cc)
    template = table["template"] if demonym or "{demonym}" not in table["template"] else table["template_no_demonym"]
    return template.format(demonym=demonym, country=country, sector=table["sectors"].get(sector, sector))
