"""Dates a text gives, resolved against its publication date.

``find_dates(text, published, lang)`` returns written dates ("6/1/2022",
"6 Januari 2022", "January 6", "le 6 janvier", "2022-01-06"), weekdays
("Kamis", "on Thursday") and relative words ("kemarin", "two days ago") as
calendar dates in the publisher's local calendar (``published`` carries the
publisher's UTC offset: "Thursday" means its Thursday).

Rules:

- a weekday is the latest such day on or before publication ("Thursday" in a
  Thursday paper is that day); "last"/"lalu" make it strictly before, "next"/
  "depan" the next one after, and so does a future marker a few words before it
  ("will step down on Wednesday", "akan mundur pada Rabu") or a target word right
  before it ("una marcha para el sábado", "pour samedi"; ``baredays.py``);
- a bare day of the month ("el día 5", "le 5", "on the 5th", "pada tanggal 5") is
  the nearest such day up to publication, or ahead when told so (``baredays.py``);
- a weekday written next to a date ("Kamis (6/1/2021)") is one mention; when
  it contradicts the written year but fits the publication year (or the year
  before or after), that year is used: the written year is a typo;
- a written year exactly one off the publication year, for a day and month
  within a week of publication, is also a typo ("1/10/2021" in a paper of
  2 October 2022);
- a date without a year takes the year that puts it nearest publication, a
  date ahead counting double ("30 December" in a January paper is last year's,
  an announced "January 20" this year's), unless it names a deed nobody
  schedules ("the Oct. 7 attacks", "les attentats du 13 novembre", "tragedi
  12 Mei"; dates.json ``deed_nouns``) or starts a span up to now ("hasn't been
  seen since Oct. 7", "desde el 7 de octubre"; dates.json ``span_start_markers``)
  or follows a past auxiliary with no future marker between ("was doing on the
  night of March 10"; dates.json ``past_markers``): that one has happened, the
  latest such day up to publication;
- an "ago" phrase after a span start ("en huelga desde hace 33 días") tells how
  long something has gone on, as "for 33 days" and "depuis 33 jours" do: no date;
- numeric dates read day/month in every language but US-style English, where
  an ambiguous "6/1/2022" takes the reading nearest the publication date;
- a relative word right after a weekday or date ("Selasa kemarin") adds nothing
  and is dropped.

Words come from ``data/<lang>/dates.json``. Written dates and "ago" phrases are
tried only where one can start (``datestarts.py``), not at every offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from streams.nlp.baredays import bare_days, told_as_target
from streams.nlp.datestarts import ago_starts, matches_at, written_date_starts
from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import load_json
from streams.nlp.mentions import DateMention
from streams.nlp.numbers import parse_number
from streams.nlp.textutil import alternation, whole_words_re

#: how close to publication a date must be for a one-off year to count as a typo
_TYPO_DAYS = 7
#: publication hour from which "last night" / "tadi malam" means the same evening
_EVENING_HOUR = 18
#: words a future marker may stand before a weekday ("will step down on Wednesday")
FUTURE_REACH = 5
#: characters before a weekday searched for a word of repetition ("todos los ", "setiap hari ")
HABIT_REACH = 16
#: what may stand between a weekday and the date it names ("Kamis (6/1/2022)")
_WEEKDAY_GAP_RE = re.compile(r"[\s,(]*")
#: a written date that gives its year
_HAS_YEAR_RE = re.compile(r"\d{4}|/\d{2}\b")


@dataclass(frozen=True)
class _Lexicon:
    lang: str
    written_re: re.Pattern
    weekday_re: re.Pattern
    relative_re: re.Pattern
    ago_re: re.Pattern | None
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int | str]
    ago_units: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    weekend: frozenset[str]
    order: str
    capitalised: bool
    #: what may stand between a date and a relative word that only repeats it
    repeat_re: re.Pattern
    #: every month name is one word of letters (``datestarts.written_date_starts``)
    one_word_months: bool
    #: where a unit word of an "ago" phrase starts, if the phrase words before the
    #: number are plain words (``datestarts.ago_starts``), and how many there are at most
    ago_unit_re: re.Pattern | None
    ago_before_words: int
    #: "the same day", "pada hari yang sama": the date mentioned before
    same_day_re: re.Pattern | None = None
    #: "last week", "pekan lalu": a time before publication no date can be resolved from
    vague_past_re: re.Pattern | None = None
    #: "will", "akan", "va" ending the text before a weekday: it is the coming one
    future_marker_re: re.Pattern | None = None
    #: "atau", "or" ending the text between two dates: the second may restate the first
    restate_re: re.Pattern | None = None
    #: the publisher's time zone ("WIB", "heure de Paris") after a date: a restated moment
    home_zone_re: re.Pattern | None = None
    #: a deed noun right after a date ("Oct. 7 attacks"), and one ending the text before it,
    #: maybe with a connector ("attentats du", "atentados del", "tragedi"): the date names a deed done
    deed_after_re: re.Pattern | None = None
    deed_before_re: re.Pattern | None = None
    #: "since", "sejak", "depuis", "desde" ending the text before a date: it opens a span
    since_re: re.Pattern | None = None
    #: "the day before", "keesokan harinya", "la veille": a day off the date mentioned before
    anchored_re: re.Pattern | None = None
    anchored_days: dict[str, int] = field(default_factory=dict)
    #: "was", "avait", "telah" a few words before a date, no future marker nor target word ("to", "until")
    #: between: the date tells when a past act happened
    past_told_re: re.Pattern | None = None
    #: "every", "cada", "los", "tous les", "setiap (hari)" ending the text before a weekday: a habit, no day
    habit_re: re.Pattern | None = None


def _starts(*word_lists) -> str:
    """A look-ahead for the first letters of the words: a position no word can start at
    fails at once instead of trying every alternative (the match is the same)."""
    firsts = {c for words in word_lists for w in words for c in (w[:1].lower(), w[:1].upper()) if c}
    return f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])" if firsts else ""


def _written_re(data: dict) -> re.Pattern:
    """"6 Januari 2022", "6 de enero de 2019", "January 6, 2022", "2022-01-06", "6/1/2022"."""
    month = f"(?P<month>{alternation(data['months'])})\\.?"
    return re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?\s+(?:de\s+)?{month}(?:,?\s+(?:de\s+|del\s+)?(?P<year>\d{{4}}))?\b"
        rf"|\b{_starts(data['months'])}{month.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year2>\d{{4}}))?"
        r"|\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b"
        r"|(?<![\d/.,])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<ny>\d{4}|\d{2}))?(?![\d/]|[.,-]\d)",
        re.IGNORECASE,
    )


def _weekday_re(data: dict) -> re.Pattern:
    """A weekday with an optional "last"/"next" before it or "lalu"/"depan" after it."""
    before = [*data.get("weekday_past_before", []), *data.get("weekday_future_before", [])]
    after = [*data.get("weekday_past_after", []), *data.get("weekday_future_after", [])]
    return re.compile(
        rf"\b{_starts(before, data['weekdays'])}"
        + (rf"(?:(?P<pre>{alternation(before)})\s+)?" if before else "")
        + rf"(?P<wd>{alternation(data['weekdays'])})\b"
        + (rf"(?:\s+(?P<post>{alternation(after)})\b)?" if after else ""),
        re.IGNORECASE,
    )


#: how many units an "ago" phrase counts: a figure or a number word ("two", "dua", "deux"); atomic, as a
#: shorter word is followed by a letter, digit or hyphen, never by the white space the patterns want after it
_AGO_NUMBER = r"(?>\d+|[^\W\d_]+(?:-[^\W\d_]+)?)"


def _ago_re(data: dict) -> re.Pattern | None:
    """"dua hari lalu", "two days ago", "hace dos días", "il y a deux jours"."""
    if not data.get("ago_units"):
        return None
    unit = alternation(data["ago_units"])
    parts = []
    if data.get("ago_after"):
        parts.append(rf"\b(?P<n>{_AGO_NUMBER})\s+(?P<unit>{unit})\s+(?:{alternation(data['ago_after'])})\b")
    if data.get("ago_before"):
        parts.append(rf"\b{_starts(data['ago_before'])}(?:{alternation(data['ago_before'])})\s+(?P<n2>{_AGO_NUMBER})\s+(?P<unit2>{unit})\b")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _ago_unit_re(data: dict) -> re.Pattern | None:
    """Every offset a unit word of an "ago" phrase starts at, after white space (zero-width
    matches, so none hides another); None when a word before the number is no plain word."""
    before = data.get("ago_before", [])
    if not data.get("ago_units") or not all(re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w) for w in before):
        return None
    return re.compile(rf"(?<=\s){_starts(data['ago_units'])}(?={alternation(data['ago_units'])})", re.IGNORECASE)


#: characters between a date and its restatement in another time zone ("(26/6/2023) malam waktu Moskwa, atau ")
RESTATE_GAP = 48
#: characters after a restated date before the publisher's time zone ("(15/5/2024) dini hari WIB")
HOME_ZONE_REACH = 24


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> _Lexicon:
    data = load_json(lang, "dates") or load_json("en", "dates")
    phrases = [*data.get("relative", {}), *data.get("last_weekend", [])]
    day_parts = data.get("day_parts", [])
    repeat = rf"[\s)]*(?:(?:{alternation(day_parts)})\s*)?" if day_parts else r"[\s)]*"
    past = [*data.get("weekday_past_before", []), *data.get("weekday_past_after", [])]
    future = [*data.get("weekday_future_before", []), *data.get("weekday_future_after", [])]
    return _Lexicon(
        lang,
        _written_re(data),
        _weekday_re(data),
        # an elided word may stand right before ("qu'hier", "d'hier", "jusqu'hier")
        re.compile(rf"(?<![\w-]){_starts(phrases)}(?:{alternation(phrases)})(?![\w'-])", re.IGNORECASE),
        _ago_re(data),
        {fold(k): v for k, v in data["months"].items()},
        {fold(k): v for k, v in data["weekdays"].items()},
        {fold(k): v for k, v in data.get("relative", {}).items()},
        {fold(k): v for k, v in data.get("ago_units", {}).items()},
        frozenset(" ".join(fold(w).split()) for w in past),
        frozenset(" ".join(fold(w).split()) for w in future),
        frozenset(" ".join(fold(w).split()) for w in data.get("last_weekend", [])),
        data.get("numeric_order", "dmy"),
        bool(data.get("capitalised")),
        re.compile(repeat, re.IGNORECASE),
        all(re.fullmatch(r"[^\W\d_]+", m) for m in data["months"]),
        _ago_unit_re(data),
        max((len(w.split()) for w in data.get("ago_before", [])), default=0),
        whole_words_re(data.get("same_day"), re.IGNORECASE),
        _vague_past_re(data),
        _future_marker_re(data.get("weekday_future_markers")),
        re.compile(rf"(?<![\w'-])(?:{alternation(data['restate_markers'])})[\s,]*$", re.IGNORECASE)
        if data.get("restate_markers") else None,
        re.compile(rf"^[^.;\n]{{0,{HOME_ZONE_REACH}}}?(?<![\w'-])(?:{alternation(data['home_time_zones'])})(?![\w'-])")
        if data.get("home_time_zones") else None,
        *_deed_res(data),
        re.compile(rf"(?<![\w'-])(?:{alternation(data['span_start_markers'])})\s+$", re.IGNORECASE)
        if data.get("span_start_markers") else None,
        _anchored_re(data),
        {" ".join(fold(k).split()): v for k, v in data.get("anchored_days", {}).items()},
        _past_told_re(data.get("past_markers"), data.get("past_marker_blockers", [])),
        re.compile(rf"(?<![\w'-])(?:{alternation([fold(w) for w in data['weekday_habits']], ' ')})\s+$")
        if data.get("weekday_habits") else None,
    )


#: characters before a date searched for the deed noun it names ("les attentats du ")
DEED_REACH = 40
#: a deed's date this many days ahead of publication may be a stale publication time: kept ahead
DEED_AHEAD_DAYS = 2


def _deed_res(data: dict) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The patterns of ``_Lexicon.deed_after_re`` and ``deed_before_re`` (None without ``deed_nouns``)."""
    nouns = data.get("deed_nouns")
    if not nouns:
        return None, None
    joiners = data.get("deed_connectors", [])
    joiner = rf"(?:(?:{alternation(joiners)})\s+)?" if joiners else ""
    return (re.compile(rf"[\s,]*(?:{alternation(nouns)})(?![\w'-])", re.IGNORECASE),
            re.compile(rf"(?<![\w'-])(?:{alternation(nouns)})\s+{joiner}$", re.IGNORECASE))


