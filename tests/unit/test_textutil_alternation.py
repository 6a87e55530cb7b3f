"""``textutil.alternation`` writes its phrases as a trie (shared beginnings factored out), which
the engine walks one character at a time; it must match exactly what the plain alternation of
the phrases, longest first, matches, in any surrounding pattern and with or without IGNORECASE."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from streams.nlp.textutil import alternation, flat_alternation, whole_words_re

_PHRASES = st.lists(st.text(alphabet="abAÉé -'.\t", max_size=6), min_size=1, max_size=8)
_TEXT = st.text(alphabet="abAÉé -'.\tx\n", max_size=80)
#: surroundings the callers use: word boundaries, a rest that can fail and backtrack, anchors
_CONTEXTS = (
    "(?:{})",
    r"(?<!\w)(?:{})(?!\w)",
    r"(?<![\w'-])(?:{})(?![\w'-])(?:[^\w.]+[\w'-]+){{0,2}}?[^\w.]*$",
    r"(?:{})\.?\s+x",
    r"(?P<g>{})\b",
)


@settings(max_examples=300)
@given(_PHRASES, _TEXT, st.sampled_from([r"\s+", r"\W+", " "]), st.sampled_from([0, re.IGNORECASE]))
@example([" ", "  A"], "  A", r"\s+", 0)  # a greedy space would eat the next phrase's space and not give it back
def test_the_trie_matches_as_the_plain_alternation(phrases, text, space, flags):
    trie, plain = alternation(phrases, space), flat_alternation(phrases, space)
    for context in _CONTEXTS:
        a = re.compile(context.format(trie), flags)
        b = re.compile(context.format(plain), flags)
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


def test_shared_beginnings_are_factored_out():
    pattern = alternation(["minister", "ministre", "menteri", "menteri luar negeri"])
    assert pattern == r"m(?:enteri(?:\s+luar\s+negeri)?|inist(?:er|re))"
    rx = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")
    assert [m.group() for m in rx.finditer("kata menteri luar  negeri, le ministre et the minister")] == [
        "menteri luar  negeri", "ministre", "minister"]


def test_a_shorter_phrase_is_tried_when_the_longer_fails_after_it():
    rx = re.compile(rf"(?:{alternation(['la semaine', 'la semaine dernière'])})\s+x")
    assert rx.search("la semaine dernièrement x") is None
    assert rx.search("la semaine x").group() == "la semaine x"


def test_case_variants_and_characters_of_the_space_give_the_plain_alternation():
    assert alternation(["WIB", "wib", "waktu"]) == flat_alternation(["WIB", "wib", "waktu"])
    assert alternation(["a-b", "a c"], r"\W+") == flat_alternation(["a-b", "a c"], r"\W+")


def test_whole_words_match_only_whole_words_and_none_without_phrases():
    pattern = whole_words_re(["after", "set off"])
    assert [m.group() for m in pattern.finditer("after dawn they set off; the aftermath, well-set off-road")] == [
        "after", "set off"]
    assert not pattern.search("l'after")  # an elided article glued to it makes it part of a word
    assert whole_words_re([]) is None and whole_words_re(None) is None
    assert whole_words_re(["Mei"], re.IGNORECASE).search("1 mei")
