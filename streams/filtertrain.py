"""``kabar train-filter``: learn the event filter (``streams/nlp/eventfilter.py``) from the repo's data.

Training examples are the rules' events, each with the filter's features and a label:

- the *tune* half of ``shared/eval/dev`` (never *check*) and the studied articles of ``eval/fresh``:
  every article runs through the agents' path with the filter off; an event paired with a gold
  event the way ``kabar eval`` pairs them (type, country, dates a day apart) is an event, any other
  one is not;
- with ``--pages``, the hand-labelled real pages of ``eval/filter/real-pages.jsonl`` (split ``train``
  only; ``held`` publishers measure the filter): their text is rebuilt from ``shared/corpora`` by
  ``eval/filter/pages.py``, each event found there is joined to its label by (page, sentence,
  type, occurrence); ``event`` is an event, ``not-event`` and ``wrong-type`` are not. The file's
  tune articles are left out (they are tune examples already), and so is the hidden test set.

The model is a logistic regression fit by Newton's method with an L2 penalty (deterministic: no
sampling). Grouped cross-validation (stories of the gold articles, publishers of the pages; folds
dealt with a fixed seed) gives out-of-fold probabilities, and the threshold is the one that
maximises their event F1 on tune and fresh together, counting the gold events the rules miss as
misses. The weights, the threshold and the measured numbers go to
``streams/data/common/event_filter.json``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

REPO = Path(__file__).resolve().parent.parent
MODEL_PATH = REPO / "streams" / "data" / "common" / "event_filter.json"
LABELS_PATH = REPO / "eval" / "filter" / "real-pages.jsonl"
PAGES_SCRIPT = REPO / "eval" / "filter" / "pages.py"
FRESH_PATH = REPO / "eval" / "fresh"
SEED = 2026
FOLDS = 5
L2 = 3.0
NEWTON_STEPS = 30
#: verdicts of real-pages.jsonl and the label each gives (``missed``: no event of Kabar's)
VERDICT_LABELS = {"event": 1, "not-event": 0, "wrong-type": 0}
#: thresholds tried
THRESHOLDS = tuple(round(0.02 * i, 2) for i in range(0, 40))
#: weights smaller than this are left out of the model file
MIN_WEIGHT = 5e-4


@dataclass
class Example:
    features: dict[str, float]
    label: int
    #: the story (tune) or publisher (pages): cross-validation keeps a group in one fold
    group: str
    source: str
    split: str = "train"


def _event_dict(event) -> dict[str, Any]:
    from streams.evaluate import EVENT_FIELDS

    return {k: getattr(event, k) for k in EVENT_FIELDS}


def _collected(obj: dict[str, Any], seen: set[str]) -> list | None:
    """The rules' events of one article object with their features (filter off); ``None`` when
    the article is rejected or an exact copy of one seen (the agents skip its NLP)."""
    from streams.ingest.archive import article_from_dict
    from streams.nlp.enrich import enrich
    from streams.nlp.eventfilter import collecting
    from streams.nlp.normalize import normalize
    from streams.records import EnrichedArticle, Rejection

    raw = article_from_dict(obj)
    clean = raw if isinstance(raw, Rejection) else normalize(raw)
    if isinstance(clean, Rejection) or clean.fingerprint in seen:
        return None
    seen.add(clean.fingerprint)
    with collecting() as sink:
        enriched = enrich(clean)
    return list(sink) if isinstance(enriched, EnrichedArticle) else None


def gold_examples(gold: list[dict[str, Any]], source: str,
                  progress: Callable[[str], None] = print) -> tuple[list[Example], int]:
    """Examples from gold articles (``source`` names them), and the number of their gold events no
    rule found. An article's group is its story, shared across sources: a story told in tune and
    in fresh stays in one fold."""
    from streams.evaluate import match_events

    examples, missed, seen = [], 0, set()
    for n, obj in enumerate(gold, 1):
        collected = _collected(obj, seen)
        if collected is None:
            continue
        gold_events = obj.get("events") or []
        predicted = [_event_dict(e) for e, _ in collected]
        matched = {id(p) for _, p in match_events(gold_events, predicted)}
        missed += len(gold_events) - len(matched)
        group = "story:" + (obj.get("story") or f"{source}:{obj.get('id') or n}")
        examples += [Example(f, int(id(p) in matched), group, source) for (_, f), p in zip(collected, predicted)]
        if n % 10 == 0 or n == len(gold):
            progress(f"  {source}: {n}/{len(gold)} articles, {len(examples)} events")
    return examples, missed


def tune_examples(shared: Path, progress: Callable[[str], None] = print) -> tuple[list[Example], int]:
    """Examples from the tune half of ``shared/eval/dev`` (never check), and its gold events no rule found."""
    from streams.evalsplit import DEFAULT_SPLIT, load_split, select
    from streams.evaluate import load_gold

    tune = select(load_gold(shared / "eval" / "dev"), load_split(DEFAULT_SPLIT), "tune")
    return gold_examples(tune, "tune", progress)


def fresh_examples(folder: Path = FRESH_PATH, progress: Callable[[str], None] = print) -> tuple[list[Example], int]:
    """Examples from the studied fresh articles of ``eval/fresh``, and their gold events no rule found."""
    from streams.evaluate import load_gold

    return gold_examples(load_gold(folder), "fresh", progress)


def _pages_module():
    spec = importlib.util.spec_from_file_location("kabar_filter_pages", PAGES_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


#: pages of the labels file that are tune articles of shared/eval/dev: already examples of the tune half
TUNE_PAGE_PREFIX = "../eval/"
#: a hidden test set (its SOURCE.md keeps its labels out of shared/): never trained or measured on
HIDDEN_PAGE_PREFIX = "real-news-id-ms/"


def load_labels(path: Path) -> dict[tuple[str, str, str, int], dict[str, Any]]:
    """The labels of real-pages.jsonl by (page, sentence, type, occurrence), tune articles and the
    hidden test set left out."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("verdict") in VERDICT_LABELS and not row["page"].startswith((TUNE_PAGE_PREFIX, HIDDEN_PAGE_PREFIX)):
            key = (row["page"], (row.get("sentence") or "").strip(), row.get("type"), int(row.get("occurrence") or 1))
            labels[key] = row
    return labels


