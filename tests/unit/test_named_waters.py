"""A sea or gulf named after a country ("South China Sea", "Laut China Selatan", "mer de Chine
méridionale") is no mention of that country: it makes no place, country, actor or target
(places.json ``named_waters``). Sentences written for these tests."""

import pytest

from streams.nlp.places import find_places


@pytest.mark.parametrize("lang, text", [
    ("en", "The two navies held joint exercises in the South China Sea on Monday."),
    ("id", "Kedua angkatan laut menggelar latihan bersama di Laut China Selatan pada Senin."),
    ("ms", "Kedua-dua tentera laut mengadakan latihan bersama di Laut China Selatan pada Isnin."),
    ("fr", "Les deux marines ont mené lundi des exercices conjoints en mer de Chine méridionale."),
    ("es", "Las dos armadas realizaron el lunes ejercicios conjuntos en el golfo de México."),
])
def test_a_sea_named_after_a_country_names_no_country(lang, text):
    assert [p.surface for p in find_places(text, lang)] == []


def test_the_country_itself_is_still_found_beside_the_sea():
    text = "China and the Philippines clashed near a shoal in the South China Sea on Monday."
    assert [p.location.country for p in find_places(text, "en")] == ["CN", "PH"]
