"""Who acts and on whom: actor mentions in eval notation.

An actor is written as the eval README says: a country ``CC``, a sector of a
country ``CC:sector`` (government, military, police, protesters, rebels,
civilians, media, business), an international body by its acronym (``UN``,
``CSTO``) or a person by canonical name. ``find_actors`` returns every such
mention of a text with its offsets, so the event extractor can take the one
before a trigger as the actor and the one after as the target.

Data: ``data/common/persons.json`` (people, with spelling variants),
``data/common/organisations.json`` (international bodies),
``data/common/armed_groups.json`` (armed groups, their country's rebels) and
``data/<lang>/actors.json`` (sector nouns and demonyms). People are matched
with one typo per word and in any word order ("Kassum-Jomart Tokayev",
"I Gusti Putu Danny Karya Nugraha"). A sector's country is the demonym or
place next to it ("Russian paratroopers", "polisi Almaty"), else left empty
for the caller to fill from the sentence or article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from streams.nlp.fuzzy import OneEditIndex, fold, within_one_edit
from streams.nlp.mentions import PlaceMention
from streams.nlp.parties import find_parties
from streams.nlp.phrases import PhraseIndex
from streams.nlp.textutil import WORD_END, alternation, load_data
from streams.nlp.titles import find_titled_persons, qualifies, title_pattern

#: a capitalised word of a name
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
#: a token of a name run
_TOKEN_RE = re.compile(r"\S+")
#: an English possessive after a name ("Zurabishvili's veto", "Lukashenka's office"): the name is known
_POSSESSIVE_RE = re.compile(r"['’]s$")
#: a short gap between a sector word and the place or demonym that qualifies it
_QUALIFIER_GAP = 12
#: a word shorter than this must match exactly (no typo allowed)
_MIN_FUZZY_WORD = 5
#: characters between a sector noun and a demonym after it ("police française", "policía peruana")
_POSTNOMINAL_GAP = 2
#: text between an office (a government sector noun) and the person who holds it: the rest of the
#: title, a country, a comma ("President Joe Biden", "Perdana Menteri Sri Lanka Mahinda Rajapaksa",
#: "le ministre de l'Intérieur, Gérald Darmanin")
_TITLE_TO_NAME_RE = re.compile(
    r"(?:[\s,]+|[ \t]*(?:(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|of|for|the|de|del|des|du|la|le|el|l'|d')[ \t]*,?[ \t]*)){0,5}")
#: most characters between a title and the name it introduces
_TITLE_SPAN = 60
#: text between a person and the office after the name ("Dina Boluarte, presidenta del Perú")
_NAME_TO_TITLE_RE = re.compile(r"[ \t]*,[ \t]*(?:(?:the|la|le|el|l'|sang)[ \t]+)?")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    #: kind: person, org, sector, country
    kind: str
    #: person name, organisation code, sector name or country code
    value: str
    #: the country of a person, of a qualified sector or the country itself
    country: str | None = None

    def code(self, default_country: str | None) -> str | None:
        """The eval notation, filling a sector's missing country with ``default_country``."""
        if self.kind != "sector":
            return self.value
        country = self.country or default_country
        return f"{country}:{self.value}" if country else None


@dataclass(frozen=True)
class _Person:
    name: str
    country: str | None
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def _persons() -> tuple[dict[str, _Person], dict[str, tuple[_Person, ...]], OneEditIndex]:
    """(folded spelling -> person, word -> spellings holding it, one-typo index of one-word spellings)."""
    data = load_data("common", "persons") or {"persons": []}
    exact: dict[str, _Person] = {}
    by_word: dict[str, list[_Person]] = {}
    for item in data["persons"]:
        for spelling in [item["name"], *item.get("aliases", [])]:
            words = tuple(fold(spelling).replace("-", " ").split())
            person = _Person(item["name"], item.get("country"), words)
            exact.setdefault(" ".join(words), person)
            for w in set(words):
                by_word.setdefault(w, []).append(person)
    singles = OneEditIndex((k, v) for k, v in exact.items() if " " not in k and len(k) >= 6)
    return exact, {k: tuple(v) for k, v in by_word.items()}, singles


