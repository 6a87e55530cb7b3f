"""Where a date phrase can start, so that the date patterns are tried only there.

A date pattern (a big case-insensitive alternation of month or unit words)
tried at every offset of an article is the costly part of finding dates,
yet a written date always holds a figure ("6 Januari", "January 6",
"6/1/2022") and an "ago" phrase always holds a unit word after white space
("dua hari lalu", "il y a deux jours"). The functions here list the few
offsets such a phrase can start at, found from those anchors with cheap
scans; ``matches_at`` then tries the pattern at each and gives exactly what
``pattern.finditer(text)`` gives, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_DIGITS_RE = re.compile(r"\d+")


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> list[re.Match]:
    """The matches ``pattern.finditer(text)`` gives, when ``starts`` (ascending) holds every
    offset a match can start at and ``pattern`` never matches the empty string."""
    found, pos = [], 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def _is_letter(c: str) -> bool:
    """``c`` is in the regex class ``[^\\W\\d_]``."""
    return c.isalnum() and not c.isdecimal()


def _run_start(text: str, end: int, member: Callable[[str], bool]) -> int:
    """Start of the run of ``member`` characters that ends at ``end``."""
    while end and member(text[end - 1]):
        end -= 1
    return end


def written_date_starts(text: str) -> list[int]:
    """Every offset a written date can start at, ascending: at a run of digits, or at the
    single-word month before it ("January 6", "Jan. 6": the word, a dot, white space)."""
    starts = []
    for m in _DIGITS_RE.finditer(text):
        digit = m.start()
        gap = _run_start(text, digit, str.isspace)
        if gap < digit:
            end = gap - 1 if gap and text[gap - 1] == "." else gap
            word = _run_start(text, end, _is_letter)
            if word < end:
                starts.append(word)
        starts.append(digit)
    return starts


def _number_starts(text: str, end: int) -> list[int]:
    """Where a number word or figure ending at ``end`` can start ("12", "tiga", "dua-tiga")."""
    found = []
    digits = _run_start(text, end, str.isdecimal)
    if digits < end:
        found.append(digits)
    letters = _run_start(text, end, _is_letter)
    if letters < end:
        found.append(letters)
        if letters and text[letters - 1] == "-":
            first = _run_start(text, letters - 1, _is_letter)
            if first < letters - 1:
                found.append(first)
    return found


def _words_before(text: str, pos: int, count: int) -> list[int]:
    """Starts of the up to ``count`` words before ``pos``, each after white space."""
    found = []
    for _ in range(count):
        gap = _run_start(text, pos, str.isspace)
        word = _run_start(text, gap, _is_letter)
        if gap == pos or word == gap:
            break
        found.append(word)
        pos = word
    return found


def ago_starts(text: str, unit_re: re.Pattern, before_words: int) -> list[int]:
    """Every offset an "ago" phrase can start at, ascending: the number before each unit
    word that ``unit_re`` finds ("dua hari lalu"), and the up to ``before_words`` words
    before that number ("il y a deux jours")."""
    starts: set[int] = set()
    for m in unit_re.finditer(text):
        for number in _number_starts(text, _run_start(text, m.start(), str.isspace)):
            starts.add(number)
            starts.update(_words_before(text, number, before_words))
    return sorted(starts)
