"""When an event happened: from the date mentions around its trigger.

A date of the trigger's sentence, unless another happening stands between
them, the date only tells when something was said ("the ministry said on
Friday"), or the trigger comes "after" the sentence's main clause; else the
paragraph's latest date, the lede's incident date, the article's dominant
date, or the day the story was filed. Dates far before publication make the
sentence background (``is_past``); dates after it are deadlines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache

from streams.nlp.eventcontext import WINDOW_CHARS, ArticleContext, between, nearest, window_words
from streams.nlp.fuzzy import fold
from streams.nlp.dates import opens_span
from streams.nlp.mentions import DateMention
from streams.nlp.textutil import WORD_END, alternation, load_data
from streams.nlp.triggers import TriggerHit, lexicon

#: a sentence dated more than this many days before publication is background
PAST_DAYS = 7
#: dates this many days around publication count towards the article's dominant date
RECENT_DAYS = 10
#: a bare year ("in 2019", "pada Februari 2018"), not part of a written date ("6/1/2021"); the
#: look-behind past the year checks the character before it, so the pattern starts with
#: its first digit and the engine skips every other character fast
_YEAR_RE = re.compile(r"(1[89]\d\d|20\d\d)(?<![/\-.\w]\d{4})\b(?![/\-.]\d)")
#: a dateline ("ALMATY, Jan 7 (GlobalWire) - ", "JAKARTA: ", "SANTIAGO.- ", "PORT-AU-PRINCE — ",
#: "SAN ANTONIO, Zambales - ", "ZARAGOZA, 9 Nov. (EUROPA PRESS) -", "QUIBDÓ (Colprensa). ",
#: "Jakarta (ANTARNUSA) - ", "Lima, 16 de julio de 2025.- "): where and when the story was filed,
#: not where and when things happened. A town in title case needs a dash after it, not a colon
#: ("Foto: ", "Cartagena, Colombia: ")
_DATELINE_RE = re.compile(r"""
    ^[ \t]*
    (?:[A-ZÀ-Þ][A-ZÀ-Þ0-9\ .,'’/&-]{1,60}?
     |(?P<title>[A-ZÀ-Þ][a-zà-ÿ]+(?:(?:\ |-|\ de\ |\ del\ |-au-)[A-ZÀ-Þ][a-zà-ÿ]+){0,3}))
    (?:,\ (?:[A-ZÀ-Þ][a-zà-ÿ]+\.?(?:\ [A-ZÀ-Þ][a-zà-ÿ]+)?))?
    (?:,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}
            |\d{1,2}\s+(?:de\s+)?[A-Za-zé]{3,10}\.?(?:\s+de)?(?:\s+\d{4})?))?
    (?:\s*\([^)\n]{1,40}\)\.(?=\s)
     |(?:\s*\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—|\.-|(?(title)(?!)|:)))\s
    """, re.X)
#: how a date was found, most reliable first
DATE_IN_SENTENCE, DATE_IN_PARAGRAPH, DATE_INCIDENT, DATE_DOMINANT = 0, 1, 2, 3


def dominant_date(dates: list[DateMention], today: date) -> date:
    """The most mentioned date near publication, else publication day.

    On ties the first mentioned wins: the lede dates the main happening.
    """
    recent = [d.value for d in dates if -1 <= (today - d.value).days <= RECENT_DAYS]
    if not recent:
        return today
    tally = Counter(recent)
    return max(tally, key=lambda v: (tally[v], -recent.index(v)))


def dateline_end(text: str) -> int:
    """Length of the dateline at the start of ``text`` (0 when there is none)."""
    m = _DATELINE_RE.match(text)
    return m.end() if m else 0


def is_past(sentence: str, dates: list[DateMention], today: date, lang: str | None = None) -> bool:
    """The sentence is about something long before publication."""
    if any(-1 <= (today - d.value).days <= PAST_DAYS for d in dates):
        return False
    if any((today - d.value).days > PAST_DAYS for d in dates):
        return True
    return bool(old_years(sentence, today, lang))


def old_years(sentence: str, today: date, lang: str | None = None) -> list[tuple[int, int]]:
    """Spans of the bare years in ``sentence`` that lie long before publication ("in 2018"), less
    those that name a document in ``lang`` ("the 2016 arbitral ruling": see ``document_years``)."""
    last = today.year - (1 if today.month > 2 else 2)
    old = [m.span() for m in _YEAR_RE.finditer(sentence) if int(m.group(1)) < last]
    named, barred = _document_years(lang) if old and lang else (None, frozenset())
    if named is None:
        return old
    folded = fold(sentence)
    naming = {m.start("year") for m in named.finditer(folded)
              if not barred or folded[:m.start("year")].split()[-1] not in barred}
    return [span for span in old if span[0] not in naming]


#: words that may stand between a document noun and the year that names it ("the 2015 nuclear deal",
#: "el acuerdo nuclear de 2015")
DOCUMENT_YEAR_WORDS = 3


@lru_cache(maxsize=None)
def _document_years(lang: str) -> tuple[re.Pattern | None, frozenset[str]]:
    """(a year that names a document, the words that make a bare year after a noun a date) from
    events.json ``document_years``: a year after a determiner of ``leads`` and before a noun ("the
    2016 arbitral ruling"), or after a noun, with one of ``joiners`` ("el acuerdo de 2015") or, where
    there are none, bare unless one of ``not_after`` stands right before it ("Perjanjian Pertahanan
    Bersama 1951", not "perjanjian itu diteken pada 1951")."""
    spec = (load_data(lang, "events") or {}).get("document_years")
    if not spec:
        return None, frozenset()
    nouns = alternation([fold(w) for w in spec["nouns"]])
    gap = rf"(?:\s+\S+){{0,{DOCUMENT_YEAR_WORDS}}}?"
    if spec.get("leads"):
        pattern = rf"(?<!\w)(?:{alternation(spec['leads'])})\s+(?P<year>\d{{4}}){gap}\s+(?:{nouns})(?!\w)"
    else:
        joiners = rf"\s+(?:{alternation([fold(w) for w in spec['joiners']])})" if spec.get("joiners") else ""
        pattern = rf"(?<!\w)(?:{nouns}){gap}{joiners}\s+(?P<year>\d{{4}})(?!\w)"
    return re.compile(pattern), frozenset(fold(w) for w in spec.get("not_after", []))


def event_date(ctx: ArticleContext, hit: TriggerHit, sent: tuple[int, int], hits: list[TriggerHit],
                verbal: bool) -> tuple[DateMention | None, date, int]:
    """(the date mention used, the date, how it was found) for one trigger.

    A date of the sentence belongs to the trigger when no other trigger stands
    between them (else it is only a weak date for it); a deed does not take a report's date ("the ministry said on
    Friday that 26 were killed") unless the date stands inside the trigger, whose saying verb is
    the act ("anunció este martes nuevas sanciones"), and a deed told "after" the sentence's main
    clause does not take its date ("certified on Thursday, hours after a mob
    stormed" is only weakly dated; "a day after" takes the day before); a range ("from Tuesday night
    until Wednesday") gives its end, when most has happened. Without one: the paragraph's
    latest date; in the lede's paragraph the dateline's day, else the day told right after the lede
    (``_lede_dated_after``), else publication; for speech acts the day of the statement told before
    them, for deeds the lede's incident date, then the article's dominant date.
    """
    lex = lexicon(ctx.lang)
    pos = sent[0] + hit.start
    usable, farther = [], []
    for d in between(ctx.dates, *sent):
        if d.ahead or d.value > ctx.today + timedelta(days=1) or (ctx.today - d.value).days > PAST_DAYS:
            continue  # a deadline or a day told to come ("para el sábado"), or the background ("since the Feb. 1 coup")
        inside = pos <= d.start and d.end <= sent[0] + hit.end  # "anunció este martes nuevas sanciones"
        if not verbal and not inside and _is_report_date(ctx, d) and not _announced_object(ctx, d, pos):
            continue
        if verbal and d.start > pos and _toll_told_before(ctx, sent, hit, d.start - sent[0]):
            continue  # "condemned the attack that killed seven on Monday night": the attack's day
        lo, hi = sorted((d.start - sent[0], hit.start))
        blocked = any(lo < h.start < hi and not h.trigger.casualty and h.trigger.type != hit.trigger.type for h in hits)
        (farther if blocked else usable).append(d)
    near = nearest(usable, pos)
    if near is None and farther:
        # the sentence's date, told next to another happening: the same day more often than not
        near = nearest(farther, pos)
        return near, near.value, DATE_IN_PARAGRAPH
    if near is not None:
        gap = " " + ctx.folded[near.end:pos] + " " if near.end <= pos else ""
        if lex.day_after and lex.day_after.search(gap):
            return near, near.value - timedelta(days=1), DATE_IN_SENTENCE
        if lex.after and lex.after.search(gap):
            return near, near.value, DATE_IN_PARAGRAPH  # the same day, or before: a weak date
        return near, _range_end(ctx, near), DATE_IN_SENTENCE
    para = (_paragraph_date(ctx, sent, verbal) or _continued_date(ctx, sent, verbal)
            or _continued_paragraph(ctx, sent, verbal))
    if para:
        return None, para, DATE_IN_PARAGRAPH
    if ctx.paragraph_of[sent[0]] == ctx.paragraph_of[ctx.lede]:
        # the lede tells the latest news: the day the dateline gives, else the day the lede's story is dated
        # right after it, else the day it was published
        return None, ctx.filed_date or _lede_dated_after(ctx, sent) or ctx.today, DATE_DOMINANT
    said = _said_before(ctx, sent) if verbal else None
    if said:
        return None, said, DATE_DOMINANT  # "he said at a press conference today ... He also warned"
    if not verbal and ctx.incident_date:
        return None, ctx.incident_date, DATE_INCIDENT
    return None, ctx.dominant_date, DATE_DOMINANT


#: paragraphs, the lede's included, searched after an undated lede sentence for the day of its story
LEDE_PARAGRAPHS = 2


def _lede_dated_after(ctx: ArticleContext, sent: tuple[int, int]) -> date | None:
    """The first recent date told after the undated lede sentence ``sent``, in the rest of the lede's
    paragraph or the next one: a lede that tells the news without its day is dated where the story goes
    on ("Tiga partai resmi mendeklarasikan dukungan ... Deklarasi digelar di Medan, Senin (26/8) malam";
    "X mengatakan ... \n\n '...,' kata X kepada wartawan, Sabtu (3/12)"), not by the day it was
    published. Not a deadline, nor a day a span starts from ("since Sunday")."""
    last = ctx.paragraph_of[ctx.lede] + LEDE_PARAGRAPHS - 1
    for d in ctx.dates:
        if d.start < sent[1]:
            continue
        if ctx.paragraph_of[d.start] > last:
            return None
        if not d.ahead and -1 <= (ctx.today - d.value).days <= PAST_DAYS and not opens_span(ctx.text, d.start, ctx.lang):
            return d.value
    return None


def _toll_told_before(ctx: ArticleContext, sent: tuple[int, int], hit: TriggerHit, date_start: int) -> bool:
    """A toll verb ("killed", "menewaskan", "mató", "a tué") stands between the speech act ``hit``
    and a date after it (offsets within the sentence): the date is that deed's, told in what the
    speech act is about ("condemned the attack that killed seven on Monday night", "mengecam
    serangan yang menewaskan tujuh pekerja ... Senin malam"), not the day the words were said.
    All the sentence's triggers are read (``ArticleContext.found_hits``), not only those kept as
    events: a speech act judging a deed keeps the deed out of its events."""
    return any(hit.end <= h.start < date_start and h.trigger.casualty for h in ctx.found_hits[sent[0]])


def _range_end(ctx: ArticleContext, d: DateMention) -> date:
    """The later date of a range opened by ``d`` ("sejak Selasa hingga Rabu"), else ``d``'s; a
    night that runs into the early hours of the next day is the night's day ("Jumat malam hingga
    Sabtu dini hari", "du vendredi soir au samedi matin"); a range that ends after publication is a
    measure in force, dated by its start ("mulai Kamis hingga 30 Juni")."""
    until = lexicon(ctx.lang).until
    if _early_hours(ctx.lang, ctx.text[d.end:d.end + 24]):
        for other in ctx.dates:  # "d" closes the night opened by "other"
            gap = ctx.text[other.end:d.start]
            if (0 < len(gap) <= 24 and d.value - other.value == timedelta(days=1) and until
                    and until.search(" " + fold(gap) + " ")):
                return other.value
    for other in ctx.dates:
        if other.value > ctx.today + timedelta(days=1):
            continue  # "from today until 24 July": a curfew or ban imposed now, its end a deadline to come
        gap = ctx.text[d.end:other.start]
        if 0 < len(gap) <= 20 and other.value > d.value and until and until.search(" " + fold(gap) + " "):
            if other.value - d.value == timedelta(days=1) and _early_hours(ctx.lang, ctx.text[other.end:other.end + 24]):
                return d.value
            return other.value
    return d.value


@lru_cache(maxsize=None)
def _early_hours_re(lang: str) -> re.Pattern | None:
    words = (load_data(lang, "dates") or {}).get("early_hours", [])
    if not words:
        return None
    return re.compile(rf"^[\s)]*(?:{alternation([fold(w) for w in words], ' ')}){WORD_END}")


def _early_hours(lang: str, after: str) -> bool:
    """The words after a date put it in the small hours ("dini hari", "early on", "madrugada")."""
    pattern = _early_hours_re(lang)
    return bool(pattern and pattern.search(fold(after)))


def _is_report_date(ctx: ArticleContext, d: DateMention) -> bool:
    """The date tells when something was said ("said on Friday", "mengutip ... (7/1)")."""
    said = ctx.report_dates.get(d.start)
    if said is None:
        report = lexicon(ctx.lang).report
        opening = _sentence_start(ctx.text, d.start)
        said = ctx.report_dates[d.start] = bool(report and report.search(
            window_words(ctx.text[opening:d.start], d.start - opening, 4)))
    return said


#: the end of a sentence: its stop, closing quotes or brackets, then a space; or a line break
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’»)]*\s|\n")


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts (looking back at most ``WINDOW_CHARS``): the words
    before a date that opens a sentence are not the previous sentence's ('..., afirmó. Este jueves,
    Carabineros detuvo': "afirmó" says nothing of Thursday)."""
    start = max(0, pos - WINDOW_CHARS)
    for i in range(pos - 1, start - 1, -1):
        if text[i] in ".!?\n" and _SENTENCE_END_RE.match(text, i, pos):
            return i + 1
    return start


