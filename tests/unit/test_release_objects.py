"""A release of a substance or a quantity is no release of people (issue 10, spur25): PLOVER's RETREAT
release frees prisoners or hostages ("a gas released from a pest control chemical", "released 150,000 gallons of
water", "a libéré des tonnes de gaz")."""

import pytest

from streams.nlp.triggers import find_triggers


def types(sentence: str, lang: str) -> list[str]:
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Four children died after being poisoned by a gas released from a pest control chemical."),
    ("en", "The plant released 150,000 gallons of water from the prison's reservoir."),
    ("fr", "L'usine a libéré lundi des tonnes de gaz toxique près de la prison."),
])
def test_a_substance_or_a_quantity_released_is_no_release_of_people(lang, sentence):
    assert "RETREAT" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Israel released 200 Palestinian prisoners on Saturday."),
    ("en", "Hamas released three hostages, handing them to the Red Cross."),
    ("fr", "Le Hamas a libéré samedi trois otages israéliens."),
])
def test_prisoners_and_hostages_released_stay_releases(lang, sentence):
    assert "RETREAT" in types(sentence, lang)
