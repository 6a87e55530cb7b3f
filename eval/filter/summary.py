"""Counts and Kabar's precision on the hand labels in real-pages.jsonl.

Precision = candidates judged 'event' / all candidates (strict); 'lenient' also counts
'wrong-type' (a real event under the wrong type). Missed rows are counted separately.

Usage: python eval/filter/summary.py [eval/filter/real-pages.jsonl]
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


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
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
    pages = {row["page"] for row in rows}
    publishers = {row["publisher"] for row in rows}
    print(f"pages {len(pages)}, publishers {len(publishers)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else LABELS)
