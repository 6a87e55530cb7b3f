"""``kabar eval``: score the pipeline's NLP on a folder of gold articles.

Every gold file (``shared/eval/README.md`` format) goes through exactly the
agents' code path, in publication order: ``archive.article_from_dict`` ->
``normalize`` -> ``enrich`` -> ``Clusterer.process`` (one clusterer over the
whole folder, a plain dict as its state). The scores follow the README:

- events match when type and country agree and dates are within one day;
  gold and predicted events are paired greedily, the most similar pairs
  first (exact date, mode, place, shared actors), so the attribute scores
  below measure the best reading of each event;
- place (case- and diacritic-insensitive), date (exact), count (each gold
  count reproduced exactly) accuracies and actor F1 over matched pairs;
- topic F1 micro-averaged over articles; duplicate F1 over (article, copied
  article) pairs; B-cubed F1 of story clusters; language accuracy.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from streams.nlp.fuzzy import fold
from streams.records import EnrichedArticle, Rejection
from streams.timeutil import parse_time

#: the most frequent (gold type, predicted type) confusions reported
CONFUSIONS_SHOWN = 12
EVENT_FIELDS = ("type", "mode", "actors", "targets", "country", "place", "date", "counts")


def load_gold(folder: str | Path) -> list[dict[str, Any]]:
    """Every gold article of ``folder`` (``*.json``), in publication order."""
    items = []
    for path in sorted(Path(folder).glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            obj = json.load(fh)
        if isinstance(obj, dict) and "text" in obj:
            items.append(obj)

    def order(obj: dict[str, Any]) -> tuple:
        published = parse_time(obj.get("published_at"))
        return published is None, published or 0, obj.get("id", "")

    return sorted(items, key=order)


def _clusterer():
    try:
        from streams.dedup.cluster import Clusterer
    except ImportError:
        return None
    return Clusterer({})


def _through_topic(spec, record):
    """The record as the next agent decodes it from its topic (JSON, schema-checked)."""
    from streams.codec import decode, encode

    return decode(spec, encode(record))


def predict(gold: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Run the articles through the agents' path; return predictions and seconds spent.

    As in the agents: records cross their topics through the codec, and an
    article whose cleaned text was already seen under another id skips the
    NLP as an exact copy and becomes a mention of the first (here: predicted
    a duplicate of that article, in its story, with its events).
    """
    from streams.ingest.archive import article_from_dict
    from streams.nlp.enrich import enrich
    from streams.nlp.normalize import normalize
    from streams.topics import ARTICLES_CLEAN, ARTICLES_ENRICHED

    clusterer = _clusterer()
    fingerprints: dict[str, dict[str, Any]] = {}
    predictions = []
    for obj in gold[:1]:  # warm-up: lexicons and gazetteers load once, outside the timing
        raw = article_from_dict(obj)
        clean = raw if isinstance(raw, Rejection) else normalize(raw)
        if not isinstance(clean, Rejection):
            enrich(clean)
    started = time.perf_counter()
    for obj in gold:
        pred: dict[str, Any] = {"id": obj.get("id"), "language": None, "topics": [], "events": [],
                                "duplicate_of": None, "story": None}
        raw = article_from_dict(obj)
        clean = raw if isinstance(raw, Rejection) else normalize(raw)
        if not isinstance(clean, Rejection):
            clean = _through_topic(ARTICLES_CLEAN, clean)
            pred["language"] = clean.language
            first = fingerprints.setdefault(clean.fingerprint, pred)
            if first is not pred:
                pred.update(duplicate_of=first["id"], story=first["story"], topics=first["topics"],
                            events=first["events"])  # same text, same reading
                predictions.append(pred)
                continue
        enriched = clean if isinstance(clean, Rejection) else enrich(clean)
        if isinstance(enriched, EnrichedArticle):
            enriched = _through_topic(ARTICLES_ENRICHED, enriched)
            pred["topics"] = list(enriched.topics)
            pred["events"] = [{**{k: getattr(e, k) for k in EVENT_FIELDS}, "evidence": e.evidence}
                              for e in enriched.events]
            result = clusterer.process(enriched) if clusterer is not None else None
            if result is not None and not isinstance(result, Rejection):
                pred["duplicate_of"] = result.duplicate_of
                pred["story"] = result.story
        else:
            pred["rejection"] = enriched.reason
        predictions.append(pred)
    return predictions, time.perf_counter() - started


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        from datetime import date
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _same_place(a: str | None, b: str | None) -> bool:
    return fold(a or "").strip() == fold(b or "").strip()


