"""The date patterns tried only where a date can start find what a full scan finds."""

from hypothesis import given, settings
from hypothesis import strategies as st

from streams.nlp.dates import _lexicon, written_date_spans
from streams.nlp.datestarts import ago_starts, matches_at, written_date_starts

LANGS = ("en", "id", "ms", "es", "fr")
#: pieces of dates and "ago" phrases in our languages, and what surrounds them
WORDS = ["1", "12", "2022", "6/1/2022", "14.30", "2-2", "3x", "x3", "Jan", "Jan.", "January", "Januari", "jan",
         "Mei", "mayo", "de", "del", "th", "dua", "tiga", "dua-tiga", "hari", "Hari", "days", "day", "lalu",
         "yang", "ago", "earlier", "hace", "Hace", "il", "y", "a", "jours", "días", "DÍAS", "semanas", "deux",
         "sebelumnya", "pekan", "minggu", "lepas", "two", "weeks", "é", "_", "Kamis", "(6/1)", "Sept."]
SEPARATORS = [" ", "  ", "\n", "\t", "-", "", ", ", ".", "/", "\u00a0"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts))


def _found(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(LANGS))
def test_written_dates_found_from_their_starts_equal_a_full_scan(text, lang):
    pattern = _lexicon(lang).written_re
    assert _found(matches_at(pattern, text, written_date_starts(text))) == _found(pattern.finditer(text))


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(LANGS))
def test_ago_phrases_found_from_their_starts_equal_a_full_scan(text, lang):
    lx = _lexicon(lang)
    starts = ago_starts(text, lx.ago_unit_re, lx.ago_before_words)
    assert _found(matches_at(lx.ago_re, text, starts)) == _found(lx.ago_re.finditer(text))


def test_every_language_scans_from_date_starts():
    for lang in LANGS:
        lx = _lexicon(lang)
        assert lx.one_word_months and lx.ago_unit_re is not None, lang


def test_date_starts_are_the_figures_and_the_month_word_before_them():
    text = "Pada Kamis, 6 Januari 2022 dan Jan. 7"
    assert [text[i:i + 4] for i in written_date_starts(text)] == ["6 Ja", "Janu", "2022", "Jan.", "7"]


def test_written_date_spans_in_a_sentence():
    text = "Polisi menangkap 18 orang pada 6 Januari 2022, kata dia pada 14.30."
    assert [text[a:b] for a, b in written_date_spans(text, "id")] == ["6 Januari 2022"]


def test_ago_starts_reach_a_multi_word_phrase_before_the_number():
    text = "Les faits ont eu lieu il y a deux jours."
    lx = _lexicon("fr")
    found = matches_at(lx.ago_re, text, ago_starts(text, lx.ago_unit_re, lx.ago_before_words))
    assert [m.group() for m in found] == ["il y a deux jours"]


def test_ago_starts_take_a_hyphenated_number_whole():
    text = "Banjir terjadi dua-tiga hari lalu."
    lx = _lexicon("id")
    found = matches_at(lx.ago_re, text, ago_starts(text, lx.ago_unit_re, lx.ago_before_words))
    assert [m.group() for m in found] == [m.group() for m in lx.ago_re.finditer(text)] == ["dua-tiga hari lalu"]
