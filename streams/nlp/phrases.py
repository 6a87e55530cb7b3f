"""Lookup of many known phrases in a text, with a value for each phrase.

Trigger lexicons and actor words hold hundreds of phrases per language.
``PhraseIndex`` compiles them into one regular expression (longest phrases
first, so the longest match wins) and maps each match back to its phrase's
value. Phrases and text are compared folded (``fuzzy.fold``: lower case, no
accents) word by word, any non-word characters between words matching any
other ("couvre-feu" = "couvre feu"). A word ending in ``*`` matches any word
it begins ("protest*"); ``...`` stands for up to ``GAP_WORDS`` words of any kind
("suspended ... membership" matches "suspended Niger's membership", "warned ...
against"). On equal phrases the first one given wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from streams.nlp.fuzzy import fold

_WORD_RE = re.compile(r"\w+")
#: matched phrases an index remembers the value of
MEMO_SIZE = 10_000
#: a phrase's word standing for any few words (the object between a verb and its particle)
GAP = "..."
#: the most words a gap stands for
GAP_WORDS = 3


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The folded words of a phrase; a chunk ending in ``*`` keeps it on its last word."""
    words: list[str] = []
    for chunk in fold(phrase).split():
        if chunk in (GAP, "…"):
            words.append(GAP)
            continue
        parts = _WORD_RE.findall(chunk)
        if parts and chunk.endswith("*"):
            parts[-1] += "*"
        words.extend(parts)
    return tuple(words)


@lru_cache(maxsize=None)
def _escaped(char: str) -> str:
    """``re.escape`` of one character, remembered: a lexicon spells the same few dozen letters
    about a million times when it builds its pattern."""
    return re.escape(char)


def _units(words: tuple[str, ...]) -> tuple[str, ...]:
    """A phrase as regex units: its characters, ``\\w*`` for a wildcard, ``\\W+`` between words,
    up to ``GAP_WORDS`` words for a gap."""
    units: list[str] = []
    for i, word in enumerate(words):
        if i and words[i - 1] != GAP:
            units.append(r"\W+")
        if word == GAP:
            units.append(rf"(?:\w+\W+){{0,{GAP_WORDS}}}")
            continue
        units.extend(map(_escaped, word.rstrip("*")))
        if word.endswith("*"):
            units.append(r"\w*")
    return tuple(units)


def _trie_pattern(phrases: list[tuple[str, ...]]) -> str:
    """One regex of all phrases with shared beginnings factored out ("prote(?:st|sters)"):
    the engine follows one branch instead of trying every phrase at every position.
    Where a phrase ends inside a longer one, the longer is tried first."""
    trie: dict = {}
    for units in phrases:
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[None] = {}

    def emit(node: dict) -> str:
        branches = [unit + emit(child) for unit, child in node.items() if unit is not None]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if None in node:
            return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + body + ")?"
        return body

    return emit(trie)


def _phrase_pattern(units: set[tuple[str, ...]]) -> re.Pattern | None:
    """The pattern of phrases given as regex units. A phrase starts after a non-word character
    (the text gets a leading space), which the pattern consumes rather than looks behind at: the
    engine then skips words at once."""
    return re.compile(rf"\W({_trie_pattern(sorted(units))})(?!\w)") if units else None


@lru_cache(maxsize=None)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """The words of a phrase with wildcards or gaps, as a regex over words joined by spaces;
    compiled when a match first needs it (a lexicon holds thousands, few ever match)."""
    parts = []
    for word in words:
        if word == GAP:
            parts.append(rf"(?: \w+){{0,{GAP_WORDS}}}")
        else:
            parts.append((" " if parts else "") + re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else ""))
    return re.compile("".join(parts))


class PhraseIndex:
    """Known phrases with a value each; ``find`` returns their longest, left-to-right,
    non-overlapping occurrences in a folded text."""

    def __init__(self, phrases: Iterable[tuple[str, object]]):
        self._exact: dict[tuple[str, ...], object] = {}
        #: (literal start, words, length, value) of each phrase with a wildcard or a gap
        self._wild: list[tuple[str, tuple[str, ...], int, object]] = []
        exact_units: set[tuple[str, ...]] = set()
        wild_units: set[tuple[str, ...]] = set()
        for phrase, value in phrases:
            words = phrase_words(phrase)
            if not words:
                continue
            if any(w.endswith("*") or w == GAP for w in words):
                start = "" if words[0] == GAP else words[0].rstrip("*")
                self._wild.append((start, words, len(" ".join(words)), value))
                wild_units.add(_units(words))
            else:
                self._exact.setdefault(words, value)
                exact_units.add(_units(words))
        self._pattern = _phrase_pattern(exact_units | wild_units)
        # a regex takes the first branch that matches, not the longest: where a gap or a wildcard
        # ("called off ... march", "mengenakan ... sekatan") and a phrase of plain words
        # ("called off his", "mengenakan sekatan pergerakan") both match at one place, each kind is
        # matched there on its own and the longer match wins
        self._alternatives = ([_phrase_pattern(exact_units), _phrase_pattern(wild_units)]
                              if exact_units and wild_units else [])
        self._wild.sort(key=lambda e: -e[2])
        self._values: dict[str, object | None] = {}

    def __bool__(self) -> bool:
        return self._pattern is not None

    def _value(self, matched: str) -> object | None:
        """The value of a matched phrase, remembered (the same few phrases match text after text)."""
        try:
            return self._values[matched]
        except KeyError:
            pass
        if len(self._values) >= MEMO_SIZE:
            self._values.clear()
        value = self._values[matched] = self._lookup(matched)
        return value

    def _lookup(self, matched: str) -> object | None:
        words = tuple(_WORD_RE.findall(matched))
        if words in self._exact:
            return self._exact[words]
        joined = " ".join(words)
        for start, wild, _, value in self._wild:
            if joined.startswith(start) and _words_pattern(wild).fullmatch(joined):
                return value
        return None

    def find(self, folded: str) -> list[tuple[int, int, object]]:
        """(start, end, value) of each occurrence in ``folded`` (text already folded)."""
        if self._pattern is None:
            return []
        out = []
        spaced = " " + folded
        pos = 0
        # in the spaced text a match starts at the character before the phrase, which is
        # the phrase's own offset in ``folded``; its end is one too many
        while (m := self._pattern.search(spaced, pos)) is not None:
            end, value = m.end(), self._value(m.group(1))
            for pattern in self._alternatives:
                alt = pattern.match(spaced, m.start())
                if alt is not None and (alt.end() > end or value is None):
                    alt_value = self._value(alt.group(1))
                    if alt_value is not None:
                        end, value = alt.end(), alt_value
            if value is not None:
                out.append((m.start(), end - 1, value))
            pos = end
        return out