def _fuzzy_person(words: tuple[str, ...]) -> _Person | None:
    """A known spelling with the same words, one typo per long word, any order.

    Only spellings sharing at least one exact word are compared, which keeps
    this a few dictionary hits per capitalised run.
    """
    _, by_word, _ = _persons()
    ordered = sorted(words)
    candidates = {p for w in words for p in by_word.get(w, ())}
    for person in candidates:
        if len(person.words) != len(words):
            continue
        for a, b in ((words, person.words), (ordered, sorted(person.words))):
            if all(x == y or (min(len(x), len(y)) >= _MIN_FUZZY_WORD and within_one_edit(x, y)) for x, y in zip(a, b)):
                return person
    return None


def _single_word_person(word: str) -> _Person | None:
    """A surname used alone: exact, or one typo for long names ("Bowzer")."""
    exact, _, singles = _persons()
    if word in exact:
        return exact[word]
    if len(word) < 6:
        return None
    # a typo keeps a name's first letter: "Minera" (mining) is no "Pinera"
    near = {person for person in singles.near(word) if _initial_kept(person, word)}
    return next(iter(near)) if len(near) == 1 else None


def _initial_kept(person: _Person, word: str) -> bool:
    return any(w[:1] == word[:1] for w in person.words)


@lru_cache(maxsize=1)
def _name_words() -> OneEditIndex:
    """Every word of every known spelling, searchable with one typo."""
    _, by_word, _ = _persons()
    return OneEditIndex((w, w) for w in by_word)


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[tuple[str, ...], bool]:
    """(folded words of a capitalised token, whether each could belong to a known name)."""
    words = tuple(_POSSESSIVE_RE.sub("", fold(token).strip(".,'’")).replace("-", " ").strip(".,'’").split())
    _, by_word, _ = _persons()
    known = all(w in by_word or (len(w) >= _MIN_FUZZY_WORD and _name_words().near(w)) for w in words)
    return words, bool(words) and known


def _match_at(tokens: list[tuple[int, int, tuple[str, ...]]], i: int) -> tuple[int, _Person] | None:
    exact, _, _ = _persons()
    for j in range(min(len(tokens), i + 6), i, -1):
        words = tuple(w for t in tokens[i:j] for w in t[2])
        person = exact.get(" ".join(words))
        if person is None and j - i >= 2:
            person = _fuzzy_person(words)
        if person is None and len(words) == 1:
            person = _single_word_person(words[0])
        if person is not None:
            return j, person
    return None


@lru_cache(maxsize=1)
def _name_run_re() -> re.Pattern:
    """Capitalised name-like word runs ("Kassym-Jomart Tokayev", "I Gusti Putu Danny"), with the
    lower-case particles that known spellings hold between or before their capitalised words
    ("Mohammed bin Salman", "Ursula von der Leyen", "Abdel Fattah al-Sisi", "Lula da Silva"): without
    them the run stops at the particle and the full name is never matched."""
    particles = sorted(_lower_case_words(), key=len, reverse=True)
    if not particles:
        return re.compile(rf"{_CAPITALISED}(?:\s+{_CAPITALISED})*")
    particle = rf"(?:{'|'.join(map(re.escape, particles))})(?:-|\s+)"
    return re.compile(rf"{_CAPITALISED}(?:\s+(?:{particle})*{_CAPITALISED})*")


@lru_cache(maxsize=1)
def _lower_case_words() -> frozenset[str]:
    """The particles that known spellings write in lower case before a capitalised word ("bin",
    "von", "der", "al" of "al-Sisi"); not the inner syllables of hyphenated names ("Seok-youl")."""
    data = load_data("common", "persons") or {"persons": []}
    return frozenset(w.split("-")[0] for item in data["persons"] for spelling in [item["name"], *item.get("aliases", [])]
                     for w in spelling.split() if w[:1].islower())


def find_persons(text: str) -> list[ActorMention]:
    """Known people named in ``text`` (longest spelling first within each capitalised run).

    Only runs of tokens that could each be part of a known name are tried,
    so ordinary capitalised words cost one cached lookup.
    """
    found: list[ActorMention] = []
    for run in _name_run_re().finditer(text):
        tokens: list[tuple[int, int, tuple[str, ...]]] = []
        for m in _TOKEN_RE.finditer(text, run.start(), run.end()):
            words, known = _token_words(m.group())
            if known:
                tokens.append((m.start(), m.end(), words))
                continue
            if tokens:
                found.extend(_persons_in(tokens))
                tokens = []
        if tokens:
            found.extend(_persons_in(tokens))
    return found


