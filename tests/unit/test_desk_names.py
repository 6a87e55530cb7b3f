"""Codes as a reader of each language says them."""

from __future__ import annotations

import pytest

from streams.desk.names import actor_label, names_table


@pytest.mark.parametrize("lang, code, label", [
    ("en", "KZ:police", "Kazakh police"),
    ("en", "ID:protesters", "Indonesian protesters"),
    ("en", "KZ", "Kazakhstan"),
    ("en", "Saifuddin Nasution Ismail", "Saifuddin Nasution Ismail"),
    ("id", "KZ:police", "polisi Kazakhstan"),
    ("es", "ID:protesters", "manifestantes (Indonesia)"),
    ("fr", "KZ:government", "gouvernement (Kazakhstan)"),
    ("ms", "ID:protesters", "penunjuk perasaan Indonesia"),
])
def test_actor_codes_read_as_names(lang, code, label):
    assert actor_label(code, names_table(lang)) == label


def test_a_country_without_a_demonym_is_named_after_the_sector():
    table = names_table("en")
    assert "TV" not in table["demonyms"]
    assert actor_label("TV:government", table) == "government of Tuvalu"


def test_an_unknown_page_language_falls_back_to_english():
    assert names_table("xx")["lang"] == "en"


def test_language_names_cover_languages_the_pipeline_does_not_read():
    languages = names_table("en")["languages"]
    assert languages["ru"] == "Russian" and languages["ms"] == "Malay"


@pytest.mark.parametrize("lang", ["id", "ms", "fr", "es"])
def test_the_languages_the_pipeline_reads_are_named_in_each_page_language(lang):
    """pycountry leaves some untranslated (its Malay catalogue has few): none is left in English."""
    english, names = names_table("en")["languages"], names_table(lang)["languages"]
    assert all(names[code] != english[code] for code in ("en", "es", "fr", "id", "ms")), names
