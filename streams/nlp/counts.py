"""Numbers of people killed, injured, arrested, displaced or deployed.

``find_counts(text, lang)`` finds the numbers of a text (``numbers.py``) and
keeps those a count word attaches to, in either order: "18 anggota pasukan
keamanan yang tewas", "2,000 people were arrested" (the word after the
number) or "killing 18", "the death toll rose to 125" (the word before).

How a number is attached (words from ``data/<lang>/counts.json``):

- the window after the number runs to the end of its clause (punctuation, a
  conjunction such as "and"/"dan", or the next number) and at most
  ``_RIGHT`` words; the window before it, ``_LEFT`` words back to the clause
  start. Filler words ("rose to", "mencapai") do not count as distance, and
  weak count words ("held", "polisi") must stand right next to the number;
- a killed, injured, arrested or displaced word within ``_CASUALTY_REACH``
  words beats a personnel word ("18 security personnel were killed",
  "killed 40 paramilitary personnel" are death tolls); the window after the
  number is read before the one before it, and the nearest word wins. A
  personnel count needs a word such as "troops" or "deployed": "28 officers"
  alone is not one, but a weak verb of sending and a weak force noun on each
  side of the figure are ("deployed 22,000 police");
- a figure marked as a verb's object (Spanish personal "a"; counts.json
  ``object_markers``) is that verb's count however far back in its clause the
  verb stands ("detuvo en la noche del jueves a 39 personas");
- numbers that are not counts are dropped: dates, years, clock times and
  decimals ("14.30"), percentages, money ("Rp 2 juta", "$11.5 million"),
  measures and objects ("20 million tonnes", "120 days", "13 kendaraan"),
  ages, page or article numbers, scores ("2-2");
- a number that is part of a toll ("two officers were among the dead", "dua
  di antara korban meninggal") is no count of its own;
- an exact figure beats a vague word ("puluhan") of the same kind in the same
  sentence;
- two figures of one count (counts.json ``ranges``): a range counts its lower
  bound, as a vague word does ("10 to 15 people were killed" is 10, "antara 10
  hingga 15 orang"), a toll raised from one figure to another its later one
  ("the death toll rose from 10 to 15" is 15);
- two figures of a toll joined by "and", each with its people ("killing 10
  civilians and 3 soldiers"), are one toll of their sum (the force word after
  the second names who was hit, not a deployment);
- one person named by an indefinite article ("a protester was shot dead", "un
  manifestant a été tué", "un joven murió"; ``singular`` of counts.json: the
  articles and the nouns of people, up to two words apart) is a killed or
  injured count of 1, as "seorang" already is a number; like a vague word, it
  yields to a figure of the same kind in its sentence ("a gunman killed 12");
- a figure of others joined to one person ("Sy and 14 others", "diamankan
  bersama enam orang lainnya"; ``companions`` of counts.json) counts that
  person too, when no figure stands before it in its clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from streams.nlp.dates import written_date_spans
from streams.nlp.fuzzy import fold
from streams.nlp.gazetteer import load_json
from streams.nlp.mentions import CountMention
from streams.nlp.numbers import NumberSpan, find_numbers
from streams.nlp.textutil import alternation

#: characters after a comma searched for the word that opens an aside
ASIDE_PEEK = 30
#: characters before a figure searched for a word that makes it an earlier one ("up from", "naik dari")
_EARLIER_PEEK = 40
#: how many words (fillers not counted) after and before a number may hold its count word
_RIGHT = 6
_LEFT = 3
#: how many words before a figure marked as a verb's object ("detuvo en la noche del jueves a 39 personas")
#: may hold the verb
_OBJECT_LEFT = 8
#: a casualty word this close after the number beats a nearer personnel word
#: ("18 anggota pasukan keamanan yang tewas"); further away it does not
#: ("puluhan ribu personel ... disiagakan untuk mengamankan")
_CASUALTY_REACH = 4
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[%‰°$€£¥₹₽₴]")
#: words (adjectives, an age) allowed between an indefinite article and the noun of a person
_SINGULAR_GAP = 2
#: characters around one person named by an indefinite article searched first for a killed or injured word
#: (the windows read at most ``_RIGHT`` words after it and ``_LEFT`` before)
_SINGULAR_NEAR = 80
#: the kinds one person named by an indefinite article may be a count of (an arrest of one is no count)
_SINGULAR_KINDS = frozenset({"killed", "injured"})
#: words before the first figure of a range searched for a verb of change ("rose from 10 to 15")
_CHANGE_REACH = 4
#: ends a window: sentence or clause punctuation
_CLAUSE_RE = re.compile(r"[.;:!?()\[\]]|,|\n")
#: a sentence starts after a [.!?\n] (or at the start) and runs to the end of its run of other
#: characters; as the run ends the same wherever inside it a match would start, trying only
#: run starts (the lookbehind) and not giving characters back (``++``) finds the same sentences
#: without rescanning, character by character, a run whose "." ends no sentence ("2.000", "U.S.")
_SENTENCE_RE = re.compile(r"(?<![^.!?\n])[^.!?\n]++(?:[.!?]+(?=\s|$)|\n|$)")
_YEARS = range(1900, 2101)
_YEAR_FIGURE_RE = re.compile(r"\d{4}")
#: a person's age told as an aside right after a word: "RS (34)", "a farmer, 34, was": in "Seorang tukang
#: ojek berinisial RS (34) tewas" the figure is no count, and neither it nor its brackets or commas end
#: the window of the count before it. Two digits at most, and after the commas a word in lower case
#: (a verb goes on), not a list of figures
_AGE_ASIDE_RE = re.compile(r"(?<=[^\W\d_])(?:\s?\(\d{1,2}\)(?=[\s,])|,\s\d{1,2},(?=\s[a-z]))")
#: a figure joined to the one before or after it: part of a score, a time, a date or a range
_JOINED_BEFORE_RE = re.compile(r"\d[-:/.]$|[-:/]$")
_JOINED_AFTER_RE = re.compile(r"[-:/]\d")


@dataclass(frozen=True)
class _Lexicon:
    kinds: dict[str, str]  # folded phrase -> kind
    weak: frozenset[str]
    max_words: int
    not_people: frozenset[str]
    blockers: frozenset[str]
    stops: frozenset[str]
    fillers: frozenset[str]
    subset: frozenset[str]
    #: a currency sign or code right before the number ("Rp", "$", "US$")
    money_re: re.Pattern
    #: a unit sign right after it ("%", "km")
    unit_re: re.Pattern
    #: a word opening an aside after a comma (", including a girl,")
    inclusion_re: re.Pattern | None = None
    #: "lebih dari", "more than": a bound before a number, whose stop word ("dari") stops nothing
    bounds: frozenset[str] = frozenset()
    #: one person named by an indefinite article, in folded text ("a young man", "une femme")
    singular_re: re.Pattern | None = None
    #: a word before it that makes the person the agent ("by", "par"): no victim
    singular_agents: frozenset[str] = frozenset()
    #: the killed and injured words, to skip at once the people no such word stands near
    casualty_re: re.Pattern | None = None
    #: "and", "dan", "et", "y" joining two nouns of people counted together ("79 police and gendarmes")
    people_joiners: frozenset[str] = frozenset()
    #: the word between the two figures of a range ("10 to 15", "dua atau tiga", "10 hingga 15") ...
    range_joiners: frozenset[str] = frozenset()
    #: ... or, after an opener before the first figure ("between", "antara", "entre"), an "and" ("y", "et", "dan")
    range_openers: frozenset[str] = frozenset()
    range_ands: frozenset[str] = frozenset()
    #: verbs of change a few words before the first figure: an update, not a range ("rose from 10 to 15")
    range_changes: frozenset[str] = frozenset()
    #: the marker of a person as a verb's object ("a" in "detuvo ... a 39 personas"): the verb may stand further back
    object_markers: frozenset[str] = frozenset()
    #: a companion word right before a figure ("and", "bersama") and an others word right after it ("others", "lainnya")
    companion_re: re.Pattern | None = None
    others_re: re.Pattern | None = None
    #: words right before a figure that make it an earlier value or earlier acts' ("up from", "naik dari")
    earlier_re: re.Pattern | None = None

    @cached_property
    def range_gap_words(self) -> int:
        """The most words a range's joiner has ("to", "hingga", "and" after "between")."""
        return max((k.count(" ") + 1 for k in self.range_joiners | self.range_ands), default=0)