def _persons_in(tokens: list[tuple[int, int, tuple[str, ...]]]) -> list[ActorMention]:
    """People in one run of adjacent candidate tokens, left to right, longest first."""
    out = []
    i = 0
    while i < len(tokens):
        match = _match_at(tokens, i)
        if match:
            j, person = match
            out.append(ActorMention(tokens[i][0], tokens[j - 1][1], "person", person.name, person.country))
            i = j
        else:
            i += 1
    return out


def _acronym_pattern(acronyms) -> re.Pattern:
    """Whole-word acronyms, longest first, led by their first letters (all capitals):
    the engine then skips to the few capitals of a text instead of trying every offset.
    ``(?<!\\w.)`` after the first letter is ``(?<!\\w)`` before it."""
    by_first: dict[str, list[str]] = {}
    for acronym in sorted(set(acronyms), key=len, reverse=True):
        by_first.setdefault(acronym[0], []).append(re.escape(acronym[1:]))
    branches = [rf"{re.escape(first)}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in by_first.items()]
    return re.compile(rf"(?:{'|'.join(branches)})(?!\w)")


@lru_cache(maxsize=1)
def _organisations() -> tuple[re.Pattern | None, dict[str, str], PhraseIndex]:
    """(acronym pattern, matched on the text as written; acronym -> code; names, matched folded)."""
    data = load_data("common", "organisations") or {"organisations": {}}
    acronyms, names = {}, []
    for code, spellings in data["organisations"].items():
        for spelling in spellings:
            if re.fullmatch(r"[A-Z][A-Z.]{1,6}", spelling):
                acronyms[spelling] = code
            else:
                names.append((spelling, code))
    acr = _acronym_pattern(acronyms) if acronyms else None
    return acr, acronyms, PhraseIndex(names)


@lru_cache(maxsize=1)
def organisation_codes() -> frozenset[str]:
    """The codes of international bodies ("UN", "EU", "AU"): two capitals like a country's, no country."""
    return frozenset((load_data("common", "organisations") or {}).get("organisations") or {})


def find_organisations(text: str, folded: str | None = None) -> list[ActorMention]:
    """International bodies and organisations named in ``text`` (acronyms case-sensitively);
    ``folded`` is ``fold(text)`` if already at hand."""
    acr, acronyms, names = _organisations()
    found = [ActorMention(m.start(), m.end(), "org", acronyms[m.group()]) for m in acr.finditer(text)] if acr else []
    folded = fold(text) if folded is None else folded
    if len(folded) == len(text):
        found += [ActorMention(a, b, "org", code) for a, b, code in names.find(folded)]
    return found


@lru_cache(maxsize=1)
def _armed_groups() -> PhraseIndex:
    """Names of armed non-state groups -> (their country or None, the spelling as listed):
    ``data/common/armed_groups.json`` (generated from Phoenix) and the hand-kept
    ``armed_groups_recent.json`` (groups active since, and ``transnational`` ones that take
    the country of the event)."""
    data = load_data("common", "armed_groups") or {"groups": {}}
    recent = load_data("common", "armed_groups_recent") or {}
    names = [(name, (cc, name)) for cc, listed in data["groups"].items() for name in listed]
    names += [(name, (cc, name)) for cc, listed in (recent.get("groups") or {}).items() for name in listed]
    names += [(name, (None, name)) for name in recent.get("transnational") or []]
    return PhraseIndex(names)


def _written_as_listed(written: str, listed: str) -> bool:
    """A group's name as the text writes it: an acronym in capitals as listed ("RSF", not
    "rsf"), a name listed in lower case in any case ("hutíes"), others capitalised."""
    if listed.isupper() or any(c.isdigit() for c in listed):
        return written == listed or fold(written).upper() == fold(listed).upper() and written.isupper()
    if listed[:1].islower():
        return True
    return any(c.isupper() for c in written)


def find_armed_groups(text: str, folded: str | None = None) -> list[ActorMention]:
    """Armed groups named in ``text`` ("Hezbollah", "Boko Haram", "RSF"), as their country's
    rebels (of the event's country for a transnational group); a name is written capitalised
    (the lower-case word is something else)."""
    folded = fold(text) if folded is None else folded
    if len(folded) != len(text):
        return []
    return [ActorMention(a, b, "sector", "rebels", cc) for a, b, (cc, listed) in _armed_groups().find(folded)
            if _written_as_listed(text[a:b], listed)]


#: characters before a group anaphor ("the group") searched for the armed group it stands for
GROUP_ANAPHOR_REACH = 1500


@lru_cache(maxsize=None)
def _group_anaphora(lang: str) -> PhraseIndex:
    """Definite noun phrases of ``lang`` that stand for an armed group named before
    (``actors.json`` ``group_anaphora``: "the group", "kelompok itu", "le mouvement")."""
    data = load_data(lang, "actors") or {}
    return PhraseIndex((w, True) for w in data.get("group_anaphora") or [])


def group_anaphors(text: str, lang: str, groups: list[ActorMention], folded: str) -> list[ActorMention]:
    """"The group", "kelompok yang didukung Iran itu": the armed group last named before, within
    ``GROUP_ANAPHOR_REACH`` characters, acts again (none when no group was named)."""
    if not groups:
        return []
    out = []
    for a, b, _ in _group_anaphora(lang).find(folded):
        prev = [g for g in groups if g.end <= a and a - g.end <= GROUP_ANAPHOR_REACH]
        if prev:
            out.append(ActorMention(a, b, "sector", "rebels", prev[-1].country))
    return out


@lru_cache(maxsize=None)
def speech_verbs(lang: str) -> re.Pattern | None:
    """Verbs of saying of ``lang`` that introduce a quotation (``actors.json`` ``speech_verbs``, folded)."""
    words = [fold(w) for w in (load_data(lang, "actors") or {}).get("speech_verbs") or []]
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation(words)}){WORD_END}")


