"""Spanish gaps found by probe sentences written from the PLOVER definitions and the coding conventions
(issue 10, es27), closed by kind: a singular subject of a phrase the lexicon had in the plural only,
count words of the lexicon's own killing and arrest verbs, half collectives, the small hours and the
night before last, forces put on alert in the passive, a closed broadcaster, arms supplied."""

from datetime import date, datetime, timezone

import pytest

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def kinds(sentence):
    return [(e.type, e.mode) for e in events_in(sentence, "es", PUBLISHED)]


@pytest.mark.parametrize("sentence, expected", [
    ("Un grupo de manifestantes irrumpió el lunes en la sede del Congreso.", "PROTEST"),
    ("El sindicato de maestros se sumó el martes a la huelga.", "PROTEST"),
    ("La multitud quemó neumáticos el martes frente a la gobernación.", "PROTEST"),
    ("Un comando armado asesinó a tiros el martes a un concejal.", "ASSAULT"),
    ("El gremio cumplió el martes un paro de 24 horas.", "PROTEST"),
    ("El ejército evacuó sus posiciones el martes.", "RETREAT"),
])
def test_a_singular_subject_takes_the_phrases_written_in_the_plural(sentence, expected):
    assert expected in [t for t, _ in kinds(sentence)]


@pytest.mark.parametrize("sentence", [
    "El ministro manifestó el martes su preocupación por la economía.",  # manifestó: stated
    "El presidente se enfrentó el martes a duras críticas en el Congreso.",  # se enfrentó: faced
    "El director de la cárcel retuvo el martes su cargo tras la fuga.",  # retuvo: kept
])
def test_a_singular_of_another_sense_is_no_event(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize("text, kind, value", [
    ("Medio centenar de personas fueron asesinadas el lunes.", "killed", 50),
    ("Medio millar de manifestantes fueron detenidos.", "arrested", 500),
    ("Siete policías fueron ultimados el lunes.", "killed", 7),
    ("Fueron abatidos cuatro presuntos guerrilleros.", "killed", 4),
    ("El ataque se cobró la vida de ocho personas.", "killed", 8),
    ("Los militares apresaron a seis opositores.", "arrested", 6),
])
def test_counts_of_the_lexicon_verbs_and_half_collectives(text, kind, value):
    assert (kind, value) in [(c.kind, c.value) for c in find_counts(text, "es")]


@pytest.mark.parametrize("text, day", [
    ("Un coche bomba estalló esta madrugada en el centro.", date(2025, 3, 12)),
    ("Un coche bomba estalló en la madrugada de hoy.", date(2025, 3, 12)),
    ("Hombres armados atacaron anteanoche una comisaría.", date(2025, 3, 10)),
])
def test_the_small_hours_and_the_night_before_last(text, day):
    assert [d.value for d in find_dates(text, PUBLISHED, "es")] == [day]


def test_forces_put_on_alert_in_the_passive_are_mobilized_a_weather_alert_is_not():
    assert kinds("Las fuerzas armadas fueron puestas en alerta máxima el lunes.") == [("MOBILIZE", "troops")]
    assert kinds("La región fue puesta en alerta máxima el lunes por las lluvias.") == []


def test_a_broadcaster_closed_by_the_authorities_is_censorship():
    assert kinds("El régimen clausuró el martes una emisora de radio independiente.") == [("COERCE", "censor")]


@pytest.mark.parametrize("sentence", [
    "Alemania suministró el martes tanques a Ucrania.",
    "Estados Unidos envió armamento el martes a Ucrania.",
])
def test_arms_supplied_to_a_state_are_military_aid(sentence):
    assert kinds(sentence) == [("AID", "military")]


@pytest.mark.parametrize("lang, sentence", [
    ("es", "Los sindicatos convocaron una huelga para el próximo lunes."),
    ("es", "La central obrera ha convocado un paro nacional para el jueves."),
    ("en", "The unions called a strike for next Monday."),
    ("fr", "Les syndicats ont appelé à une grève pour lundi prochain."),
])
def test_a_strike_called_is_a_threat_of_protest_not_yet_a_strike(lang, sentence):
    assert [e.type for e in events_in(sentence, lang, PUBLISHED)] == ["THREATEN"]


@pytest.mark.parametrize("sentence", [
    "Los transportistas estudian convocar un paro.",
    "Los gobiernos contemplan imponer sanciones a los funcionarios.",
    "Los rebeldes se disponen a lanzar una ofensiva sobre la capital.",
    "Los militares planeaban detener a los opositores.",
])
def test_plans_and_intentions_told_in_the_plural_or_the_imperfect_are_no_events(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize("lang, sentence, target", [
    ("es", "Gabriel Boric criticó el martes al gobierno de Nicaragua.", "NI"),
    ("es", "La ONU instó el martes al gobierno de Venezuela a liberar a los presos.", "VE"),
    ("en", "Chilean President Gabriel Boric criticized the government of Nicaragua on Tuesday.", "NI"),
    ("fr", "Le président chilien a critiqué mardi le gouvernement du Nicaragua.", "NI"),
])
def test_the_government_of_a_country_addressed_is_that_state_not_the_speakers(lang, sentence, target):
    assert [e.targets for e in events_in(sentence, lang, PUBLISHED)] == [[target]]


def test_deprived_of_liberty_is_an_arrest_the_people_so_named_are_inmates():
    events = events_in("La policía privó de libertad a dos dirigentes el martes en Managua.", "es", PUBLISHED)
    assert [(e.type, e.mode, e.counts) for e in events] == [("COERCE", "arrest", {"arrested": 2})]
    assert kinds("Las personas privadas de libertad recibieron el martes la visita de la Cruz Roja.") == []
