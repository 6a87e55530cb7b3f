"""People named by their title: the actors no list of well-known people holds.

News introduces a person by office or role before the name ("German Chancellor
Olaf Scholz", "juru bicara Taliban Zabihullah Mujahid", "la canciller Diana
Mondino") and then uses the surname alone ("Scholz said"). ``find_titled_persons``
takes a run of two to four capitalised words as a person when a title of the
language (``data/<lang>/titles.json``) stands at most ``TITLE_REACH`` words
before it, none of its words is a title, an institution word or part of a
place, and it is not an acronym; later uses of the surname alone are the same
person. The person's country is a country or demonym named in the title
("Russian Foreign Minister ..."), unless it follows "to" ("ambassador to Tajikistan").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from streams.nlp.fuzzy import fold
from streams.nlp.mentions import PlaceMention
from streams.nlp.textutil import alternation, languages_with, load_data

#: capitalised word runs; a word may carry inner hyphens, apostrophes and dots ("Jean-Luc", "O'Brien")
_RUN_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’.-]*)*")
_TOKEN_RE = re.compile(r"\S+")
#: words a name may have
MIN_WORDS, MAX_WORDS = 2, 4
#: words that may stand between a title and the name ("Menteri Luar Negeri Rusia Sergei Lavrov")
TITLE_REACH = 3
#: characters before a name searched for its title
TITLE_WINDOW = 60
#: shortest surname taken alone for a person named before
MIN_SURNAME = 4
#: characters between a demonym and the title after it ("German Chancellor", "Afghanistan's ambassador")
DEMONYM_GAP = 3
#: capitalised words of an office that may stand between a demonym and its title ("Swedish Deputy Foreign Minister")
_OFFICE_WORDS_RE = re.compile(r"(?:\s+[A-Z][a-z]+){1,2}\s+")
#: words before a country that make it where someone is posted, not theirs
_POSTED = frozenset({"to", "in", "ke", "di", "untuk", "a", "en", "au", "aux"})


class Named(NamedTuple):
    start: int
    end: int
    #: the name as written (first mention)
    name: str
    country: str | None


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, frozenset[str]]:
    """(a title anywhere, a title ending the text before a name, words no name has) of one
    language. Names travel ("Stadion Kanjuruhan" in a Malay text): the words no name has are
    those of every language."""
    data = load_data(lang, "titles") or {}
    titles = sorted({fold(t) for t in data.get("titles", [])}, key=len, reverse=True)
    if not titles:
        return None, None, frozenset()
    any_title = alternation(titles, " ")
    anywhere = re.compile(rf"(?<!\w)(?:{any_title})(?!\w)")
    # the words between title and name stay in the sentence: no "." among them
    before_name = re.compile(rf"(?<!\w)(?:{any_title})\.?(?:[^\w.!?]+[\w'’-]+){{0,{TITLE_REACH}}}?[\s,]*$")
    return anywhere, before_name, _banned()


def title_pattern(lang: str) -> re.Pattern | None:
    """Any title of the language, matched on folded text ("spokesman", "juru bicara")."""
    return _lexicon(lang)[0]


@lru_cache(maxsize=1)
def _banned() -> frozenset[str]:
    words: set[str] = set()
    for lang in languages_with("titles"):
        data = load_data(lang, "titles") or {}
        words.update(w for t in data.get("titles", []) for w in fold(t).split())
        words.update(fold(w) for w in data.get("not_names", []))
    return frozenset(words)


#: initials inside a name, their last dot left out ("C.D" of "C.D. Wickramaratne", "K" of "John K. Mwangi")
_INITIALS_RE = re.compile(r"[A-ZÀ-ÖØ-Þ](?:\.-?[A-ZÀ-ÖØ-Þ])*")


def _is_name_word(word: str, banned: frozenset[str]) -> bool:
    core = word.strip(".,'’")
    return len(core) > 1 and not core.isupper() and fold(core) not in banned


def _is_initial(text: str, start: int, end: int) -> bool:
    """The word is one or more initials with their dots ("C.D.", "K.")."""
    return text[end:end + 1] == "." and _INITIALS_RE.fullmatch(text, start, end) is not None


def _name_words(text: str, name: list[tuple[int, int]], banned: frozenset[str]) -> bool:
    """Every word may be part of a person's name; initials may stand before the last ("C.D.
    Wickramaratne", "John K. Mwangi"), which is a name word of its own."""
    *inner, (a, b) = name
    return _is_name_word(text[a:b], banned) and all(
        _is_name_word(text[x:y], banned) or _is_initial(text, x, y) for x, y in inner)


