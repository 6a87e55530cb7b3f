"""Multi-label topics of an article from weighted keyword lexicons.

Topics (``shared/eval/README.md``): conflict, politics, economy, disaster,
crime, health, environment, technology, society, sports, or ``other`` when
nothing fires. Each language has ``data/<lang>/topics.json`` (topic ->
{term: weight}; ``stem*`` matches any ending, terms with a space are
phrases). PLOVER event types already extracted from the article add
evidence (``data/common/topic_events.json``, by type and by type/mode); for a language without a
lexicon they are the only evidence (another language's words mislead: German
"war" is "was").

Score of a topic = sum over its terms of weight x occurrences (at most
``TERM_CAP`` per term; title words count ``TITLE_WEIGHT`` times) + event
evidence. A topic is returned when its score reaches ``MIN_SCORE`` and
``RELATIVE`` times the best topic's score, best first, at most ``MAX_TOPICS``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from streams.nlp.textutil import load_data, words

TOPICS = (
    "conflict", "politics", "economy", "disaster", "crime", "health",
    "environment", "technology", "society", "sports",
)
OTHER = "other"
TITLE_WEIGHT = 2.0
TERM_CAP = 3
#: events of one type counted at most this many times
EVENT_CAP = 2
MIN_SCORE = 8.0
RELATIVE = 0.25
MAX_TOPICS = 4
#: distinct tokens remembered per language before the memo is reset
MEMO_SIZE = 200_000
#: articles whose lexicon scores are remembered (enrich asks twice for the same article)
LEXICAL_MEMO = 4

Hits = tuple[tuple[str, float], ...]


class _Lexicon:
    """One language's terms, looked up per distinct token (memoised)."""

    def __init__(self, terms: dict[str, dict[str, float]]):
        exact: dict[str, list] = defaultdict(list)
        stems: dict[str, list] = defaultdict(list)
        by_phrase: dict[str, list] = defaultdict(list)
        for topic, entries in terms.items():
            if topic not in TOPICS:
                continue
            for term, weight in entries.items():
                term = term.casefold().strip()
                if " " in term:
                    by_phrase[term].append((topic, float(weight)))
                elif term.endswith("*"):
                    stems[term[:-1]].append((topic, float(weight)))
                else:
                    exact[term].append((topic, float(weight)))
        self.exact = {k: tuple(v) for k, v in exact.items()}
        self.stems = {k: tuple(v) for k, v in stems.items()}
        self.stem_lengths = tuple(sorted({len(s) for s in self.stems}))
        #: first word of a phrase -> (its other words, last word is a stem, hits)
        phrases: dict[str, list[tuple[tuple[str, ...], bool, Hits]]] = defaultdict(list)
        for phrase, hits in by_phrase.items():
            parts = words(phrase.rstrip("*"))
            if len(parts) > 1:
                phrases[parts[0]].append((tuple(parts[1:]), phrase.endswith("*"), tuple(hits)))
        self.phrases = dict(phrases)
        self.memo: dict[str, Hits] = {}

    def lookup(self, token: str) -> Hits:
        hits = self.memo.get(token)
        if hits is not None:
            return hits
        best = self._entries(token)
        if not best:
            bare = _bare(token)
            if bare:
                best = self._entries(bare)
        hits = tuple((t, w) for t, w in best.items() if w)
        if len(self.memo) >= MEMO_SIZE:
            self.memo.clear()
        self.memo[token] = hits
        return hits

    def _entries(self, token: str) -> dict[str, float]:
        # the most specific entry of a topic decides: an exact word over any stem, a longer stem over
        # a shorter ('investigat*' 0 keeps 'invest*' off 'investigation'; 'military' is not counted
        # again by 'militar*')
        best: dict[str, float] = {}
        for n in self.stem_lengths:
            if n > len(token):
                break
            for topic, weight in self.stems.get(token[:n], ()):
                best[topic] = weight
        for topic, weight in self.exact.get(token, ()):
            best[topic] = weight
        return best


#: elided articles and conjunctions written onto the next word (French l'armée, d'émeutes, qu'il)
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
APOSTROPHES = ("'", "\u2019")


def _bare(token: str) -> str | None:
    """The word without the elided article or conjunction before it ("l'armée" -> "armée",
    "qu'il" -> "il"), or None when it has none."""
    for mark in APOSTROPHES:
        at = token.find(mark)
        if at < 0:
            continue
        if token[:at] in ELISIONS and at + 1 < len(token):
            return token[at + 1 :]
    return None


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> _Lexicon | None:
    data = load_data(lang, "topics")
    return _Lexicon(data.get("terms", {})) if data else None


