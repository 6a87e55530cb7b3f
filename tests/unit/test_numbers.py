"""parse_number / find_numbers: figures in each language's conventions, words, vague quantities."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from streams.nlp.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("2.000", "id", 2000),
        ("2.000", "es", 2000),
        ("2,000", "en", 2000),
        ("2,000", "ms", 2000),
        ("2 000", "fr", 2000),
        ("100.417", "id", 100417),
        ("100,417", "en", 100417),
        ("1,5 juta", "id", 1500000),
        ("1,2 millones", "es", 1200000),
        ("1.5 million", "en", 1500000),
        ("2,5 millions", "fr", 2500000),
        ("127", "id", 127),
    ],
)
def test_figures(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("dua", "id", 2),
        ("two", "en", 2),
        ("eighteen", "en", 18),
        ("delapan belas", "id", 18),
        ("lapan belas", "ms", 18),
        ("dieciocho", "es", 18),
        ("dix-huit", "fr", 18),
        ("twenty-five", "en", 25),
        ("dua puluh lima", "id", 25),
        ("dua ratus lima puluh", "id", 250),
        ("seribu lima ratus", "id", 1500),
        ("one hundred and five", "en", 105),
        ("treinta y cinco", "es", 35),
        ("quatre-vingt-dix-huit", "fr", 98),
        ("trois cent mille", "fr", 300000),
        ("dos mil", "es", 2000),
        ("un millón", "es", 1000000),
        ("two dozen", "en", 24),
        ("seorang", "id", 1),
    ],
)
def test_words(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("dozens", "en", 24),
        ("puluhan", "id", 24),
        ("berpuluh-puluh", "id", 24),
        ("decenas", "es", 24),
        ("dizaines", "fr", 24),
        ("a dozen-odd", "en", 11),
        ("belasan", "id", 11),
        ("hundreds", "en", 200),
        ("ratusan", "id", 200),
        ("cientos", "es", 200),
        ("centaines", "fr", 200),
        ("thousands", "en", 2000),
        ("ribuan", "id", 2000),
        ("miles", "es", 2000),
        ("milliers", "fr", 2000),
        ("tens of thousands", "en", 20000),
        ("puluhan ribu", "id", 20000),
        ("decenas de miles", "es", 20000),
    ],
)
def test_vague_words_take_fixed_lower_bounds(text, lang, value):
    assert parse_number(text, lang) == value
    (span,) = find_numbers(text, lang)
    assert span.vague


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("More than 2,000", "en", 2000),
        ("lebih dari 2.000", "id", 2000),
        ("setidaknya 18", "id", 18),
        ("at least 18", "en", 18),
        ("más de 300", "es", 300),
        ("plus de 2 000", "fr", 2000),
        ("sekitar 2.500 personel", "id", 2500),
    ],
)
def test_qualifiers_are_skipped(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("text", ["", "hello", "the people", "   "])
def test_no_number(text):
    assert parse_number(text, "en") is None


def test_decimals_are_flagged_and_times_are_not_whole():
    (time,) = find_numbers("pukul 14.30 WIB", "id")
    assert not time.integer
    (count,) = find_numbers("127 orang", "id")
    assert (count.value, count.integer, count.vague) == (127, True, False)


def test_find_numbers_spans():
    text = "Sebanyak 127 orang tewas dan puluhan lainnya luka."
    assert [(text[n.start : n.end], n.value) for n in find_numbers(text, "id")] == [("127", 127), ("puluhan", 24)]


@given(st.integers(min_value=0, max_value=10**9))
def test_grouped_figures_round_trip(n):
    assert parse_number(f"{n:,}", "en") == n
    assert parse_number(f"{n:,}".replace(",", "."), "id") == n
    assert parse_number(f"{n:,}".replace(",", " "), "fr") == n


@given(st.text(max_size=200))
def test_never_raises(text):
    for lang in ("en", "id", "fr"):
        parse_number(text, lang)
        find_numbers(text, lang)
