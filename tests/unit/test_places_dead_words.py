"""Capitalised words that name no place, start no longer name and are no misspelt name are
remembered per language and skipped at once: the places found stay the same."""

from streams.nlp.gazetteer import language_index
from streams.nlp.places import find_places


def _names(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.surface, p.location.country) for p in find_places(text, lang)]


def test_a_word_that_names_no_place_is_remembered_and_skipped():
    text = "Spokesperson Zzyzqwert said troops left Kyiv. Zzyzqwert added that Kyiv was calm."
    first = _names(text, "en")
    assert ("zzyzqwert", "Zzyzqwert") in language_index("en").dead_words
    assert _names(text, "en") == first == [("Kyiv", "UA"), ("Kyiv", "UA")]


def test_the_start_of_a_longer_name_is_never_skipped():
    _names("Pemerintah Nueva di Jakarta", "id")
    assert ("nueva", "Nueva") not in language_index("id").dead_words  # "Nueva York", "Nueva Ecija"
    assert ("New York", "US") in _names("New rules in New York", "en")