def _names_deed(text: str, start: int, end: int, lx: _Lexicon) -> bool:
    """The date at ``start:end`` of ``text`` names a deed: a deed noun follows it or ends the text before it."""
    if lx.deed_after_re is None:
        return False
    return bool(lx.deed_after_re.match(text, end, end + DEED_REACH)
                or lx.deed_before_re.search(text[max(0, start - DEED_REACH):start]))


def _latest_past(pub: date, m: int, d: int) -> date | None:
    """The latest day ``m``/``d`` up to publication."""
    return next((v for v in (_safe(y, m, d) for y in (pub.year, pub.year - 1, pub.year - 2)) if v and v <= pub), None)


def _anchored_re(data: dict) -> re.Pattern | None:
    """A phrase of ``anchored_days`` ("the day before", "le lendemain") not followed by one of
    ``anchored_days_blockers`` ("the day before the vote", "la veille du scrutin": a day off
    what it names, not off the date told before)."""
    phrases = list(data.get("anchored_days", {}))
    if not phrases:
        return None
    blockers = data.get("anchored_days_blockers", [])
    blocked = rf"(?!\s+(?:{alternation(blockers)})(?:(?<=['’])|(?![\w'-])))" if blockers else ""
    return re.compile(rf"(?<![\w'-])(?:{alternation(phrases)})(?![\w'-]){blocked}", re.IGNORECASE)


