"""Bare days of the month and weekdays told as a target.

A day number with no month, after words that make it a date (dates.json ``bare_day``: "el día 5",
"el pasado 5", "le 5", "on the 5th", "pada tanggal 5"), is the nearest such day of a month up to
publication, or the next one ahead when the day is told ahead: its phrase says "next" ("el próximo
5"), a target word stands right before it ("para el día 5", "pour le 5", "untuk tanggal 5";
dates.json ``future_targets``) or a future marker a few words before it ("will meet on the 20th").

The same target words before a weekday ("convocó una marcha para el sábado", "pour samedi",
"for Saturday", "untuk hari Sabtu") make it the coming one, unless a word right after it ties the
weekday to a thing ("for Friday prayers", "for Saturday's attack"; ``future_target_blockers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import load_json
from streams.nlp.textutil import alternation

#: characters before a bare day or weekday searched for a target word ("para el ")
TARGET_REACH = 24


@dataclass(frozen=True)
class _BareDayLexicon:
    #: a lead-in phrase, the day number, its ordinal ending
    pattern: re.Pattern | None
    #: the mode each folded lead-in phrase gives: "past", "future" or ""
    modes: dict[str, str]
    #: a target word ending the text before a bare day or weekday
    target_re: re.Pattern | None
    #: a word right after a weekday that ties it to a thing, not a target day
    target_blocker_re: re.Pattern | None


def _phrase_list(data: dict, key: str) -> list[str]:
    return list(data.get(key) or [])


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> _BareDayLexicon:
    data = load_json(lang, "dates") or {}
    bare = data.get("bare_day") or {}
    modes = {" ".join(fold(p).split()): mode for mode, key in (("", "plain"), ("past", "past"), ("future", "future"))
             for p in _phrase_list(bare, key)}
    pattern = None
    if modes:
        lead = [p for key in ("plain", "past", "future") for p in _phrase_list(bare, key)]
        ordinal = rf"(?:{alternation(bare['ordinals'])})" if bare.get("ordinals") else ""
        if ordinal and not bare.get("ordinal_required"):
            ordinal += "?"
        blockers = bare.get("blockers") or []
        blocked = rf"(?!\s*(?:{alternation(blockers)})(?![\w'-]))" if blockers else ""
        followers = bare.get("followers") or []
        # after the day: the end of the clause, or (when the language lists them) one of its followers
        follow = (rf"(?=\s*(?:[,.;:)!?]|$|(?:{alternation(followers)})(?![\w'-])))" if followers
                  else r"(?=\s*(?:[,.;:)!?]|$|[^\W\d_]))")
        pattern = re.compile(
            rf"(?<![\w'-])(?P<lead>{alternation(lead)})\s+(?P<day>[1-9]|[12]\d|3[01]){ordinal}"
            rf"(?![\w%/.,:-]\d|[\w%°-]){blocked}{follow}",
            re.IGNORECASE)
    targets = data.get("future_targets") or []
    target_blockers = data.get("future_target_blockers") or []
    return _BareDayLexicon(
        pattern,
        modes,
        re.compile(rf"(?<![\w'-])(?:{alternation(targets)})\s+$", re.IGNORECASE) if targets else None,
        re.compile(rf"\s*(?:{alternation(target_blockers)})(?![\w'-])", re.IGNORECASE) if target_blockers else None,
    )


def told_as_target(text: str, start: int, end: int, lang: str) -> bool:
    """The weekday at ``start:end`` follows a target word ("para el sábado", "pour samedi") and no
    word right after it ties it to a thing ("for Friday prayers", "for Saturday's attack")."""
    lx = _lexicon(lang)
    if lx.target_re is None or not lx.target_re.search(text, max(0, start - TARGET_REACH), start):
        return False
    return not (lx.target_blocker_re and lx.target_blocker_re.match(text, end))


def _month_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nearest_day(pub: date, day: int, mode: str) -> date | None:
    """The latest day ``day`` of a month up to ``pub`` (before it for "past"), or for "future" the
    first one from ``pub`` on (a month without that day is skipped)."""
    ahead = mode == "future"
    y, m = pub.year, pub.month
    for _ in range(3):
        value = _month_day(y, m, day)
        if value is not None and (value >= pub if ahead else value < pub if mode == "past" else value <= pub):
            return value
        y, m = (y + (m == 12), m % 12 + 1) if ahead else (y - (m == 1), (m - 2) % 12 + 1)
    return None


def bare_days(text: str, pub: date, lang: str, told_ahead) -> list[tuple[int, int, date, bool]]:
    """(start, end, day, told as a day to come) of each bare day of the month in ``text``;
    ``told_ahead(start)`` says whether a future marker stands a few words before ``start``."""
    lx = _lexicon(lang)
    if lx.pattern is None:
        return []
    found = []
    for m in lx.pattern.finditer(text):
        mode = lx.modes.get(" ".join(fold(m.group("lead")).split()), "")
        if not mode and ((lx.target_re and lx.target_re.search(text, max(0, m.start() - TARGET_REACH), m.start()))
                         or told_ahead(m.start())):
            mode = "future"
        value = _nearest_day(pub, int(m.group("day")), mode)
        if value is not None:
            found.append((m.start(), m.end(), value, mode == "future"))
    return found

