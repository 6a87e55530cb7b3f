"""One act told with two countries is one event: a mention placed only by its doers' country retells the
act told before with its place (eventmerge._placed_once); acts of other doers, other tolls or told places
stay apart."""

from datetime import datetime, timezone

import pytest

from streams.nlp.eventmerge import Candidate, merged_candidates
from streams.records import ExtractedEvent
from tests.events_in_text import events_in

TUESDAY = datetime(2023, 3, 14, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("lang, text", [
    ("en", "Russian drones struck an apartment block in Kharkiv on Monday, killing four people. The Russian military "
           "described the attack as a precision strike."),
    ("es", "Drones rusos atacaron un edificio de viviendas en Járkov el lunes y mataron a cuatro personas. El ejército "
           "ruso calificó el ataque de golpe de precisión."),
    ("fr", "Des drones russes ont frappé un immeuble à Kharkiv lundi, tuant quatre personnes. L'armée russe a qualifié "
           "l'attaque de frappe de précision."),
    ("id", "Drone Rusia menyerang sebuah apartemen di Kharkiv pada Senin dan menewaskan empat orang. Militer Rusia "
           "menyebut serangan itu sebagai serangan presisi."),
    ("ms", "Dron Rusia menyerang sebuah blok pangsapuri di Kharkiv pada Isnin dan membunuh empat orang. Tentera Rusia "
           "menyifatkan serangan itu sebagai serangan tepat."),
])
def test_an_attack_retold_by_its_doer_is_the_attack_where_it_happened(lang, text):
    attacks = [(e.country, e.counts) for e in events_in(text, lang, TUESDAY) if e.type == "ASSAULT"]
    assert attacks == [("UA", {"killed": 4})]


def mention(country, actors, pos, *, told=True, place=None, counts=None, type_="ASSAULT", explicit=True):
    event = ExtractedEvent(type=type_, mode=None, country=country, date="2023-03-13", actors=list(actors),
                           targets=[], place=place, evidence=f"s{pos}", counts=dict(counts or {}))
    return Candidate(event, pos, 0, "city" if place else None, explicit_actor=explicit, country_told=told)


def countries(candidates):
    return [m.event.country for m in merged_candidates(candidates)]


def test_a_retelling_placed_by_its_doer_joins_the_act_told_before_with_its_place():
    strike = mention("UA", ["RU"], 0, place="Kharkiv", counts={"killed": 4})
    retold = mention("RU", ["RU:military"], 10, told=False)
    assert countries([strike, retold]) == ["UA"]


def test_a_mention_placed_by_its_doer_told_first_stays_the_story_act():
    lede = mention("RU", ["RU:rebels"], 0, told=False, type_="CONCEDE")
    relayed = mention("BY", ["RU:rebels"], 10, place="Minsk", type_="CONCEDE")
    assert sorted(countries([lede, relayed])) == ["BY", "RU"]


def test_acts_of_other_doers_or_other_tolls_in_two_countries_stay_two():
    strike = mention("UA", ["RU"], 0, place="Kharkiv", counts={"killed": 4})
    answer = mention("UA", ["UA:military"], 10, told=False)  # the other side's own act
    assert len(merged_candidates([strike, answer])) == 2
    strike = mention("LB", ["IL:military"], 0, place="Beirut", counts={"killed": 3})
    shooting = mention("IL", ["IL:military"], 10, told=False, counts={"killed": 2})  # another toll: another act
    assert len(merged_candidates([strike, shooting])) == 2


def test_a_mention_whose_country_is_told_stays_in_it():
    gaza = mention("PS", ["IL:military"], 0, place="Gaza City")
    beirut = mention("LB", ["IL:military"], 10, place="Beirut")
    assert sorted(countries([gaza, beirut])) == ["LB", "PS"]
