"""Sentence-level checks that a trigger names no act of a day (the conventions' "what is not an event").

Each check reads the words around one trigger, with word lists from ``data/<lang>/notevents.json``
(one per language; its ``_sources`` say where each list comes from):

- ``habitual_present``: a speech act told in the simple or progressive present ("Moscow denies
  targeting civilians", "la oposición acusa al gobierno", "l'opposition accuse le gouvernement",
  "the Democrats are alleging"): told without a day, past the story's opening, it is a stance held,
  no act of the story (the caller adds those conditions). Indonesian and Malay mark no tense, so they
  have no list.
- ``governed_participle``: a participle of deploying right after a noun governed by a preposition in its
  clause ("una visita a tropas desplegadas", "du groupement militaire Sever, déployé"): it describes
  forces already in place, no deployment of the story. Spanish and French participles agree with
  their noun and differ from the past tense; the English one does not ("with the rebels, troops
  deployed" is the act), so English has no list. Indonesian and Malay mark the attribute with "yang",
  which the trigger lexicon already keeps from deploying.
- ``participle_aside``: a participle right after a comma, opening an apposition to the noun before it
  ("the journalist, detained last year, was freed", "un empresario, detenido en octubre pasado",
  "un homme d'affaires, arrêté à Zurich en octobre dernier", "wartawan itu, ditangkap tahun lalu"): the
  caller drops it when the apposition holds a time long past (it retells who the noun is). English "-ed"
  is also the past tense, but a past verb right after a comma has no subject, so it is the participle or a
  verb of a series, and a series' verb with a time long past is history too.
- ``attributive_participle``: a participle qualifying a noun after a determiner ("the detained activists",
  "los manifestantes detenidos", "les militants arrêtés"): past the lede the deed tells who the noun is,
  by an act told before or background (the caller checks where it stands: a lede's "the arrested workers
  were released later" may be the only telling of the story's own arrest). Indonesian and Malay say it
  with "yang", read by the relative-clause checks of ``events.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from streams.nlp.textutil import load_data
from streams.nlp.triggers import TriggerHit

#: the data file in ``data/<lang>``
DATA_NAME = "notevents"
#: words a preposition may stand before a deployment participle ("a visit to [the border] troops deployed")
GOVERNED_REACH = 4
#: words back from a deployment participle where a number makes it a force counted ("1.200 efectivos de la UME desplegados")
COUNTED_REACH = 8
#: fewest letters of a prefixed participle ("ditahan"; "dia", "diri" are no participles)
PREFIXED_MIN = 4
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Present:
    """How a language writes a verb in the present (``habitual_present`` of notevents.json)."""
    #: endings of a 3rd-person present (or imperfect) on the lower-cased text ("denies", "acusan", "dément")
    endings: tuple[str, ...]
    #: endings of other forms that share them ("accusée", "acusada", "accusant", "press")
    not_endings: tuple[str, ...]
    #: auxiliaries and other words with those endings that are no present of the verb ("has", "ont", "han")
    not_words: frozenset[str]
    #: verbs whose present has no ending (English plural "critics accuse"): the lexicon's bare forms
    bare_forms: frozenset[str]
    #: words before a noun of the same spelling ("the demands", "la denuncia", "une menace"), and
    #: endings of such words (possessives: "Beijing's demands")
    not_after: frozenset[str]
    not_after_endings: tuple[str, ...]
    #: clitics the verb may follow ("se niega"): the word before them decides
    clitics: frozenset[str]
    #: present-tense auxiliaries of the progressive ("are alleging") and the participle's endings
    progressive: frozenset[str]
    progressive_endings: tuple[str, ...]


@lru_cache(maxsize=None)
def _spec(lang: str) -> dict:
    return load_data(lang, DATA_NAME) or {}


@lru_cache(maxsize=None)
def _present(lang: str) -> Present | None:
    spec = _spec(lang).get("habitual_present")
    if not spec:
        return None
    return Present(
        endings=tuple(spec.get("endings", [])), not_endings=tuple(spec.get("not_endings", [])),
        not_words=frozenset(spec.get("not_words", [])), bare_forms=frozenset(spec.get("bare_forms", [])),
        not_after=frozenset(spec.get("not_after", [])),
        not_after_endings=tuple(spec.get("not_after_endings", [])),
        clitics=frozenset(spec.get("clitics", [])), progressive=frozenset(spec.get("progressive", [])),
        progressive_endings=tuple(spec.get("progressive_endings", [])),
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def habitual_present(sentence: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger's first word is a verb in the present: a 3rd-person form ("rejects", "acusa",
    "dément", "pedían") or a bare plural one ("critics accuse") after no determiner, modal,
    preposition or relative pronoun (in "un decreto que levanta la suspensión" the present tells what
    a decree published that day does), or a participle after a present auxiliary ("are alleging")."""
    spec = _present(lang)
    own = _words(sentence[hit.start:hit.end])
    if spec is None or not own:
        return False
    before = _words(sentence[:hit.start])
    word = own[0]
    if word in spec.clitics and len(own) > 1:
        word = own[1]
    elif before and before[-1] in spec.clitics:
        before = before[:-1]
    previous = before[-1] if before else ""
    if previous in spec.progressive and word.endswith(spec.progressive_endings):
        return True
    present = word in spec.bare_forms or (word.endswith(spec.endings) and not word.endswith(spec.not_endings)
                                          and word not in spec.not_words)
    return (present and previous not in spec.not_after
            and not (spec.not_after_endings and previous.endswith(spec.not_after_endings)))


