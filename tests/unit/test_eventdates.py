"""Dates of events (streams/nlp/eventdates.py), with the real date finder."""

from datetime import datetime, timezone

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.events import extract_events
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.records import Sentence

PUBLISHED = datetime(2023, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Sunday


def extract(text, lang):
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    return extract_events(text, sentences, lang, PUBLISHED, find_places(text, lang),
                          find_dates(text, PUBLISHED, lang), find_counts(text, lang))


def test_a_night_running_into_the_next_mornings_small_hours_is_the_nights_day():
    id_ = extract("Pada Jumat (10/3/2023) malam hingga Sabtu (11/3/2023) dini hari, polisi menangkap 40 orang di Medan.", "id")
    assert [(e.type, e.date) for e in id_ if e.type == "COERCE"] == [("COERCE", "2023-03-10")]
    fr = extract("Dans la nuit du vendredi 10 mars au samedi 11 mars au petit matin, la police a interpellé 40 personnes à Lyon.", "fr")
    assert [(e.type, e.date) for e in fr if e.type == "COERCE"] == [("COERCE", "2023-03-10")]


def test_a_range_of_whole_days_gives_its_end():
    id_ = extract("Sejak Kamis (9/3/2023) hingga Sabtu (11/3/2023), polisi menangkap 40 orang di Medan.", "id")
    assert [(e.type, e.date) for e in id_ if e.type == "COERCE"] == [("COERCE", "2023-03-11")]
