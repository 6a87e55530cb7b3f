"""Weekdays of a habit are no dates (dates.json ``weekday_habits``); an undated lede takes the day its
story is dated right after it (eventdates._lede_dated_after); people a causative verb forces to flee
("obligaron a 5.000 personas a huir", "ont forcé 5 000 personnes à fuir") are a displaced count."""

from datetime import date, datetime, timezone

import pytest

from streams.nlp.counts import find_counts
from streams.nlp.dates import find_dates
from tests.events_in_text import events_in

PUBLISHED = datetime(2023, 3, 12, 9, 0, tzinfo=timezone.utc)  # a Sunday


@pytest.mark.parametrize("lang, text", [
    ("es", "Los jubilados realizaron su habitual marcha de los miércoles frente al Congreso."),
    ("es", "Los jubilados marchan todos los miércoles frente al Congreso."),
    ("en", "Pensioners march every Wednesday outside Congress."),
    ("fr", "Les retraités manifestent chaque mercredi devant le Parlement."),
    ("id", "Para pensiunan berunjuk rasa setiap hari Rabu di depan gedung DPR."),
    ("ms", "Pesara berhimpun setiap Rabu di hadapan Parlimen."),
])
def test_a_weekday_of_a_habit_is_no_date(lang, text):
    assert find_dates(text, PUBLISHED, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("es", "Los jubilados marcharon el miércoles frente al Congreso."),
    ("id", "Para pensiunan berunjuk rasa pada Rabu di depan gedung DPR."),
])
def test_a_weekday_of_one_day_stays_a_date(lang, text):
    assert [d.value for d in find_dates(text, PUBLISHED, lang)] == [date(2023, 3, 8)]


@pytest.mark.parametrize("lang, text", [
    ("id", "Tiga partai politik resmi mendeklarasikan dukungan kepada pasangan calon gubernur Sumatera Utara. "
           "Deklarasi digelar di Medan, Jumat (10/3/2023) malam.\n\nKoalisi itu menguasai 42 kursi."),
    ("en", "Three parties formally declared their support for the candidate for governor of North Sumatra.\n\n"
           "\"We are sure he can win,\" the Golkar leader told reporters in Medan on Friday."),
])
def test_an_undated_lede_takes_the_day_its_story_is_dated_after_it(lang, text):
    assert [e.date for e in events_in(text, lang, PUBLISHED) if e.type == "SUPPORT"] == ["2023-03-10"]


def test_an_undated_lede_keeps_publication_day_when_only_a_later_paragraph_dates_something():
    text = ("Tiga partai politik resmi mendeklarasikan dukungan kepada pasangan calon gubernur Sumatera Utara.\n\n"
            "Koalisi itu menguasai 42 kursi.\n\nSebelumnya, pasangan itu mendaftar ke KPU pada Jumat (10/3/2023).")
    assert [e.date for e in events_in(text, "id", PUBLISHED) if e.type == "SUPPORT"] == ["2023-03-12"]


@pytest.mark.parametrize("lang, text", [
    ("es", "Los combates obligaron a más de 5.000 personas a huir de sus hogares."),
    ("fr", "Les combats ont forcé plus de 5 000 personnes à fuir leurs maisons."),
    ("en", "The fighting forced more than 5,000 people to flee their homes."),
    ("id", "Pertempuran memaksa lebih dari 5.000 orang mengungsi dari rumah mereka."),
])
def test_people_forced_to_flee_are_a_displaced_count(lang, text):
    assert [(m.kind, m.value) for m in find_counts(text, lang)] == [("displaced", 5000)]


def test_people_forced_to_flee_are_displaced_on_the_sanction():
    text = "Plus de 5 000 personnes ont dû fuir Kharkiv samedi à cause des bombardements."
    assert [e.counts for e in events_in(text, "fr", PUBLISHED) if e.type == "SANCTION"] == [{"displaced": 5000}]