def _vague_past_re(data: dict) -> re.Pattern | None:
    """"last week", "tahun lalu", or an "ago" phrase in a unit longer than the weeks a date is
    resolved from ("two years ago", "hace dos años", "il y a trois mois": ``vague_past_units``)."""
    parts = []
    if data.get("vague_past"):
        parts.append(rf"(?<![\w'-]){_starts(data['vague_past'])}(?:{alternation(data['vague_past'])})(?![\w'-])")
    units = data.get("vague_past_units")
    if units:
        unit = _starts(units) + f"(?:{alternation(units)})"
        if data.get("ago_after"):
            parts.append(rf"\b(?:{_AGO_NUMBER})\s+{unit}\s+(?:{alternation(data['ago_after'])})\b")
        if data.get("ago_before"):
            parts.append(rf"\b{_starts(data['ago_before'])}(?:{alternation(data['ago_before'])})\s+(?:{_AGO_NUMBER})\s+{unit}\b")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _future_marker_re(words: list[str] | None) -> re.Pattern | None:
    """A future marker, then at most ``FUTURE_REACH`` words and no comma or sentence break, up to a weekday."""
    if not words:
        return None
    return re.compile(rf"(?<![\w'-])(?:{alternation(words)})(?![\w'-])(?:[^\w.!?;,]+[\w'’-]+){{0,{FUTURE_REACH}}}?[^\w.!?;,]*$",
                      re.IGNORECASE)


