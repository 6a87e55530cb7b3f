"""Dates and counts of deeds told around other words: the day of a deed a speech act is about, a date
that opens a sentence after a quotation, an age told beside a victim, a range after its verb
(eventdates._toll_told_before,
eventdates._sentence_start, counts._AGE_ASIDE_RE, counts._before_kinds)."""

from datetime import date, datetime, timedelta, timezone

import pytest

from streams.nlp.counts import find_counts
from tests.events_in_text import events_in

PUBLISHED = datetime(2023, 3, 15, 9, 0, tzinfo=timezone(timedelta(hours=7)))  # a Wednesday
TUESDAY, WEDNESDAY = date(2023, 3, 14), date(2023, 3, 15)


def dates_of(text, lang, event_type):
    return [e.date for e in events_in(text, lang, PUBLISHED) if e.type == event_type]


@pytest.mark.parametrize("lang, text", [
    ("en", "The government condemned the attack that killed seven aid workers in Gaza on Monday night."),
    ("es", "El Gobierno condenó el ataque que mató a siete trabajadores humanitarios en Gaza el lunes por la noche."),
    ("fr", "Le gouvernement a condamné l'attaque qui a tué sept travailleurs humanitaires à Gaza lundi soir."),
    ("id", "Pemerintah mengecam serangan yang menewaskan tujuh pekerja kemanusiaan di Gaza pada Senin malam."),
    ("ms", "Kerajaan mengecam serangan yang membunuh tujuh pekerja kemanusiaan di Gaza pada Isnin malam."),
])
def test_the_day_of_a_toll_a_condemnation_is_about_is_not_the_condemnation_s(lang, text):
    assert dates_of(text, lang, "ACCUSE") == [WEDNESDAY.isoformat()]


@pytest.mark.parametrize("lang, text", [
    ("en", "The government on Tuesday condemned the attack that killed seven aid workers in Gaza on Monday night."),
    ("id", "Pemerintah pada Selasa mengecam serangan yang menewaskan tujuh pekerja kemanusiaan di Gaza pada Senin malam."),
])
def test_a_condemnation_keeps_its_own_day(lang, text):
    assert dates_of(text, lang, "ACCUSE") == [TUESDAY.isoformat()]


@pytest.mark.parametrize("lang, text", [
    ("en", '"We will find them," the minister said. On Tuesday, police arrested 12 men in Lagos.'),
    ("es", '"Los vamos a encontrar", afirmó el ministro. Este martes, la policía detuvo a 12 hombres en Lima.'),
    ("fr", "« Nous les retrouverons », a déclaré le ministre. Mardi, la police a interpellé 12 hommes à Dakar."),
    ("id", '"Kami akan menangkap mereka," kata menteri. Pada Selasa, polisi menangkap 12 pria di Medan.'),
    ("ms", '"Kami akan menangkap mereka," kata menteri. Pada Selasa, polis menahan 12 lelaki di Ipoh.'),
])
def test_a_date_opening_a_sentence_is_not_the_day_the_sentence_before_was_said(lang, text):
    assert dates_of(text, lang, "COERCE") == [TUESDAY.isoformat()]


def test_a_deed_a_statement_of_that_day_reports_is_not_dated_by_it():
    assert dates_of("The ministry said on Tuesday that police had arrested 12 men in Lagos.", "en",
                    "COERCE") != [TUESDAY.isoformat()]


@pytest.mark.parametrize("lang, text, kind", [
    ("id", "Seorang tukang ojek berinisial RS (34) tewas ditembak kelompok bersenjata di Sugapa, Senin.", "killed"),
    ("id", "Seorang petani berinisial AK (45) terluka ditembak orang tak dikenal di Puncak, Senin.", "injured"),
    ("ms", "Seorang peniaga dikenali Ahmad (34) maut ditembak di Tawau pada Isnin.", "killed"),
    ("en", "A farmer, 34, was shot dead by gunmen in Kaduna on Monday.", "killed"),
])
def test_an_age_beside_a_victim_neither_counts_nor_cuts_the_toll(lang, text, kind):
    assert [(c.kind, c.value) for c in find_counts(text, lang)] == [(kind, 1)]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Polisi menangkap AS (34) dan 12 orang lainnya di Medan, Senin.", []),
    ("en", "Police said 3, 12, and 40 people were hurt in Lagos.", [("injured", 40)]),
])
def test_an_age_is_no_count_and_a_list_of_figures_no_age(lang, text, expected):
    assert [(c.kind, c.value) for c in find_counts(text, lang) if c.value == 34 or c.kind == "injured"] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "Un bombardeo hirió a entre 40 y 50 personas en Darfur el martes.", ("injured", 40)),
    ("es", "La policía detuvo a entre 20 y 30 manifestantes en Lima el martes.", ("arrested", 20)),
    ("fr", "Une frappe a blessé entre 40 et 50 personnes au Darfour mardi.", ("injured", 40)),
    ("en", "An air strike wounded between 40 and 50 people in Darfur on Tuesday.", ("injured", 40)),
    ("id", "Serangan udara itu melukai antara 40 hingga 50 orang di Darfur pada Selasa.", ("injured", 40)),
])
def test_a_range_after_its_verb_counts_its_lower_bound(lang, text, expected):
    """In Spanish "entre" is also a stop word ("entre ellos", among them): before a range's figure it opens it."""
    assert [(c.kind, c.value) for c in find_counts(text, lang)] == [expected]
