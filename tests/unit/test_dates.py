"""find_dates on realistic sentences: local formats, weekdays, relative words, year typos."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streams.nlp.dates import find_dates, tells_long_past, tells_vague_past


def dates(text: str, published: str, lang: str) -> list[tuple[str, bool]]:
    return [(m.value.isoformat(), m.explicit) for m in find_dates(text, datetime.fromisoformat(published), lang)]


@pytest.mark.parametrize(
    "lang, published, text, expected",
    [
        ("id", "2022-01-07T12:00:00+07:00", "Pada Kamis (6/1/2022) malam.", [("2022-01-06", True)]),
        ("id", "2022-01-07T12:00:00+07:00", "Kerusuhan 6 Januari 2022.", [("2022-01-06", True)]),
        ("en", "2022-01-07T12:00:00+00:00", "on January 6, 2022", [("2022-01-06", True)]),
        ("en", "2022-01-07T12:00:00+00:00", "on 6 January", [("2022-01-06", True)]),
        ("en", "2022-01-07T12:00:00+00:00", "on Jan. 6", [("2022-01-06", True)]),
        ("en", "2022-01-07T12:00:00+00:00", "on 2022-01-06", [("2022-01-06", True)]),
        ("es", "2019-01-07T12:00:00-03:00", "el 6 de enero de 2019", [("2019-01-06", True)]),
        ("fr", "2022-01-07T12:00:00+01:00", "le 6 janvier", [("2022-01-06", True)]),
        ("ms", "2022-10-03T21:15:00+08:00", "pada 1 Oktober 2022", [("2022-10-01", True)]),
    ],
)
def test_written_dates(lang, published, text, expected):
    assert dates(text, published, lang) == expected


def test_day_first_outside_us_english():
    assert dates("(2/1/2022)", "2022-01-07T12:00:00+07:00", "id") == [("2022-01-02", True)]
    assert dates("(2/1/2022)", "2022-01-07T12:00:00+01:00", "fr") == [("2022-01-02", True)]


def test_english_numeric_date_takes_the_reading_nearest_publication():
    # 1/6/2022 is 1 June (day first) or 6 January (month first); published 7 January
    assert dates("on 1/6/2022", "2022-01-07T12:00:00+00:00", "en") == [("2022-01-06", True)]
    assert dates("on 12/25/2022", "2023-01-02T12:00:00+00:00", "en") == [("2022-12-25", True)]


@pytest.mark.parametrize(
    "lang, published, text, expected",
    [
        # published Friday 7 January 2022
        ("en", "2022-01-07T14:20:00+00:00", "On Thursday police cleared the square.", "2022-01-06"),
        ("en", "2022-01-07T14:20:00+00:00", "The ministry said on Friday.", "2022-01-07"),  # same day counts
        ("id", "2022-01-07T12:00:00+07:00", "Polisi, Kamis, menyatakan.", "2022-01-06"),
        ("ms", "2022-01-07T12:00:00+08:00", "Pada hari Khamis.", "2022-01-06"),
        ("es", "2022-01-07T12:00:00-03:00", "El jueves la policía.", "2022-01-06"),
        ("fr", "2022-01-07T12:00:00+01:00", "Jeudi, la police.", "2022-01-06"),
        ("en", "2023-09-30T17:30:00+00:00", "since last Sunday", "2023-09-24"),
        ("id", "2022-10-08T12:00:00+07:00", "Sabtu lalu", "2022-10-01"),  # 'lalu': strictly before
        ("id", "2024-04-26T05:20:00+07:00", "Senin depan", "2024-04-29"),
    ],
)
def test_weekdays_resolve_before_publication(lang, published, text, expected):
    assert dates(text, published, lang) == [(expected, False)]


def test_indonesian_minggu_is_a_week_unless_capitalised():
    assert dates("dua minggu lalu", "2022-01-07T12:00:00+07:00", "id") == [("2021-12-24", False)]
    assert dates("Minggu pagi", "2022-01-07T12:00:00+07:00", "id") == [("2022-01-02", False)]


@pytest.mark.parametrize(
    "lang, published, text, expected",
    [
        ("id", "2022-07-24T19:00:00+07:00", "kemarin", "2022-07-23"),
        ("en", "2022-07-24T19:00:00+00:00", "yesterday", "2022-07-23"),
        ("ms", "2022-10-03T21:15:00+08:00", "Jokowi semalam berkata", "2022-10-02"),  # Malay: yesterday
        ("id", "2022-10-03T09:00:00+07:00", "tadi malam", "2022-10-02"),
        ("id", "2022-10-03T21:00:00+07:00", "tadi malam", "2022-10-03"),  # written the same evening
        ("id", "2022-10-03T09:00:00+07:00", "hari ini", "2022-10-03"),
        ("en", "2022-10-03T09:00:00+00:00", "last night", "2022-10-02"),
        ("es", "2022-10-03T09:00:00-03:00", "ayer", "2022-10-02"),
        ("es", "2022-10-03T09:00:00-03:00", "hoy", "2022-10-03"),
        ("fr", "2022-10-03T09:00:00+02:00", "hier", "2022-10-02"),
        ("fr", "2022-10-03T09:00:00+02:00", "aujourd'hui", "2022-10-03"),
        ("id", "2022-10-03T09:00:00+07:00", "dua hari lalu", "2022-10-01"),
        ("en", "2022-10-03T09:00:00+00:00", "two days ago", "2022-10-01"),
        ("fr", "2022-10-03T09:00:00+02:00", "il y a deux jours", "2022-10-01"),
        ("es", "2022-10-03T09:00:00-03:00", "hace dos días", "2022-10-01"),
        ("id", "2024-04-26T05:20:00+07:00", "akhir pekan lalu", "2024-04-20"),
        ("en", "2024-04-26T05:20:00+00:00", "last weekend", "2024-04-20"),
        # a past act "at/during the weekend", told in the week after it
        ("en", "2024-05-07T10:00:00+00:00", "at the weekend", "2024-05-04"),
        ("es", "2024-05-07T10:00:00-05:00", "durante el fin de semana", "2024-05-04"),
        ("fr", "2024-05-07T10:00:00+02:00", "pendant le week-end", "2024-05-04"),
        ("id", "2024-05-07T10:00:00+07:00", "selama akhir pekan", "2024-05-04"),
        ("ms", "2024-05-07T10:00:00+08:00", "sepanjang hujung minggu", "2024-05-04"),
    ],
)
def test_relative_words(lang, published, text, expected):
    assert dates(text, published, lang) == [(expected, False)]


def test_publisher_calendar_not_utc():
    # 01:00 on Friday in Jakarta is still Thursday in UTC: "hari ini" is the Friday
    published = datetime(2022, 1, 7, 1, 0, tzinfo=timezone(timedelta(hours=7)))
    (today,) = find_dates("hari ini", published, "id")
    assert today.value == date(2022, 1, 7)
    (today,) = find_dates("hari ini", published.astimezone(timezone.utc), "id")
    assert today.value == date(2022, 1, 6)


@pytest.mark.parametrize("lang, text", [
    ("en", "The president will step down on Wednesday, the speaker said on Saturday."),
    ("id", "Presiden akan mundur pada Rabu, kata Ketua Parlemen pada Sabtu."),
    ("ms", "Presiden dijadualkan meletak jawatan pada Rabu, kata Speaker pada Sabtu."),
    ("es", "El presidente va a dimitir el miércoles, dijo el sábado el presidente del Parlamento."),
    ("fr", "Le président doit démissionner mercredi, a dit samedi le président du Parlement."),
])
def test_a_weekday_after_a_future_marker_is_the_coming_one(lang, text):
    # a Sunday paper: the Wednesday is three days ahead, the Saturday the day before
    assert dates(text, "2022-07-10T09:00:00+05:30", lang) == [("2022-07-13", False), ("2022-07-09", False)]


def test_a_future_marker_beyond_a_comma_or_far_before_says_nothing_of_the_weekday():
    assert dates("Police will, officials said on Friday, stay.", "2022-07-10T09:00:00+05:30", "en") == [("2022-07-08", False)]
    text = "They will keep the pressure on the government for months, as protesters did on Friday."
    assert dates(text, "2022-07-10T09:00:00+05:30", "en") == [("2022-07-08", False)]


def test_weekday_corrects_a_year_typo():
    # 6 January 2021 was a Wednesday; the paper is of January 2022 and says Thursday
    assert dates("Kamis (6/1/2021)", "2022-01-07T12:00:00+07:00", "id") == [("2022-01-06", True)]
    assert dates("Rabu (6/1/2020)", "2021-01-07T16:40:00+07:00", "id") == [("2021-01-06", True)]


def test_year_one_off_near_publication_is_a_typo():
    assert dates("pada 1/10/2021", "2022-10-02T10:15:00+07:00", "id") == [("2022-10-01", True)]
    # far from publication: a real date of the year before
    assert dates("pada 1/3/2021", "2022-10-02T10:15:00+07:00", "id") == [("2021-03-01", True)]


def test_weekday_and_date_are_one_mention():
    text = "Sabtu (1/10) malam"
    (m,) = find_dates(text, datetime.fromisoformat("2022-10-02T13:40:00+07:00"), "id")
    assert (text[m.start : m.end], m.value, m.explicit) == ("Sabtu (1/10)", date(2022, 10, 1), True)


def test_relative_word_repeating_a_date_is_dropped():
    assert dates("Sabtu (23/7) kemarin", "2022-07-24T19:00:00+07:00", "id") == [("2022-07-23", True)]
    assert dates("Selasa kemarin", "2019-05-22T16:30:00+07:00", "id") == [("2019-05-21", False)]


def test_date_without_year_takes_the_nearest_year():
    assert dates("on Dec. 30", "2022-01-07T12:00:00+00:00", "en") == [("2021-12-30", True)]
    assert dates("(6/1)", "2021-01-07T12:00:00+07:00", "id") == [("2021-01-06", True)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Skor 2-2 hingga pukul 14.30 WIB.", "id"),
        ("In May the team may win.", "en"),
        ("Harga naik 1,5 persen.", "id"),
        ("", "en"),
    ],
)
def test_not_dates(text, lang):
    assert dates(text, "2022-01-07T12:00:00+00:00", lang) == []


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 6), st.integers(0, 23))
def test_weekday_is_within_the_week_before_publication(day, weekday, hour):
    published = datetime(day.year, day.month, day.day, hour, tzinfo=timezone(timedelta(hours=7)))
    (m,) = find_dates(f"on {WEEKDAYS[weekday]}", published, "en")
    assert m.value.weekday() == weekday
    assert 0 <= (day - m.value).days < 7


@given(st.text(max_size=200))
def test_never_raises(text):
    for m in find_dates(text, datetime(2022, 1, 7, tzinfo=timezone.utc), "id"):
        assert 0 <= m.start < m.end <= len(text)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Protesters marched on Tuesday. The same day, police arrested 20 people."),
        ("id", "Massa berunjuk rasa pada Selasa (27/6). Pada hari yang sama, polisi menangkap 20 orang."),
        ("es", "Los manifestantes marcharon el martes. El mismo día, la policía detuvo a 20 personas."),
        ("fr", "Les manifestants ont défilé mardi. Le même jour, la police a interpellé 20 personnes."),
        ("ms", "Penunjuk perasaan berarak pada Selasa. Pada hari yang sama, polis menahan 20 orang."),
    ],
)
def test_the_same_day_is_the_day_named_before_it(lang, text):
    found = dates(text, "2023-06-29T12:00:00+02:00", lang)
    assert [d for d, _ in found] == ["2023-06-27", "2023-06-27"]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "Police arrested 12 activists on Thursday. A day earlier, soldiers fired on workers.", "2025-03-05"),
        ("en", "Police arrested 12 activists on Wednesday. The next day, soldiers fired on workers.", "2025-03-06"),
        ("id", "Polisi menangkap 12 aktivis pada Kamis (6/3). Sehari sebelumnya, tentara menembaki buruh.", "2025-03-05"),
        ("id", "Polisi menangkap 12 aktivis pada Rabu (5/3). Keesokan harinya, tentara menembaki buruh.", "2025-03-06"),
        ("ms", "Polis menahan 12 aktivis pada Khamis. Sehari sebelumnya, tentera menembak pekerja.", "2025-03-05"),
        ("ms", "Polis menahan 12 aktivis pada Rabu. Keesokan harinya, tentera menembak pekerja.", "2025-03-06"),
        ("fr", "La police a interpellé 12 militants jeudi. La veille, des soldats ont tiré sur des ouvriers.", "2025-03-05"),
        ("fr", "La police a interpellé 12 militants mercredi. Le lendemain, des soldats ont tiré.", "2025-03-06"),
        ("es", "La policía detuvo a 12 activistas el jueves. Un día antes, soldados dispararon.", "2025-03-05"),
        ("es", "La policía detuvo a 12 activistas el miércoles. Al día siguiente, soldados dispararon.", "2025-03-06"),
    ],
)
def test_the_day_before_or_after_is_a_day_off_the_date_named_before_it(lang, text, expected):
    found = dates(text, "2025-03-08T18:00:00+07:00", lang)
    assert [d for d, _ in found][-1] == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police arrested 12 activists on Thursday, the day before the vote."),
        ("fr", "La police a interpellé 12 militants jeudi, la veille du scrutin."),
        ("es", "La policía detuvo a 12 activistas el jueves, un día antes de la votación."),
    ],
)
def test_the_day_before_a_named_thing_is_no_date_of_its_own(lang, text):
    assert len(dates(text, "2025-03-08T18:00:00+07:00", lang)) == 1


def test_the_same_day_does_not_follow_a_today_that_may_be_quoted():
    text = 'He said on Tuesday: "He is here today." On the same day, Moscow dropped the case.'
    found = dates(text, "2023-06-28T09:00:00+00:00", "en")
    assert [d for d, _ in found] == ["2023-06-27", "2023-06-28", "2023-06-27"]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Menteri itu berbicara pada Senin malam waktu setempat atau Selasa (7/3) dini hari WIB.", [date(2023, 3, 6)]),
    ("ms", "Kenyataan itu dikeluarkan Isnin malam waktu London, atau Selasa pagi waktu Malaysia.", [date(2023, 3, 6)]),
    ("fr", "Le ministre s'est exprimé lundi soir heure de Washington, soit mardi matin heure de Paris.", [date(2023, 3, 6)]),
])
def test_a_date_restated_in_the_publishers_time_zone_is_not_a_date_of_its_own(lang, text, expected):
    published = datetime(2023, 3, 8, 9, 0, tzinfo=timezone.utc)
    assert [d.value for d in find_dates(text, published, lang)] == expected


def test_two_days_joined_by_or_without_a_time_zone_are_both_kept():
    published = datetime(2023, 3, 8, 9, 0, tzinfo=timezone.utc)
    text = "Pertemuan digelar Senin atau Selasa (7/3) di Jakarta."
    assert [d.value for d in find_dates(text, published, "id")] == [date(2023, 3, 6), date(2023, 3, 7)]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police arrested the activists after the rally last year."),
        ("en", "Police arrested the activists two years ago."),
        ("id", "Polisi menangkap para aktivis usai unjuk rasa tahun lalu."),
        ("ms", "Polis menahan aktivis itu selepas perhimpunan tahun lepas."),
        ("fr", "La police a arrêté les militants après le rassemblement de l'an dernier."),
        ("fr", "La police a arrêté les militants il y a trois mois."),
        ("es", "La policía detuvo a los activistas tras la marcha del año pasado."),
        ("es", "La policía detuvo a los activistas hace tres meses."),
    ],
)
def test_a_year_or_months_back_is_a_vague_past(lang, text):
    from streams.nlp.dates import tells_vague_past

    assert tells_vague_past(text, lang)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Police arrested the activists two days ago."),
        ("fr", "La police a arrêté les militants il y a deux jours."),
        ("es", "La policía detuvo a los activistas hace tres días."),
        ("id", "Polisi menangkap para aktivis dua hari lalu."),
        ("en", "Police arrested the activists in Almaty."),
    ],
)
def test_days_back_resolve_to_a_date_and_are_no_vague_past(lang, text):
    from streams.nlp.dates import tells_vague_past

    assert not tells_vague_past(text, lang)


def test_a_vague_past_phrase_followed_by_a_number_counts_back_to_now():
    from streams.nlp.dates import tells_vague_past

    # "in the past 48 hours" is recent: no vague past; "in the past" alone is
    assert not tells_vague_past("Jets carried out an airstrike near the town in the past 48 hours.", "en")
    assert not tells_vague_past("Jets carried out three airstrikes in the past two days.", "en")
    assert tells_vague_past("In the past, jets struck the town.", "en")
    # a long span counted back stays vague: "in the past two years"
    assert tells_vague_past("Growers suffered losses in the past two years.", "en")


@pytest.mark.parametrize(
    "lang, published, text, expected",
    [
        ("en", "2024-08-08T12:00:00+00:00", "the mastermind of the Oct. 7 attacks on Israel", "2023-10-07"),
        ("fr", "2024-08-08T12:00:00+02:00", "les attentats du 13 novembre ont fait 130 morts", "2023-11-13"),
        ("es", "2024-01-08T12:00:00+01:00", "los atentados del 11 de marzo dejaron 193 muertos", "2023-03-11"),
        ("id", "2024-08-08T12:00:00+07:00", "Tragedi 11 September menewaskan ribuan orang", "2023-09-11"),
        ("ms", "2024-08-08T12:00:00+08:00", "tragedi 11 September mengorbankan ribuan nyawa", "2023-09-11"),
        # what may be scheduled keeps the reading ahead
        ("en", "2024-08-08T12:00:00+00:00", "the Nov. 5 election", "2024-11-05"),
        ("id", "2024-08-08T12:00:00+07:00", "pemilihan 27 November", "2024-11-27"),
    ],
)
def test_a_yearless_date_naming_a_deed_nobody_schedules_is_past(lang, published, text, expected):
    # dates.json deed_nouns: "the Oct. 7 attacks" in August is last October's, not the coming one
    assert [d for d, _ in dates(text, published, lang)] == [expected]


def _unhurried(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` without the speed-ups of ``dates`` (atomic groups, first-letter look-aheads)."""
    source = re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern.replace("(?>", "(?:"))
    return re.compile(source, pattern.flags)


