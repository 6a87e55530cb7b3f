"""Numbers written in figures or words, in the conventions of each language.

``parse_number`` reads one number phrase ("lebih dari 2.000", "1,2 millones",
"eighteen", "delapan belas", "puluhan"); ``find_numbers`` finds every number
in a text with its span, for the count and date finders.

Figures follow the language's separators (``data/<lang>/numbers.json``):
"2.000" is 2000 in Indonesian, Spanish and French, "2,000" is 2000 in English
and Malay; a separator followed by one or two digits is a decimal point in
any language ("1.5 juta", "1,2 millones"), so a scale word after it gives a
whole number. Words combine as in speech: words add ("twenty five"),
multipliers multiply the last group ("dua ratus", "deux cents"), scales close
a group ("dua ribu", "dos mil"), adders add to the unit before them
("delapan belas"). Vague words ("dozens", "puluhan", "miles") take the fixed
lower bounds of ``shared/eval/README.md`` and are flagged ``vague``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import load_json

#: longest vague phrase or qualifier, in words
_MAX_PHRASE = 6
#: what may separate two words of one number ("twenty-five", "berpuluh-puluh")
_GAP_RE = re.compile(r"[ \t\u00a0\u202f-]{1,3}")
_NOT_DIGIT_RE = re.compile(r"\D")


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    value: int
    #: a fixed lower bound for a vague word ("dozens", "ratusan")
    vague: bool = False
    #: False for a figure with a decimal part and no scale word ("14.30", "1,5")
    integer: bool = True


@dataclass(frozen=True)
class _Spec:
    token_re: re.Pattern
    decimal: str
    words: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    adders: dict[str, int]
    weak: dict[str, int]
    fillers: frozenset[str]
    vague: dict[str, int]
    qualifiers: frozenset[str]
    #: every word a number in words can start with (any other word is skipped at once)
    starts: frozenset[str]


@lru_cache(maxsize=None)
def _spec(lang: str) -> _Spec:
    data = load_json(lang, "numbers") or load_json("en", "numbers")
    decimal = data.get("decimal", ".")
    thousands = "".join(data.get("thousands", [","]))
    sep = f"[{re.escape(thousands)}]"
    dec = f"(?:{re.escape(decimal)}\\d+|[.,]\\d{{1,2}}(?!\\d))"
    figure = f"\\d{{1,3}}(?:{sep}\\d{{3}})+(?!\\d){dec}?|\\d+{dec}?"
    # words first: most tokens are words (a figure starts with a digit, so the order changes no match)
    token_re = re.compile(f"(?P<word>[^\\W\\d_]+(?:['’][^\\W\\d_]+)?)|(?P<fig>(?<![\\d.,]){figure})")

    def folded(section: str) -> dict[str, int]:
        return {" ".join(fold(k).replace("-", " ").split()): v for k, v in data.get(section, {}).items()}

    tables = {name: folded(name) for name in ("words", "multipliers", "scales", "weak", "vague")}
    return _Spec(
        token_re,
        decimal,
        tables["words"],
        tables["multipliers"],
        tables["scales"],
        folded("adders"),
        tables["weak"],
        frozenset(fold(w) for w in data.get("fillers", [])),
        tables["vague"],
        frozenset(" ".join(fold(q).replace("-", " ").split()) for q in data.get("qualifiers", [])),
        frozenset(key.split(" ")[0] for table in tables.values() for key in table),
    )


#: longer figures are phone numbers, IDs or junk, not quantities
_MAX_DIGITS = 15


def _figure(text: str, spec: _Spec) -> tuple[float, bool] | None:
    """Value of a figure and whether it is whole ("2.000" id -> (2000.0, True))."""
    last = max(text.rfind("."), text.rfind(","))
    fraction = ""
    if last >= 0 and (text[last] == spec.decimal or len(text) - last - 1 < 3):
        text, fraction = text[:last], text[last + 1 :]
    digits = _NOT_DIGIT_RE.sub("", text)
    if len(digits) + len(fraction) > _MAX_DIGITS:
        return None
    value = float(f"{digits}.{fraction}" if fraction else digits)
    return value, not fraction.strip("0")


class _Tokens:
    """Number-relevant tokens of a text: figures and folded words, with their gaps.

    ``items`` are the token matches; ``folded`` holds each word folded and ""
    for a figure (a word is never empty), so it also tells words from figures.
    """

    def __init__(self, text: str, spec: _Spec) -> None:
        self.items = list(spec.token_re.finditer(text))
        self.folded = ["" if word is None else fold(word) for word in map(itemgetter(1), self.items)]
        self.text = text

    def joined(self, i: int) -> bool:
        """True when token i+1 follows token i as part of the same phrase."""
        if i + 1 >= len(self.items):
            return False
        gap = self.text[self.items[i].end() : self.items[i + 1].start()]
        return _GAP_RE.fullmatch(gap) is not None

    def phrase(self, i: int, table, limit: int = _MAX_PHRASE) -> tuple[int, str] | None:
        """Longest run of words from i whose folded text is in ``table``: (end index, key)."""
        best = None
        key = ""
        for j in range(i, min(len(self.items), i + limit)):
            if not self.folded[j] or (j > i and not self.joined(j - 1)):
                break
            key = f"{key} {self.folded[j]}" if key else self.folded[j]
            if key in table:
                best = (j + 1, key)
        return best


def _words(toks: _Tokens, i: int, spec: _Spec) -> tuple[int, int] | None:
    """A number in words from token i: (end index, value)."""
    total = group = last = 0
    j, seen = i, False
    while j < len(toks.items) and toks.folded[j]:
        if j > i and not toks.joined(j - 1):
            break
        pair = toks.phrase(j, spec.words, limit=2)
        w = toks.folded[j]
        if pair is not None:
            j, key = pair
            last = spec.words[key]
            group += last
        elif w in spec.weak and j + 1 < len(toks.items) and toks.folded[j + 1] in (spec.multipliers.keys() | spec.scales.keys()):
            last = spec.weak[w]
            group += last
            j += 1
        elif w in spec.multipliers:
            m = spec.multipliers[w]
            group += max(last, 1) * m - last
            last = max(last, 1) * m
            j += 1
        elif w in spec.scales:
            total += max(group, 1) * spec.scales[w]
            group = last = 0
            j += 1
        elif w in spec.adders and seen:
            group += spec.adders[w]
            last += spec.adders[w]
            j += 1
        elif w in spec.fillers and seen and j + 1 < len(toks.items) and toks.folded[j + 1] in spec.words:
            j += 1
            continue
        else:
            break
        seen = True
    return (j, total + group) if seen else None


def _number_at(toks: _Tokens, i: int, spec: _Spec) -> tuple[int, NumberSpan] | None:
    """The number starting at token i, if any: (index after it, span)."""
    start, end = toks.items[i].span()
    if not toks.folded[i]:
        figure = _figure(toks.items[i].group(), spec)
        if figure is None:
            return None
        value, whole = figure
        j = i + 1
        if j < len(toks.items) and toks.joined(i) and toks.folded[j] in spec.scales:
            value *= spec.scales[toks.folded[j]]
            whole = value == int(value)
            end = toks.items[j].end()
            j += 1
        return j, NumberSpan(start, end, int(round(value)), integer=whole)
    vague = toks.phrase(i, spec.vague)
    if vague is not None:
        j, key = vague
        return j, NumberSpan(start, toks.items[j - 1].end(), spec.vague[key], vague=True)
    words = _words(toks, i, spec)
    if words is not None:
        j, value = words
        return j, NumberSpan(start, toks.items[j - 1].end(), value)
    return None


def find_numbers(text: str, lang: str) -> list[NumberSpan]:
    """Every number in ``text`` (figures, words, vague words), in order."""
    if not text or not isinstance(text, str):
        return []
    spec = _spec(lang)
    toks = _Tokens(text, spec)
    found = []
    i = 0  # the first token not inside a number found
    starts = spec.starts
    # a figure (folded to "") or a word a number can start with
    for k in [k for k, key in enumerate(toks.folded) if not key or key in starts]:
        if k < i:
            continue
        hit = _number_at(toks, k, spec)
        if hit is not None:
            i, span = hit
            found.append(span)
    return found


def parse_number(text: str, lang: str) -> int | None:
    """The number a phrase states ("lebih dari 2.000" -> 2000, "1,2 millones" -> 1200000).

    Leading qualifiers ("more than", "setidaknya", "más de") are skipped;
    words after the number are ignored ("18 orang" -> 18). None when the
    phrase does not start with a number.
    """
    if not text or not isinstance(text, str):
        return None
    spec = _spec(lang)
    toks = _Tokens(text.strip(), spec)
    i = 0
    while i < len(toks.items):
        qualifier = toks.phrase(i, spec.qualifiers)
        if qualifier is None or _number_at(toks, i, spec) is not None:
            break
        i = qualifier[0]
    if i >= len(toks.items):
        return None
    hit = _number_at(toks, i, spec)
    return hit[1].value if hit else None
