"""Actors by the conventions (issue 10, act30): a political party named by its kind is its country's
government (opposition parties and legislatures are ``CC:government``); a feminine demonym right after
a sector noun gives the body its country ("la police iranienne"), and a demonym after one noun qualifies
that noun, not the next."""

from datetime import datetime, timezone

import pytest

from streams.nlp.actors import find_actors
from streams.nlp.parties import find_parties
from streams.nlp.places import find_places
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Wednesday


def mentions(text, lang):
    return [(m.kind, m.value, m.country, text[m.start:m.end]) for m in find_actors(text, lang, find_places(text, lang))]


@pytest.mark.parametrize("lang, text, code", [
    ("es", "En Madrid, el Partido Popular acusó el martes a la policía de abusos.", "ES:government"),
    ("fr", "À Paris, le Parti socialiste a dénoncé mardi les violences de la police.", "FR:government"),
    ("id", "Partai Demokrat mengecam polisi di Jakarta pada Selasa.", "ID:government"),
    ("ms", "Parti Keadilan Rakyat mengecam polis di Kuala Lumpur pada Selasa.", "MY:government"),
    ("en", "In London, the Labour Party condemned the police on Tuesday.", "GB:government"),
])
def test_a_party_named_by_its_kind_acts_as_its_countrys_government(lang, text, code):
    assert [(e.type, e.actors) for e in events_in(text, lang, PUBLISHED)] == [("ACCUSE", [code])]


@pytest.mark.parametrize("lang, text, names", [
    ("id", "Tiga partai, yakni Partai Golkar, Partai NasDem dan Partai Kebangkitan Bangsa, mendukung",
     ["Partai Golkar", "Partai NasDem", "Partai Kebangkitan Bangsa"]),
    ("es", "El Partido Popular y el Partido Socialista Obrero votaron en contra.", ["Partido Popular", "Partido Socialista Obrero"]),
    ("en", "The Labour Party and the Green Party voted against.", ["Labour Party", "Green Party"]),
])
def test_parties_joined_by_a_conjunction_are_several(lang, text, names):
    assert [text[s:e] for s, e, _ in find_parties(text, lang, [])] == names


def test_a_country_in_a_partys_name_is_its_country():
    text = "El Partido Nacional de Honduras denunció fraude."
    assert ("sector", "government", "HN", "Partido Nacional de Honduras") in mentions(text, "es")


@pytest.mark.parametrize("lang, text", [
    ("es", "El partido de fútbol fue suspendido por la lluvia."),  # a match
    ("fr", "Parti de rien, il a fondé une entreprise."),  # a participle
    ("en", "The Party said it would meet again."),  # no name
    ("en", "A party was held for the veterans."),
])
def test_no_party_without_a_name(lang, text):
    assert find_parties(text, lang, []) == []


@pytest.mark.parametrize("lang, text, code, surface", [
    ("fr", "La police iranienne a arrêté mardi des manifestants.", "IR", "police iranienne"),
    ("fr", "La gendarmerie marocaine a intercepté des migrants.", "MA", "gendarmerie marocaine"),
    ("fr", "L'armée algérienne a secouru quarante personnes.", "DZ", "armée algérienne"),
    ("es", "La Armada afgana detuvo a los pescadores.", "AF", "Armada afgana"),
    ("es", "La policía argelina detuvo a los migrantes.", "DZ", "policía argelina"),
])
def test_a_feminine_demonym_after_a_sector_noun_is_its_country(lang, text, code, surface):
    assert any(c == code and s == surface for _, _, c, s in mentions(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("fr", "La frontière libanaise est fermée depuis mardi."),
    ("es", "La frontera argelina está cerrada desde el martes."),
])
def test_a_feminine_demonym_alone_names_no_country(lang, text):
    assert mentions(text, lang) == []


@pytest.mark.parametrize("lang, text, soldiers, victims", [
    ("es", "Los soldados rusos atacaron a civiles.", ("military", "RU", "soldados rusos"), ("civilians", None, "civiles")),
    ("es", "La policía peruana detuvo a manifestantes.", ("police", "PE", "policía peruana"), ("protesters", None, "manifestantes")),
    ("fr", "Les soldats maliens ont tué des civils.", ("military", "ML", "soldats maliens"), ("civilians", None, "civils")),
])
def test_a_demonym_after_a_noun_qualifies_that_noun_not_the_next(lang, text, soldiers, victims):
    assert [m[1:] for m in mentions(text, lang)] == [soldiers, victims]