def page_examples(labels_path: Path, progress: Callable[[str], None] = print) -> list[Example]:
    """Examples from the labelled real pages (train and held splits; ``Example.split`` tells which)."""
    labels = load_labels(labels_path)
    pages = {key[0] for key in labels}
    articles = [a for a in _pages_module().kabar_input() if a["id"] in pages]
    examples, seen = [], set()
    for n, article in enumerate(articles, 1):
        collected = _collected({k: v for k, v in article.items() if k != "split"}, seen) or []
        occurrences: dict[tuple, int] = defaultdict(int)
        for event, features in collected:
            key = (article["id"], event.evidence.strip(), event.type)
            occurrences[key] += 1
            row = labels.get((*key, occurrences[key]))
            if row is not None:
                examples.append(Example(features, VERDICT_LABELS[row["verdict"]], "page:" + article["source"],
                                        "pages", article["split"]))
        if n % 20 == 0 or n == len(articles):
            progress(f"  pages: {n}/{len(articles)} labelled pages, {len(examples)} events joined to labels")
    return examples


def design(examples: list[Example], names: list[str] | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The feature matrix (columns: ``names``, by default every feature seen, sorted) and labels."""
    names = names if names is not None else sorted({k for e in examples for k in e.features})
    column = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for i, e in enumerate(examples):
        for k, v in e.features.items():
            if k in column:
                x[i, column[k]] = v
    return x, np.array([e.label for e in examples], dtype=float), names


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = NEWTON_STEPS) -> tuple[float, np.ndarray]:
    """Bias and weights of an L2-penalised logistic regression (the bias unpenalised), by Newton steps."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        gradient = xb.T @ (p - y) + penalty * w
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return float(w[0]), w[1:]


def folds_of(groups: list[str], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """Each group's fold: groups shuffled with ``seed`` and dealt, the largest first, to the
    fold with the fewest examples so far."""
    sizes: dict[str, int] = defaultdict(int)
    for g in groups:
        sizes[g] += 1
    names = sorted(sizes)
    random.Random(seed).shuffle(names)
    names.sort(key=lambda g: -sizes[g])
    load = [0] * folds
    fold = {}
    for g in names:
        fold[g] = min(range(folds), key=lambda f: (load[f], f))
        load[fold[g]] += sizes[g]
    return fold


def out_of_fold(examples: list[Example], l2: float = L2) -> np.ndarray:
    """Each example's probability from the model fit on the other folds."""
    x, y, _ = design(examples)
    fold = folds_of([e.group for e in examples])
    assignment = np.array([fold[e.group] for e in examples])
    probabilities = np.zeros(len(examples))
    for f in sorted(set(assignment)):
        held = assignment == f
        bias, w = fit(x[~held], y[~held], l2)
        probabilities[held] = 1.0 / (1.0 + np.exp(-(bias + x[held] @ w)))
    return probabilities


def scores_at(labels: np.ndarray, probabilities: np.ndarray, threshold: float, missed: int = 0) -> dict[str, float]:
    """Precision, recall and F1 of the events kept at ``threshold`` (``missed``: gold events no
    candidate stands for, counted against recall); ``kept_positives``: the share of positives kept."""
    kept = probabilities >= threshold
    tp = float(np.sum(kept & (labels == 1)))
    positives = float(np.sum(labels == 1))
    precision = tp / kept.sum() if kept.sum() else 1.0
    recall = tp / (positives + missed) if positives + missed else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "kept_positives": round(tp / positives, 4) if positives else 1.0,
            "dropped": int(len(labels) - kept.sum())}


def best_threshold(labels: np.ndarray, probabilities: np.ndarray, missed: int) -> float:
    """The threshold of ``THRESHOLDS`` with the best F1 (the lowest among ties: drop the least)."""
    return max(THRESHOLDS, key=lambda t: (scores_at(labels, probabilities, t, missed)["f1"], -t))


def auc(labels: np.ndarray, probabilities: np.ndarray) -> float:
    """The area under the ROC curve: the chance that a positive scores above a negative (ties half)."""
    positives, negatives = probabilities[labels == 1], probabilities[labels == 0]
    if not len(positives) or not len(negatives):
        return 0.5
    above = (positives[:, None] > negatives[None, :]).sum() + 0.5 * (positives[:, None] == negatives[None, :]).sum()
    return round(float(above) / (len(positives) * len(negatives)), 4)


def _scores_before_after(labels: np.ndarray, probabilities: np.ndarray, threshold: float,
                         missed: int) -> dict[str, Any]:
    return {"n": len(labels), "auc": auc(labels, probabilities),
            "base": scores_at(labels, np.ones(len(labels)), 0.0, missed),
            "filtered": scores_at(labels, probabilities, threshold, missed)}


def train(examples: list[Example], missed: dict[str, int], l2: float = L2) -> dict[str, Any]:
    """The model file's content: weights fit on the ``train`` examples, the threshold of their
    grouped cross-validation, and the numbers measured (cross-validated on train, per source and
    over the gold sources together, and on held). ``missed``: per source, the gold events no rule
    found, counted against recall."""
    training = [e for e in examples if e.split == "train"]
    held = [e for e in examples if e.split == "held"]
    probabilities = out_of_fold(training, l2)
    labels = np.array([e.label for e in training], dtype=float)
    sources = np.array([e.source for e in training])
    gold = np.isin(sources, sorted(missed))
    threshold = best_threshold(labels[gold], probabilities[gold], sum(missed.values()))
    x, y, names = design(training)
    bias, w = fit(x, y, l2)
    weights = {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) >= MIN_WEIGHT}
    measured: dict[str, Any] = {"threshold": threshold, "examples": len(training)}
    for source in sorted(set(sources)):
        mask = sources == source
        measured[f"cv_{source}"] = _scores_before_after(labels[mask], probabilities[mask], threshold,
                                                        missed.get(source, 0))
    if len(missed) > 1:
        measured["cv_gold"] = _scores_before_after(labels[gold], probabilities[gold], threshold, sum(missed.values()))
    if held:
        xh, yh, _ = design(held, names)
        ph = 1.0 / (1.0 + np.exp(-(bias + xh @ w)))
        measured["held_pages"] = _scores_before_after(yh, ph, threshold, 0)
    return {"bias": round(bias, 4), "threshold": threshold, "weights": weights, "measured": measured}


def fingerprint(data: dict[str, Any]) -> str:
    """A short digest of a model's weights and threshold (two trainings agree when theirs do)."""
    text = json.dumps({k: data[k] for k in ("bias", "threshold", "weights")}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
