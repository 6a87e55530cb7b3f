"""Roles by the conventions: what one mention of an act names refines what another leaves vague;
who tallies a toll or sends forces is placed by what they do."""

from datetime import datetime, timedelta, timezone

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.events import extract_events
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.records import Sentence

PUBLISHED = datetime(2024, 5, 16, 12, 0, tzinfo=timezone(timedelta(hours=7)))


def roles(text, lang, event_type, mode=None):
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, lang, PUBLISHED, find_places(text, lang),
                            find_dates(text, PUBLISHED, lang), find_counts(text, lang))
    return [(e.actors, e.targets) for e in events if e.type == event_type and (mode is None or e.mode == mode)]


def test_people_hit_beside_the_protesters_are_those_protesters():
    # the crowd fired on is the protesters: "people" shot in the same attack are no civilians besides them
    (attack,) = roles("MAPUTO, Mozambique - Police fired tear gas at protesters in Maputo on Wednesday. Three people "
                      "were shot dead in the clashes on Wednesday, a hospital said.", "en", "ASSAULT", "crowd-control")
    assert attack == (["MZ:police"], ["MZ:protesters"])
    (attack,) = roles("LIMA, Perú - La policía disparó gases lacrimógenos contra los manifestantes en Lima este "
                      "miércoles. La policía disparó contra personas en Lima este miércoles y mató a tres.",
                      "es", "ASSAULT", "firearms")
    assert attack == (["PE:police"], ["PE:protesters"])


def test_a_party_told_as_hit_is_not_also_the_attacker():
    # the agent of a participle ("used by Hezbollah members") is no attacker of the fighters the act wounded
    for lang, text in (
        ("en", "BEIRUT, Lebanon - Explosions wounded Hezbollah fighters across Lebanon on Tuesday. Nine people were "
               "killed on Tuesday when pagers used by Hezbollah members exploded in Beirut."),
        ("fr", "BEYROUTH, Liban - Des explosions ont blessé des combattants du Hezbollah à travers le Liban mardi. Neuf "
               "personnes ont été tuées mardi lorsque des bipeurs utilisés par des membres du Hezbollah ont explosé "
               "à Beyrouth."),
    ):
        (attack,) = roles(text, lang, "ASSAULT")
        assert "LB:rebels" in attack[1] and "LB:rebels" not in attack[0], lang


def test_a_state_deploying_its_own_forces_at_home_mobilizes_with_them():
    # the troops a country sends within its borders are no target of the deployment
    for lang, text, cc in (
        ("es", "LIMA, Perú - Perú dispuso este martes el despliegue de las Fuerzas Armadas en Tumbes y Piura.", "PE"),
        ("id", "JAKARTA - Indonesia mengerahkan ribuan tentara ke Papua pada Selasa (14/5).", "ID"),
        ("en", "MANILA, Philippines - The Philippines deployed troops to Mindanao on Tuesday.", "PH"),
    ):
        assert roles(text, lang, "MOBILIZE") == [([f"{cc}:military"], [])], lang


def test_who_reports_a_toll_did_not_make_the_act_it_counts():
    # "updated the toll of the blasts": the minister tallies the explosions, no one named set them off
    for lang, text in (
        ("en", "BEIRUT, Lebanon - Health Minister Firass Abiad on Tuesday updated the toll of the blasts to 12 dead "
               "and 2,800 wounded."),
        ("id", "BEIRUT, Lebanon - Menteri Kesehatan Lebanon Firass Abiad memperbarui jumlah korban ledakan pada Selasa "
               "(14/5) menjadi 12 orang tewas dan 2.800 orang luka-luka."),
    ):
        (attack,) = roles(text, lang, "ASSAULT")
        assert "Firass Abiad" not in attack[0], lang