def _past_told_re(words: list[str] | None, blockers: list[str]) -> re.Pattern | None:
    """A past auxiliary, then at most ``FUTURE_REACH`` words, none of them a blocker (a word that
    points ahead of the act: "postponed to", "hasta", "hingga") and no comma or sentence break, up to a date."""
    if not words:
        return None
    word = rf"(?!(?:{alternation(blockers)})(?![\w'-]))[\w'’-]+" if blockers else r"[\w'’-]+"
    return re.compile(rf"(?<![\w'-])(?:{alternation(words)})(?![\w'-])(?:[^\w.!?;,]+{word}){{0,{FUTURE_REACH}}}?[^\w.!?;,]*$",
                      re.IGNORECASE)


def _told_as_past(text: str, start: int, lx: _Lexicon) -> bool:
    """A past auxiliary stands a few words before the date at ``start`` and no future marker does
    ("what he was doing on the night of March 10", "qui avait eu lieu le 10 mars", "yang telah
    terjadi pada 10 Maret"): the date is that of an act already done."""
    lo = max(0, start - 80)
    return bool(lx.past_told_re and lx.past_told_re.search(text, lo, start)
                and not (lx.future_marker_re and lx.future_marker_re.search(text, lo, start)))


def tells_vague_past(sentence: str, lang: str) -> bool:
    """The sentence places what it tells at a time no date can be resolved from ("last week",
    "pekan lalu", "la semaine dernière")."""
    pattern = _lexicon(lang).vague_past_re
    return bool(pattern) and any(not _counted_span(sentence, m.end(), lang) for m in pattern.finditer(sentence))