def _key(text: str) -> str:
    return " ".join(fold(w) for w in _WORD_RE.findall(text))


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> _Lexicon:
    data = load_json(lang, "counts") or load_json("en", "counts")
    common = load_json("common", "counts")
    kinds = {_key(w): kind for kind, words in data.get("kinds", {}).items() for w in words}
    return _Lexicon(
        kinds,
        frozenset(_key(w) for w in data.get("weak_kinds", [])),
        max(k.count(" ") + 1 for k in kinds),
        frozenset(_key(w) for w in data.get("not_people", [])),
        frozenset(_key(w) for w in data.get("blockers_before", [])),
        frozenset(_key(w) for w in data.get("stops", [])),
        frozenset(_key(w) for w in data.get("fillers", [])),
        frozenset(_key(w) for w in data.get("subset", [])),
        re.compile(rf"(?<![^\W\d_])(?:{_alternation(common.get('money_before', []))})\s?$"),
        re.compile(rf"^\s?(?:{_alternation(common.get('not_count_after', []))})(?![^\W\d_])", re.IGNORECASE),
        re.compile(rf"\s*(?:{_alternation([fold(w) for w in common.get('inclusion_markers', [])])})(?![^\W\d_])")
        if common.get("inclusion_markers") else None,
        frozenset(_key(w) for w in data.get("bounds", [])),
        _singular_re(data.get("singular", {})),
        frozenset(_key(w) for w in data.get("singular", {}).get("agents", [])),
        re.compile(rf"(?<![\w-])(?:{alternation(w for w, kind in kinds.items() if kind in _SINGULAR_KINDS)})(?![\w-])")
        if data.get("singular") else None,
        frozenset(_key(w) for w in data.get("people_joiners", [])),
        *(frozenset(_key(w) for w in data.get("ranges", {}).get(part, [])) for part in ("joiners", "openers", "and", "changes")),
        frozenset(_key(w) for w in data.get("object_markers", [])),
        *_companion_res(data.get("companions", {})),
        _earlier_re(data),
    )