#: words between the day of an announcement and the measure announced (a determiner: "el cierre")
ANNOUNCED_OBJECT_WORDS = 1


def _announced_object(ctx: ArticleContext, d: DateMention, pos: int) -> bool:
    """The date stands between a verb announcing a measure (events.json ``announce_markers``) and the
    measure, a deed noun at ``pos`` ("anunció este domingo el cierre del espacio aéreo", "announced on
    Sunday the closure"): the announcement enacts it, so its day is the measure's, though the verb
    also reports. Not after a verb of saying ("said on Friday the attack killed 26")."""
    lex = lexicon(ctx.lang)
    gap = ctx.folded[d.end:pos]
    if lex.announce is None or d.end > pos or len(gap.split()) > ANNOUNCED_OBJECT_WORDS or any(c in gap for c in ",;:"):
        return False
    return bool(lex.announce.search(window_words(ctx.text, d.start, 2)))


#: characters at the start of a sentence searched for a phrase that continues the time told before
CONTINUATION_REACH = 40


@lru_cache(maxsize=None)
def _continuation_re(lang: str) -> re.Pattern | None:
    words = (load_data(lang, "dates") or {}).get("continuation_markers", [])
    if not words:
        return None
    return re.compile(rf"^\W*(?:\w+\W+){{0,2}}?(?:{alternation([fold(w) for w in words], ' ')}){WORD_END}")


