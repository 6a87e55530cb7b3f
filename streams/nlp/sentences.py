"""Sentence boundaries as character spans, for any of our languages.

A line break always ends a sentence (news text is paragraphs and one-line
widgets). Inside a line, ``. ! ? …`` (with any closing quotes or brackets)
followed by white space ends a sentence unless:

- the next word starts with a lower-case letter or ``, ; :`` (``"Why?" he
  said``, ``saya ... untuk``);
- it is inside a quotation that closes later on the line (``"Six died. Most
  were crushed," he said`` stays one sentence with its speaker);
- the period closes an abbreviation from ``data/common/abbreviations.json``
  ("Mr.", "Jl.", "Sra."), a month or "No." before a number ("Jan. 10"), an
  initial ("Joko S. Widodo") or a dotted acronym ("U.S.", "EE.UU.").

Numbers such as "2.000", "1,2" or "6/1/2022" never match, since a boundary
needs white space after the punctuation. CJK full stops end a sentence
without white space.
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.nlp.textutil import load_data

_LINE_RE = re.compile(r"[^\n]+")
#: a run of sentence-ending marks, Latin or CJK ones, then closing quotes or brackets and space;
#: led by one character class (the run's first mark), so the engine skips other text fast
_END_RE = re.compile(r"[.!?…。！？](?:(?<=[.!?…])[.!?…]*|(?<=[。！？])[。！？]*)[\"'”’»)\]」』]*(?:\s+|(?<=[。！？])|$)")
_ACRONYM_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}$")
_OPENERS = "\"'“‘«([¿¡"
_CONTINUERS = ",;:"
_QUOTE_PAIRS = (("“", "”"), ("«", "»"))
_QUOTES = ('"', "“", "«")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("common", "abbreviations") or {}
    before_number = frozenset(data.get("before_number", ()))
    always = frozenset(
        w for key, vals in data.items() if not key.startswith("_") and key != "before_number"
        for w in vals
    )
    return always, before_number


def _is_abbreviation(line: str, dot: int, next_char: str) -> bool:
    """Whether the period at ``line[dot]`` belongs to the word before it."""
    start = dot
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    token = line[start:dot].lstrip(_OPENERS)
    if not token:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial
    if _ACRONYM_RE.match(token):
        return True
    low = token.casefold()
    always, before_number = _abbreviations()
    if low in always:
        return True
    return low in before_number and next_char.isdigit()


def _inside_quote(line: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that closes later on the line."""
    straight = line.count('"', 0, pos)
    if straight % 2 and '"' in line[pos:]:
        return True
    for left, right in _QUOTE_PAIRS:
        if line.count(left, 0, pos) > line.count(right, 0, pos) and right in line[pos:]:
            return True
    return False


def _line_sentences(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    line = text[start:end]
    quoted = any(q in line for q in _QUOTES)
    begin = 0
    for m in _END_RE.finditer(line):
        stop = m.end()
        if stop < len(line):
            nxt = line[stop]
            if nxt.islower() or nxt in _CONTINUERS:
                continue
            if quoted and _inside_quote(line, stop):
                continue
            punct = m.group(0).rstrip()
            if punct.startswith(".") and not punct.startswith("..") and _is_abbreviation(
                line, m.start(), nxt
            ):
                continue
        _add(text, start + begin, start + stop, out)
        begin = stop
    _add(text, start + begin, end, out)


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        out.append((start, end))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, in order."""
    spans: list[tuple[int, int]] = []
    if not text:
        return spans
    for m in _LINE_RE.finditer(text):
        _line_sentences(text, m.start(), m.end(), spans)
    return spans