@lru_cache(maxsize=1)
def _event_evidence() -> dict[str, dict[str, float]]:
    data = load_data("common", "topic_events") or {}
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _add_text(text: str, lex: _Lexicon, factor: float, scores: dict[str, float]) -> None:
    # one apostrophe: the lexicons write "forces de l'ordre", web text often "forces de l’ordre"
    tokens = words(text.replace("\u2019", "'"))
    counts = Counter(tokens)
    #: word -> the topics of the matched phrases it stands in (one entry per occurrence)
    inside: dict[str, list[frozenset[str]]] = {}
    if not lex.phrases.keys().isdisjoint(counts):
        found: Counter = Counter()
        phrases = lex.phrases
        for i, token in enumerate(tokens):
            candidates = phrases.get(token)
            if candidates:
                longest = 0
                for rest, stem, hits in candidates:
                    if len(rest) >= longest and _continues(tokens, i + 1, rest, stem):
                        longest = len(rest)
                        match = hits
                if longest:
                    found[match] += 1
                    senses = frozenset(topic for topic, _ in match)
                    for covered in tokens[i : i + 1 + longest]:
                        inside.setdefault(covered, []).append(senses)
        for hits, n in found.items():
            count = min(n, TERM_CAP) * factor
            for topic, weight in hits:
                scores[topic] += weight * count
    memo = lex.memo
    for token, n in counts.items():
        hits = memo.get(token)
        if hits is None:
            hits = lex.lookup(token)
        if not hits:
            continue
        senses = inside.get(token)
        if senses is None:
            count = min(n, TERM_CAP) * factor
            for topic, weight in hits:
                scores[topic] += weight * count
            continue
        # a word inside a matched phrase has the phrase's sense: it adds only to the phrase's topics
        # (the 'gas' of 'tear gas' is no fuel, the 'sosial' of 'media sosial' no social affair)
        free = max(n - len(senses), 0)
        for topic, weight in hits:
            k = free + sum(1 for s in senses if topic in s)
            if k:
                scores[topic] += weight * min(k, TERM_CAP) * factor


def _continues(tokens: list[str], at: int, rest: tuple[str, ...], stem: bool) -> bool:
    """Whether ``tokens[at:]`` starts with ``rest`` (its last word a stem if ``stem``)."""
    end = at + len(rest)
    if end > len(tokens):
        return False
    if stem:
        return tokens[at : end - 1] == list(rest[:-1]) and tokens[end - 1].startswith(rest[-1])
    return tuple(tokens[at:end]) == rest


@lru_cache(maxsize=LEXICAL_MEMO)
def _lexical_scores(title: str, text: str, lang: str) -> tuple[tuple[str, float], ...]:
    """The word-lexicon part of every topic's score, remembered for the last few articles:
    enrich classifies each article twice (before and after its events), on the same text."""
    scores: dict[str, float] = dict.fromkeys(TOPICS, 0.0)
    lex = _lexicon(lang)
    if lex is not None:
        _add_text(title, lex, TITLE_WEIGHT, scores)
        _add_text(text, lex, 1.0, scores)
    return tuple(scores.items())


def _event_keys(event_types: Iterable[str]) -> Counter:
    """How often each type, and each type/mode, was extracted: ``"PROTEST/riot"`` counts for
    ``PROTEST`` and for ``PROTEST/RIOT`` (a mode adds its own evidence to its type's)."""
    keys: Counter = Counter()
    for etype in event_types:
        if not etype:
            continue
        etype = etype.upper()
        keys[etype.split("/", 1)[0]] += 1
        if "/" in etype:
            keys[etype] += 1
    return keys


def topic_scores(title: str, text: str, lang: str, event_types: Iterable[str] = ()) -> dict[str, float]:
    """The raw score of every topic (for thresholds, debugging and evaluation). ``event_types``
    are PLOVER types, or ``type/mode`` where a mode says more (``PROTEST/riot``)."""
    scores = dict(_lexical_scores(title or "", text or "", lang))
    evidence = _event_evidence()
    for key, n in _event_keys(event_types).items():
        for topic, weight in evidence.get(key, {}).items():
            if topic in scores:
                scores[topic] += weight * min(n, EVENT_CAP)
    return scores


def classify_topics(title: str, text: str, lang: str, event_types: Iterable[str] = ()) -> list[str]:
    """Topics of an article, strongest first; ``["other"]`` when none fires."""
    scores = topic_scores(title, text, lang, event_types)
    best = max(scores.values())
    if best < MIN_SCORE:
        return [OTHER]
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], TOPICS.index(kv[0])))
    return [t for t, s in ranked if s >= MIN_SCORE and s >= RELATIVE * best][:MAX_TOPICS]