def _continued_date(ctx: ArticleContext, sent: tuple[int, int], verbal: bool) -> date | None:
    """A sentence opening with "within hours", "hours later", "beberapa jam kemudian", "peu
    après" (dates.json ``continuation_markers``) goes on from the time told before it, in an earlier
    paragraph too: the latest recent date of the last paragraph that mentions one before it (for a
    deed, not that of a report; not one a span starts from). The latest, not the last written: "freed
    four soldiers on Saturday under the truce that took effect last Sunday. Hours later, ..." goes on
    from Saturday."""
    pattern = _continuation_re(ctx.lang)
    if pattern is None or not pattern.search(ctx.folded[sent[0]:sent[0] + CONTINUATION_REACH]):
        return None
    earlier = [d for d in ctx.dates if d.end <= sent[0] and -1 <= (ctx.today - d.value).days <= PAST_DAYS
               and (verbal or not _is_report_date(ctx, d)) and not opens_span(ctx.text, d.start, ctx.lang)]
    if not earlier:
        return None
    told = ctx.paragraph_of[earlier[-1].start]
    return max(d.value for d in earlier if ctx.paragraph_of[d.start] == told)


def _continued_paragraph(ctx: ArticleContext, sent: tuple[int, int], verbal: bool) -> date | None:
    """A paragraph opening with "earlier in the afternoon", "plus tôt dans l'après-midi", "hours
    later" goes on from the time told before it in all its sentences, not only its first: the
    date ``_continued_date`` gives its opening."""
    start = bisect_left(ctx.paragraph_of, ctx.paragraph_of[sent[0]])  # the paragraph's first character
    return _continued_date(ctx, (start, sent[1]), verbal) if start < sent[0] else None


