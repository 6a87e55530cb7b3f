"""The NLP's fast paths give exactly what the plain computation gives.

Folding in bulk, span lookups by bisection, acronyms led by their first
letter, phrases found after a consumed non-word character, the
fingerprint's punctuation removal, the name-overlap test of trusted
places and the words read back in a window each replace a
slower, obvious computation; these tests hold them to its answers.
"""

import hashlib
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from streams.nlp.actors import ActorMention, _acronym_pattern, find_organisations
from streams.nlp.eventcontext import between, spans
from streams.nlp.eventplaces import trusted_places
from streams.nlp.fuzzy import _fold_char, fold, fold_uncached
from streams.nlp.mentions import DateMention, PlaceMention
from streams.nlp.normalize import text_fingerprint
from streams.nlp.phrases import PhraseIndex, _trie_pattern, _units, _words_pattern, phrase_words
from streams.nlp.textutil import _WORD_START, words_back
from streams.records import Location

#: letters that fold in unusual ways: accents, ligatures, dotted/dotless i, sigma, Kelvin, long s
_ODD = "aAéÉßẞﬁİıΣσςKſǅǄ’‘ʼ“Ωµ\u0301 .,-\n"


def _fold_each(text: str) -> str:
    return "".join(map(_fold_char, text))


@given(st.text(max_size=80))
def test_bulk_folding_is_folding_each_character(text):
    assert fold_uncached(text) == _fold_each(text)


@given(st.text(alphabet=_ODD, max_size=80))
def test_bulk_folding_of_odd_letters_and_final_sigma(text):
    assert fold_uncached(text) == _fold_each(text)


def test_bulk_folding_of_every_character():
    everything = "".join(chr(i) for i in range(0x80, 0x30000) if not 0xD800 <= i < 0xE000)
    for start in range(0, len(everything), 997):
        chunk = f"Ab {everything[start:start + 997]} ΣΑΣ xΣ Σx"
        assert fold_uncached(chunk) == _fold_each(chunk)


@given(st.text(alphabet=_ODD + "bcdxyz ", max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_a_span_of_the_folded_text_is_the_folded_span(text, a, b):
    assert fold(text)[a:b] == fold(text[a:b])


def _mention(start: int, length: int) -> DateMention:
    return DateMention(start, start + length, date(2022, 1, 6), True)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6))), st.integers(0, 70), st.integers(0, 70))
def test_between_sorted_spans_is_the_plain_filter(found, start, end):
    mentions = sorted((_mention(s, n) for s, n in found), key=lambda m: m.start)
    plain = [m for m in mentions if m.start >= start and m.end <= end]
    assert between(spans(mentions), start, end) == plain


def test_unsorted_mentions_are_searched_whole():
    mentions = [_mention(10, 2), _mention(0, 3)]
    assert spans(mentions) is mentions
    assert between(spans(mentions), 0, 12) == mentions


_ACRONYMS = ["UN", "U.N.", "NATO", "CSTO", "WHO", "IMF", "UE", "EU", "FIFA", "UNICEF", "N"]


@given(st.text(alphabet="UNATOCSWHIEF.a -\n", max_size=60))
def test_acronyms_are_found_as_whole_words(text):
    longest_first = sorted(_ACRONYMS, key=len, reverse=True)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in longest_first) + r")(?!\w)")
    assert [m.span() for m in _acronym_pattern(_ACRONYMS).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_known_bodies_are_found_by_acronym_but_not_inside_words():
    text = "The UN and NATO met; the CSTO did not (BUNNATO)."
    found = [(m.value, text[m.start:m.end]) for m in find_organisations(text)]
    assert found == [("UN", "UN"), ("NATO", "NATO"), ("CSTO", "CSTO")]


@given(st.text(alphabet="aé É,.!?¿—_'’\n xß", max_size=120))
def test_fingerprint_removes_punctuation_as_the_pattern_does(text):
    bare = re.sub(r"[^\w\s]|_", "", text.casefold())
    expected = hashlib.sha1(" ".join(bare.split()).encode("utf-8"), usedforsecurity=False).hexdigest()
    assert text_fingerprint(text) == expected


def _place(start: int, end: int) -> PlaceMention:
    return PlaceMention(start, end, "x" * (end - start), "city", Location("X", "KZ"))


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=8),
       st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=8))
