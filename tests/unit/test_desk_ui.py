"""The desk page's own words: every word in every language, and no English left in the page's markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib import resources

import orjson
import pytest

from streams.desk.names import LANGUAGES, names_table, ui_words

STATIC = resources.files("streams.desk").joinpath("static")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _forms(word) -> list[str]:
    return list(word.values()) if isinstance(word, dict) else [word]


def test_every_word_is_in_every_language_with_the_same_placeholders():
    english = ui_words("en")
    for lang in LANGUAGES:
        words = ui_words(lang)
        assert set(words) == set(english), (lang, set(words) ^ set(english))
        for key, word in words.items():
            assert all(form.strip() for form in _forms(word)), (lang, key)
            if isinstance(word, dict):
                assert set(word) == {"one", "other"}, (lang, key)
            wanted = {frozenset(PLACEHOLDER.findall(form)) for form in _forms(english[key])}
            assert {frozenset(PLACEHOLDER.findall(form)) for form in _forms(word)} == wanted, (lang, key)


def _used_keys(english: set[str]) -> set[str]:
    """The words the page asks for: data-i18n* in the markup, t("...") / count("...") in the scripts, and
    every word of a family a script names by a value (`status.${state}`)."""
    keys = set(re.findall(r'data-i18n(?:-[a-z-]+)?="([^"]+)"', STATIC.joinpath("index.html").read_text()))
    for script in STATIC.iterdir():
        if script.name.endswith(".js"):
            text = script.read_text()
            keys |= set(re.findall(r'\b(?:t|count)\("([a-z_.]+)"', text))
            for family in re.findall(r"`([a-z_]+)\.\$\{", text):
                keys |= {key for key in english if key.startswith(family + ".")}
    return keys


def test_every_word_the_page_asks_for_exists_and_every_word_is_used():
    english = set(ui_words("en"))
    used = _used_keys(english)
    assert used - english == set(), "asked for but missing"
    assert english - used - {"language_name"} == set(), "never used"


class _Text(HTMLParser):
    """Text of the page's body outside <kbd> (the keys themselves)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)

    def handle_endtag(self, tag):
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data):
        if "body" in self.open and "kbd" not in self.open:
            self.text.append(data)


def test_the_page_markup_has_no_words_of_its_own():
    parser = _Text()
    parser.feed(STATIC.joinpath("index.html").read_text())
    assert not [t for t in parser.text if re.search(r"\w", t)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_type_mode_and_count_kind_has_a_name_in_every_language(lang):
    plover = orjson.loads(resources.files("streams.data").joinpath("common/plover.json").read_bytes())
    table = names_table(lang)
    assert set(table["types"]) == set(plover["types"])
    assert all(t["label"] and t["definition"] for t in table["types"].values())
    modes = {m for t in plover["types"].values() for m in t["modes"]}
    assert modes <= set(table["modes"]), modes - set(table["modes"])
    kinds = {k for ks in plover["count_kinds"].values() for k in ks}
    assert kinds <= set(table["count_kinds"]), kinds - set(table["count_kinds"])

