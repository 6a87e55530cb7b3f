"""Which language an article is written in: ISO 639-1 code and confidence.

py3langid (offline naive Bayes over byte n-grams, all its ~97 languages)
ranks the candidates; the feed's language hint and the languages we have
data files for are priors that only tip close calls. Close neighbours are
then told apart by distinctive words: ``data/<lang>/language.json`` lists
``markers`` (word or phrase -> weight) against the languages it is
``confusable_with`` (Malay "polis", "kerana", "selepas" against Indonesian
"polisi", "karena", "setelah"), which shifts the log-odds of the pair.

Only a sample is read: the first line (the title) and the paragraphs after
it, skipping short lines (menus, widgets); the classifier reads its first
``WINDOW`` characters and the marker words its first ``MARKER_WINDOW``.
That is enough for a confident answer, and detection stays well under a
millisecond.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from functools import lru_cache

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from streams.nlp.textutil import languages_with, load_data, words

#: characters read by the classifier (its cost grows with length), and by the marker words
WINDOW = 400
MARKER_WINDOW = 1200
#: characters searched for paragraphs
LOOKAHEAD = 10_000
#: candidates kept from the classifier's ranking
TOP = 5
#: a line at least this long is a paragraph (short lines are menus and widgets)
PARAGRAPH = 60
#: prior factor of the feed's hint and of languages we have data for
HINT_PRIOR = 4.0
SUPPORTED_PRIOR = 2.0
#: log-odds per marker weight point, and the most markers may shift
MARKER_SCALE = 0.5
MARKER_CAP = 8.0
#: fewer letters than this and the text says too little: confidence is scaled down
MIN_LETTERS = 40
#: retired or bibliographic codes that feeds still send
_OLD_CODES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv", "zsm": "ms", "may": "ms", "fre": "fr", "ger": "de"}
_LETTER_RE = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The classifier, the per-state tables of its byte automaton packed into int arrays: its
    walk reads them once per byte, and as lists of ~100,000 int objects scattered on the heap
    they miss the cache where a packed array does not (same values, same scores)."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for name in ("_rowbase", "tk_output"):
        table = getattr(identifier, name, None)
        if isinstance(table, list):
            setattr(identifier, name, array("i", table))
    return identifier


@lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    return frozenset(languages_with("cleaning")) | frozenset(languages_with("topics"))


@lru_cache(maxsize=None)
def _markers(lang: str) -> tuple[dict[str, float], dict[str, float], tuple[str, ...]]:
    """(single-word markers, phrase markers, confusable languages) of ``lang``."""
    data = load_data(lang, "language") or {}
    markers = data.get("markers", {})
    single = {w.casefold(): float(v) for w, v in markers.items() if " " not in w}
    phrases = {w.casefold(): float(v) for w, v in markers.items() if " " in w}
    return single, phrases, tuple(data.get("confusable_with", ()))


@lru_cache(maxsize=256)
def normalize_hint(hint: str | None) -> str | None:
    """``"id-ID"``, ``"en_US"``, ``"in"``, ``"ind"`` -> ``"id"``, ``"en"``, ``"id"``, ``"id"``; junk -> ``None``."""
    if not hint:
        return None
    code = re.split(r"[-_]", hint.strip().lower(), maxsplit=1)[0]
    code = _OLD_CODES.get(code, code)
    if re.fullmatch(r"[a-z]{3}", code):
        found = pycountry.languages.get(alpha_3=code)
        code = getattr(found, "alpha_2", "") if found else ""
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _marker_score(lang: str, counts: Counter, lowered: str) -> float:
    single, phrases, _ = _markers(lang)
    score = sum(w * min(counts[t], 3) for t, w in single.items() if t in counts)
    score += sum(w * min(lowered.count(p), 3) for p, w in phrases.items() if p in lowered)
    return score


def _split_confusables(probs: dict[str, float], sample: str) -> None:
    """Re-share the probability of confusable pairs by their marker words (in place)."""
    lowered, counts = "", None  # read only when a confusable pair competes
    done: set[frozenset[str]] = set()
    for a in list(probs):
        for b in _markers(a)[2]:
            pair = frozenset((a, b))
            if b not in probs or pair in done:
                continue
            done.add(pair)
            total = probs[a] + probs[b]
            if total <= 0:
                continue
            if counts is None:
                lowered, counts = sample.casefold(), Counter(words(sample))
            shift = _marker_score(a, counts, lowered) - _marker_score(b, counts, lowered)
            shift = max(-MARKER_CAP, min(MARKER_CAP, MARKER_SCALE * shift))
            pa, pb = max(probs[a], 1e-9), max(probs[b], 1e-9)
            logit = math.log(pa / pb) + shift
            share = 1.0 / (1.0 + math.exp(-logit))
            probs[a], probs[b] = total * share, total * (1.0 - share)


def _sample(text: str) -> str:
    """The first line (a title) and the paragraphs after it, skipping menus and widgets."""
    lines = text[:LOOKAHEAD].split("\n")
    picked = [lines[0].strip()]
    size = len(picked[0])
    for line in lines[1:]:
        if size >= MARKER_WINDOW:
            break
        line = line.strip()
        if len(line) >= PARAGRAPH:
            picked.append(line)
            size += len(line)
    return ("\n".join(picked) if size >= PARAGRAPH else text)[:MARKER_WINDOW]


def detect_language(text: str, hint: str | None = None) -> tuple[str, float]:
    """ISO 639-1 code of ``text`` and a confidence in [0, 1].

    ``hint`` (the feed's declared language) is a prior, not the answer. Text
    with no letters gives the hint (or ``"und"``) with confidence 0.
    """
    hint = normalize_hint(hint)
    sample = _sample(text or "")
    letters = len(_LETTER_RE.findall(sample[: 4 * MIN_LETTERS]))
    if letters == 0:
        return hint or "und", 0.0
    ranked = _identifier().rank(sample[:WINDOW])
    supported = _supported()
    probs: dict[str, float] = {}
    for i, (lang, p) in enumerate(ranked if hint else ranked[:TOP]):
        if i < TOP or lang == hint:  # the hint competes even from far down the ranking
            prior = HINT_PRIOR if lang == hint else SUPPORTED_PRIOR if lang in supported else 1.0
            probs[lang] = p * prior
    for lang in list(probs):  # a confusable neighbour outside the top still competes
        for other in _markers(lang)[2]:
            probs.setdefault(other, 0.0)
    total = sum(probs.values()) or 1.0
    probs = {k: v / total for k, v in probs.items()}
    _split_confusables(probs, sample)
    lang, conf = max(probs.items(), key=lambda kv: kv[1])
    if letters < MIN_LETTERS:
        conf *= letters / MIN_LETTERS
    return lang, round(min(1.0, max(0.0, conf)), 4)
