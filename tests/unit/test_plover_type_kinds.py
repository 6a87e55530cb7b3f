"""Kinds of PLOVER type missed on the PLOVER gold-standard records and UniversalPetrarch Spanish (ext23):
a visit or a mediation told as a noun, negotiations taken up again, a proposal or offer accepted, an
offer to hand over or send something, investigations opened against someone, a withdrawal begun, a grant
given; and what these families must not take: plans, refusals, a visit to one's own troops."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def types_of(text, lang):
    return [e.type for e in events_in(text, lang, PUBLISHED)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The Kenyan president arrived in Kampala on Tuesday on a two-day official visit.", "CONSULT"),
    ("en", "Ethiopia and Egypt resumed negotiations on the dam in Addis Ababa on Tuesday.", "CONSULT"),
    ("en", "Kenya's former president launched a mediation effort between Ethiopia and Sudan on Tuesday.", "CONSULT"),
    ("en", "The teachers' union accepted the government's offer on Tuesday, its leader said.", "AGREE"),
    ("en", "Kenya said on Tuesday that it is opposed to the deployment of foreign troops in Somalia.", "REJECT"),
    ("en", "Uganda has offered to hand over the two suspects to Kenya, the foreign minister said on Tuesday.", "AGREE"),
    ("en", "A Nairobi magistrate opened corruption investigations against 14 county officials on Tuesday.", "ACCUSE"),
    ("en", "Ethiopia began the withdrawal of its troops from the border town on Tuesday.", "RETREAT"),
    ("en", "Japan gave Kenya a grant of 20 million dollars on Tuesday for new clinics.", "AID"),
    ("es", "El canciller keniano llegó el martes a Kampala en una visita oficial de dos días.", "CONSULT"),
    ("fr", "Le président kényan est arrivé mardi à Kampala pour une visite officielle de deux jours.", "CONSULT"),
    ("id", "Presiden Kenya tiba di Jakarta pada Selasa untuk kunjungan resmi dua hari.", "CONSULT"),
    ("ms", "Presiden Kenya tiba di Kuala Lumpur pada Selasa untuk lawatan rasmi dua hari.", "CONSULT"),
    ("ms", "Jepun memberikan geran 20 juta dolar kepada Malaysia pada Selasa.", "AID"),
    ("ms", "Kesatuan guru menerima tawaran kerajaan pada Selasa.", "AGREE"),
    ("id", "Malaysia menawarkan diri untuk menjadi penengah antara kedua negara pada Selasa.", "AGREE"),
    ("fr", "Le Maroc a proposé de livrer mardi les deux suspects à la France.", "AGREE"),
])
def test_a_missing_trigger_family_gives_its_type(lang, text, expected):
    assert expected in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The Kenyan president will travel to Kampala next week on a state visit."),
    ("en", "The teachers' union said on Tuesday it would not accept the government's offer."),
    ("en", "The opposition said on Tuesday that any mediation effort would be welcome next year."),
])
def test_plans_refusals_and_hopes_are_not_the_new_types(lang, text):
    types = types_of(text, lang)
    assert "CONSULT" not in types and "AGREE" not in types


@pytest.mark.parametrize("lang, text", [
    ("en", "The Israeli army chief said on a visit to troops in Gaza on Tuesday that operations would go on."),
    ("es", "El jefe del ejército israelí dijo el martes en una visita oficial a las tropas en Gaza que las operaciones seguirán."),
])
def test_a_visit_to_troops_is_no_consultation(lang, text):
    assert "CONSULT" not in types_of(text, lang)


def test_a_bare_proposal_in_french_is_no_offer():
    assert "AGREE" not in types_of("Le ministre a proposé de réformer mardi le code du travail.", "fr")
