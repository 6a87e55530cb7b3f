"""Political parties named by their kind: "Partido Popular", "Parti socialiste", "Partai Demokrat",
"Parti Keadilan Rakyat", "the Labour Party".

The conventions code opposition parties and legislatures as ``CC:government``; a party's own name
is a proper name, so parties are found as a class: the word a language names a party with
(``actors.json`` ``party_names``: ``head``), capitalised, with the words of its name after it (or, in
English, before it). The country is a country named inside the name ("Partido Nacional de Honduras"),
else the caller's (the sentence's or article's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from streams.nlp.mentions import PlaceMention
from streams.nlp.textutil import load_data

#: a capitalised word of a party's name
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
#: most name words next to the head
_MOST_WORDS = 5
#: the first word of a match and the space after it
_FIRST_WORD_RE = re.compile(r"(\S+)[ \t]+")


@lru_cache(maxsize=None)
def _party_pattern(lang: str) -> re.Pattern | None:
    """The pattern of a party's name in ``lang``, or None when the language lists no head word.

    Head first ("Partido Popular", "Partai Kebangkitan Bangsa"): the head, then name words, linking
    words ("de", "du") allowed between them but no conjunction (two parties joined by "and" are two);
    where names keep their adjectives in lower case (``lowercase_first``: "Parti socialiste") the first
    word may be any word but a link. Head last ("Labour Party"): capitalised words before the head."""
    spec = (load_data(lang, "actors") or {}).get("party_names")
    if not spec:
        return None
    heads = "|".join(map(re.escape, spec["heads"]))
    links = "|".join(map(re.escape, spec.get("links") or []))
    link = rf"(?:(?:{links})[ \t]+)?" if links else ""
    if spec.get("head_last"):  # "the Communist Party of China": a link and a name word may follow the head
        return re.compile(rf"\b(?:{_NAME_WORD}[ \t]+){{1,{_MOST_WORDS}}}(?:{heads})\b(?:[ \t]+{link}{_NAME_WORD})?"
                          if links else rf"\b(?:{_NAME_WORD}[ \t]+){{1,{_MOST_WORDS}}}(?:{heads})\b")
    first = _NAME_WORD
    if spec.get("lowercase_first"):  # "Parti socialiste", but not "Parti de rien, il ..." (a participle)
        first = rf"(?!(?:{links})\b)\w[\w'’-]*" if links else r"\w[\w'’-]*"
    return re.compile(rf"\b(?:{heads})[ \t]+{first}(?:[ \t]+{link}{_NAME_WORD}){{0,{_MOST_WORDS}}}")


@lru_cache(maxsize=None)
def _determiners(lang: str) -> frozenset[str]:
    """Capitalised words a head-last match may start with that are no part of the name ("The")."""
    return frozenset((load_data(lang, "actors") or {}).get("party_names", {}).get("not_name_words") or [])


def find_parties(text: str, lang: str, places: list[PlaceMention]) -> list[tuple[int, int, str | None]]:
    """(start, end, country or None) of each party named by its kind in ``text``."""
    pattern = _party_pattern(lang)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        while (word := _FIRST_WORD_RE.match(text, start, end)) and word.group(1) in _determiners(lang):
            start = word.end()  # "The Labour Party": the name starts after "The"
        if pattern.fullmatch(text, start, end) is None:  # "The Party said": no name left
            continue
        inside = [p.location.country for p in places
                  if p.kind == "country" and p.location.country and start <= p.start and p.end <= end]
        found.append((start, end, inside[0] if inside else None))
    return found