def tells_long_past(sentence: str, lang: str) -> bool:
    """The sentence places what it tells a month or more back by a vague phrase in a unit of
    ``vague_past_units`` ("last year", "months ago", "tahun lalu", "l'an dernier"), not in the days
    or weeks an act of the story's own time may lie back ("last week")."""
    pattern = _lexicon(lang).vague_past_re
    units = _long_unit_re(lang)
    return bool(pattern and units) and any(units.search(m.group()) and not _counted_span(sentence, m.end(), lang)
                                           for m in pattern.finditer(sentence))


@lru_cache(maxsize=None)
def _long_unit_re(lang: str) -> re.Pattern | None:
    """A unit of a month or more (dates.json ``vague_past_units``: "month", "tahun", "année")."""
    units = (load_json(lang, "dates") or {}).get("vague_past_units")
    return re.compile(rf"(?<![\w-])(?:{alternation(units)})(?![\w'-])", re.IGNORECASE) if units else None  # "l'an"


@lru_cache(maxsize=None)
def _number_words(lang: str) -> re.Pattern:
    """A figure or a number word of the language (numbers.json ``words`` and ``vague``) and a unit of
    hours to weeks (dates.json ``recent_span_units``): "48 hours", "two weeks"."""
    data = load_json(lang, "numbers") or {}
    words = [*(data.get("words") or {}), *(data.get("vague") or {})]
    alts = alternation(words) if words else "(?!)"
    units = (load_json(lang, "dates") or {}).get("recent_span_units") or []
    if not units:
        return re.compile("(?!)")
    return re.compile(rf"\s+(?:\d+|(?:{alts}))\s+(?:{alternation(units)})(?![\w'-])", re.IGNORECASE)


def _counted_span(sentence: str, end: int, lang: str) -> bool:
    """A number of hours, days or weeks follows the vague past phrase: it counts back a short span up
    to now ("in the past 48 hours", "in the past two weeks"), a recent time, not the past ("in the past
    two years" stays one)."""
    return bool(_number_words(lang).match(sentence, end))


#: a possessive after a time phrase: it dates the noun after it only ("last month's massacre")
_POSSESSIVE_RE = re.compile(r"['’]s?(?!\w)")


def dates_only_a_noun(sentence: str, lang: str) -> bool:
    """Every vague past phrase of the sentence is a possessive ("linked to last month's massacre",
    "last year's election"): it dates a noun, not the narrative of the sentence."""
    pattern = _lexicon(lang).vague_past_re
    found = list(pattern.finditer(sentence)) if pattern else []
    return bool(found) and all(_POSSESSIVE_RE.match(sentence, m.end()) for m in found)


# ---------------------------------------------------------------- calendar helpers


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _weekday(pub: date, wd: int, mode: str = "") -> date:
    """The weekday ``wd`` on or before ``pub`` (strictly before for "past", after for "future")."""
    if mode == "future":
        return pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    back = (pub.weekday() - wd) % 7
    if mode == "past" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _without_year(pub: date, m: int, d: int) -> date | None:
    """The year nearest publication, a date ahead counting double ("Jan. 20" in a paper of
    7 January is this year's; "30 December" is last year's)."""
    candidates = [v for v in (_safe(y, m, d) for y in (pub.year - 1, pub.year, pub.year + 1)) if v]
    if not candidates:
        return None
    return min(candidates, key=lambda v: (v - pub).days * 2 if v > pub else (pub - v).days)


