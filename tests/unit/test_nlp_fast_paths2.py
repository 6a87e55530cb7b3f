"""More fast paths held to the plain computation they replace: the counts' sentence
pattern that tries only the starts of runs, and word patterns led by a look-ahead for
their words' first letters."""

import re

from hypothesis import given
from hypothesis import strategies as st

from streams.nlp.counts import _SENTENCE_RE
from streams.nlp.fuzzy import fold
from streams.nlp.triggers import _words_pattern

_PLAIN_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)")


@given(st.text(alphabet="ab 2.!?\n\t\"", max_size=120))
def test_sentences_are_those_of_the_plain_pattern(text):
    assert [m.span() for m in _SENTENCE_RE.finditer(text)] == [m.span() for m in _PLAIN_SENTENCE_RE.finditer(text)]


def test_long_runs_of_figures_give_the_sentences_of_the_plain_pattern():
    text = "Sekitar 2.000 orang hadir, 1.500 di antaranya U.S. citizens. " * 50 + "Rp 3.000.000 tanpa akhir"
    assert [m.span() for m in _SENTENCE_RE.finditer(text)] == [m.span() for m in _PLAIN_SENTENCE_RE.finditer(text)]


_WORDS = st.lists(st.text(alphabet="abÉé-.[]^\\ ", max_size=5), min_size=1, max_size=6)


@given(_WORDS, st.text(alphabet="abÉé-.[]^\\ x\n", max_size=80))
def test_word_patterns_match_as_the_plain_alternation(words, text):
    alternation = "|".join(re.escape(fold(w)) for w in sorted(set(words), key=len, reverse=True))
    plain = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    assert [m.span() for m in _words_pattern(words).finditer(text)] == [m.span() for m in plain.finditer(text)]