@lru_cache(maxsize=None)
def toll_nouns(lang: str) -> re.Pattern | None:
    """A toll or its victims ending the text searched (``actors.json`` ``toll_nouns``, folded):
    the physical act named next is what the toll counts ("updated the toll of the blasts")."""
    words = [fold(w) for w in (load_data(lang, "actors") or {}).get("toll_nouns") or []]
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation(words)})\s*$")


def placed_by(folded: str, lang: str, end: int, start: int, key: str = "locative_prepositions") -> bool:
    """Only a preposition of place (``key``) stands between a mention ending at ``end`` and a place
    at ``start`` ("Russian troops in Syria", "warga di Chile"): the place says where the party is,
    and names no party of its own. With ``domain_prepositions`` the place is an office's domain
    ("the ambassador to the United States", "l'envoyé de l'ONU pour le Yémen")."""
    return " ".join(folded[end:start].split()) in _preposition_set(lang, key)


@lru_cache(maxsize=None)
def _preposition_set(lang: str, key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in (load_data(lang, "actors") or {}).get(key) or [])


def prepositions(lang: str) -> frozenset[str]:
    """Prepositions of ``lang`` (``actors.json`` ``prepositions``, folded): a name right after
    one is its object ("handed them to the Red Cross"), not the subject of what follows."""
    return _preposition_set(lang, "prepositions")


@lru_cache(maxsize=None)
def conjunctions(lang: str) -> re.Pattern | None:
    """A comma and a subordinating conjunction of ``lang`` (``actors.json`` ``subordinators``,
    folded): what stands before them is not the subject of what follows ("..., as warplanes pounded")."""
    words = [fold(w) for w in (load_data(lang, "actors") or {}).get("subordinators") or []]
    if not words:
        return None
    return re.compile(rf",\s*(?:{alternation(words)}){WORD_END}")


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> tuple[PhraseIndex, PhraseIndex]:
    """(sector words -> sector, demonyms -> country) of ``lang``. The phrases of ``not_actors``
    hold a sector word but name no party ("joined forces", "market forces"): they map to None,
    and being longer they win over the sector word they hold."""
    data = load_data(lang, "actors") or {}
    idioms = [(phrase, None) for phrase in data.get("not_actors") or []]
    return (PhraseIndex([*idioms, *(data.get("sectors") or {}).items()]),
            PhraseIndex((data.get("demonyms") or {}).items()))