def _fix_year(value: date, pub: date, wd: int | None) -> date:
    """Correct a mistyped year, using the weekday written next to it or the publication date."""
    if wd is not None:
        if value.weekday() == wd:
            return value
        for y in (pub.year, pub.year - 1, pub.year + 1):
            candidate = _safe(y, value.month, value.day)
            if candidate is not None and candidate.weekday() == wd:
                return candidate
        return value
    if abs(value.year - pub.year) == 1:
        candidate = _safe(pub.year, value.month, value.day)
        if candidate is not None and abs((candidate - pub).days) <= _TYPO_DAYS:
            return candidate
    return value


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


def _numeric(order: str, a: int, b: int, y: int | None, pub: date) -> date | None:
    """A d/m or m/d date; "either" takes the valid reading nearest before publication."""
    readings = {"dmy": [(a, b)], "mdy": [(b, a)]}.get(order, [(a, b), (b, a)])
    found = []
    for d, m in readings:
        value = _safe(y, m, d) if y else (_without_year(pub, m, d) if 1 <= m <= 12 else None)
        if value is not None:
            found.append(value)
    if not found and order == "dmy":
        return _numeric("mdy", a, b, y, pub)  # "12/25/2022" can only be month first
    if not found:
        return None
    return min(found, key=lambda v: (v > pub, abs((v - pub).days)))


# ---------------------------------------------------------------- finders


@dataclass
class _Found:
    start: int
    end: int
    value: date
    explicit: bool
    weekday: int | None = None
    ahead: bool = False


@lru_cache(maxsize=8)
def _written_matches(text: str, lang: str) -> tuple[re.Match, ...]:
    """Every match of the written-date pattern in ``text``, as ``finditer`` gives them.
    Kept for the few latest texts: the count finder reads the same text right after
    the date finder (``written_date_spans``)."""
    lx = _lexicon(lang)
    if not lx.one_word_months:
        return tuple(lx.written_re.finditer(text))
    return tuple(matches_at(lx.written_re, text, written_date_starts(text)))


def _written(text: str, lx: _Lexicon, pub: date) -> list[_Found]:
    found = []
    for m in _written_matches(text, lx.lang):
        g = m.groupdict()
        if g["iy"]:
            value = _safe(int(g["iy"]), int(g["im"]), int(g["id"]))
        elif g["a"]:
            if _score_or_time(m):
                continue
            value = _numeric(lx.order, int(g["a"]), int(g["b"]), _year(g["ny"]), pub)
        else:
            month_word = g["month"] or g["month2"]
            if lx.capitalised and not month_word[:1].isupper():
                continue  # "may", "mar": words, not months
            month = lx.months.get(fold(month_word).rstrip("."))
            day = int(g["day"] or g["day2"])
            y = _year(g["year"] or g["year2"])
            value = _safe(y, month, day) if y else (_without_year(pub, month, day) if month else None)
            if value is not None and not y and (value - pub).days > DEED_AHEAD_DAYS and (
                    _names_deed(text, m.start(), m.end(), lx) or opens_span(text, m.start(), lx.lang)
                    or _told_as_past(text, m.start(), lx)):
                value = _latest_past(pub, month, day)
        if value is not None:
            found.append(_Found(m.start(), m.end(), value, True))
    return found


def _weekdays(text: str, lx: _Lexicon, pub: date) -> list[_Found]:
    found = []
    for m in lx.weekday_re.finditer(text):
        wd = lx.weekdays.get(fold(m.group("wd")))
        if wd is None or (lx.capitalised and not m.group("wd")[:1].isupper()):
            continue  # Indonesian "minggu" is a week, "Minggu" a Sunday
        if lx.habit_re and lx.habit_re.search(fold(text[max(0, m.start() - HABIT_REACH):m.start()]).lower()):
            continue  # "every Wednesday", "la marcha de los miércoles", "setiap hari Rabu": a habit, no day
        groups = m.groupdict()
        modifier = " ".join(fold(groups.get("pre") or groups.get("post") or "").split())
        mode = "future" if modifier in lx.future else "past" if modifier in lx.past else ""
        if not mode and (_told_ahead(text, m.start(), lx) or told_as_target(text, m.start(), m.end(), lx.lang)):
            mode = "future"  # "will step down on Wednesday", "una marcha para el sábado": the coming one
        found.append(_Found(m.start(), m.end(), _weekday(pub, wd, mode), False, wd, mode == "future"))
    return found


