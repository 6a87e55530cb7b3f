"""Ways of telling an accusation the lexicon missed (acc21): the plural present of accusing verbs,
press verbs of criticism, evaluations of an act of war, inquiries opened or their findings told
and court rulings against a party; with the senses of the same words that tell no accusation."""

from datetime import datetime, timedelta, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 6, 13, 18, 0, tzinfo=timezone(timedelta(hours=3)))  # a Friday


def accusations(text, lang="en"):
    return [e for e in events_in(text, lang, PUBLISHED) if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "MASERU - Villagers near the new mine accuse chiefs of accepting bribes to ignore their complaints.",
    "LONDON - Opposition parties condemn the government's decision to cut the aid budget, their leaders said "
    "on Thursday.",
    "ROME - The opposition on Thursday hit out at the government over the rise in fuel prices.",
    "WASHINGTON - The senator took aim at the governor's budget plan on Thursday.",
    "WASHINGTON - On Thursday the president assailed the judge as a partisan activist.",
    "ISLAMABAD - Indian missiles struck several towns on Thursday in what Pakistan's prime minister called "
    "an act of war.",
    "STOCKHOLM - An investigation by the newspaper has revealed that prison guards have been selling "
    "confidential files to gangs.",
    "OTTAWA - The ethics commissioner opened an inquiry on Thursday after complaints about the minister's "
    "travel expenses.",
    "WASHINGTON - A federal judge on Thursday ruled against the administration's plan to close the agency.",
    "NAIROBI - The High Court struck down the new finance law on Thursday.",
])
def test_an_accusation_told_this_way_is_found(text):
    assert len(accusations(text)) == 1


@pytest.mark.parametrize("text", [
    "LONDON - The opposition is expected to condemn the budget when it is presented next week.",
    "LONDON - Leaders did not condemn the decision on Thursday.",
    "LONDON - Activists want the council to accuse the company of polluting the river.",
    "PARIS - The accused was released on bail on Thursday.",
    "WASHINGTON - The justices on Thursday heard an appeal of a lower-court ruling that struck down the law.",
    "ODESA - A missile slammed into a container ship at the port on Thursday.",
    "LONDON - A lorry slams into parked cars on a motorway.",
    "LEEDS - A cyclist was struck down by a speeding car on Thursday.",
])
def test_the_same_words_in_another_sense_are_no_accusation(text):
    assert accusations(text) == []


@pytest.mark.parametrize("lang, text", [
    ("es", "MADRID - El presidente calificó el jueves el ataque como un acto de guerra."),
    ("fr", "PARIS - Le Premier ministre a qualifié jeudi les frappes d'acte de guerre."),
    ("id", "JAKARTA - Presiden menyebut serangan itu sebagai tindakan perang pada Kamis."),
    ("ms", "KUALA LUMPUR - Perdana Menteri menyifatkan sekatan itu sebagai tindakan perang pada Khamis."),
])
def test_calling_a_deed_an_act_of_war_is_a_condemnation_in_every_language(lang, text):
    assert len(accusations(text, lang)) == 1
