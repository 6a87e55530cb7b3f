"""Missed acts (issue 10, recall15): English wire style names the day between a verb and its
complement ("vowed on Friday to retaliate"), as Spanish and French do ("juraron el viernes vengar",
"ont juré vendredi de venger"); a trigger is read over the day in all three. What a trigger requires
in its sentence is looked for in the words as written ("said on Tuesday that ... must").
Sentences written for these tests.
"""

from streams.nlp.fuzzy import fold
from streams.nlp.triggers import lexicon
from tests.unit.test_enrich import enriched


def types(text, lang):
    return sorted(e.type for e in enriched(text, lang, published="2024-01-13T18:00:00+00:00", title="News").events)


def test_a_vow_read_over_the_day_is_a_threat_not_an_attack():
    assert types("Rebel leaders vowed on Friday to retaliate for the air strikes near Gao.", "en") == ["THREATEN"]
    assert types("Rebel leaders vowed late on Friday to retaliate for the air strikes near Gao.", "en") == ["THREATEN"]
    assert types("Los líderes rebeldes juraron el viernes vengar los bombardeos cerca de Cúcuta.", "es") == ["THREATEN"]
    assert types("Les chefs rebelles ont juré vendredi de venger les frappes aériennes près de Gao.", "fr") == [
        "THREATEN"]


def test_a_demand_needing_a_speech_verb_finds_it_before_the_day():
    assert types("The foreign minister said on Friday that the rebels must lay down their arms.", "en") == [
        "REQUEST"]


def test_a_day_after_a_preposition_is_its_complement_not_an_insertion():
    insertion = lexicon("en").time_insertion
    assert insertion.search(fold("rebels vowed on friday to retaliate"))
    assert insertion.search(fold("police arrested late on monday twenty protesters"))
    assert not insertion.search(fold("protests have gone on since friday in lagos"))
    assert not insertion.search(fold("the talks set for next friday in accra"))