def _said_before(ctx: ArticleContext, sent: tuple[int, int]) -> date | None:
    """The latest recent date told earlier in the article as when something was said ("katanya pada
    sidang media hari ini", "a police spokesman said on Wednesday"): a speech act of a later paragraph
    that gives no date goes on from the statement told before it, not from the day of the deed the
    story is about."""
    earlier = [d for d in ctx.dates if d.end <= sent[0] and -1 <= (ctx.today - d.value).days <= PAST_DAYS
               and _closes_report(ctx, d)]
    return earlier[-1].value if earlier else None


def _closes_report(ctx: ArticleContext, d: DateMention) -> bool:
    """``d`` tells when something was said: right after a report verb, or closing a sentence that
    a report verb opens ("katanya pada sidang media di IPK Johor, hari ini")."""
    if _is_report_date(ctx, d):
        return True
    report = lexicon(ctx.lang).report
    opening = max(ctx.text.rfind(". ", 0, d.start), ctx.text.rfind("\n", 0, d.start)) + 1
    ends_sentence = ctx.text[d.end:d.end + 3].lstrip(" )")[:1] in ("", ".", "\n")
    return bool(report and ends_sentence and report.search(ctx.folded, opening, d.start))


def _paragraph_date(ctx: ArticleContext, sent: tuple[int, int], verbal: bool) -> date | None:
    """The latest recent date mentioned earlier in the sentence's paragraph (for a deed,
    not the date of a report; not one a span starts from: "since Sunday night")."""
    para = ctx.paragraph_of[sent[0]]
    earlier = [d for d in ctx.dates if d.end <= sent[0] and ctx.paragraph_of[d.start] == para
               and -1 <= (ctx.today - d.value).days <= PAST_DAYS and (verbal or not _is_report_date(ctx, d))
               and not opens_span(ctx.text, d.start, ctx.lang)]
    return earlier[-1].value if earlier else None
