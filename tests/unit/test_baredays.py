"""Bare days of the month ("el día 5", "le 5", "on the 5th", "pada tanggal 5") and weekdays told as a
target ("una marcha para el sábado"), through find_dates."""

from __future__ import annotations

from datetime import datetime

import pytest

from streams.nlp.dates import find_dates

#: a Tuesday
PUBLISHED = "2024-03-12T12:00:00+01:00"


def dated(text: str, lang: str, published: str = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.value.isoformat()) for m in find_dates(text, datetime.fromisoformat(published), lang)]


@pytest.mark.parametrize(
    "lang, text, phrase",
    [
        ("es", "La policía detuvo el día 5 a tres manifestantes.", "el día 5"),
        ("fr", "Il a été arrêté le 5 à Paris.", "le 5"),
        ("en", "Police arrested him on the 5th at his home.", "on the 5th"),
        ("id", "Polisi menangkapnya pada tanggal 5 lalu.", "pada tanggal 5"),
        ("ms", "Dia ditahan pada tarikh 5 ini.", "pada tarikh 5"),
    ],
)
def test_a_bare_day_is_that_day_of_the_publication_month(lang, text, phrase):
    assert dated(text, lang) == [(phrase, "2024-03-05")]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "Los hechos ocurrieron el día 20."),
        ("fr", "La police a chargé les manifestants le 20, selon la préfecture."),
        ("en", "Troops opened fire on the 20th, witnesses said."),
        ("id", "Bentrokan terjadi pada tanggal 20."),
        ("ms", "Pertempuran berlaku pada tarikh 20."),
    ],
)
def test_a_bare_day_after_the_publication_day_is_last_month(lang, text):
    assert [value for _, value in dated(text, lang)] == ["2024-02-20"]


def test_a_day_a_month_lacks_goes_back_to_a_month_that_has_it():
    assert dated("Los hechos ocurrieron el día 31.", "es") == [("el día 31", "2024-01-31")]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "La huelga se celebrará el día 20."),  # a future marker
        ("es", "El sindicato convocó un paro para el día 20."),  # a target word
        ("es", "Las elecciones serán el próximo 20."),  # 'next' in the phrase
        ("fr", "Une marche est prévue pour le 20."),
        ("en", "The opposition will march on the 20th."),
        ("id", "Demo akan digelar pada tanggal 20."),
        ("ms", "Perhimpunan akan diadakan pada tarikh 20."),
    ],
)
def test_a_bare_day_told_ahead_is_the_coming_one(lang, text):
    assert [value for _, value in dated(text, lang)] == ["2024-03-20"]


def test_past_bare_day_is_strictly_before_publication():
    assert dated("Los hechos ocurrieron el pasado 12.", "es") == [("el pasado 12", "2024-02-12")]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("es", "el día 5 de huelga"),  # a day of a strike, not of the calendar
        ("fr", "le 93 a voté"),  # no day of a month
        ("fr", "il est arrivé le 5 sur 20 coureurs"),
        ("en", "a fire on the 5th floor"),
        ("id", "pada tanggal 5 bulan depan"),
    ],
)
def test_no_bare_day_where_the_number_is_no_day(lang, text):
    assert dated(text, lang) == []


def test_a_written_date_keeps_its_month():
    assert dated("La marcha fue el día 5 de enero.", "es") == [("5 de enero", "2024-01-05")]


@pytest.mark.parametrize(
    "lang, text, weekday",
    [
        ("es", "El sindicato convocó una marcha para el sábado.", "sábado"),
        ("fr", "Les syndicats ont appelé à manifester pour samedi.", "samedi"),
        ("en", "The union called a rally for Saturday.", "Saturday"),
        ("id", "Serikat buruh menyerukan aksi untuk hari Sabtu.", "Sabtu"),
        ("ms", "Kesatuan menyeru perhimpunan untuk hari Sabtu.", "Sabtu"),
    ],
)
def test_a_weekday_after_a_target_word_is_the_coming_one(lang, text, weekday):
    assert dated(text, lang) == [(weekday, "2024-03-16")]


@pytest.mark.parametrize(
    "text",
    ["He was jailed for Saturday's attack.", "Crowds gathered for Friday prayers."],
)
def test_a_weekday_tied_to_a_thing_stays_in_the_past(text):
    assert [value for _, value in dated(text, "en")] in (["2024-03-09"], ["2024-03-08"])


def test_a_past_modifier_wins_over_a_target_word():
    assert dated("Convocaron una marcha para el sábado pasado.", "es") == [("sábado pasado", "2024-03-09")]
