"""Kinds of false events on real pages that tell no act between parties (issue 10, generic14)."""

import pytest

from streams.nlp.triggers import find_triggers


def types(sentence: str, lang: str) -> list[str]:
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The prime minister chaired a cabinet meeting on Tuesday."),
    ("en", "The president convened a meeting of the national security committee on Monday."),
    ("id", "Presiden memimpin rapat krisis di Istana pada Jumat."),
    ("ms", "Perdana Menteri mempengerusikan mesyuarat Kabinet pada Rabu."),
    ("fr", "Le président a présidé une réunion de crise vendredi."),
    ("es", "El presidente convocó una reunión de crisis el viernes."),
])
def test_a_government_meeting_with_itself_is_no_consultation(lang, sentence):
    assert "CONSULT" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The UN Security Council held an emergency meeting on Friday."),
    ("en", "The prime minister met the visiting Japanese foreign minister on Tuesday."),
    ("id", "Presiden bertemu Perdana Menteri Malaysia di Istana pada Jumat."),
    ("es", "El presidente se reunió el viernes con su homólogo francés."),
])
def test_meetings_between_parties_stay_consultations(lang, sentence):
    assert "CONSULT" in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Police said domestic violence cases rose in the district on Monday."),
    ("en", "The council launched a violence prevention campaign on Monday."),
    ("id", "Polisi menangani kasus kekerasan dalam rumah tangga di Bekasi pada Senin."),
    ("id", "Kasus KDRT meningkat di Bekasi pada Senin."),
    ("es", "La policía atendió casos de violencia doméstica el lunes."),
])
def test_violence_in_the_home_or_a_prevention_programme_is_no_assault(lang, sentence):
    assert "ASSAULT" not in types(sentence, lang)