def find_titled_persons(text: str, lang: str, places: list[PlaceMention], others: list[tuple[int, int]] = (),
                        folded: str | None = None) -> list[Named]:
    """People introduced by a title, and later mentions of their surnames; a name overlaps
    no place and none of the ``others`` (spans of bodies and sectors: "Taliban").
    ``folded`` is ``fold(text)`` if already at hand."""
    anywhere, pattern, banned = _lexicon(lang)
    if pattern is None:
        return []
    folded = fold(text) if folded is None else folded
    title_ends = [m.end() for m in anywhere.finditer(folded)]
    if not title_ends:
        return []
    place_spans = [(p.start, p.end) for p in places] + list(others)
    found: list[Named] = []
    surnames: dict[str, Named] = {}
    for run in _RUN_RE.finditer(text):
        # a title ends within reach before the run, or inside it ("President Joko Widodo")
        i = bisect_left(title_ends, run.start() - TITLE_WINDOW)
        titled = i < len(title_ends) and title_ends[i] <= run.end()
        apposed = _APPOSITION_OPEN_RE.search(text, max(0, run.start() - 3), run.start()) is not None
        if not titled and not apposed and not any(key in folded[run.start():run.end()] for key in surnames):
            continue  # no title for a name, nor a surname named before (fold keeps offsets)
        words = _words(text, run.start(), run.end())
        named = _titled_name(text, folded, words, pattern, banned, place_spans) if titled else None
        if named is None:
            named = _apposed_name(text, folded, words, anywhere, banned, place_spans)
        if named is not None:
            start, end, title_start = named
            name = " ".join(text[start:end].split())
            person = Named(start, end, name, _title_country(text, title_start, start, places))
            found.append(person)
            surnames.setdefault(fold(name.split()[-1]), person)
            continue
        for a, b in words:  # a surname alone, after its person was introduced
            word = text[a:b].rstrip(".,'’")
            known = surnames.get(fold(word))
            if known is not None and len(word) >= MIN_SURNAME and a > known.start:
                found.append(Named(a, a + len(word), known.name, known.country))
    return found


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a capitalised run up to the first that ends a sentence ("Trees. Usai"),
    without trailing punctuation or a possessive ("Zurabishvili's")."""
    out = []
    for m in _TOKEN_RE.finditer(text, start, end):
        word = m.group()
        core = word.rstrip(".,")
        if core.endswith(("'s", "’s")):
            core = core[:-2]
        out.append((m.start(), m.start() + len(core)))
        if word[-1] == "." and len(core) > 2 and not _INITIALS_RE.fullmatch(core):
            break  # "Temple Trees." ends its sentence; initials ("C.", "C.D.") do not
    return out


def _titled_name(text: str, folded: str, words: list[tuple[int, int]], pattern: re.Pattern, banned: frozenset[str],
                 place_spans: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """(start, end, where its title starts) of the longest name ending the run whose text
    before ends with a title."""
    for k in range(len(words)):
        name = words[k:]
        if len(name) < MIN_WORDS:
            return None
        if len(name) > MAX_WORDS:
            continue
        start, end = name[0][0], name[-1][1]
        if not _name_words(text, name, banned):
            continue
        if any(a < end and start < b for a, b in place_spans):
            continue
        if _DOMAIN_BEFORE_RE.search(folded, max(0, start - 8), start):
            continue  # "el consejero de Medio Ambiente, X": the office's domain, its holder comes after
        window = max(0, start - TITLE_WINDOW)
        title = pattern.search(folded[window:start])
        if title:
            return start, end, window + title.start()
    return None


#: a preposition right before capitalised words after a title: they name the office's domain, not
#: its holder ("consejero de Medio Ambiente", "Minister of Home Affairs", "Menteri Koordinator bidang")
_DOMAIN_BEFORE_RE = re.compile(r"(?<!\w)(?:of|for|de|del|du|des|d['’]|dari|untuk|bidang)\s*$")
#: a comma opening an apposition right before a name ("the minister of Y, Name Name, said")
_APPOSITION_OPEN_RE = re.compile(r",[ \t]+$")
#: what closes the apposition right after the name
_APPOSITION_CLOSE_RE = re.compile(r"[ \t]*,")
#: characters before an apposition searched for the title that opens its noun phrase
APPOSITION_WINDOW = 100
#: what the noun phrase between a title and its apposed name holds no more of: another clause or sentence
_PHRASE_BREAK_RE = re.compile(r"[,;:.!?\"«»“”\n]")


def _apposed_name(text: str, folded: str, words: list[tuple[int, int]], anywhere: re.Pattern, banned: frozenset[str],
                  place_spans: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """(start, end, where its title starts) of a name set between commas after a noun phrase a
    title opens, however long the phrase ("el consejero de Medio Ambiente, Tomás Ibarra, por",
    "Asisten Menteri Luar Negeri AS untuk Urusan Eropa dan Eurasia, James O'Brien, yang",
    "anggota parlemen dari partai berkuasa SLPP, Amarakirthi Athukorala, melepaskan"): the
    apposition names who holds it. The whole run is the name, two to four name words."""
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not _name_words(text, words, banned):
        return None
    start, end = words[0][0], words[-1][1]
    if not _APPOSITION_OPEN_RE.search(text, max(0, start - 3), start) or not _APPOSITION_CLOSE_RE.match(text, end):
        return None
    if any(a < end and start < b for a, b in place_spans):
        return None
    comma = text.rfind(",", 0, start)
    lo = max(0, comma - APPOSITION_WINDOW)
    phrase_start = max((m.end() for m in _PHRASE_BREAK_RE.finditer(text, lo, comma)), default=lo)
    title = None
    for title in anywhere.finditer(folded, phrase_start, comma):
        break
    return (start, end, title.start()) if title is not None else None


def qualifies(gap: str) -> bool:
    """A demonym or country this far before an office still names the office's country: a few
    characters ("German Chancellor", "Afghanistan's ambassador") or capitalised words of the office
    ("Swedish Foreign Minister")."""
    return len(gap) <= DEMONYM_GAP or _OFFICE_WORDS_RE.fullmatch(gap) is not None


def _title_country(text: str, title_start: int, start: int, places: list[PlaceMention]) -> str | None:
    """A country or demonym in the title ("Menteri Luar Negeri Rusia Sergei Lavrov") or just
    before it ("German Chancellor", "Afghanistan's ambassador"), not one someone is posted to."""
    near = [p for p in places if p.kind == "country" and p.start < start
            and (p.start >= title_start or qualifies(text[p.end:title_start]))]
    for p in reversed(near):
        before = text[max(0, p.start - 12):p.start].split()
        if not before or fold(before[-1]) not in _POSTED:
            return p.location.country
    return None