@lru_cache(maxsize=None)
def _feminine_demonyms(lang: str) -> PhraseIndex:
    """The feminine singular demonyms of ``lang`` -> country, made from its masculine singulars by
    ``actors.json`` ``feminine_demonym_endings`` (longest ending first: "iranien" -> "iranienne",
    "peruano" -> "peruana"). Read only right after a sector noun ("la police iranienne"): alone the
    feminine mostly qualifies a thing ("la frontière libanaise")."""
    data = load_data(lang, "actors") or {}
    endings = sorted(data.get("feminine_demonym_endings") or [], key=lambda e: -len(e[0]))
    feminine: dict[str, str] = {}
    for word, country in (data.get("demonyms") or {}).items():
        if word.endswith("*"):  # a stem with any ending already holds its feminine
            continue
        masculine = next(((m, f) for m, f in endings if word.endswith(m)), None)
        if masculine is not None:
            feminine.setdefault(word[: len(word) - len(masculine[0])] + masculine[1], country)
    return PhraseIndex(feminine.items())


def _adjacent_country(text: str, start: int, end: int, starts: dict[int, PlaceMention],
                      located: list[PlaceMention]) -> str | None:
    """The country of a place right after ``end`` (up to two characters on), else of a country
    place just before ``start`` ("Almaty police", "Swedish Foreign Minister")."""
    for k in range(3):
        place = starts.get(end + k)
        if place is not None:
            return place.location.country
    before = [p for p in located if start - _QUALIFIER_GAP <= p.end <= start and qualifies(text[p.end:start])]
    return before[-1].location.country if before else None


def _postnominal_country(text: str, end: int, demonym_spans: list[tuple[int, int, str]],
                         used: set[int]) -> tuple[str | None, int]:
    """(country, new end) of a sector noun qualified by a demonym right after it, in languages
    whose adjectives follow the noun ("police française", "policía peruana", "armée israélienne");
    the mention then reaches over the demonym."""
    for i, (ds, de, cc) in enumerate(demonym_spans):
        if 0 < ds - end <= _POSTNOMINAL_GAP and not text[end:ds].strip():
            used.add(i)
            return cc, de
    return None, end


@lru_cache(maxsize=None)
def demonym_words(lang: str) -> frozenset[str]:
    """The folded demonyms of ``lang`` (``actors.json`` ``demonyms``: "rusos", "israélienne")."""
    return frozenset(fold(w) for w in ((load_data(lang, "actors") or {}).get("demonyms") or {}))


def adjectives_follow_nouns(lang: str) -> bool:
    """Whether ``lang`` puts its adjectives, demonyms among them, after the noun (``actors.json``
    ``adjectives_follow_nouns``: "los bombardeos rusos", "une frappe israélienne")."""
    return bool((load_data(lang, "actors") or {}).get("adjectives_follow_nouns"))


#: sectors that are the state itself: "the government of Russia" names Russia acting, so the country stays
#: a party of its own (a state's protest is its formal complaint), unlike the people of a country
_STATE_SECTORS = frozenset({"government"})


#: sectors of a country's people, not its bodies: people living in a country are of it ("residents in
#: Chile", "warga di Chile"), while troops or police in a country may be another state's
_RESIDENT_SECTORS = frozenset({"civilians", "protesters"})


@lru_cache(maxsize=None)
def _origin_prepositions(lang: str, key: str = "origin_prepositions") -> tuple[re.Pattern | None, frozenset[str]]:
    """(pattern, words) of ``lang``'s prepositions of origin (``actors.json`` ``key``, folded):
    the pattern matches one right after a sector noun, up to where the place it introduces starts
    (after a space, or glued to an elided "d'"). ``locative_prepositions`` are those of place
    ("in", "en", "di"): people in a country are of it."""
    words = [fold(w) for w in (load_data(lang, "actors") or {}).get(key) or []]
    if not words:
        return None, frozenset()
    return (re.compile(rf"[ \t]+(?:{alternation(words)})(?:[ \t]+|(?<=['’]))"),
            frozenset(w.split()[0] for w in words))


def _origin_country(folded: str, start: int, end: int, starts: dict[int, PlaceMention],
                    lang: str, key: str = "origin_prepositions") -> tuple[str | None, int]:
    """(country, new end) of a sector noun followed by a preposition of origin and a country
    ("estudiantes de Chile", "students from Chile", "étudiants d'Haïti", "mahasiswa dari Chile"):
    people or a body of that country. The mention reaches over the place, so the country
    is no party of its own (a state's protest is a formal complaint; these are people protesting).
    A listed sector phrase that ends in such a preposition ("supporters of") takes no place after it."""
    origins, words = _origin_prepositions(lang, key)
    last = folded[start:end].split()[-1:]
    if origins is None or (last and last[0] in words):
        return None, end
    m = origins.match(folded, end)
    place = starts.get(m.end()) if m else None
    if place is None or place.kind != "country":
        return None, end  # a town's name is often shared across countries ("San Bernardo"); the sentence decides
    return place.location.country, place.end