def _told_ahead(text: str, start: int, lx: _Lexicon) -> bool:
    """A future marker stands a few words before ``start`` ("will step down on Wednesday")."""
    return bool(lx.future_marker_re and lx.future_marker_re.search(text, max(0, start - 80), start))


def _bare_days(text: str, lx: _Lexicon, pub: date, written: list[_Found]) -> list[_Found]:
    """Bare days of the month ("el día 5", "on the 5th") not inside a written date ("el día 5 de mayo")."""
    return [_Found(start, end, value, True, ahead=ahead)
            for start, end, value, ahead in bare_days(text, pub, lx.lang, lambda at: _told_ahead(text, at, lx))
            if not any(start < w.end and w.start < end for w in written)]


def _relatives(text: str, lx: _Lexicon, published: datetime) -> list[_Found]:
    pub = published.date()
    found = []
    for m in lx.relative_re.finditer(text):
        key = " ".join(fold(m.group()).split())
        if key in lx.weekend:
            saturday = _weekday(pub, 5, "past")  # in a weekend paper, the weekend before
            if pub.weekday() == 6:
                saturday -= timedelta(days=7)
            found.append(_Found(m.start(), m.end(), saturday, False))
            continue
        offset = lx.relative.get(key)
        if offset == "last_night":
            offset = 0 if published.hour >= _EVENING_HOUR else -1
        if isinstance(offset, int):
            found.append(_Found(m.start(), m.end(), pub + timedelta(days=offset), False))
    if lx.ago_re is not None:
        if lx.ago_unit_re is None:
            ago = lx.ago_re.finditer(text)
        else:
            ago = matches_at(lx.ago_re, text, ago_starts(text, lx.ago_unit_re, lx.ago_before_words))
        for m in ago:
            if opens_span(text, m.start(), lx.lang):
                continue  # "en huelga desde hace 33 días": how long something has gone on, as "for 33 days" is
            g = m.groupdict()
            n = parse_number(g.get("n") or g.get("n2") or "", lx.lang)
            unit = lx.ago_units.get(fold(g.get("unit") or g.get("unit2") or ""))
            if n is not None and unit and 0 < n * unit <= 366:
                found.append(_Found(m.start(), m.end(), pub - timedelta(days=n * unit), False))
    return found


def _combine(text: str, written: list[_Found], weekdays: list[_Found], pub: date) -> list[_Found]:
    """Merge "Kamis (6/1/2021)" into one explicit mention, fixing the year with the weekday."""
    merged, used = [], set()
    for w in written:
        partner = None
        for k, wd in enumerate(weekdays):
            if k not in used and 0 <= w.start - wd.end <= 3 and _WEEKDAY_GAP_RE.fullmatch(text, wd.end, w.start):
                partner = k
                break
        if partner is None:
            value = _fix_year(w.value, pub, None) if _has_year(text, w) else w.value
            merged.append(_Found(w.start, w.end, value, True))
            continue
        used.add(partner)
        wd = weekdays[partner]
        merged.append(_Found(wd.start, _close_paren(text, w.end, wd.start, w.start), _fix_year(w.value, pub, wd.weekday), True))
    merged.extend(wd for k, wd in enumerate(weekdays) if k not in used)
    return merged


def _has_year(text: str, f: _Found) -> bool:
    return _HAS_YEAR_RE.search(text[f.start : f.end]) is not None


def _close_paren(text: str, end: int, wd_start: int, start: int) -> int:
    return end + 1 if "(" in text[wd_start:start] and text[end : end + 1] == ")" else end