def _earlier_re(data: dict) -> re.Pattern | None:
    """A word of counts.json ``earlier_figures`` ending right before a figure, a bound between them
    allowed ("up from more than 900")."""
    if not data.get("earlier_figures"):
        return None
    bound = rf"(?:(?:{alternation(fold(w) for w in data['bounds'])})\s+)?" if data.get("bounds") else ""
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(fold(w) for w in data['earlier_figures'])})\s+{bound}$")


def _companion_res(data: dict) -> tuple[re.Pattern | None, re.Pattern | None]:
    """counts.json ``companions``: its ``before`` words ending a folded text, its ``others`` words opening one."""
    if not data.get("before") or not data.get("others"):
        return None, None
    return (re.compile(rf"(?<![^\W\d_])(?:{alternation(_key(w) for w in data['before'])})\s*$"),
            re.compile(rf"^\s*(?:{alternation(_key(w) for w in data['others'])})(?![^\W\d_])"))


def _singular_re(data: dict) -> re.Pattern | None:
    """An indefinite article, at most ``_SINGULAR_GAP`` words (adjectives, an age), then a noun of a person."""
    if not data.get("articles") or not data.get("people"):
        return None
    articles = alternation(_key(w) for w in data["articles"])
    people = alternation(_key(w) for w in data["people"])
    return re.compile(rf"(?<![\w-])(?:{articles})\s+(?:[\w-]+\s+){{0,{_SINGULAR_GAP}}}?(?:{people})(?![\w'’-])")


def _alternation(signs: list[str]) -> str:
    return alternation(signs, " ") or "(?!)"


def _find_kind(words: list[tuple[int, int, str]], lx: _Lexicon, limit: int, forward: bool) -> list[tuple[int, str, bool]]:
    """(distance, kind, weak) of the count words of a window, read from the number outwards."""
    found, distance = [], 0
    i = 0 if forward else len(words) - 1
    while 0 <= i < len(words) and distance <= limit:
        if not forward and i > 0 and f"{words[i - 1][2]} {words[i][2]}" in lx.bounds:
            i -= 2  # "melukai lebih dari 450": a bound, not the end of the clause
            continue
        if words[i][2] in lx.stops:
            if forward and _joins_people(words, i, lx, found):
                i += 1
                continue
            break
        hit = None
        for n in range(min(lx.max_words, i + 1 if not forward else len(words) - i), 0, -1):
            part = words[i : i + n] if forward else words[i - n + 1 : i + 1]
            phrase = part[0][2] if n == 1 else " ".join([w[2] for w in part])
            if phrase in lx.kinds:
                hit = (phrase, n)
                break
            if forward and phrase in lx.subset:
                return []  # "two officers were among the dead": part of a toll, not a count
        if hit is not None:
            phrase, n = hit
            if phrase not in lx.weak or distance == 0:
                found.append((distance, lx.kinds[phrase], phrase in lx.weak))
            distance += 1
            i += n if forward else -n
            continue
        if words[i][2] not in lx.fillers:
            distance += 1
        i += 1 if forward else -1
    return found


