"""Sentences that name no act of a day (issue 10, neg28; streams/nlp/notevents.py): a speech act told in the
present past the story's opening is a stance held ("Moscow denies targeting civilians"); a deployment participle
after a noun governed by a preposition describes forces in place ("una visita a tropas desplegadas en Gaza";
Spanish and French only: the English participle is also the past tense)."""

import pytest

from streams.nlp.notevents import governed_participle, habitual_present
from streams.nlp.triggers import find_triggers
from tests.unit.test_enrich import enriched

PUBLISHED = "2024-05-08T10:00:00+00:00"  # a Wednesday
LEDES = {
    "en": "The foreign minister met his counterpart in the capital on Monday, officials said.",
    "es": "El canciller se reunió con su homólogo en la capital el lunes, informaron funcionarios.",
    "fr": "Le ministre des Affaires étrangères a rencontré son homologue lundi dans la capitale, selon des responsables.",
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
