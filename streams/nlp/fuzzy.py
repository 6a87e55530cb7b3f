"""Text folding and one-typo matching, shared by the fact finders.

``fold`` makes the keys every gazetteer and lexicon lookup uses (case- and
accent-insensitive: "Azerbaïdjan" and "azerbaidjan" meet); it keeps the
length of its input, so offsets in folded text are offsets in the original. ``OneEditIndex``
finds the known names within one edit (insert, delete, substitute or swap
two neighbours) of a word, for misspellings such as "Kazakhtan": it stores
every name with one letter deleted, so a lookup is a handful of dict hits
rather than a scan of all names.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache


_QUOTES = {"’": "'", "‘": "'", "ʼ": "'"}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _QUOTES:
        return _QUOTES[c]
    bare = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).casefold()
    if len(bare) == 1:
        return bare
    lower = c.lower()
    return lower if len(lower) == 1 else c


#: longer texts (sentences, whole articles) are folded without the cache, which would
#: otherwise hold up to 65,536 whole articles in a long-running worker; ASCII text, whose
#: fold is ``str.lower``, is never cached (a lookup costs as much, and a miss more)
FOLD_CACHE_MAX_LEN = 64


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents ("Bogotá" -> "bogota", "’" -> "'").

    The result has the same length as ``text``, character for character, so an
    offset found in the folded text is an offset in the original ("ß" and "ﬁ",
    which fold to two letters, are only lower-cased).
    """
    if text.isascii():
        return text.lower()
    if len(text) <= FOLD_CACHE_MAX_LEN:
        return _fold_short(text)
    return fold_uncached(text)


#: how a non-ASCII character folds (see ``_shortcut``), by character; bounded
_SHORTCUTS: dict[str, str | bool | None] = {}
SHORTCUTS_MAX = 65536
#: the one character ``str.lower`` treats by context (a final sigma becomes "ς")
_SIGMA = "\u03a3"
_UNSEEN = object()


def _shortcut(c: str) -> str | bool | None:
    """How ``fold_uncached`` may fold ``c`` in bulk: None when ``str.lower`` gives its fold,
    its fold when that survives ``str.lower`` (replace first, then lower), else False."""
    folded = _fold_char(c)
    if c != _SIGMA and c.lower() == folded:
        return None
    if folded.lower() == folded and folded != _SIGMA:
        return folded
    return False


def fold_uncached(text: str) -> str:
    """``fold`` without the cache, for one-off texts (index building).

    The same as folding character by character, done in bulk: the few
    characters whose fold ``str.lower`` does not give (accented letters,
    curly apostrophes) are replaced first, then the whole text is lower-cased.
    """
    if text.isascii():
        return text.lower()
    replacements = []
    for c in set(text):
        if c < "\x80":
            continue
        how = _SHORTCUTS.get(c, _UNSEEN)
        if how is _UNSEEN:
            how = _shortcut(c)
            if len(_SHORTCUTS) < SHORTCUTS_MAX:
                _SHORTCUTS[c] = how
        if how is None:
            continue
        if how is False:
            return "".join(map(_fold_char, text))
        replacements.append((c, how))
    for c, folded in replacements:
        text = text.replace(c, folded)
    return text.lower()


_fold_short = lru_cache(maxsize=65536)(fold_uncached)


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insert, delete, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


#: words whose answer an index remembers (the same names come back article after article)
MEMO_SIZE = 100_000


class OneEditIndex:
    """Known words (already folded) mapped to values, searchable with one typo."""

    def __init__(self, items: Iterable[tuple[str, object]]) -> None:
        self._exact: dict[str, set[object]] = defaultdict(set)
        self._deleted: dict[str, set[str]] = defaultdict(set)
        for word, value in items:
            self._exact[word].add(value)
            for variant in _deletions(word):
                self._deleted[variant].add(word)
        self._memo: dict[str, set[object]] = {}

    def near(self, word: str) -> set[object]:
        """Values of every known word within one edit of ``word`` (itself included).
        The set is remembered and shared between calls: read it, do not change it."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[word] = self._near(word)
        return found

    def _near(self, word: str) -> set[object]:
        candidates = set(self._deleted.get(word, ()))
        if word in self._exact:
            candidates.add(word)
        for variant in _deletions(word):
            if variant in self._exact:
                candidates.add(variant)
            candidates.update(self._deleted.get(variant, ()))
        found: set[object] = set()
        for known in candidates:
            if within_one_edit(word, known):
                found.update(self._exact[known])
        return found