def find_sectors(text: str, lang: str, places: list[PlaceMention], folded: str | None = None) -> list[ActorMention]:
    """Sector nouns, qualified by an adjacent demonym or place, plus bare demonyms as countries.
    A sector listed with its country ("polri": "ID:police", "wisma putra": "MY:government") names a
    body of that country, wherever it sits."""
    sectors, demonyms = _lexicon(lang)
    folded = fold(text) if folded is None else folded
    if len(folded) != len(text):
        return []
    demonym_spans = demonyms.find(folded)
    feminine_spans = _feminine_demonyms(lang).find(folded)
    starts = {p.start: p for p in places if p.location.country}
    located = [p for p in places if p.location.country]
    found: list[ActorMention] = []
    used: set[int] = set()
    after_noun: set[int] = set()  # demonyms that qualify the sector noun right before them
    for s_start, s_end, listed in sectors.find(folded):
        home, _, sector = listed.rpartition(":")  # "polri": "ID:police", a body of one country
        if home:  # a place after it is where it sits ("KBRI Paris", "Polda Papua"), not whose it is
            found.append(ActorMention(s_start, s_end, "sector", sector, home))
            continue
        country, start, end = None, s_start, s_end
        for i, (ds, de, cc) in enumerate(demonym_spans):  # "soldados rusos atacaron a civiles": "rusos"
            if 0 <= s_start - de <= _QUALIFIER_GAP and i not in after_noun:  # is the soldiers', not the civilians'
                country, start = cc, ds
                used.add(i)
        if country is None:  # "police française", "Kementerian Pertahanan China", "la police iranienne"
            country, end = _postnominal_country(text, s_end, demonym_spans + feminine_spans, after_noun)
            used |= after_noun
        if country is None and sector in _STATE_SECTORS:  # "al gobierno de Nicaragua": that state acting or
            if _origin_country(folded, s_start, s_end, starts, lang)[0] is not None:  # addressed, its country
                continue  # mention is the party; a sector of no country took the speaker's country instead
        if country is None and sector not in _STATE_SECTORS:  # "estudiantes de Chile", "students from Chile"
            country, end = _origin_country(folded, s_start, s_end, starts, lang)
        if country is None and sector in _RESIDENT_SECTORS:  # "residents in Chile", "vecinos en Chile"
            country, end = _origin_country(folded, s_start, s_end, starts, lang, "locative_prepositions")
        if country is None:  # "polisi Almaty", "Almaty police"
            country = _adjacent_country(text, s_start, s_end, starts, located)
        found.append(ActorMention(start, end, "sector", sector, country))
    for i, (ds, de, cc) in enumerate(demonym_spans):
        if i not in used:
            found.append(ActorMention(ds, de, "country", cc, cc))
    return found


#: text between coordinated demonyms ("Filipino, Australian and American troops")
_DEMONYM_JOINER_RE = re.compile(r"\s*(?:,\s*(?:(?:and|et|y|e|dan|serta)\s+)?|(?:and|et|y|e|dan|serta)\s+)\s*")


