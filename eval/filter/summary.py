"""Counts and Kabar's precision on the hand labels in real-pages.jsonl.

Precision = candidates judged 'event' / all candidates (strict); 'lenient' also counts
'wrong-type' (a real event under the wrong type). Missed rows are counted separately.
Lead recall (rows marked ``lead``: the exhaustively labelled leads of lead-pages.txt, train, and
lead-pages-held.txt, held) = gold events found ('event') / all gold events of the leads (event +
wrong-type + missed), per split, overall and (on train only) per gold type; 'lenient' also counts
'wrong-type' as found.
On held, a blind gold row was folded into a labelled candidate only where both agree, so the recorded
verdicts understate recall there: ``rescore`` is the measure.

Usage: python eval/filter/summary.py [eval/filter/real-pages.jsonl]
       python eval/filter/summary.py rescore CANDIDATES [LABELS]

``rescore`` joins today's candidates (``pages.py candidates`` output) to the labels by (page,
sentence, type, occurrence) and prints, per split, fundus and Zyte pages only (Kabar is tuned on
the tune articles): candidates, those joined to a label, their verdicts, precision among joined
(event / joined), unlabelled new candidates, and labelled events no longer emitted; then the lead
recall of today's candidates: a lead's gold event is found when a candidate of its sentence has its
type, of the wrong type when candidates of its sentence have only other types.
"""

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = Path(__file__).with_name("real-pages.jsonl")


def source_of(row: dict) -> str:
    """'tune' for dev-set tune-half articles (Kabar is tuned on them), else the corpus folder."""
    return "tune" if row["page"].startswith("../eval/") else row["page"].split("/", 1)[0]


def precision_table(rows: list[dict], key) -> list[str]:
    groups: dict[str, Counter] = {}
    for row in rows:
        groups.setdefault(key(row), Counter())[row["verdict"]] += 1
    lines = []
    for name in sorted(groups):
        verdicts = groups[name]
        candidates = sum(n for verdict, n in verdicts.items() if verdict != "missed")
        if not candidates:
            continue
        strict = verdicts["event"] / candidates
        lenient = (verdicts["event"] + verdicts["wrong-type"]) / candidates
        lines.append(
            f"| {name} | {candidates} | {verdicts['event']} | {verdicts['wrong-type']} | "
            f"{verdicts['not-event']} | {verdicts['missed']} | {strict:.2f} | {lenient:.2f} |"
        )
    return lines


def is_lead_gold(row: dict) -> bool:
    """A gold event of an exhaustively labelled lead (found, of the wrong type, or missed)."""
    return bool(row.get("lead")) and row["verdict"] in ("event", "wrong-type", "missed")


def lead_recall(rows: list[dict]) -> dict[str, Counter]:
    """Verdicts of the leads' gold events per split, overall ('train') and per gold type ('train ACCUSE')."""
    groups: dict[str, Counter] = {}
    for row in filter(is_lead_gold, rows):
        for name in (row["split"], f"{row['split']} {row['gold_type']}"):
            groups.setdefault(name, Counter())[row["verdict"]] += 1
    return groups


def sentence_key(row: dict) -> tuple[str, str]:
    return row["page"], (row.get("sentence") or "").strip()


def lead_rescore(candidates: list[dict], labels: list[dict]) -> dict[str, Counter]:
    """``lead_recall``'s groups for today's candidates instead of the verdicts the labels recorded.
    Each candidate finds one gold event of its sentence and type (two ACCUSE told in one sentence need
    two candidates); a sentence's unfound gold events are 'wrong-type' when it has a candidate of a type
    that is none of its gold types, else 'missed'."""
    emitted: dict[tuple[str, str], Counter] = {}
    for row in candidates:
        emitted.setdefault(sentence_key(row), Counter())[row["type"]] += 1
    gold = list(filter(is_lead_gold, labels))
    gold_types: dict[tuple[str, str], set[str]] = {}
    for row in gold:
        gold_types.setdefault(sentence_key(row), set()).add(row["gold_type"])
    rescored = []
    for row in gold:
        left = emitted.get(sentence_key(row), Counter())
        if left[row["gold_type"]] > 0:
            left[row["gold_type"]] -= 1
            verdict = "event"
        else:
            verdict = "wrong-type" if set(left) - gold_types[sentence_key(row)] else "missed"
        rescored.append({**row, "verdict": verdict})
    return lead_recall(rescored)


#: the split whose rows are scored and never studied: its lead recall is printed as a total only
HELD = "held"


