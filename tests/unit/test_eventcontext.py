"""Helpers of the event extractor's article context."""

from hypothesis import given
from hypothesis import strategies as st

from streams.nlp.eventcontext import WINDOW_CHARS, window_words
from streams.nlp.fuzzy import fold


@given(st.text(alphabet="ab \n¨é.", max_size=3 * WINDOW_CHARS), st.integers(0, 3 * WINDOW_CHARS), st.integers(1, 5))
def test_window_words_are_the_last_words_before_the_position(text, end, size):
    assert window_words(text, end, size) == " " + " ".join(fold(text[:end]).split()[-size:]) + " "


def test_window_words_of_a_long_text():
    text = "Polisi mengatakan " + "x " * 500 + "kata juru bicara polisi pada Jumat"
    assert window_words(text, text.index("pada"), 3) == " juru bicara polisi "
    assert window_words(text, len(text), 2) == " pada jumat "
