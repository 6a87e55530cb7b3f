"""Stones named as the stuff of a roadblock are no weapon (issue 10, es28; the bare stone word ignores a
blocking verb before it, typ28): the blockade is a PROTEST, no ASSAULT; stones thrown at someone stay an
assault. en, id and ms read the blockade alone already."""

from datetime import datetime, timezone

import pytest

from streams.nlp.triggers import find_triggers
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def types(sentence, lang):
    return {h.trigger.type for h in find_triggers(sentence, lang)}


@pytest.mark.parametrize("lang, text", [
    ("es", "Cientos de mineros bloquearon con piedras y llantas la carretera el martes."),
    ("es", "Los vecinos bloquearon la avenida con troncos y piedras el martes."),
    ("es", "Los campesinos bloquearon con piedras el puente el martes."),
    ("en", "Hundreds of miners blocked the highway with stones and tyres on Tuesday."),
    ("id", "Warga memblokir jalan dengan batu dan ban bekas pada Selasa."),
    ("ms", "Penduduk menyekat jalan dengan batu dan tayar pada Selasa."),
])
def test_a_road_blocked_with_stones_is_a_blockade_not_an_assault(lang, text):
    assert types(text, lang) == {"PROTEST"}


@pytest.mark.parametrize("text", [
    "Los manifestantes lanzaron piedras contra la policía el martes.",
    "Los manifestantes arrojaron piedras y botellas a los agentes el martes.",
    "Los jóvenes atacaron con piedras y palos a los policías el martes.",
])
def test_stones_thrown_at_someone_stay_an_assault(text):
    assert "ASSAULT" in types(text, "es")


def test_the_blockade_is_the_event():
    events = events_in("Cientos de mineros bloquearon con piedras y llantas la carretera Panamericana el martes.",
                       "es", PUBLISHED)
    assert [e.type for e in events] == ["PROTEST"]