def _distributed(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """Demonyms coordinated before one sector noun each qualify it ("Filipino, Australian and
    American troops" are three militaries, "British and French diplomats" two governments):
    a country mention joined by a comma or "and" to the demonym of a sector becomes that sector."""
    by_end = {m.end: m for m in found if m.kind == "country"}
    out = list(found)
    for m in found:
        if m.kind != "sector" or m.country is None:
            continue
        head = m
        while True:
            prev = next((c for end, c in by_end.items()
                         if end <= head.start and _DEMONYM_JOINER_RE.fullmatch(text, end, head.start)), None)
            if prev is None or not text[head.start:head.start + 1].isupper():
                break
            out[out.index(prev)] = ActorMention(prev.start, prev.end, "sector", m.value, prev.value)
            head = prev
    return out


def find_actors(text: str, lang: str, places: list[PlaceMention], folded: str | None = None) -> list[ActorMention]:
    """Every actor mention of ``text`` in order; people and bodies win over overlapping words.

    ``places`` are the place mentions of the same text (offsets into ``text``);
    country mentions among them become country actors. ``folded`` is
    ``fold(text)`` if already at hand.
    """
    ranked: list[ActorMention] = []
    taken = bytearray(len(text) + 1)  # 1 where a kept mention covers the character
    empty: list[int] = []  # kept mentions of no characters (they cover nothing)

    def free(a: ActorMention) -> bool:
        if a.start >= a.end:
            return not any(s < a.start < e for s, e in ((m.start, m.end) for m in ranked))
        return taken.find(1, a.start, a.end) < 0 and not any(a.start < p < a.end for p in empty)

    def add(mentions):
        for a in sorted(mentions, key=lambda a: a.start - a.end):
            if free(a):
                ranked.append(a)
                if a.start < a.end:
                    taken[a.start : a.end] = b"\x01" * (a.end - a.start)
                else:
                    empty.append(a.start)

    folded = fold(text) if folded is None else folded
    add(find_persons(text))
    add(ActorMention(start, end, "sector", "government", country)  # opposition parties are CC:government
        for start, end, country in find_parties(text, lang, places))
    bodies, people = _bodies_with_their_people(
        folded, find_organisations(text, folded), _outside_country_names(find_sectors(text, lang, places, folded), places),
        lang)
    add(bodies)
    groups = find_armed_groups(text, folded)
    add(groups)
    if len(folded) == len(text):
        add(group_anaphors(text, lang, groups, folded))
    sectors = groups + people
    add(ActorMention(n.start, n.end, "person", n.name, n.country)
        for n in find_titled_persons(text, lang, places, [(a.start, a.end) for a in bodies + sectors], folded))
    add(sectors)
    add(ActorMention(p.start, p.end, "country", p.location.country, p.location.country)
        for p in places if p.kind == "country" and p.location.country)
    return _without_held_offices(text, _distributed(text, sorted(ranked, key=lambda a: a.start)))


#: sectors a body's own staff or forces are named by ("the UN envoy", "EU officials", "NATO troops"); the
#: members of a union on strike or a party's supporters stay a sector of their own
_BODY_STAFF_SECTORS = frozenset({"government", "military", "police"})


def _bodies_with_their_people(folded: str, bodies: list[ActorMention], sectors: list[ActorMention],
                              lang: str) -> tuple[list[ActorMention], list[ActorMention]]:
    """(bodies, sectors) where a sector noun of no country next to a body names its staff or forces
    ("the UN envoy", "NATO troops", "utusan PBB", "l'envoyé de l'ONU"): the body's mention
    reaches over it, so the body acts, not a sector of the country the event is in."""
    origins = _origin_prepositions(lang)[0]
    kept: list[ActorMention] = []
    for sector in sectors:
        for i, body in enumerate(bodies):
            before = body.end <= sector.start and not folded[body.end:sector.start].strip()
            after = sector.end <= body.start and (not folded[sector.end:body.start].strip() or (
                origins is not None and (m := origins.match(folded, sector.end)) is not None and m.end() == body.start))
            if sector.country is None and sector.value in _BODY_STAFF_SECTORS and (before or after):
                bodies[i] = replace(body, start=min(body.start, sector.start), end=max(body.end, sector.end))
                break
        else:
            kept.append(sector)
    return bodies, kept


def _outside_country_names(sectors: list[ActorMention], places: list[PlaceMention]) -> list[ActorMention]:
    """Less the sector nouns that are words of a country's name ("the Soviet Union", "the People's
    Republic of China", "Republik Rakyat Tiongkok"): the country acts, not a union or the people."""
    names = [(p.start, p.end) for p in places if p.kind == "country" and p.location.country]
    return [s for s in sectors if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end) for a, b in names)]


def _titles(text: str, office: ActorMention, person: ActorMention) -> bool:
    """``office`` is the title of ``person``: just before the name, with only the rest of the title
    between ("Presiden AS Joe Biden", "le ministre de l'Intérieur, Gérald Darmanin"), or just after
    it behind a comma ("Dina Boluarte, presidenta del Perú")."""
    if person.start >= office.end:
        if person.start - office.end > _TITLE_SPAN:
            return False  # too far apart: no need to read the words between
        gap = _TITLE_TO_NAME_RE.match(text, office.end)
        return gap is not None and gap.end() >= person.start
    if person.end <= office.start:
        gap = _NAME_TO_TITLE_RE.match(text, person.end)
        return gap is not None and gap.end() == office.start
    return False