def _is_participle(word: str, lang: str) -> bool:
    """``word`` (lower-cased) takes a participle form of ``participles``: an ending or a word of the
    list, or the passive prefix, bar ``not_words``."""
    spec = _spec(lang).get("participles")
    return bool(spec) and word not in spec.get("not_words", ()) and (
        word in spec.get("words", ()) or word.endswith(tuple(spec.get("endings", ())))
        or (word.startswith(tuple(spec.get("prefixes", ()))) and len(word) > PREFIXED_MIN))


def participle_aside(sentence: str, hit: TriggerHit, lang: str) -> tuple[int, int] | None:
    """Where the apposition a trigger opens runs (from the comma before it to the next comma or the
    sentence's end), when the trigger's first word is a participle right after a comma; else None."""
    own = _words(sentence[hit.start:hit.end])
    comma = sentence.rfind(",", 0, hit.start)
    if not own or comma < 0 or sentence[comma + 1:hit.start].strip() or not _is_participle(own[0], lang):
        return None
    end = re.search(r"[,;:]", sentence[hit.end:])
    return comma, hit.end + end.start() if end else len(sentence)


def attributive_participle(sentence: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a participle qualifying a noun: right after a determiner of ``attributive``
    ("the detained activists", "those charged"), or after one and a noun ("los manifestantes detenidos",
    "les militants arrêtés"; ``noun_between``), no number between ("los cinco detenidos" counts them): it
    tells who the noun is by a deed done before."""
    spec = _spec(lang).get("attributive")
    own = _words(sentence[hit.start:hit.end])
    if not spec or not own or not _is_participle(own[0], lang):
        return False
    between = spec.get("noun_between", 0)
    before = _words(sentence[:hit.start])[-(between + 1):]
    if len(before) != between + 1 or before[0] not in spec.get("determiners", ()):
        return False
    return not any(w[:1].isdigit() or w in _number_words(lang) or w in spec.get("determiners", ()) for w in before[1:])


@lru_cache(maxsize=None)
def _number_words(lang: str) -> frozenset[str]:
    """The language's number words (numbers.json ``words`` and ``vague``): "los cinco detenidos" counts
    the arrests a story tells, it does not qualify a noun."""
    data = load_data(lang, "numbers") or {}
    return frozenset(w.lower() for w in [*(data.get("words") or {}), *(data.get("vague") or {})])


def governed_participle(sentence: str, hit: TriggerHit, lang: str) -> bool:
    """The trigger is a participle of deploying alone, right after a noun (no auxiliary or pronoun
    before it), with a preposition of its clause at most ``GOVERNED_REACH`` words before it and no number in the
    ``COUNTED_REACH`` words before it."""
    spec = _spec(lang).get("governed_participle")
    own = _words(sentence[hit.start:hit.end])
    if not spec or len(own) != 1 or own[0] not in spec.get("participles", ()):
        return False
    words = _words(sentence[:hit.start])
    # the noun and its preposition stand in the participle's own clause ("after clashes with the rebels, troops deployed")
    before = _words(re.split(r"[,;:]", sentence[:hit.start].rstrip().rstrip(","))[-1])[-GOVERNED_REACH:]
    if not before or before[-1] in spec.get("not_after", ()) or before[-1] in spec.get("prepositions", ()):
        return False
    if any(w[:1].isdigit() or w in spec.get("numbers", ()) for w in words[-COUNTED_REACH:]):
        return False  # "2.000 agentes desplegados en Madrid": a force counted, told as the news
    return any(w in spec.get("prepositions", ()) for w in before[:-1])
