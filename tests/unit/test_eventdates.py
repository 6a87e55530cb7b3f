"""Dates of events (streams/nlp/eventdates.py), with the real date finder."""

from datetime import datetime, timezone

from tests.events_in_text import events_in

PUBLISHED = datetime(2023, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Sunday


def extract(text, lang):
    return events_in(text, lang, PUBLISHED)


def test_a_night_running_into_the_next_mornings_small_hours_is_the_nights_day():
    id_ = extract("Pada Jumat (10/3/2023) malam hingga Sabtu (11/3/2023) dini hari, polisi menangkap 40 orang di Medan.", "id")
    assert [(e.type, e.date) for e in id_ if e.type == "COERCE"] == [("COERCE", "2023-03-10")]
    fr = extract("Dans la nuit du vendredi 10 mars au samedi 11 mars au petit matin, la police a interpellé 40 personnes à Lyon.", "fr")
    assert [(e.type, e.date) for e in fr if e.type == "COERCE"] == [("COERCE", "2023-03-10")]


def test_a_range_of_whole_days_gives_its_end():
    id_ = extract("Sejak Kamis (9/3/2023) hingga Sabtu (11/3/2023), polisi menangkap 40 orang di Medan.", "id")
    assert [(e.type, e.date) for e in id_ if e.type == "COERCE"] == [("COERCE", "2023-03-11")]


def test_a_date_a_span_starts_from_is_not_the_day_a_later_sentence_takes():
    id_ = extract("Pada Kamis (9/3/2023), polisi membubarkan massa yang memblokade jalan sejak Rabu malam. "
                  "Sedikitnya 20 orang ditangkap di Medan.", "id")
    assert [(e.type, e.date) for e in id_ if e.type == "COERCE"] == [("COERCE", "2023-03-09")]
    en = extract("On Thursday, police dispersed crowds that had blocked the road since Wednesday night. "
                 "At least 20 people were arrested in Lagos.", "en")
    assert [(e.type, e.date) for e in en if e.type == "COERCE"] == [("COERCE", "2023-03-09")]
    fr = extract("Jeudi, la police a dispersé la foule qui bloquait la route depuis mercredi soir. "
                 "Au moins 20 personnes ont été interpellées à Lyon.", "fr")
    assert [(e.type, e.date) for e in fr if e.type == "COERCE"] == [("COERCE", "2023-03-09")]


def test_the_same_day_is_not_the_day_a_span_starts_from():
    id_ = extract("Pada Kamis (9/3/2023), polisi membubarkan massa yang memblokade jalan sejak Rabu malam. "
                  "Pada hari yang sama, polisi menangkap 20 orang di Medan.", "id")
    assert [(e.type, e.date) for e in id_ if e.type == "COERCE"] == [("COERCE", "2023-03-09")]


def test_within_hours_in_a_new_paragraph_goes_on_from_the_day_told_before():
    en = extract("Protesters burned tyres in Lagos on Saturday.\n\n"
                 "Police arrested the opposition leader in Abuja on Thursday afternoon.\n\n"
                 "Within hours, his supporters set fire to a police station in Kano.", "en")
    assert [(e.place, e.date) for e in en if e.type == "PROTEST"] == [("Kano", "2023-03-09")]
    es = extract("Manifestantes quemaron neumáticos en Lima el sábado.\n\n"
                 "La policía detuvo al líder opositor en Cusco el jueves por la tarde.\n\n"
                 "Horas después, sus partidarios incendiaron una comisaría en Arequipa.", "es")
    assert [(e.place, e.date) for e in es if e.type == "PROTEST" and e.place == "Arequipa"] == [
        ("Arequipa", "2023-03-09")]
