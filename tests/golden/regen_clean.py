"""Regenerate the expected JSON of the cleaning golden cases; review the diff before committing.

Each case is ``tests/golden/clean/<name>.<lang>.txt`` (``none`` = language unknown) and its
expectation ``<name>.<lang>.json``: the cleaned text, what was removed and the sentences.

    .venv/bin/python tests/golden/regen_clean.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from streams.nlp.clean import clean_text  # noqa: E402
from streams.nlp.sentences import split_sentences  # noqa: E402

CASES = Path(__file__).resolve().parent / "clean"


def expected(case: Path) -> dict:
    """What cleaning makes of one input file."""
    lang = case.name.rsplit(".", 2)[1]
    lang = None if lang == "none" else lang
    result = clean_text(case.read_text(encoding="utf-8"), lang)
    return {
        "lang": lang,
        "text": result.text,
        "removed": [list(pair) for pair in result.removed],
        "sentences": [result.text[a:b] for a, b in split_sentences(result.text)],
    }


def main() -> int:
    for case in sorted(CASES.glob("*.txt")):
        out = case.with_suffix(".json")
        out.write_text(json.dumps(expected(case), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(CASES.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
