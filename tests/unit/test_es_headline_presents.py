"""Spanish headlines tell the day's acts in the present: the families written for the perfects of
hand-made preterites take the present too (morph_verbs.json, pres23)."""

from __future__ import annotations

import pytest

from streams.nlp.triggers import find_triggers


def types(sentence: str) -> set[str]:
    return {h.trigger.type for h in find_triggers(sentence, "es")}


@pytest.mark.parametrize("sentence, expected", [
    ("Venezuela expulsa a los diplomáticos de siete países latinoamericanos", "SANCTION"),
    ("El Congreso deroga la ley de amnistía tras un largo debate", "CONCEDE"),
    ("Rusia anexiona cuatro regiones ucranianas ocupadas", "COERCE"),
])
def test_a_headline_present_is_the_act_its_preterite_is(sentence, expected):
    assert expected in types(sentence)


def test_a_present_that_folds_to_a_noun_of_another_sense_is_not_taken():
    assert types("La visita del ministro a Caracas duró dos días") == set()
