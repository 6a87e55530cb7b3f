"""Kinds of false events on real pages (issue 10, real19): stances told in the present perfect deep in
the story, and acts told as done again and again."""

from datetime import datetime

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 9)

#: a lede and a second paragraph, so that the sentence under test lies past the story's opening
OPENINGS = {
    "en": ("Police arrested 30 protesters in Lyon on Tuesday after clashes outside the town hall.\n\n"
           "The clashes lasted several hours.\n\n"),
    "es": ("La policía detuvo a 30 manifestantes en Lyon el martes tras enfrentamientos ante el ayuntamiento.\n\n"
           "Los enfrentamientos duraron varias horas.\n\n"),
    "fr": ("La police a interpellé 30 manifestants à Lyon mardi après des heurts devant la mairie.\n\n"
           "Les heurts ont duré plusieurs heures.\n\n"),
    "id": ("Polisi menangkap 30 pengunjuk rasa di Lyon pada Selasa setelah bentrokan di depan balai kota.\n\n"
           "Bentrokan berlangsung beberapa jam.\n\n"),
    "ms": ("Polis menahan 30 penunjuk perasaan di Lyon pada Selasa selepas pertempuran di hadapan dewan bandar.\n\n"
           "Pertempuran itu berlarutan beberapa jam.\n\n"),
}


def types_after_opening(sentence: str, lang: str, openings: dict[str, str] = OPENINGS) -> list[str]:
    opening = openings[lang]
    return [e.type for e in events_in(opening + sentence, lang, PUBLISHED) if e.evidence == sentence]


@pytest.mark.parametrize("sentence, event_type", [
    ("Farmers' unions have accused the ministry of ignoring rural debt.", "ACCUSE"),
    ("The mayor has denied any wrongdoing in the housing contracts.", "REJECT"),
    ("Several church leaders have praised the volunteers who run the shelters.", "SUPPORT"),
])
def test_a_stance_told_in_the_perfect_past_the_opening_is_no_event(sentence, event_type):
    assert event_type not in types_after_opening(sentence, "en")


def test_a_perfect_tied_to_the_story_by_a_news_frame_stays_an_event():
    sentence = "It comes as the teachers' union has accused the ministry of ignoring rural schools."
    assert "ACCUSE" in types_after_opening(sentence, "en")


def test_a_deed_told_in_the_perfect_stays_an_event():
    sentence = "The army has withdrawn its troops from the northern province."
    assert "RETREAT" in types_after_opening(sentence, "en")


@pytest.mark.parametrize("lang, sentence, event_type", [
    ("en", "The farmers' union repeatedly accused the ministry of ignoring rural debt.", "ACCUSE"),
    ("es", "El sindicato reiteradamente ha acusado al ministerio de ignorar la deuda rural.", "ACCUSE"),
    ("fr", "Le syndicat a systématiquement dénoncé la politique du ministère.", "ACCUSE"),
    ("id", "Serikat petani berulang kali mengecam kebijakan kementerian.", "ACCUSE"),
    ("ms", "Kesatuan petani berulang kali mengecam dasar kementerian.", "ACCUSE"),
])
def test_an_act_done_again_and_again_is_a_habit(lang, sentence, event_type):
    assert event_type not in types_after_opening(sentence, lang)


@pytest.mark.parametrize("lang, sentence, event_type", [
    ("en", "The farmers' union accused the ministry on Tuesday of ignoring rural debt.", "ACCUSE"),
    ("id", "Serikat petani mengecam kebijakan kementerian pada Selasa.", "ACCUSE"),
])
def test_the_same_act_without_a_repetition_adverb_stays_an_event(lang, sentence, event_type):
    assert event_type in types_after_opening(sentence, lang)


@pytest.mark.parametrize("lang, sentence, event_type", [
    ("en", "In October, the then interior minister, Ana Maria Ruiz, formally and publicly approved an extradition "
           "request from Chile.",
     "COOPERATE"),
    ("es", "En octubre, el entonces ministro del Interior del país, Pablo Ruiz Gómez, criticó duramente la decisión "
           "del tribunal.",
     "ACCUSE"),
])
def test_a_fronted_month_long_past_dates_the_clause_across_a_parenthesis(lang, sentence, event_type):
    assert event_type not in types_after_opening(sentence, lang)


#: an opening that tells a march and no arrest, so that an arrest after it would be a new event
MARCH_OPENINGS = {
    "en": "Thousands marched in Lyon on Tuesday against the pension reform.\n\nThe march lasted hours.\n\n",
    "es": ("Miles de personas marcharon en Lyon el martes contra la reforma de las pensiones.\n\n"
           "La marcha duró horas.\n\n"),
    "fr": ("Des milliers de personnes ont manifesté à Lyon mardi contre la réforme des retraites.\n\n"
           "La marche a duré des heures.\n\n"),
}


@pytest.mark.parametrize("lang, sentence", [
    ("en", "Shortly after the arrest of the union leader, the senator linked the case to a talk show host."),
    ("es", "Tras la detención del líder sindical, la senadora vinculó el caso con un presentador de televisión."),
    ("fr", "Après l'arrestation du dirigeant syndical, la sénatrice a lié l'affaire à un animateur de télévision."),
])
def test_an_act_after_a_preposition_of_time_only_dates_another(lang, sentence):
    assert "COERCE" not in types_after_opening(sentence, lang, MARCH_OPENINGS)
