"""Kinds of spurious ASSAULT, REQUEST and ACCUSE events on real pages (issue 10, spur15)."""

import pytest

from streams.nlp.triggers import find_triggers


def types(sentence: str, lang: str) -> list[str]:
    return [hit.trigger.type for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the senator attacked the government's record on crime."),
    ("en", "The opposition leader on Tuesday assailed the budget as reckless."),
    ("es", "El martes, la oposición atacó al ministro por sus declaraciones."),
    ("es", "El martes, el senador atacó la política económica del gobierno."),
    ("fr", "Mardi, le sénateur a attaqué la politique économique du gouvernement."),
    ("id", "Pada Selasa, politikus itu menyerang kebijakan ekonomi pemerintah."),
    ("ms", "Pada Selasa, ahli politik itu menyerang dasar ekonomi kerajaan."),
])
def test_an_attack_on_policies_or_remarks_is_a_criticism(lang, sentence):
    assert types(sentence, lang) == ["ACCUSE"]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Gunmen attacked a police station on Tuesday, killing three officers."),
    ("en", "Police on Tuesday attacked protesters with batons."),
    ("es", "Hombres armados atacaron el martes una comisaría, matando a tres policías."),
    ("fr", "Des hommes armés ont attaqué mardi un commissariat, tuant trois policiers."),
    ("id", "Kelompok bersenjata menyerang pos polisi pada Selasa."),
    ("ms", "Kumpulan bersenjata menyerang balai polis pada Selasa."),
])
def test_attacks_on_people_and_places_stay_assaults(lang, sentence):
    assert "ASSAULT" in types(sentence, lang)
    assert "ACCUSE" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday a reporter asked the minister whether the reform would be withdrawn."),
    ("en", "On Tuesday lawmakers asked the general why the troops had not been sent."),
    ("fr", "Mardi, le journaliste a demandé au ministre si la réforme serait retirée."),
    ("fr", "Il a demandé mardi pourquoi le gouvernement n'avait rien fait."),
])
def test_asking_someone_a_question_is_no_request(lang, sentence):
    assert "REQUEST" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "On Tuesday the minister asked the army to explain why the troops had not been sent."),
    ("fr", "Mardi, le président a demandé au gouvernement de dire si la réforme serait retirée."),
])
def test_asking_someone_to_explain_stays_a_request(lang, sentence):
    assert "REQUEST" in types(sentence, lang)
