"""The event stage run on a text alone, as the event unit tests read it: its sentences, places,
dates and counts found by the NLP's own functions, no title and no primary country."""

from datetime import datetime

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.events import extract_events
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.records import Event, Sentence


def events_in(text: str, lang: str, published: datetime) -> list[Event]:
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    return extract_events(text, sentences, lang, published, find_places(text, lang),
                          find_dates(text, published, lang), find_counts(text, lang))
