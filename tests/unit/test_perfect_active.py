"""A participle the lexicon reads as suffered ("tués", "blessé", "wounded": the victims of "cinq civils
tués") after an auxiliary of the active perfect is the subject's act: "les soldats ont tué des civils"
has the soldiers as actor and the civilians as target, not the soldiers as victims (issue 10, lead30)."""

import pytest

from tests.unit.test_enrich import enriched


def assault_roles(text: str, lang: str) -> tuple[list[str], list[str]]:
    events = [e for e in enriched(text, lang, published="2024-03-06T10:00:00+00:00", title="News").events
              if e.type == "ASSAULT"]
    assert len(events) == 1, events
    return events[0].actors, events[0].targets


@pytest.mark.parametrize("lang, text, actor, target", [
    ("fr", "Les soldats maliens ont tué mardi des civils à Mopti.", "ML:military", "ML:civilians"),
    ("fr", "Les assaillants ont blessé trois policiers mardi à Lyon.", "FR:rebels", "FR:police"),
    ("fr", "Les soldats maliens ont également tué mardi des civils à Mopti.", "ML:military", "ML:civilians"),
    ("en", "Malian soldiers have wounded three protesters in Bamako on Tuesday.", "ML:military", "ML:protesters"),
])
def test_a_perfect_tense_makes_the_subject_the_doer(lang, text, actor, target):
    assert assault_roles(text, lang) == ([actor], [target])


@pytest.mark.parametrize("lang, text, target", [
    ("fr", "Trois policiers ont été blessés mardi à Lyon.", "FR:police"),
    ("fr", "Cinq civils ont été tués mardi à Mopti, au Mali.", "ML:civilians"),
    ("en", "Three protesters have been wounded in Lima, Peru, on Tuesday.", "PE:protesters"),
])
def test_a_passive_perfect_still_makes_the_subject_the_victim(lang, text, target):
    assert assault_roles(text, lang) == ([], [target])


@pytest.mark.parametrize("lang, text, target", [
    ("en", "Three protesters have died of their wounds in Lima, Peru, on Tuesday.", "PE:protesters"),
    ("fr", "Trois soldats ont trouvé la mort dans une embuscade de rebelles mardi à Gao, au Mali.", "ML:military"),
])
def test_an_intransitive_perfect_keeps_the_subject_as_the_victim(lang, text, target):
    actors, targets = assault_roles(text, lang)
    assert target in targets and target not in actors
