"""Kinds of Spanish failure found on what may be studied (issue 10, es24), carried to the other
languages where the construction exists: people of a country named with a preposition of origin
are those people, not the state; an accord whose making verb is negated or only tried was not made."""

from datetime import datetime, timezone

import pytest

from streams.nlp.actors import find_actors
from streams.nlp.places import find_places
from streams.nlp.triggers import find_triggers
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def mentions(text, lang):
    return [(m.kind, m.value, m.country) for m in find_actors(text, lang, find_places(text, lang))]


def types(sentence, lang):
    return {h.trigger.type for h in find_triggers(sentence, lang)}


@pytest.mark.parametrize("lang, text", [
    ("es", "Estudiantes de Chile protestan contra el alza de las tarifas del transporte."),
    ("en", "Students from Chile protested on Tuesday against higher transport fares."),
    ("fr", "Des étudiants du Chili ont manifesté mardi contre la hausse des tarifs."),
    ("id", "Mahasiswa dari Chile berunjuk rasa pada Selasa menentang kenaikan tarif."),
])
def test_people_of_a_country_named_after_them_protest_they_do_not_complain_as_a_state(lang, text):
    events = events_in(text, lang, PUBLISHED)
    assert [(e.type, e.actors) for e in events] == [("PROTEST", ["CL:protesters"])]


@pytest.mark.parametrize("lang, text, mention", [
    ("es", "Maestros de Honduras marcharon el martes.", ("sector", "protesters", "HN")),
    ("es", "La policía del Perú detuvo a dos hombres.", ("sector", "police", "PE")),
    ("en", "The police of Chile arrested two men.", ("sector", "police", "CL")),
    ("fr", "Des enseignants d'Haïti ont manifesté mardi.", ("sector", "protesters", "HT")),
])
def test_a_sector_takes_the_country_after_a_preposition_of_origin(lang, text, mention):
    found = mentions(text, lang)
    assert mention in found
    assert not [m for m in found if m[0] == "country"]  # the country is no party of its own


def test_the_government_of_a_country_is_that_state_acting():
    assert ("country", "CL", "CL") in mentions("El gobierno de Chile protestó ante la embajada argentina.", "es")
    events = events_in("El gobierno de Chile protestó el martes ante la embajada argentina.", "es", PUBLISHED)
    assert [e.type for e in events] == ["ACCUSE"]


def test_a_town_after_a_sector_noun_leaves_the_country_to_the_sentence():
    # town names are shared across countries; only a country's name qualifies the sector this way
    assert ("sector", "protesters", None) in mentions("Los obreros de San Bernardo ocuparon la carretera.", "es")


@pytest.mark.parametrize("lang, sentence", [
    ("es", "Los sindicatos no lograron llegar a un acuerdo con el gobierno."),
    ("es", "El gobierno y los rebeldes no pudieron firmar el tratado."),
    ("es", "Los rebeldes intentaron firmar un acuerdo con el gobierno."),
    ("es", "Las partes fracasaron en su intento de alcanzar un acuerdo."),
    ("es", "Las delegaciones estuvieron a punto de firmar un acuerdo."),
    ("fr", "Les syndicats n'ont pas réussi à conclure un accord avec le gouvernement."),
    ("fr", "Les deux camps ont échoué à signer un accord."),
    ("fr", "Les deux pays ont tenté de signer un accord."),
])
def test_an_accord_whose_making_verb_is_negated_or_only_tried_is_not_made(lang, sentence):
    assert "AGREE" not in types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("es", "Los sindicatos lograron llegar a un acuerdo con el gobierno."),
    ("es", "El gobierno y los rebeldes firmaron un acuerdo de paz."),
    ("es", "Chile y Perú firmaron un acuerdo, aunque no lograron cerrar otros temas."),
    ("fr", "Les syndicats ont signé un accord avec le gouvernement."),
])
def test_an_accord_made_stays_an_agreement(lang, sentence):
    assert "AGREE" in types(sentence, lang)


@pytest.mark.parametrize("lang, text", [
    ("es", "La policía detuvo este martes a dos hombres que estarían vinculados al ataque."),
    ("es", "La policía detuvo este martes a 20 personas en relación con los disturbios."),
    ("fr", "La police a arrêté mardi deux hommes liés à l'attaque."),
    ("en", "Police arrested two men on Tuesday linked to the attack."),
])
def test_a_deed_someone_is_linked_to_is_no_new_act(lang, text):
    assert [e.type for e in events_in(text, lang, PUBLISHED)] == ["COERCE"]


@pytest.mark.parametrize("lang, text, doer", [
    # the demonym names the doer's armed forces (plover.json demonym_forces_types, act28)
    ("es", "Los bombardeos rusos dejaron este martes al menos cinco muertos en Kiev.", "RU:military"),
    ("es", "Los ataques aéreos israelíes mataron este martes a doce personas en Gaza.", "IL:military"),
    ("fr", "Les frappes russes ont fait mardi au moins cinq morts à Kiev.", "RU:military"),
])
def test_a_demonym_after_a_deed_noun_names_its_doer(lang, text, doer):
    assert [(e.type, e.actors) for e in events_in(text, lang, PUBLISHED)] == [("ASSAULT", [doer])]


def test_a_demonym_after_a_protest_leaves_the_protesters_acting():
    events = events_in("Las protestas chilenas dejaron este martes dos heridos en Santiago.", "es", PUBLISHED)
    assert ("PROTEST", ["CL:protesters"]) in [(e.type, e.actors) for e in events]


def test_a_country_named_after_a_deed_is_not_its_doer():
    # English puts its adjectives first: a demonym after an attack word is what was attacked
    events = events_in("Drones attacked Russian refineries on Tuesday.", "en", PUBLISHED)
    assert events and all(e.actors != ["RU"] for e in events)


SUNDAY = datetime(2024, 3, 3, 17, 0, tzinfo=timezone.utc)


def test_a_measure_announced_takes_the_day_of_its_announcement():
    # the day stands between the verb announcing the closure and the closure; a later "desde el
    # viernes" dates the partners' closures the gerund tells of, not this one
    text = ("El Ministerio de Transportes de España anunció este domingo el cierre del espacio aéreo a las "
            "aerolíneas rusas, sumándose a los cierres decretados por sus socios desde el viernes.")
    assert [(e.type, e.date) for e in events_in(text, "es", SUNDAY)] == [("SANCTION", "2024-03-03")]


def test_a_deed_reported_after_a_day_of_saying_keeps_its_own_day():
    text = "El Ministerio de Transportes de España informó este domingo que el cierre del espacio aéreo rige desde el viernes."
    assert [(e.type, e.date) for e in events_in(text, "es", SUNDAY)] == [("SANCTION", "2024-03-01")]


@pytest.mark.parametrize("lang, text", [
    ("es", "Dos hombres vinculados al ataque fueron detenidos este martes en Temuco."),
    ("en", "Two men linked to the attack were arrested on Tuesday in Temuco."),
])
def test_the_act_after_a_linked_deed_is_still_the_news(lang, text):
    assert [e.type for e in events_in(text, lang, PUBLISHED)] == ["COERCE"]