def title_sectors(text: str, mentions: list[ActorMention], person: ActorMention, lang: str) -> list[ActorMention]:
    """The sectors other than government that title ``person`` ("Inspector General of Police X",
    "Taliban spokesman X", "Jenderal TNI X"): the person speaks for them, and both act (a
    government office is the person alone: ``_without_held_offices``). Title words of the
    language may stand between ("Taliban spokesman")."""
    near = [m for m in mentions if m.kind == "sector" and m.value != "government"
            and person.start - _TITLE_SPAN <= m.start <= person.end + _TITLE_SPAN]
    if not near:
        return []
    masked = _titles_masked(text, person, lang)
    return [m for m in near if _titles(masked, m, person)]


def _titles_masked(text: str, person: ActorMention, lang: str) -> str:
    """``text`` with the language's title words just before ``person`` masked, so that they pass as
    part of a title ("Taliban spokesman X", "Police chief X")."""
    titles = title_pattern(lang)
    if titles is None:
        return text
    lo = max(0, person.start - _TITLE_SPAN)
    window = text[lo:person.start]
    folded = fold(window)
    if len(folded) != len(window):
        return text
    chars = list(window)
    for m in titles.finditer(folded):
        chars[m.start():m.end()] = "X" * (m.end() - m.start())  # a title word passes as part of the title
    return text[:lo] + "".join(chars) + text[person.start:]


def titled_officials(text: str, lang: str, places: list[PlaceMention], sectors: frozenset[str]) -> frozenset[str]:
    """The people the text titles with an office of one of ``sectors`` ("Gubernur Sulawesi Selatan X",
    "Ketua Polis Johor, Datuk X", "police chief X"): when they act, an official of that sector acts,
    though the event names the person alone (a government office is the person: ``_without_held_offices``)."""
    folded = fold(text)
    offices = [m for m in find_sectors(text, lang, places, folded) if m.value in sectors]
    if not offices:
        return frozenset()
    persons = [m for m in find_actors(text, lang, places, folded) if m.kind == "person"]
    return frozenset(p.value for p in persons
                     if any(_titles(_titles_masked(text, p, lang), o, p) for o in offices))


def _without_held_offices(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Less the government offices that only title a person named with them ("President Joe
    Biden", "la presidenta Dina Boluarte", "Gérald Darmanin, ministre de l'Intérieur"), and the
    countries named in such a title: the person acts, not a second actor. Offices of other
    sectors stay ("police chief X": the person and the police)."""
    persons = [m for m in mentions if m.kind == "person"]
    if not persons:
        return mentions

    return [m for m in mentions if not (m.kind == "sector" and m.value == "government"
                                        and any(_titles(text, m, p) for p in persons))
            and not (m.kind == "country" and any(_country_in_title(text, m, p) for p in persons))]


def _country_in_title(text: str, country: ActorMention, person: ActorMention) -> bool:
    """The country or demonym is part of the person's title, before the name ("Belarusian President
    Alexander Lukashenka", "Perdana Menteri Sri Lanka Mahinda Rajapaksa", "Menteri Pertahanan
    Australia Richard Marles"): it says whose office it is, and the person alone acts. A person
    known to be of another country keeps it ("US envoy to Ukraine ..." is no Ukrainian)."""
    if country.end > person.start or person.country not in (None, country.value):
        return False
    gap = text[country.end:person.start]
    if "," in gap and gap.strip() != ",":
        return False  # "aid to Afghanistan, Development Minister Gerd Mueller said": another clause
    return _titles(text, country, person)


@lru_cache(maxsize=None)
def seat_country(code: str) -> str | None:
    """The country an international body speaks from (its headquarters), if known."""
    return (load_data("common", "organisations") or {}).get("seats", {}).get(code)


def person_country(name: str) -> str | None:
    """The country of a known person by canonical name."""
    exact, _, _ = _persons()
    person = exact.get(" ".join(fold(name).replace("-", " ").split()))
    return person.country if person else None