def _roles(e: dict[str, Any]) -> set[tuple[str, str]]:
    return {("a", a) for a in e.get("actors") or []} | {("t", t) for t in e.get("targets") or []}


def match_events(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy pairing: candidates agree on type and country with dates a day apart at most;
    the most similar candidate pairs are taken first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            apart = _days_apart(g.get("date"), p.get("date"))
            if g.get("type") != p.get("type") or g.get("country") != p.get("country") or apart is None or apart > 1:
                continue
            similarity = (
                (apart == 0) * 4 + (g.get("mode") == p.get("mode")) * 2
                + _same_place(g.get("place"), p.get("place")) * 2 + len(_roles(g) & _roles(p))
                + sum(p.get("counts", {}).get(k) == v for k, v in (g.get("counts") or {}).items())
            )
            candidates.append((-similarity, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def _unmatched(events: list[dict], pairs: list[tuple[dict, dict]], side: int) -> list[dict]:
    taken = {id(pair[side]) for pair in pairs}
    return [e for e in events if id(e) not in taken]


def _confusions(missed: list[dict], spurious: list[dict]) -> list[tuple[str, str]]:
    """(gold type, predicted type) for each missed gold event: the type of an unmatched
    prediction of the same country within a day ("-" when there is none), then
    ("-", type) for each prediction left over."""
    left = list(spurious)
    out = []
    for g in missed:
        near = next((p for p in left if p.get("country") == g.get("country")
                     and (_days_apart(g.get("date"), p.get("date")) or 0) <= 1), None)
        if near is not None:
            left.remove(near)
        out.append((g.get("type") or "?", near.get("type") if near else "-"))
    out.extend(("-", p.get("type") or "?") for p in left)
    return out


#: what an unmatched prediction gets wrong when it is paired with an unmatched gold event
#: that agrees on everything else; pairs are tried in this order
ERROR_KINDS = ("wrong_type", "wrong_country", "wrong_date")


def _agrees_but(kind: str, g: dict, p: dict) -> bool:
    apart = _days_apart(g.get("date"), p.get("date"))
    same = {
        "wrong_type": g.get("type") == p.get("type"),
        "wrong_country": g.get("country") == p.get("country"),
        "wrong_date": apart is not None and apart <= 1,
    }
    return all(ok for k, ok in same.items() if k != kind)


def _error_kinds(missed: list[dict], spurious: list[dict]) -> Counter:
    """Why unmatched events did not match: each unmatched prediction that agrees with an
    unmatched gold event on all but one of type, country and date is counted once under
    what it got wrong; the rest are false alarms (``spurious``) and misses (``missed``).
    Pairs are not tied to a sentence, so in an article whose events share a country and a
    day the ``wrong_type`` count is an upper bound."""
    missed, spurious = list(missed), list(spurious)
    kinds: Counter = Counter()
    for kind in ERROR_KINDS:
        for p in list(spurious):
            g = next((g for g in missed if _agrees_but(kind, g, p)), None)
            if g is not None:
                missed.remove(g)
                spurious.remove(p)
                kinds[kind] += 1
    kinds["spurious"] += len(spurious)
    kinds["missed"] += len(missed)
    return kinds


#: the fields of a matched event whose differences from gold ``failures`` lists
DIFFERENCE_FIELDS = ("actors", "targets", "date")


def _differences(pairs: list[tuple[dict, dict]]) -> list[dict[str, Any]]:
    """One row per matched pair whose actors, targets (as sets) or date differ from gold: the
    type, each field as {"gold", "predicted"}, the fields that differ and the prediction's sentence."""
    rows = []
    for ge, pe in pairs:
        fields = {k: {"gold": ge.get(k), "predicted": pe.get(k)} for k in DIFFERENCE_FIELDS}
        differ = [k for k, v in fields.items()
                  if (set(v["gold"] or []) != set(v["predicted"] or []) if k != "date" else v["gold"] != v["predicted"])]
        if differ:
            rows.append({"type": ge.get("type"), **fields, "differ": differ, "evidence": pe.get("evidence")})
    return rows


def failures(gold: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per article, the gold events no prediction matched, the predictions no gold event matched
    (with the sentence each came from) and the matched events whose actors, targets or date differ
    from gold (``_differences``): what to study on the *tune* half."""
    out = []
    for g, p in zip(gold, predictions):
        gold_events, pred_events = g.get("events") or [], p.get("events") or []
        pairs = match_events(gold_events, pred_events)
        missed, spurious = _unmatched(gold_events, pairs, 0), _unmatched(pred_events, pairs, 1)
        differ = _differences(pairs)
        if missed or spurious or differ:
            out.append({"id": g.get("id"), "language": g.get("language"), "missed": missed, "spurious": spurious,
                        "differ": differ})
    return out


def _bcubed(gold_labels: dict[str, str], pred_labels: dict[str, str]) -> float | None:
    ids = [i for i in gold_labels if pred_labels.get(i) is not None]
    if not ids:
        return None
    g_groups, p_groups = defaultdict(set), defaultdict(set)
    for i in ids:
        g_groups[gold_labels[i]].add(i)
        p_groups[pred_labels[i]].add(i)
    precision = recall = 0.0
    for i in ids:
        g, p = g_groups[gold_labels[i]], p_groups[pred_labels[i]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(ids), recall / len(ids)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The README's scores of ``predictions`` (same order as ``gold``)."""
    tp = n_pred = n_gold = 0
    place_ok = date_ok = 0
    counts_total = counts_ok = 0
    actor_tp = actor_pred = actor_gold = 0
    topic_tp = topic_pred = topic_gold = 0
    language_ok = 0
    #: articles with no gold event, those left without a predicted one, events predicted on them
    free = free_clean = free_spurious = 0
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    per_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    confusions: Counter = Counter()
    error_kinds: Counter = Counter()
    dup_gold, dup_pred = set(), set()
    for g, p in zip(gold, predictions):
        pairs = match_events(g.get("events") or [], p.get("events") or [])
        tp += len(pairs)
        n_pred += len(p.get("events") or [])
        n_gold += len(g.get("events") or [])
        if not g.get("events"):
            free += 1
            free_clean += not p.get("events")
            free_spurious += len(p.get("events") or [])
        stats = per_lang[g.get("language") or "?"]
        stats[0] += len(pairs)
        stats[1] += len(p.get("events") or [])
        stats[2] += len(g.get("events") or [])
        stats[3] += 1
        for ge, _ in pairs:
            per_type[ge["type"]][0] += 1
        for e in p.get("events") or []:
            per_type[e.get("type") or "?"][1] += 1
        for e in g.get("events") or []:
            per_type[e.get("type") or "?"][2] += 1
        missed, spurious = _unmatched(g.get("events") or [], pairs, 0), _unmatched(p.get("events") or [], pairs, 1)
        confusions.update(_confusions(missed, spurious))
        error_kinds.update(_error_kinds(missed, spurious))
        for ge, pe in pairs:
            place_ok += _same_place(ge.get("place"), pe.get("place"))
            date_ok += ge.get("date") == pe.get("date")
            for k, v in (ge.get("counts") or {}).items():
                counts_total += 1
                counts_ok += (pe.get("counts") or {}).get(k) == v
            gr, pr = _roles(ge), _roles(pe)
            actor_tp += len(gr & pr)
            actor_pred += len(pr)
            actor_gold += len(gr)
        gt, pt = set(g.get("topics") or []), set(p.get("topics") or [])
        topic_tp += len(gt & pt)
        topic_pred += len(pt)
        topic_gold += len(gt)
        language_ok += g.get("language") == p.get("language")
        if g.get("duplicate_of"):
            dup_gold.add((g.get("id"), g["duplicate_of"]))
        if p.get("duplicate_of"):
            dup_pred.add((p.get("id"), p["duplicate_of"]))
    precision, recall, f1 = _f1(tp, n_pred, n_gold)
    have_dedup = any(p.get("story") is not None for p in predictions)
    result = {
        "event_f1": round(f1, 4),
        "event_precision": round(precision, 4),
        "event_recall": round(recall, 4),
        "place_accuracy": round(place_ok / tp, 4) if tp else None,
        "date_accuracy": round(date_ok / tp, 4) if tp else None,
        "count_accuracy": round(counts_ok / counts_total, 4) if counts_total else None,
        "actor_f1": round(_f1(actor_tp, actor_pred, actor_gold)[2], 4),
        "topic_f1": round(_f1(topic_tp, topic_pred, topic_gold)[2], 4),
        "duplicate_f1": round(_f1(len(dup_gold & dup_pred), len(dup_pred), len(dup_gold))[2], 4) if have_dedup else None,
        "story_bcubed_f1": None,
        "language_accuracy": round(language_ok / len(gold), 4) if gold else None,
        # precision on event-free text is a target of its own: sports, markets, reviews
        "event_free_clean": round(free_clean / free, 4) if free else None,
        "event_free_spurious": free_spurious,
        "per_language": {
            lang: {**dict(zip(("event_precision", "event_recall", "event_f1"), (round(v, 4) for v in _f1(*s[:3])))),
                   "articles": s[3]}
            for lang, s in sorted(per_lang.items())
        },
        "per_type": {
            t: dict(zip(("precision", "recall", "f1"), (round(v, 4) for v in _f1(*s))), predicted=s[1], gold=s[2])
            for t, s in sorted(per_type.items())
        },
        "error_kinds": {k: error_kinds[k] for k in (*ERROR_KINDS, "spurious", "missed")},
        "confusions": [{"gold": g, "predicted": p, "n": n} for (g, p), n in confusions.most_common(CONFUSIONS_SHOWN)],
        "articles": len(gold),
    }
    if have_dedup:
        bc = _bcubed({g["id"]: g.get("story") for g in gold if g.get("story")},
                     {p["id"]: p.get("story") for p in predictions})
        result["story_bcubed_f1"] = round(bc, 4) if bc is not None else None
    return result


def evaluate(folder: str | Path, predictions_path: str | Path | None = None, half: str | None = None,
             split_path: str | Path | None = None, failures_path: str | Path | None = None) -> dict[str, Any]:
    """Run and score every gold article of ``folder`` (or of one ``half`` of its committed
    split); optionally write the predictions, and the failures, as JSON lines."""
    gold = load_gold(folder)
    if half:
        from streams.evalsplit import DEFAULT_SPLIT, load_split, select

        gold = select(gold, load_split(split_path or DEFAULT_SPLIT), half)
    predictions, seconds = predict(gold)
    result = score(gold, predictions)
    if half:
        result["half"] = half
    result["articles_per_s"] = round(len(gold) / seconds, 1) if seconds > 0 else None
    for path, rows in ((predictions_path, predictions), (failures_path, failures(gold, predictions) if failures_path else [])):
        if path:
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return result


def format_table(result: dict[str, Any]) -> str:
    """The scores as a readable table: totals, then per language, per type and the confusions."""
    nested = ("per_language", "per_type", "error_kinds", "confusions")
    lines = []
    for key, value in result.items():
        if key in nested:
            continue
        shown = "n/a" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))
        lines.append(f"{key:<20} {shown}")
    lines.append(f"\n{'language':<10} {'P':>6} {'R':>6} {'F1':>6}  articles")
    for lang, s in result.get("per_language", {}).items():
        lines.append(f"{lang:<10} {s['event_precision']:6.3f} {s['event_recall']:6.3f} {s['event_f1']:6.3f}  {s['articles']}")
    lines.append(f"\n{'type':<10} {'P':>6} {'R':>6} {'F1':>6}  predicted/gold")
    for t, s in result.get("per_type", {}).items():
        lines.append(f"{t:<10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}  {s['predicted']}/{s['gold']}")
    if result.get("error_kinds"):
        lines.append("\nunmatched events by what went wrong (a pair right but for one field counts once)")
        lines.extend(f"  {k:<14} {n}" for k, n in result["error_kinds"].items())
    if result.get("confusions"):
        lines.append("\nmost frequent errors (gold -> predicted; '-' = none)")
        lines.extend(f"  {c['gold']:<9} -> {c['predicted']:<9} {c['n']}" for c in result["confusions"])
    return "\n".join(lines)
