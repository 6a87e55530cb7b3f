"""Sentences that name no act of a day (issue 10, neg28; streams/nlp/notevents.py): a speech act told in the
present past the story's opening is a stance held ("Moscow denies targeting civilians"); a deployment participle
after a noun governed by a preposition describes forces in place ("una visita a tropas desplegadas en Gaza";
Spanish and French only: the English participle is also the past tense); an apposition or a relative clause
told long before publication inside a sentence of the story's days retells who someone is (neg29: "the
journalist, detained last year, was freed on Tuesday"), and so does a participle qualifying a noun ("relatives
of the detained activists")."""

import pytest

from streams.nlp.notevents import attributive_participle, governed_participle, habitual_present, participle_aside
from streams.nlp.triggers import find_triggers
from tests.unit.test_enrich import enriched

PUBLISHED = "2024-05-08T10:00:00+00:00"  # a Wednesday
LEDES = {
    "en": "The foreign minister met his counterpart in the capital on Monday, officials said.",
    "es": "El canciller se reunió con su homólogo en la capital el lunes, informaron funcionarios.",
    "fr": "Le ministre des Affaires étrangères a rencontré son homologue lundi dans la capitale, selon des responsables.",
    "id": "Menteri luar negeri bertemu dengan mitranya di ibu kota pada Senin, kata pejabat.",
    "ms": "Menteri luar negeri bertemu rakan sejawatnya di ibu negara pada Isnin, kata pegawai.",
}


def body_types(sentence: str, lang: str) -> list[str]:
    """The event types of ``sentence`` told two paragraphs after a dated lede (past the story's opening)."""
    text = f"{LEDES[lang]}\n\nThe economy grew last quarter.\n\n{sentence}"
    start = text.index(sentence)
    return [e.type for e in enriched(text, lang, published=PUBLISHED, title="News").events
            if e.evidence and text.find(e.evidence) >= start]


def hit_of(sentence: str, lang: str, kind: str):
    return next(h for h in find_triggers(sentence, lang) if h.trigger.type == kind)


@pytest.mark.parametrize("lang, sentence, kind", [
    ("en", "Moscow denies targeting civilians.", "REJECT"),
    ("en", "The opposition accuses the government of corruption and mismanagement.", "ACCUSE"),
    ("en", "The Democrats are alleging that the call was improper.", "ACCUSE"),
    ("en", "Critics accuse the company of ignoring safety rules.", "ACCUSE"),
    ("es", "La oposición acusa al gobierno de corrupción y mala gestión.", "ACCUSE"),
    ("es", "El ministerio rechaza cualquier sugerencia de fraude electoral.", "REJECT"),
    ("fr", "L'opposition accuse le gouvernement de corruption et de mauvaise gestion.", "ACCUSE"),
    ("fr", "Le ministère rejette toute idée de fraude électorale.", "REJECT"),
])
def test_a_speech_act_in_the_present_past_the_opening_is_a_stance(lang, sentence, kind):
    assert habitual_present(sentence, hit_of(sentence, lang, kind), lang)
    assert kind not in body_types(sentence, lang)


@pytest.mark.parametrize("lang, sentence, kind", [
    ("en", "The government accused the opposition of corruption on Tuesday.", "ACCUSE"),
    ("es", "El gobierno acusó a la oposición de corrupción el martes.", "ACCUSE"),
    ("fr", "Le gouvernement a accusé l'opposition de corruption mardi.", "ACCUSE"),
])
def test_a_speech_act_in_the_past_with_a_day_stays_an_event(lang, sentence, kind):
    assert not habitual_present(sentence, hit_of(sentence, lang, kind), lang)
    assert kind in body_types(sentence, lang)


@pytest.mark.parametrize("lang, sentence, kind", [
    ("en", "The ministry rejected the demands of the union.", "REQUEST"),
    ("es", "El juez admitió la denuncia de la fiscalía el martes.", "ACCUSE"),
    ("fr", "Le juge a reçu la plainte mardi et une menace du groupe.", "THREATEN"),
])
def test_a_noun_of_the_same_spelling_is_no_present(lang, sentence, kind):
    hits = [h for h in find_triggers(sentence, lang) if h.trigger.type == kind]
    assert not any(habitual_present(sentence, h, lang) for h in hits)


@pytest.mark.parametrize("lang, sentence", [
    ("es", "El ministro visitó por sorpresa a las tropas desplegadas en la frontera."),
    ("fr", "Le ministre a rendu visite aux troupes déployées à la frontière."),
])
def test_forces_deployed_as_an_attribute_are_no_deployment(lang, sentence):
    assert governed_participle(sentence, hit_of(sentence, lang, "MOBILIZE"), lang)
    assert "MOBILIZE" not in body_types(sentence, lang)


