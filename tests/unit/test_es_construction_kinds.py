"""Spanish construction failures listed by es24 (issue 10, es25), fixed as kinds and carried to the
other languages where the construction exists: an organisation's name that starts with a town's name
is no place; a toll in the perfect for a series of happenings, in a background sentence, is a running
total; a standing detention told with its term is no arrest; leaving talks is no withdrawal of
forces; a human chain is a demonstration; two parties joined by "y las" both act."""

from datetime import datetime, timezone

import pytest

from streams.nlp.places import find_places
from tests.events_in_text import events_in

PUBLISHED = datetime(2025, 3, 14, 15, 0, tzinfo=timezone.utc)  # a Friday
LEDE = {
    "es": "La presidenta habló este jueves en Lima.\n\n",
    "en": "The president spoke on Thursday in Lima.\n\n",
    "fr": "La présidente a parlé jeudi à Lima.\n\n",
}


def test_the_opening_paragraph_tells_no_event():
    # the sentences under test stand after it, where background is told
    assert all(events_in(lede, lang, PUBLISHED) == [] for lang, lede in LEDE.items())


def place_names(text, lang):
    return [text[p.start:p.end] for p in find_places(text, lang)]


@pytest.mark.parametrize("lang, text, org, town", [
    ("es", "La Guardia Nacional detuvo a 12 manifestantes en Caracas.", "La Guardia", "Caracas"),
    ("es", "La Guardia Civil detuvo a 39 personas en Valencia.", "La Guardia", "Valencia"),
    ("es", "La Cruz Roja atendió a los heridos en Quito.", "La Cruz", "Quito"),
    ("fr", "La Garde nationale a été déployée à Paris.", "La Garde", "Paris"),
])
def test_an_organisation_named_after_a_town_is_no_place(lang, text, org, town):
    names = place_names(text, lang)
    assert org not in names
    assert town in names


def test_the_town_alone_is_still_a_place():
    assert place_names("Los vecinos de La Guardia protestaron.", "es") == ["La Guardia"]


@pytest.mark.parametrize("lang, text", [
    ("es", "Las protestas que exigen su liberación, el cierre del Congreso y nuevas elecciones han dejado "
           "al menos 26 muertos, según la Defensoría del Pueblo."),
    ("en", "The protests demanding his release have left at least 26 people dead, according to the ombudsman."),
    ("fr", "Les manifestations qui exigent sa libération ont fait au moins 26 morts, selon le Défenseur du peuple."),
])
def test_a_perfect_toll_of_a_series_in_the_background_is_a_running_total(lang, text):
    assert events_in(LEDE[lang] + text, lang, PUBLISHED) == []


@pytest.mark.parametrize("lang, text", [
    ("es", "Los enfrentamientos en Lima han dejado este jueves 3 muertos, según la policía."),
    ("en", "The clashes in Lima have left three people dead on Thursday, police said."),
])
def test_a_dated_perfect_toll_is_the_news_of_the_day(lang, text):
    events = events_in(LEDE[lang] + text, lang, PUBLISHED)
    assert [(e.type, e.counts.get("killed")) for e in events] == [("ASSAULT", 3)]


def test_a_perfect_toll_in_the_lede_is_the_news_of_the_day():
    events = events_in("Los enfrentamientos entre policías y manifestantes han dejado al menos 3 muertos en Lima.",
                       "es", PUBLISHED)
    assert 3 in [e.counts.get("killed") for e in events]


def test_a_standing_detention_with_its_term_is_no_arrest():
    # a standing state is read past the story's opening: the lede's paragraph and the one after it
    text = LEDE["es"] + "El país vive una crisis política.\n\n" + "Castillo cumple una orden de 18 meses de prisión preventiva mientras es investigado."
    assert events_in(text, "es", PUBLISHED) == []


def test_a_detention_ordered_that_day_is_still_told():
    text = LEDE["es"] + "El juez ordenó este jueves 18 meses de prisión preventiva contra el exministro Pedro Castillo."
    assert "COERCE" in [e.type for e in events_in(text, "es", PUBLISHED)]


@pytest.mark.parametrize("lang, text", [
    ("es", "Los negociadores del Gobierno se retiraron sin alcanzar un acuerdo este jueves en Ginebra."),
    ("es", "Los delegados del Gobierno se retiraron de la reunión este jueves en Ginebra."),
    ("fr", "Les négociateurs du gouvernement se sont retirés des négociations jeudi à Genève."),
])
def test_leaving_talks_is_no_withdrawal_of_forces(lang, text):
    assert "RETREAT" not in [e.type for e in events_in(text, lang, PUBLISHED)]


@pytest.mark.parametrize("lang, text", [
    ("es", "Las tropas rusas se retiraron de la ciudad este jueves."),
    ("fr", "Les soldats se sont retirés de la ville jeudi."),
])
def test_troops_leaving_a_town_still_withdraw(lang, text):
    assert "RETREAT" in [e.type for e in events_in(text, lang, PUBLISHED)]


@pytest.mark.parametrize("lang, text", [
    ("es", "Miles de personas formaron una cadena humana este jueves en Barcelona para exigir la independencia."),
    ("en", "Thousands of people formed a human chain in Vilnius on Thursday to demand independence."),
    ("id", "Ribuan warga membentuk rantai manusia di Jakarta pada Kamis (13/3) untuk menuntut keadilan."),
])
def test_a_human_chain_is_a_demonstration(lang, text):
    assert [(e.type, e.mode) for e in events_in(text, lang, PUBLISHED)] == [("PROTEST", "demonstrate")]


def test_two_parties_joined_by_a_plural_article_both_act():
    events = events_in("El gobierno colombiano y las FARC negociaron este jueves en La Habana un alto el fuego.",
                       "es", PUBLISHED)
    assert [(e.type, sorted(e.actors)) for e in events] == [("CONSULT", ["CO:government", "CO:rebels"])]
