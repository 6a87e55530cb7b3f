"""Kinds of missed events (miss25, issue 10): captives handed to the Red Cross are released however far
the verb stands from its recipient, and troops told by their arrival are deployed, in all five languages;
a gift or the dead handed over, and an arrival at an agreement or in power, are no such acts."""

from datetime import datetime, timedelta, timezone

import pytest

from streams.nlp.triggers import find_triggers
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 6, 13, 18, 0, tzinfo=timezone(timedelta(hours=3)))  # a Friday


def types(sentence, lang):
    return [(hit.trigger.type, hit.trigger.mode) for hit in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The group said it had handed 27 soldiers it had been holding since April to the International "
           "Committee of the Red Cross on Thursday."),
    ("es", "La guerrilla entregó a los doce rehenes que mantenía en la selva al Comité Internacional de la Cruz "
           "Roja este jueves."),
    ("fr", "Le groupe armé a remis jeudi les trois otages qu'il détenait depuis mars au Comité international de "
           "la Croix-Rouge."),
    ("id", "Kelompok itu menyerahkan 27 tentara yang ditahannya sejak April kepada Komite Internasional Palang "
           "Merah pada Kamis."),
    ("ms", "Kumpulan itu menyerahkan 27 askar yang ditahannya sejak April kepada Jawatankuasa Antarabangsa "
           "Palang Merah pada Khamis."),
])
def test_captives_handed_to_the_red_cross_are_released(lang, sentence):
    assert ("RETREAT", None) in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The company handed a cheque to the Red Cross on Thursday."),
    ("en", "The militants handed the bodies of four hostages to the Red Cross on Thursday."),
    ("es", "La empresa entregó un donativo a la Cruz Roja este jueves."),
    ("fr", "L'entreprise a remis un chèque à la Croix-Rouge jeudi."),
    ("id", "Perusahaan itu menyerahkan sumbangan kepada Palang Merah pada Kamis."),
    ("ms", "Syarikat itu menyerahkan sumbangan kepada Palang Merah pada Khamis."),
    ("en", "Volunteers talked to the Red Cross about the camp on Thursday."),
])
def test_gifts_the_dead_or_no_handover_are_no_release(lang, sentence):
    assert ("RETREAT", None) not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "About 300 marines arrived in the port town on Thursday."),
    ("es", "Los primeros 300 infantes de marina llegaron este jueves a Istmina."),
    ("es", "Llegaron este jueves a Culiacán 600 militares de fuerzas especiales."),
    ("fr", "Quelque 300 soldats sont arrivés jeudi à Goma."),
    ("id", "Sebanyak 300 prajurit TNI tiba di Wamena pada Kamis."),
    ("ms", "Seramai 300 anggota tentera tiba di Tawau pada Khamis."),
])
def test_troops_told_by_their_arrival_are_deployed(lang, sentence):
    assert ("MOBILIZE", "troops") in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("es", "Los militares llegaron a un acuerdo con la guerrilla este jueves."),
    ("es", "Los militares llegaron al poder tras el golpe."),
    ("fr", "Les militaires sont arrivés au pouvoir par un coup d'État."),
    ("en", "Police officers arrived at the scene on Thursday."),
])
def test_reaching_an_agreement_power_or_a_scene_is_no_deployment(lang, sentence):
    assert ("MOBILIZE", "troops") not in types(sentence, lang)


def test_an_arrival_carries_its_personnel_count():
    text = ("CULIACÁN - La Defensa envió a la capital del estado a 600 elementos de fuerzas especiales, que "
            "arribaron este jueves a la base aérea.")
    deployed = [e for e in events_in(text, "es", PUBLISHED) if e.type == "MOBILIZE"]
    assert [e.counts for e in deployed] == [{"personnel": 600}]


def test_an_evaluation_begun_at_the_end_of_the_window_counts_whole():
    sentence = "Le CNSP a qualifié la décision de la Cédéao de « déclaration de guerre »."
    assert ("ACCUSE", "disapprove") in types(sentence, "fr")