@pytest.mark.parametrize("lang, sentence", [
    ("en", "After weeks of clashes with the rebels, soldiers deployed along the main road."),
    ("es", "Tras semanas de choques con los rebeldes, soldados desplegados a lo largo de la carretera el lunes."),
    ("es", "Miles de policías desplegados en Madrid para la marcha del lunes."),
    ("fr", "Des troupes ont été déployées à la frontière lundi."),
])
def test_a_deployment_told_or_counted_stays_one(lang, sentence):
    assert "MOBILIZE" in body_types(sentence, lang)


def second_paragraph_types(sentence: str, lang: str) -> list[str]:
    """The event types of ``sentence`` told in the paragraph after a dated lede."""
    text = f"{LEDES[lang]}\n\n{sentence}"
    start = text.index(sentence)
    return [e.type for e in enriched(text, lang, published=PUBLISHED, title="News").events
            if e.evidence and text.find(e.evidence) >= start]


@pytest.mark.parametrize("lang, sentence, kept", [
    ("en", "The journalist, detained last year, was released on Tuesday.", "RETREAT"),
    ("en", "The journalist, who was detained in October, was released on Tuesday.", "RETREAT"),
    ("es", "Suiza extraditó el martes a un empresario ruso, detenido en Zúrich en octubre pasado.", "COOPERATE"),
    ("es", "El periodista, que fue detenido el año pasado, fue liberado el martes.", "RETREAT"),
    ("fr", "La Suisse a extradé mardi un homme d'affaires russe, arrêté à Zurich en octobre dernier.", "COOPERATE"),
    ("id", "Wartawan yang ditangkap tahun lalu itu dibebaskan pada Selasa.", "RETREAT"),
    ("id", "Swiss mengekstradisi seorang pengusaha Rusia, yang ditangkap di Zurich pada Oktober lalu, pada Selasa.",
     "COOPERATE"),
    ("ms", "Wartawan yang ditangkap tahun lepas itu dibebaskan pada Selasa.", "RETREAT"),
])
def test_an_arrest_retold_in_an_apposition_long_past_is_history(lang, sentence, kept):
    types = second_paragraph_types(sentence, lang)
    assert "COERCE" not in types and kept in types, types


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The opposition leader, arrested on Tuesday, was charged on Wednesday."),
    ("en", "Police raided the house on Tuesday, arrested two men and seized weapons."),
    ("es", "Dos hombres, detenidos el martes, comparecieron ante el juez el miércoles."),
    ("fr", "Deux hommes, arrêtés mardi, ont été présentés à un juge mercredi."),
    ("id", "Dua pria yang ditangkap pada Selasa diperiksa polisi pada Rabu."),
    ("ms", "Dua lelaki yang ditahan pada Selasa direman selama tujuh hari."),
])
def test_an_arrest_in_an_apposition_of_the_story_days_stays(lang, sentence):
    assert "COERCE" in second_paragraph_types(sentence, lang)


@pytest.mark.parametrize("lang, sentence, kind, aside", [
    ("en", "The journalist, detained last year, was freed.", "COERCE", True),
    ("es", "Un empresario, detenido en octubre, fue extraditado.", "COERCE", True),
    ("fr", "Un homme, arrêté en octobre, a été extradé.", "COERCE", True),
    ("es", "Según la policía, detuvo a dos hombres.", "COERCE", False),
])
def test_a_participle_after_a_comma_opens_an_apposition(lang, sentence, kind, aside):
    assert (participle_aside(sentence, hit_of(sentence, lang, kind), lang) is not None) == aside


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Relatives of the arrested protesters gathered outside the court."),
    ("en", "Members of the banned party met in secret."),
    ("es", "Familiares de los manifestantes detenidos se reunieron frente al tribunal."),
    ("fr", "Les militants arrêtés restent dans une prison en dehors de la capitale."),
    ("id", "Keluarga para aktivis yang ditahan menunggu di depan pengadilan."),
    ("ms", "Keluarga aktivis yang ditahan menunggu di hadapan mahkamah."),
])
def test_a_participle_qualifying_a_noun_is_no_arrest_or_ban(lang, sentence):
    assert "COERCE" not in body_types(sentence, lang)


@pytest.mark.parametrize("lang, sentence, attributive", [
    ("en", "Relatives of the detained activists gathered.", True),
    ("en", "Police detained the activists.", False),
    ("es", "Los manifestantes detenidos esperan.", True),
    ("es", "Los manifestantes fueron detenidos.", False),
    ("es", "Los 30 manifestantes detenidos esperan.", False),
    ("es", "Los cinco detenidos esperan.", False),
    ("fr", "Les militants arrêtés attendent.", True),
    ("fr", "La police a arrêté les militants.", False),
])
def test_a_participle_after_a_determiner_qualifies_its_noun(lang, sentence, attributive):
    assert attributive_participle(sentence, hit_of(sentence, lang, "COERCE"), lang) == attributive


def test_a_participle_qualifying_a_noun_in_the_lede_stays_the_story_arrest():
    text = "The arrested workers were released later on Tuesday."
    assert "COERCE" in [e.type for e in enriched(text, "en", published=PUBLISHED, title="News").events]
