"""Spanish events whose trigger was found and then dropped (issue 10, es23): a crowd's clash with
police read as an attack on civilians, a duration ("desde hace 33 días") read as a date long past,
a strike or march in a text only about the economy read as figurative."""

from datetime import date, datetime, timezone

import pytest

from streams.ingest.archive import article_from_dict
from streams.nlp.dates import find_dates
from streams.nlp.enrich import enrich
from streams.nlp.normalize import normalize
from streams.records import EnrichedArticle
from tests.events_in_text import events_in

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def kinds(text, lang="es"):
    return {(e.type, e.mode) for e in events_in(text, lang, PUBLISHED)}


@pytest.mark.parametrize("text", [
    "Manifestantes y policías se enfrentaron el martes en Quito.",
    "Los huelguistas se enfrentaron con la policía el martes en Lima.",
    "Hubo enfrentamientos entre la policía y los manifestantes el martes en Santiago.",
])
def test_a_crowds_clash_with_police_is_a_riot(text):
    found = kinds(text)
    assert ("PROTEST", "riot") in found
    assert ("ASSAULT", None) not in found


def test_a_clash_without_a_crowd_stays_an_attack():
    assert ("PROTEST", "riot") not in kinds("Soldados y guerrilleros se enfrentaron el martes en el Cauca.")


def test_an_ago_phrase_after_since_is_a_duration_not_a_date():
    text = "Los médicos, en huelga desde hace 33 días, piden aumentos."
    assert find_dates(text, PUBLISHED, "es") == []
    ago = find_dates("Los médicos iniciaron la huelga hace 33 días.", PUBLISHED, "es")
    assert [d.value for d in ago] == [date(2026, 10, 31)]


def test_an_act_beside_a_duration_is_not_history():
    found = kinds("El Gobierno pidió a los maestros en huelga desde hace 45 días que vuelvan a las aulas.")
    assert ("REQUEST", None) in found
    assert not any(t == "PROTEST" for t, _ in found)  # the strike goes on: no act of the day


def enriched(text, title="Economía"):
    raw = article_from_dict({"url": "https://example.test/a", "title": title, "text": text,
                             "published_at": "2026-12-03T12:00:00Z", "language": "es"})
    result = enrich(normalize(raw))
    assert isinstance(result, EnrichedArticle)
    return result


def test_a_march_told_in_the_words_of_the_economy_is_a_protest():
    result = enriched("Los funcionarios marcharon el martes en Madrid contra la congelación de los salarios.")
    assert result.topics == ["economy"]
    assert [(e.type, e.mode) for e in result.events] == [("PROTEST", "demonstrate")]


def test_an_economy_text_keeps_no_other_event():
    result = enriched("Las acciones se desplomaron el martes en la bolsa de Madrid tras el ataque de los inversores "
                      "contra el euro.")
    assert result.topics == ["economy"]
    assert result.events == []
