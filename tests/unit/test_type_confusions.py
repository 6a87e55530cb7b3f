"""Kinds of wrong event type on the right sentence (issue 10, types13): each test holds sentences
written for it, in two or more languages, where the act told is of one PLOVER type and a word near
it names another."""

import pytest

from tests.unit.test_events import extract


def types_of(text, lang):
    return sorted(e.type for e in extract(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Police on Thursday arrested 5 people on charges of bombing a church in Almaty."),
    ("en", "Police on Thursday detained 5 men suspected of killing a soldier in Almaty."),
    ("id", "Polisi pada Kamis menangkap 5 orang atas tuduhan melakukan pengeboman di Jakarta."),
    ("ms", "Polis pada Khamis menahan 5 orang atas tuduhan mengebom gereja di Jakarta."),
    ("fr", "La police a arrêté jeudi 5 personnes soupçonnées d'avoir attaqué un commissariat à Almaty."),
    ("es", "La policía detuvo el jueves a 5 hombres bajo sospecha de atacar una comisaría en Almaty."),
])
def test_the_deed_an_arrest_is_for_is_no_new_assault(lang, text):
    assert types_of(text, lang) == ["COERCE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia said on Thursday it will withdraw its troops from Almaty unless Kazakhstan pays."),
    ("id", "Rusia pada Kamis mengatakan akan menarik pasukannya dari Jakarta kecuali jika Indonesia membayar."),
    ("es", "Rusia dijo el jueves que retirará sus tropas de Almaty a menos que Kazajistán pague."),
    ("fr", "La Russie a déclaré jeudi qu'elle retirera ses troupes d'Almaty à moins que le Kazakhstan ne paie."),
    ("en", "The minister said on Thursday he will resign if the party does not back him."),
])
def test_a_retreat_announced_on_the_other_sides_failure_is_a_threat(lang, text):
    assert types_of(text, lang) == ["THREATEN"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russia said on Thursday it will withdraw its troops from Almaty next week."),
    ("en", "Russia said on Thursday it will withdraw its troops if the ceasefire holds."),
    ("id", "Rusia pada Kamis mengatakan akan membebaskan semua tahanan kecuali lima orang."),
])
def test_a_retreat_announced_plainly_or_on_a_kept_condition_stays_a_concession(lang, text):
    assert types_of(text, lang) == ["CONCEDE"]


@pytest.mark.parametrize("lang, text", [
    ("en", "The EU on Thursday cut its military aid to Kazakhstan."),
    ("en", "The EU on Thursday froze its aid to Kazakhstan."),
    ("ms", "Kerajaan pada Khamis membekukan bantuan kepada Indonesia."),
    ("ms", "Kerajaan pada Khamis memotong bantuan ketenteraan kepada Indonesia."),
])
def test_aid_cut_or_frozen_is_a_sanction(lang, text):
    assert types_of(text, lang) == ["SANCTION"]