def _joins_people(words: list[tuple[int, int, str]], i: int, lx: _Lexicon, found: list[tuple[int, str, bool]]) -> bool:
    """The stop at ``i`` joins the force noun right after the number to another noun of the same
    people ("79 police and gendarmes were injured", "79 polisi dan gendarme terluka", "79 policiers
    et gendarmes blessés"): the figure counts both, and the window goes on. Not when a word of
    another count follows ("300 police and arrested 20")."""
    if i != 1 or words[i][2] not in lx.people_joiners or found != [(0, "personnel", True)] or i + 1 >= len(words):
        return False
    return lx.kinds.get(words[i + 1][2], "personnel") == "personnel"


def _casualty(found: list[tuple[int, str, bool]]) -> str | None:
    near = [f for f in found if f[1] != "personnel" and f[0] <= _CASUALTY_REACH]
    return min(near)[1] if near else None


def _before_kinds(before: list[tuple[int, int, str]], lx: _Lexicon) -> list[tuple[int, str, bool]]:
    """The count words of the window before a figure, up to ``_LEFT`` words back. A figure marked as a
    verb's object (counts.json ``object_markers``: "detuvo en la noche del jueves a 39 personas") is
    that verb's, however many words of its clause stand between: the nearest count word up to
    ``_OBJECT_LEFT`` words back, as if it stood next to the figure. A range's opener right before the
    figure ("between", "entre", "antara") is read past: where it is also a stop word ("entre ellos",
    among them), it would end the window at the figure."""
    if before and before[-1][2] in lx.range_openers:
        before = before[:-1]  # "hirió a entre 40 y 50": the range's opener is part of the figure, no stop
    if before and before[-1][2] in lx.object_markers:
        return [(0, kind, weak) for _, kind, weak in _find_kind(before, lx, _OBJECT_LEFT, False)[:1]]
    return _find_kind(before, lx, _LEFT, False)


def _personnel(found: list[tuple[int, str, bool]]) -> bool:
    """A word such as "troops" or "deployed" says so ("28 officers" alone is no deployment)."""
    return any(kind == "personnel" and not weak for _, kind, weak in found)


def _sent_force(after: list[tuple[int, str, bool]], before: list[tuple[int, str, bool]]) -> bool:
    """A weak verb of sending right before the number and a weak force noun right after it say
    together what neither says alone: "deployed 22,000 police", "mengirim 300 polisi"."""
    return (0, "personnel", True) in after and (0, "personnel", True) in before


def _kind(after: list[tuple[int, str, bool]], before: list[tuple[int, str, bool]]) -> str | None:
    """A near casualty word (after the number, then before it), else personnel, else a
    casualty word further on in the clause after the number."""
    kind = _casualty(after) or _casualty(before)
    if kind is None and (_personnel(after) or _personnel(before) or _sent_force(after, before)):
        return "personnel"
    if kind is None:
        far = [f for f in after if f[1] != "personnel"]
        kind = min(far)[1] if far else None
    return kind


