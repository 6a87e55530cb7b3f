"""Small shared helpers of the text stage: data-file loading and word tokens.

Lexicons and patterns live in ``streams/data/<lang>/<name>.json`` (one file
per language and concern) and ``streams/data/common/``. They are read once
and cached: adding a language means adding files, not code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: a word: letters, digits, marks and inner apostrophes/hyphens ("Al-Qaeda", "l'armée")
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
_WORD_START = re.compile(r"(?<!\S)\S")
#: characters per word ``words_back`` reads back before it reads the whole text
WORDS_BACK_CHARS = 16


@lru_cache(maxsize=None)
def load_data(lang: str, name: str) -> Any:
    """The decoded JSON of ``data/<lang>/<name>.json``, or ``None`` if absent."""
    path = DATA_DIR / lang / f"{name}.json"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def languages_with(name: str) -> tuple[str, ...]:
    """The language codes that have a ``<name>.json`` data file, sorted."""
    if not DATA_DIR.is_dir():
        return ()
    return tuple(
        sorted(
            d.name
            for d in DATA_DIR.iterdir()
            if d.is_dir() and d.name != "common" and (d / f"{name}.json").is_file()
        )
    )


#: the end of a listed word: no word character follows, unless the word ends in an elision
#: apostrophe (French "n'", "d'", "qu'"), which the next word follows with no space between
WORD_END = r"(?:(?<=['’])|(?!\w))"


def alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation of ``phrases``, longest first (so the longest match wins), each
    escaped, with ``space`` for the spaces between its words.

    The alternation is written as a trie, shared beginnings factored out
    ("minist(?:er|re)"), which the engine walks one character at a time instead of
    trying every phrase at every position. It matches what the flat alternation
    (``flat_alternation``) matches, and prefers the same phrase: at a fork, only one
    branch can match the next character, and where a phrase ends inside a longer one
    the longer is tried first. When two branches of a fork could match the same
    character (case variants "Mei"/"mei" under IGNORECASE, or a character ``space``
    also matches, beside a space or right after one), the flat alternation is returned instead.
    """
    unique = set(phrases)
    return _trie(unique, space) or flat_alternation(unique, space)


def whole_words_re(phrases: Iterable[str] | None, flags: int = 0) -> re.Pattern | None:
    """The ``phrases`` as one pattern, each matched as whole words (no letter, digit, apostrophe or
    hyphen on either side); None when there are none."""
    phrases = list(phrases or ())
    return re.compile(rf"(?<![\w'-])(?:{alternation(phrases)})(?![\w'-])", flags) if phrases else None


def flat_alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """``alternation`` as a plain "|" of the phrases, longest first (and in a fixed order among phrases of one
    length: a set's order changes with the process's hash seed, and so would which phrase wins a tie)."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(space.join(map(re.escape, p.split(" "))) for p in ordered)


_SPACE = object()  # the trie unit of a space between words
_END = object()  # a phrase ends at this node


def _variants(c: str) -> set[str]:
    """What a character may match under IGNORECASE (conservatively: its lower, upper and folded forms)."""
    return {c, c.lower(), c.upper(), c.casefold()}


def _trie(phrases: set[str], space: str) -> str | None:
    """The trie regex of ``phrases`` (see ``alternation``), or None when a fork is ambiguous."""
    root: dict = {}
    for phrase in sorted(phrases):  # one pattern whatever the set's order
        node = root
        for c in phrase:
            node = node.setdefault(_SPACE if c == " " else c, {})
        node[_END] = {}
    space_re = re.compile(space)

    def ambiguous(node: dict, after_space: bool) -> bool:
        seen: set[str] = set()
        for unit in node:
            if unit is _END:
                continue
            if unit is _SPACE:
                if after_space:  # a greedy space before would take it and not give it back
                    return True
                continue
            if after_space and any(space_re.match(v) for v in _variants(unit)):
                return True
            variants = _variants(unit)
            if seen & variants or (_SPACE in node and any(space_re.match(v) for v in variants)):
                return True
            seen |= variants
        return False

    def emit(node: dict, after_space: bool = False) -> str | None:
        if ambiguous(node, after_space):
            return None
        branches = []
        for unit, child in node.items():
            if unit is _END:
                continue
            rest = emit(child, unit is _SPACE)
            if rest is None:
                return None
            branches.append((space if unit is _SPACE else re.escape(unit)) + rest)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if _END in node else body

    return emit(root)


def words(text: str) -> list[str]:
    """Case-folded word tokens of ``text``."""
    return WORD_RE.findall(text.casefold())


def words_back(text: str, at: int, n: int) -> int:
    """Where the ``n``-th word (run of non-spaces) before offset ``at`` starts (0 when there are fewer).
    The words are looked for in the last ``WORDS_BACK_CHARS * n`` characters first (the pattern's
    look-behind sees the character before), the whole text only when those hold fewer than ``n``:
    a window of an article's folded text reads back a few words, not the article up to there."""
    low = max(0, at - WORDS_BACK_CHARS * n)
    starts = [m.start() for m in _WORD_START.finditer(text, low, at)]
    if len(starts) < n and low:
        starts = [m.start() for m in _WORD_START.finditer(text, 0, at)]
    return starts[-n] if len(starts) >= n else 0
