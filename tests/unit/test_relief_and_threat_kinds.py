"""French and Spanish kinds a fresh French set showed (fr17): relief goods handed out with a day
or a determiner between the verb and the goods."""

from datetime import datetime, timezone

import pytest

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from streams.nlp.events import extract_events
from streams.nlp.places import find_places
from streams.nlp.sentences import split_sentences
from streams.records import Sentence

PUBLISHED = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)  # a Thursday


def types_of(text, lang):
    sentences = [Sentence(a, b) for a, b in split_sentences(text)]
    events = extract_events(text, sentences, lang, PUBLISHED, find_places(text, lang),
                            find_dates(text, PUBLISHED, lang), find_counts(text, lang))
    return [(e.type, e.mode) for e in events]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le Croissant-Rouge a distribué mardi des kits d'hygiène à 2 000 familles sinistrées à Zinder."),
    ("fr", "Des ONG ont acheminé lundi des tentes et des couvertures aux déplacés de Kalehe."),
    ("es", "La Cruz Roja repartió el martes kits de higiene a 2.000 familias damnificadas en Piura."),
    ("es", "El municipio ha entregado esta semana frazadas a los desplazados del albergue de Tumbes."),
])
def test_relief_goods_handed_out_are_humanitarian_aid(lang, text):
    assert ("AID", "humanitarian") in types_of(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le restaurant a offert mardi des repas gratuits à ses clients à Lyon."),
    ("es", "El supermercado entregó el martes alimentos a domicilio en Lima."),
])
def test_goods_sold_or_given_to_customers_are_no_aid(lang, text):
    assert not any(t == "AID" for t, _ in types_of(text, lang))
