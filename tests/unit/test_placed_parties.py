"""A country after a preposition of place is where a party is, not a party (issue 10, lead29):
"residents in Chile" are Chilean people (their protest is no state's complaint), "Russian troops
in Syria" are still Russian forces."""

from datetime import datetime, timedelta, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 8, 0, tzinfo=timezone(timedelta(hours=0)))


def events(text, lang):
    return [(e.type, e.actors) for e in events_in(text, lang, PUBLISHED)]


@pytest.mark.parametrize("lang, text, actor", [
    ("en", "Residents in Chile protested on Monday against the new mining law.", "CL:civilians"),
    ("es", "Los vecinos en Chile protestaron el lunes contra la nueva ley minera.", "CL:civilians"),
    ("en", "People in Chile protested on Monday against the new mining law.", "CL:civilians"),
])
def test_people_in_a_country_protest_as_people_not_as_its_state(lang, text, actor):
    assert events(text, lang) == [("PROTEST", [actor])]


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian troops in Syria attacked rebels on Monday."),
    ("fr", "Les troupes russes en Syrie ont attaqué des rebelles lundi."),
    ("es", "Las tropas rusas en Siria atacaron a los rebeldes el lunes."),
    ("id", "Pasukan Rusia di Suriah menyerang pemberontak pada Senin."),
])
def test_forces_placed_in_a_country_stay_their_own_states(lang, text):
    assert events(text, lang) == [("ASSAULT", ["RU:military"])]


def test_a_country_named_as_the_doer_stays_the_doer():
    # no party before it: the country itself acts
    assert events("Syria attacked rebel positions on Monday.", "en") == [("ASSAULT", ["SY"])]


def test_a_mission_stationed_in_the_country_mobilizes_where_a_body_sending_forces_aids():
    assert events("La mission de l'ONU au Mali a déployé vendredi des renforts autour de Gao.", "fr") == [
        ("MOBILIZE", ["UN"])]
    assert events("L'ONU a déployé vendredi des renforts au Mali.", "fr") == [("AID", ["UN"])]


@pytest.mark.parametrize("lang, text, actor", [
    ("en", "The British ambassador to the United States criticised the decision on Tuesday.", "GB:government"),
    ("en", "The UN envoy to Yemen condemned the attack on Tuesday.", "UN"),
    ("fr", "L'envoyé de l'ONU pour le Yémen a condamné mardi l'attaque.", "UN"),
    ("es", "El enviado de la ONU para Yemen condenó el martes el ataque.", "UN"),
    ("id", "Utusan PBB untuk Yaman mengecam serangan itu pada Selasa.", "UN"),
])
def test_the_domain_of_an_office_is_no_speaker_and_no_purpose(lang, text, actor):
    # "pour le Yémen", "untuk Yaman": a preposition before a name, not a purpose before a verb
    assert events(text, lang) == [("ACCUSE", [actor])]


def test_a_purpose_before_a_verb_still_is_one():
    for lang, text in [("en", "Police were sent on Tuesday to arrest the leaders of the union."),
                       ("fr", "La police a été envoyée mardi pour arrêter les dirigeants du syndicat."),
                       # a determiner right before the trigger: its object, not a name before a verb
                       ("en", "The storm knocked down power lines on Tuesday, leading to a blackout in the city."),
                       # no capitals, no name to tell: the marker stays a purpose
                       ("en", "officials said poor planning had led to the widespread killing and arson in the town.")]:
        assert not {"COERCE", "ASSAULT"} & {t for t, _ in events(text, lang)}


@pytest.mark.parametrize("lang, text", [
    ("en", "EU officials condemned the attack on Tuesday."),
    ("fr", "Les responsables de l'UE ont condamné mardi l'attaque."),
    ("id", "Pejabat Uni Eropa mengecam serangan itu pada Selasa."),
])
def test_people_of_an_international_body_are_the_body(lang, text):
    assert events(text, lang) == [("ACCUSE", ["EU"])]