def _not_a_count(text: str, span: NumberSpan, lx: _Lexicon, before: list, after: list) -> bool:
    surface = text[span.start : span.end]
    if not span.integer or span.value <= 0:
        return True
    if span.value in _YEARS and _YEAR_FIGURE_RE.fullmatch(surface):
        return True
    if _JOINED_BEFORE_RE.search(text[max(0, span.start - 2) : span.start]) or _JOINED_AFTER_RE.match(text, span.end):
        return True  # "2-2", "11:59", part of a date or range
    if lx.money_re.search(text[max(0, span.start - 5) : span.start]) or lx.unit_re.match(text[span.end : span.end + 6]):
        return True
    if lx.earlier_re and lx.earlier_re.search(fold(text[max(0, span.start - _EARLIER_PEEK) : span.start]).lower()):
        return True  # "up from 994 arrests", "que se suman a los 1.200 efectivos": an earlier figure, not this act's
    if after and (after[0][2] in lx.not_people or len(after) > 1 and f"{after[0][2]} {after[1][2]}" in lx.not_people):
        return True  # "20 vehicles", "dua luka tembak" (two gunshot wounds)
    return bool(before) and before[-1][2] in lx.blockers and before[-1][1] >= span.start - 2


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of the words that start in [lo, hi), as a pass over the
    whole text finds them: the pass starts at the last space before ``lo``, which no word
    spans, and only the few words around each number are read."""
    found = []
    for m in _WORD_RE.finditer(text, text.rfind(" ", 0, lo) + 1):
        start, end = m.span()
        if start >= hi:
            break
        if start >= lo:
            found.append((start, end, fold(m.group())))
    return found


def find_counts(text: str, lang: str) -> list[CountMention]:
    """Counts of people the text gives, in order (see the module docstring for the rules)."""
    if not text or not isinstance(text, str):
        return []
    lx = _lexicon(lang)
    in_dates = {p for s, e in written_date_spans(text, lang) for p in range(s, e)}
    ages = {p for m in _AGE_ASIDE_RE.finditer(text) for p in range(*m.span())}
    numbers = [n for n in find_numbers(text, lang) if n.start not in in_dates and n.start not in ages]
    if not numbers and lx.singular_re is None:
        return []
    inside = in_dates | ages | {p for n in numbers for p in range(n.start, n.end)}
    breaks = [b.start() for b in _CLAUSE_RE.finditer(text) if b.start() not in inside]
    mentions = []
    for k, span in enumerate(numbers):
        before, after = _windows(text, span, numbers, k, breaks, lx)
        if _not_a_count(text, span, lx, before, after):
            continue
        kind = _kind(_find_kind(after, lx, _RIGHT, True), _before_kinds(before, lx))
        if kind is not None:
            mentions.append(CountMention(span.start, span.end, kind, span.value, span.vague))
    mentions += _singular_counts(text, lx, mentions, breaks, in_dates)
    mentions.sort(key=lambda m: m.start)
    mentions = [_with_companion(text, m, numbers, breaks, lx) for m in mentions]
    return _exact_over_vague(text, _joined_victims(text, _lower_bounds(text, numbers, mentions, lx), lx))


#: characters read before and after a figure for its companion and others words
_COMPANION_PEEK = 30


def _with_companion(text: str, m: CountMention, numbers: list[NumberSpan], breaks: list[int],
                    lx: _Lexicon) -> CountMention:
    """``m`` plus the one person its figure is joined to as "others" ("charged Sy and 14 others" is 15,
    "Andi diamankan bersama enam orang lainnya" 7, "arrêté avec six autres personnes" 7). Not when a
    figure stands before it in its clause: in "killed 20 and wounded 450 others" the others are
    beyond the 20, not one more."""
    if lx.companion_re is None or m.vague:
        return m
    start = max((b + 1 for b in breaks if b < m.start), default=0)
    if any(start <= n.start < m.start for n in numbers):
        return m
    before, after = fold(text[max(start, m.start - _COMPANION_PEEK):m.start]), fold(text[m.end:m.end + _COMPANION_PEEK])
    if lx.companion_re.search(before) and lx.others_re.match(after):
        return CountMention(m.start, m.end, m.kind, m.value + 1, m.vague)
    return m


#: words (the people counted) allowed between a toll and the "and" that joins the next figure to it
_JOINED_GAP = 3
#: the kinds a figure joined by "and" to a toll takes from it
_TOLL_KINDS = frozenset({"killed", "injured", "arrested"})


def _joined_victims(text: str, mentions: list[CountMention], lx: _Lexicon) -> list[CountMention]:
    """Two figures of a toll joined by "and", each with the people it counts ("killing 10 civilians and 3
    soldiers", "menewaskan 10 warga sipil dan 3 prajurit", "a tué 10 civils et 3 soldats") are one toll
    of their sum: the verb before the first counts both (a force word after the second names who was
    hit, not a deployment)."""
    out: list[CountMention] = []
    for cur in mentions:
        prev = out[-1] if out else None
        if prev is not None and _joined(text, prev, cur, lx):
            out[-1] = CountMention(prev.start, cur.end, prev.kind, prev.value + cur.value, False)
            continue
        out.append(cur)
    return out


def _joined(text: str, prev: CountMention, cur: CountMention, lx: _Lexicon) -> bool:
    """``cur`` follows the toll ``prev`` after at most ``_JOINED_GAP`` words of people and an "and", in its
    clause; a capitalised word between them names a place or a day ("2 in Kyiv and 3 in Kharkiv": a toll
    split by place is each place's own)."""
    if prev.kind not in _TOLL_KINDS or cur.kind not in (prev.kind, "personnel") or prev.vague or cur.vague:
        return False
    words = _WORD_RE.findall(text, prev.end, cur.start)
    return (1 < len(words) <= _JOINED_GAP + 1 and fold(words[-1]) in lx.people_joiners
            and not any(w[0].isupper() for w in words) and _CLAUSE_RE.search(text, prev.end, cur.start) is None)


def _pair(text: str, low: NumberSpan, high: NumberSpan, lx: _Lexicon) -> str | None:
    """How two figures in a row make one count: "range" ("10 to 15", "dua atau tiga", "between 10 and
    15"), "update" after a verb of change ("rose from 10 to 15", "subió de 10 a 15"), else None."""
    if not (low.integer and high.integer):
        return None
    if next(islice(_WORD_RE.finditer(text, low.end, high.start), lx.range_gap_words, None), None) is not None:
        return None  # more words between the figures than any joiner has: no pair (and no long gap to fold)
    gap = _key(text[low.end:high.start])
    before = [fold(w) for w in _WORD_RE.findall(text, max(0, low.start - _CHANGE_REACH * 12), low.start)]
    if gap in lx.range_joiners and lx.range_changes.intersection(before[-_CHANGE_REACH:]):
        return "update"
    if low.value < high.value and (gap in lx.range_joiners or (
            gap in lx.range_ands and bool(before) and before[-1] in lx.range_openers)):
        return "range"
    return None


def _lower_bounds(text: str, numbers: list[NumberSpan], mentions: list[CountMention],
                  lx: _Lexicon) -> list[CountMention]:
    """Two figures of one count: a range counts its lower bound, as a vague quantity does ("10 to 15
    people were killed" is 10, "antara 10 hingga 15 orang tewas", "deux ou trois blessés"); an update
    its later figure ("the death toll rose from 10 to 15" is 15). The count word read for either
    figure goes to the pair."""
    if not lx.range_joiners or len(numbers) < 2:
        return mentions
    at = {m.start: m for m in mentions}
    for low, high in zip(numbers, numbers[1:]):
        told = at.get(high.start) or at.get(low.start)
        how = _pair(text, low, high, lx) if told is not None else None
        if how is None:
            continue
        at.pop(high.start, None)
        kept = low if how == "range" else high
        at[low.start] = CountMention(low.start, high.end, told.kind, kept.value, kept.vague)
    return sorted(at.values(), key=lambda m: m.start)


def _windows(text: str, span: NumberSpan, spans: list[NumberSpan], k: int, breaks: list[int],
             lx: _Lexicon) -> tuple[list, list]:
    """The words before and after ``span`` (``spans[k]``) within its clause and its neighbours."""
    b = bisect_left(breaks, span.start)
    lo = max(spans[k - 1].end if k else 0, breaks[b - 1] + 1 if b else 0)
    b = bisect_left(breaks, span.end)
    hi = min(spans[k + 1].start if k + 1 < len(spans) else len(text), breaks[b] if b < len(breaks) else len(text))
    before = _words(text, lo, span.start)
    after = [w for w in _words(text, span.end, hi) if w[1] <= hi] + _after_aside(text, hi, breaks, spans, lx)
    return before, after


def _after_agent(folded: str, start: int, lx: _Lexicon) -> bool:
    """True when the word before ``start`` marks an agent ("tué par un policier"): who did it, not a victim."""
    before = _WORD_RE.findall(folded, max(0, start - 20), start)
    return bool(before) and before[-1] in lx.singular_agents


def _singular_counts(text: str, lx: _Lexicon, counts: list[CountMention], breaks: list[int],
                     in_dates: set[int]) -> list[CountMention]:
    """Killed or injured counts of 1 for one person named by an indefinite article, read in
    windows bounded by the clause and the counts around it (an age, "une femme de 40 ans",
    bounds nothing)."""
    if lx.singular_re is None:
        return []
    taken = in_dates | {p for c in counts for p in range(c.start, c.end)}
    folded = fold(text)
    singles = [NumberSpan(m.start(), m.end(), 1, vague=True) for m in lx.singular_re.finditer(folded)
               if lx.casualty_re.search(folded, max(0, m.start() - _SINGULAR_NEAR), m.end() + _SINGULAR_NEAR)
               and not taken.intersection(range(m.start(), m.end())) and not _after_agent(folded, m.start(), lx)]
    if not singles:
        return []
    spans = sorted([NumberSpan(c.start, c.end, c.value) for c in counts] + singles, key=lambda n: n.start)
    single = set(singles)
    found = []
    for k, span in enumerate(spans):
        if span not in single:
            continue
        before, after = _windows(text, span, spans, k, breaks, lx)
        kind = _kind(_find_kind(after, lx, _RIGHT, True), _before_kinds(before, lx))
        if kind in _SINGULAR_KINDS:
            found.append(CountMention(span.start, span.end, kind, 1, True))
    return found


def _after_aside(text: str, hi: int, breaks: list[int], numbers: list[NumberSpan], lx: _Lexicon) -> list:
    """The words after an aside that opens at the comma ``hi`` ("492 orang, termasuk 35 anak-anak,
    terbunuh"), up to the next break or number; none when no aside opens there."""
    if lx.inclusion_re is None or hi >= len(text) or text[hi] != "," or not lx.inclusion_re.match(
            fold(text[hi + 1:hi + 1 + ASIDE_PEEK])):
        return []
    b = bisect_right(breaks, hi)
    if b >= len(breaks) or text[breaks[b]] != ",":
        return []
    start = breaks[b] + 1
    end = min(breaks[b + 1:b + 2] + [n.start for n in numbers if n.start >= start] + [len(text)])
    return [w for w in _words(text, start, end) if w[1] <= end]


def _exact_over_vague(text: str, mentions: list[CountMention]) -> list[CountMention]:
    """Drop a vague count when the same sentence gives a figure of the same kind."""
    if not any(m.vague for m in mentions):
        return mentions
    sentences = [m.span() for m in _SENTENCE_RE.finditer(text)]
    starts = [s for s, _ in sentences]

    def sentence(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < sentences[i][1] else -1

    exact = {(sentence(m.start), m.kind) for m in mentions if not m.vague}
    return [m for m in mentions if not m.vague or (sentence(m.start), m.kind) not in exact]


#: characters between a person's name and the words that say they died or were hurt
VICTIM_GAP = 3


@lru_cache(maxsize=None)
def _victim_re(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    """Per kind, the words right after a name that make that person a victim (counts.json
    ``victim_predicates``: "died", "gugur", "a été tué", "murió")."""
    data = (load_json(lang, "counts") or {}).get("victim_predicates", {})
    return tuple((re.compile(rf"(?:{alternation([fold(w) for w in words], ' ')})(?![\w-])"), kind)
                 for kind, words in data.items() if words)


def named_victims(folded: str, lang: str, persons: list[tuple[int, int]], counts: list[CountMention]) -> list[CountMention]:
    """A killed or injured count of 1 for each person named right before a word of their death or
    injury ("Brigjen Danny gugur setelah ditembak", "Nahel M. died", "Juan Pérez murió"): a victim the
    text names instead of counting. ``folded``: the folded text; ``persons``: spans of the people it
    names. Like a vague word it yields to a figure of its kind in its sentence ("Danny and 3 others
    died")."""
    patterns = _victim_re(lang)
    if not patterns or not persons:
        return counts
    found = []
    for start, end in persons:
        gap = len(folded[end:end + VICTIM_GAP]) - len(folded[end:end + VICTIM_GAP].lstrip())
        for pattern, kind in patterns:
            if pattern.match(folded, end + gap):
                found.append(CountMention(start, end, kind, 1, True))
                break
    return _exact_over_vague(folded, sorted(counts + found, key=lambda m: m.start)) if found else counts

