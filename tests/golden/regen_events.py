"""Regenerate the expected enriched JSON of the event golden cases; review the diff before committing.

Each case is ``tests/golden/events/<name>.<lang>.input.json`` (an archive object) and its
expectation ``<name>.<lang>.expected.json``: what archive -> normalize -> enrich makes of
it (topics, countries and events with their evidence; the text is left out).

    .venv/bin/python tests/golden/regen_events.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from streams.ingest.archive import article_from_dict  # noqa: E402
from streams.nlp.enrich import enrich  # noqa: E402
from streams.nlp.normalize import normalize  # noqa: E402
from streams.records import Rejection  # noqa: E402

CASES = Path(__file__).resolve().parent / "events"
#: fields of the enriched article kept in the expectation
KEPT = ("language", "published_at", "topics", "countries", "events")


def expected(case: Path) -> dict:
    """What the enrich stage makes of one input file."""
    result = article_from_dict(json.loads(case.read_text(encoding="utf-8")))
    if not isinstance(result, Rejection):
        result = normalize(result)
    if not isinstance(result, Rejection):
        result = enrich(result)
    if isinstance(result, Rejection):
        return {"rejection": result.reason, "detail": result.detail}
    data = result.to_dict()
    return {k: data[k] for k in KEPT}


def expectation_path(case: Path) -> Path:
    return case.with_name(case.name.replace(".input.json", ".expected.json"))


def main() -> int:
    for case in sorted(CASES.glob("*.input.json")):
        out = expectation_path(case)
        out.write_text(json.dumps(expected(case), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(CASES.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
