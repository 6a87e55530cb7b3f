"""Kinds of failure found on the external benchmarks (ext19): a firearm discharge told by its
ammunition, a count of rounds or shots fired, the same count in the passive, or a resort to firing,
with nobody named as the target; a deed named only as what people fear, a risk or a possibility."""

from datetime import datetime, timezone

import pytest

from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def types_of(text, lang):
    return [(e.type, e.mode) for e in events_in(text, lang, PUBLISHED)]


@pytest.mark.parametrize("lang, text", [
    ("en", "Officers fired 12 rounds on Tuesday to break up the crowd outside the depot."),
    ("en", "At least nine rounds were fired near the bus stand on Wednesday, the district officer said."),
    ("en", "Guards at the jail had to resort to firing on Tuesday night when inmates broke out."),
    ("en", "Soldiers fired several shots at the checkpoint in Kisumu on Tuesday."),
    ("id", "Sebanyak 15 peluru ditembakkan aparat di depan gudang itu pada Selasa malam."),
    ("es", "Los guardias efectuaron el martes doce disparos frente al depósito."),
])
def test_rounds_or_shots_fired_are_an_assault_with_firearms(lang, text):
    assert ("ASSAULT", "firearms") in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The striker fired three shots on goal in the second half on Tuesday."),
    ("en", "The central bank fired the first round of rate cuts on Tuesday."),
])
def test_shots_in_a_match_or_a_round_of_cuts_are_no_assault(lang, text):
    assert not any(t == "ASSAULT" for t, _ in types_of(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Traders in the old market kept their shutters down on Tuesday fearing violence."),
    ("en", "Hundreds of families stayed in the school on Tuesday for fear of fresh clashes."),
    ("fr", "Les commerçants du vieux marché ont gardé mardi leurs rideaux baissés par crainte de nouvelles violences."),
    ("es", "Los comerciantes del mercado mantuvieron el martes sus persianas bajadas por temor a nuevos enfrentamientos."),
])
def test_a_deed_only_feared_is_no_event(lang, text):
    assert not any(t in ("ASSAULT", "PROTEST") for t, _ in types_of(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Fearing fresh clashes, police detained 30 youths in the old market on Tuesday."),
    ("fr", "Craignant de nouveaux affrontements, la police a interpellé mardi 30 jeunes dans le vieux marché."),
])
def test_an_act_done_out_of_fear_is_still_an_event(lang, text):
    assert ("COERCE", "arrest") in types_of(text, lang)
