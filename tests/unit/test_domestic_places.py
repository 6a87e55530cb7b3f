"""Places of a domestic story that never names its country (es17).

Local press writes "Valencia" or a minister's surname without ever naming its own country:
a big city several countries have takes the country that the text's one-country towns agree
on, and a big foreign town written like a surname ("el consejero Tomás Ibarra") is a place
only where the rest of the text names that town's country.
"""

from __future__ import annotations

import pytest

from streams.nlp.places import find_places


def countries(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(m.surface, m.location.country) for m in find_places(text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Los vecinos de Paiporta y de Alfafar limpian el barro; en Valencia faltan bombas de agua.", "es"),
        ("Residents of Paiporta and Alfafar cleared mud on Saturday while Valencia asked for pumps.", "en"),
        ("Les habitants de Paiporta et d'Alfafar déblaient la boue ; Valencia réclame des pompes.", "fr"),
    ],
)
def test_shared_big_city_takes_the_country_of_the_local_towns(text, lang):
    found = dict(countries(text, lang))
    assert found["Valencia"] == "ES"


def test_shared_big_city_without_local_towns_keeps_the_biggest():
    assert dict(countries("El alcalde de Valencia inauguró el puente.", "es"))["Valencia"] == "VE"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("ZARAGOZA.- El fiscal pidió cárcel para el concejal Andrés Ibarra. Ibarra niega los hechos ante el tribunal de Zaragoza.", "es"),
        ("ZARAGOZA — Prosecutors charged councillor Andrés Ibarra on Monday. Ibarra denied wrongdoing in Zaragoza.", "en"),
    ],
)
def test_big_foreign_town_written_as_a_surname_is_no_place(text, lang):
    assert all(country == "ES" for _, country in countries(text, lang))


def test_town_written_as_a_surname_stays_a_place_in_its_own_country():
    found = countries("QUITO.- El alcalde visitó el viernes la ciudad ecuatoriana de Ibarra junto al prefecto Pablo Jurado. En Ibarra, Ecuador, hubo protestas.", "es")
    assert ("Ibarra", "EC") in found