_VAGUE_SENTENCES = [
    ("en", "Twenty-five years ago, and two-thirds of the years ago, rebels seized the town two months ago."),
    ("en", "It happened long, long ago; the years-long siege ended a few weeks ago in the past 48 hours."),
    ("fr", "Il y a vingt-cinq ans, et il y a trois mois, les rebelles ont pris la ville l'an dernier."),
    ("es", "Hace veinticinco años y hace dos meses los rebeldes tomaron la ciudad el año pasado."),
    ("id", "Dua puluh lima tahun lalu dan tiga bulan yang lalu pemberontak merebut kota itu tahun lalu."),
    ("ms", "Dua puluh tahun lalu dan beberapa bulan lepas pemberontak menawan bandar itu."),
]


@pytest.mark.parametrize("lang, text", _VAGUE_SENTENCES)
def test_vague_past_pattern_finds_what_it_found_without_its_speed_ups(lang, text):
    from streams.nlp.dates import _lexicon

    pattern = _lexicon(lang).vague_past_re
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in _unhurried(pattern).finditer(text)]


@given(st.lists(st.sampled_from(["two", "dua", "deux", "25", "years", "tahun", "ans", "ago", "lalu", "hace", "il y a",
                                 "Ago", "-", " ", "  ", ",", "long", "a", "ya", "años", "last", "week"]), max_size=14))
def test_vague_past_pattern_matches_as_before_on_any_word_soup(words):
    from streams.nlp.dates import _lexicon

    text = " ".join(words).replace(" - ", "-")
    for lang in ("en", "fr", "es", "id"):
        pattern = _lexicon(lang).vague_past_re
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in _unhurried(pattern).finditer(text)]


@pytest.mark.parametrize("lang, far, near", [
    ("en", "The army seized the town months ago.", "The army seized the town last week."),
    ("id", "Tentara merebut kota itu tahun lalu.", "Tentara merebut kota itu pekan lalu."),
    ("fr", "L'armée a pris la ville l'an dernier.", "L'armée a pris la ville la semaine dernière."),
    ("es", "El ejército tomó la ciudad el año pasado.", "El ejército tomó la ciudad la semana pasada."),
])
def test_a_vague_past_in_months_or_years_is_long_past_and_one_in_weeks_is_not(lang, far, near):
    # a narrative set a month or more back carries on (events.NARRATIVE_REACH); "last week" may be the story's own days
    assert tells_long_past(far, lang) and tells_vague_past(far, lang)
    assert not tells_long_past(near, lang) and tells_vague_past(near, lang)