def lead_recall_lines(groups: dict[str, Counter]) -> list[str]:
    """The lead recall table: per split, and per gold type on the studied split only (held rows by type
    would show which kinds the held pages miss, which no one may study)."""
    lines = ["| lead | gold | event | wrong-type | missed | recall | lenient |", "|---|---|---|---|---|---|---|"]
    shown = [name for name in groups if not name.startswith(f"{HELD} ")]
    for name in sorted(shown, key=lambda name: (name.split()[0], " " in name, name)):
        n = groups[name]
        gold = n["event"] + n["wrong-type"] + n["missed"]
        lines.append(f"| {name} | {gold} | {n['event']} | {n['wrong-type']} | {n['missed']} | "
                     f"{n['event'] / gold:.2f} | {(n['event'] + n['wrong-type']) / gold:.2f} |")
    return lines


def label_key(row: dict) -> tuple[str, str, str, int]:
    """How a candidate and its label meet: page, sentence, type and the occurrence of those three."""
    return *sentence_key(row), row.get("type"), int(row.get("occurrence") or 1)


def rescore(candidates: list[dict], labels: list[dict]) -> dict[str, Counter]:
    """Per split: candidates, joined, their verdicts, new (unlabelled) and lost (labelled events not emitted)."""
    judged = {label_key(row): row for row in labels if row["verdict"] != "missed" and source_of(row) != "tune"}
    emitted = set()
    splits: dict[str, Counter] = {}
    for row in candidates:
        if source_of(row) == "tune":
            continue
        key = label_key(row)
        emitted.add(key)
        counts = splits.setdefault(row["split"], Counter())
        counts["candidates"] += 1
        label = judged.get(key)
        if label is None:
            counts["new"] += 1
        else:
            counts["joined"] += 1
            counts[label["verdict"]] += 1
    for key, label in judged.items():
        if label["verdict"] == "event" and key not in emitted:
            splits.setdefault(label["split"], Counter())["lost"] += 1
    return splits


def rescore_lines(splits: dict[str, Counter]) -> list[str]:
    lines = ["| split | candidates | joined | event | wrong-type | not-event | precision | new | lost |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name in sorted(splits):
        n = splits[name]
        precision = n["event"] / n["joined"] if n["joined"] else 0.0
        lines.append(f"| {name} | {n['candidates']} | {n['joined']} | {n['event']} | {n['wrong-type']} | "
                     f"{n['not-event']} | {precision:.3f} | {n['new']} | {n['lost']} |")
    return lines


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(path: Path) -> None:
    rows = read_rows(path)
    header = "| group | candidates | event | wrong-type | not-event | missed | precision | lenient |"
    rule = "|---|---|---|---|---|---|---|---|"
    print(header, rule, *precision_table(rows, lambda row: "all"), sep="\n")
    print(*precision_table(rows, lambda row: f"source {source_of(row)}"), sep="\n")
    print(*precision_table(rows, lambda row: f"lang {row['lang']}"), sep="\n")
    print(*precision_table(rows, lambda row: f"split {row['split']}"), sep="\n")
    print(*precision_table(rows, lambda row: f"{row['lang']} {row['split']}"), sep="\n")
    print(*precision_table(rows, lambda row: f"type {row['type']}"), sep="\n")
    kinds = Counter(row["kind"] for row in rows if row["verdict"] == "not-event")
    print("\nreject kinds:", ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    fixes = Counter(f"{row['type']}->{row['gold_type']}" for row in rows if row["verdict"] == "wrong-type")
    print("wrong-type:", ", ".join(f"{fix} {n}" for fix, n in fixes.most_common()))
    missed = Counter(row["gold_type"] for row in rows if row["verdict"] == "missed")
    print("missed:", ", ".join(f"{kind} {n}" for kind, n in missed.most_common()))
    print("", *lead_recall_lines(lead_recall(rows)), sep="\n")
    pages = {row["page"] for row in rows}
    publishers = {row["publisher"] for row in rows}
    print(f"pages {len(pages)}, publishers {len(publishers)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["rescore"] and len(sys.argv) in (3, 4):
        labels_path = Path(sys.argv[3]) if len(sys.argv) == 4 else LABELS
        candidates, labels = read_rows(Path(sys.argv[2])), read_rows(labels_path)
        print(*rescore_lines(rescore(candidates, labels)), "", *lead_recall_lines(lead_rescore(candidates, labels)), sep="\n")
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else LABELS)