def written_date_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every written date ("6/1/2022", "6 Januari"), unresolved: cheap, for
    finders that only need to skip the figures of dates."""
    if not text or not isinstance(text, str):
        return []
    return [(m.start(), m.end()) for m in _written_matches(text, lang) if not _score_or_time(m)]


def _score_or_time(m: re.Match) -> bool:
    """"2-2", "14.30": numbers joined by a dash or dot without a year are no date."""
    return m.group("a") is not None and m.group("sep") != "/" and not m.group("ny")


def find_dates(text: str, published: datetime, lang: str) -> list[DateMention]:
    """Every date the text states, in order, resolved in the publisher's calendar."""
    if not text or not isinstance(text, str) or not isinstance(published, datetime):
        return []
    lx = _lexicon(lang)
    pub = published.date()
    written = _written(text, lx, pub)
    found = _combine(text, written, _weekdays(text, lx, pub), pub) + _bare_days(text, lx, pub, written)
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    relatives = [
        r
        for r in _relatives(text, lx, published)
        if not any(r.start < k.end and k.start < r.end for k in kept)
        and not any(k.end <= r.start and lx.repeat_re.fullmatch(text[k.end : r.start]) for k in kept)
    ]
    result = sorted(kept + relatives, key=lambda f: f.start)
    mentions = [DateMention(f.start, f.end, f.value, f.explicit, f.ahead) for f in result]
    if lx.restate_re and lx.home_zone_re:
        mentions = _without_restated(text, lx, mentions)
    if lx.anchored_re:  # "the day before", "keesokan harinya": a day off any date told before
        mentions = _with_days_off(text, lx, mentions, lx.anchored_re, mentions, lx.anchored_days)
    if lx.same_day_re:  # "the same day": a date or weekday named before (not a "today" that may be quoted)
        mentions = _with_days_off(text, lx, mentions, lx.same_day_re, kept, {})
    return mentions


def _without_restated(text: str, lx: _Lexicon, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` without a date that restates the one before it in the publisher's time zone
    ("Kamis sore waktu Washington atau Jumat (27/8) dini hari WIB", "lundi soir heure de Moscou,
    soit mardi à l'aube heure de Paris"): the act happened on the local day, the first one."""
    kept = mentions[:1]
    for before, d in zip(mentions, mentions[1:]):
        gap = text[before.end:d.start]
        if (len(gap) <= RESTATE_GAP and before.value != d.value and lx.restate_re.search(gap)
                and lx.home_zone_re.search(text[d.end:d.end + HOME_ZONE_REACH + 16])):
            continue
        kept.append(d)
    return kept


#: characters before a date searched for a word that makes it the start of a span
SINCE_REACH = 16


def opens_span(text: str, start: int, lang: str) -> bool:
    """The date at ``start`` follows "since", "sejak", "depuis", "desde" (dates.json
    ``span_start_markers``): when something began that goes on ("blocked the entrance since
    Sunday night"), not the day of the act its sentence tells."""
    since = _lexicon(lang).since_re
    return bool(since and since.search(text, max(0, start - SINCE_REACH), start))


def _with_days_off(text: str, lx: _Lexicon, mentions: list[DateMention], phrases: re.Pattern,
                   anchors: list, offsets: dict[str, int]) -> list[DateMention]:
    """``mentions`` plus each match of ``phrases`` not inside one of them, dated its ``offsets``
    (days, by folded phrase; none: the same day) off the last of ``anchors`` before it that does
    not start a span ("since Sunday"): "Lin Jian berkata semalam ... Sehari sebelumnya,
    Kementerian ... memberi amaran" is the day before yesterday."""
    added = []
    for m in phrases.finditer(text):
        anchor = next((d for d in reversed(anchors)
                       if d.end <= m.start() and not opens_span(text, d.start, lx.lang)), None)
        if anchor is not None and not any(d.start < m.end() and m.start() < d.end for d in mentions):
            days = offsets.get(" ".join(fold(m.group()).split()), 0)
            added.append(DateMention(m.start(), m.end(), anchor.value + timedelta(days=days), False))
    return sorted(mentions + added, key=lambda d: d.start) if added else mentions
