"""Country names of each language come from CLDR where pycountry's translations miss them, and the
data file is what the generator builds (small dependencies, whose names are towns elsewhere, left out)."""

import pytest

from streams.nlp.make_country_names import build
from streams.nlp.gazetteer import load_json
from streams.nlp.places import find_places


def _countries(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.surface, p.location.country) for p in find_places(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "name", "country"),
    [
        ("es", "La policía de Argelia detuvo a 30 manifestantes.", "Argelia", "DZ"),
        ("es", "El gobierno de Surinam anunció elecciones.", "Surinam", "SR"),
        ("fr", "Le Kirghizstan a fermé sa frontière.", "Kirghizstan", "KG"),
        ("fr", "La Guinée équatoriale a rappelé son ambassadeur.", "Guinée équatoriale", "GQ"),
        ("id", "Pemerintah Jibuti menolak tuduhan itu.", "Jibuti", "DJ"),
        ("ms", "Kerajaan Macedonia Utara menafikan laporan itu.", "Macedonia Utara", "MK"),
    ],
)
def test_a_country_named_as_its_language_names_it(lang, text, name, country):
    assert (name, country) in _countries(text, lang)


def test_the_data_file_is_what_the_generator_builds():
    built = build()
    assert load_json("common", "country_names") == built
    assert built["es"]["Argelia"] == "DZ"
    # Saint Helena (about 5,000 people): "Santa Elena" is a province of Ecuador and many towns
    assert "Santa Elena" not in built["es"]
    assert not any(" - " in name or "&" in name for names in built.values() if isinstance(names, dict) for name in names)