def test_places_inside_names_are_not_trusted(places, names):
    text = "x" * 80
    found = [_place(s, s + n) for s, n in places]
    actors = [ActorMention(s, s + n, "person", "Someone") for s, n in names]
    kept = trusted_places(text, "en", found, "KZ", actors)
    assert kept == [p for p in found if all(p.end <= a.start or p.start >= a.end for a in actors)]


_PHRASES = [("police", "police"), ("riot police", "police"), ("protest*", "protesters"), ("pol", "x"),
            ("couvre-feu", "curfew"), ("a b", "ab"), ("b", "b")]


@given(st.text(alphabet="polices riotaprstb-feu,\n'", max_size=80))
def test_phrases_are_found_where_a_word_starts(text):
    index = PhraseIndex(_PHRASES)
    units = sorted({_units(phrase_words(p)) for p, _ in _PHRASES})
    plain = re.compile(rf"(?<!\w)(?:{_trie_pattern(units)})(?!\w)")
    expected = [(m.start(), m.end()) for m in plain.finditer(text) if index._value(m.group()) is not None]
    assert [(a, b) for a, b, _ in index.find(text)] == expected


#: phrases with a wildcard or a gap, first word exact, a stem or a gap (en, es, fr, id)
_WILD = [("suspend* ... membership", "SANCTION"), ("amenaz* con", "THREATEN"), ("... menolak", "REJECT"),
         ("manifest*", "PROTEST"), ("a ... pris d'assaut", "ASSAULT"), ("mena* ... pajak", "COERCE")]


@given(st.lists(st.sampled_from("suspend suspended membership amenazo con menolak manifestants a pris d assaut "
                                "menaikkan pajak la".split()), max_size=7))
def test_wildcard_phrases_are_read_only_from_their_literal_start(words):
    """A wildcard phrase is compiled and tried only when the matched words begin with its literal
    start: the value is the one of the first phrase whose pattern matches them all."""
    index = PhraseIndex(_WILD)
    joined = " ".join(words)
    expected = next((v for p, v in sorted(_WILD, key=lambda e: -len(" ".join(phrase_words(e[0]))))
                     if _words_pattern(phrase_words(p)).fullmatch(joined)), None)
    assert index._lookup(joined) == expected


def test_a_gap_stands_for_up_to_three_words_of_any_kind():
    index = PhraseIndex([("suspended ... membership", "SANCTION"), ("warned ... against", "THREATEN"),
                         ("warned", "warned alone")])

    def found(text):
        folded = fold(text)
        return [(folded[a:b], v) for a, b, v in index.find(folded)]

    assert found("The bloc suspended Niger's membership.") == [("suspended niger's membership", "SANCTION")]
    assert found("It suspended membership.") == [("suspended membership", "SANCTION")]
    assert found("China warned Taiwan against provocations.") == [("warned taiwan against", "THREATEN")]
    assert found("It suspended all talks on future EU membership.") == []  # four words between
    assert found("They warned of war.") == [("warned", "warned alone")]


def test_words_that_fill_a_gap_exactly_win_over_the_gap():
    """A phrase that goes on past a shorter gapped phrase's end is the longer match, as the index
    promises: "imposed ... restrictions" (gap of no word) does not hide "imposed restrictions on
    movement"."""
    index = PhraseIndex([("imposed ... restrictions", "SANCTION"), ("imposed restrictions on movement", "COERCE")])

    def found(text):
        folded = fold(text)
        return [(folded[a:b], v) for a, b, v in index.find(folded)]

    assert found("Police imposed restrictions on movement in three districts.") == [
        ("imposed restrictions on movement", "COERCE")]
    assert found("The EU imposed new trade restrictions.") == [("imposed new trade restrictions", "SANCTION")]


@given(st.text(alphabet="ab \n", max_size=300), st.integers(0, 300), st.integers(1, 6))
def test_words_read_back_from_a_window_are_those_of_the_whole_text(text, at, n):
    at = min(at, len(text))
    starts = [m.start() for m in _WORD_START.finditer(text, 0, at)]
    assert words_back(text, at, n) == (starts[-n] if len(starts) >= n else 0)
