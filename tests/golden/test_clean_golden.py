"""Cleaning golden cases: each ``clean/<name>.<lang>.txt`` against its reviewed ``.json``.

After a deliberate change, run ``tests/golden/regen_clean.py`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.regen_clean import expected

CASES = sorted((Path(__file__).resolve().parent / "clean").glob("*.txt"))


def test_there_are_golden_cases_for_every_language():
    assert {c.name.rsplit(".", 2)[1] for c in CASES} >= {"en", "id", "ms", "es", "fr", "none"}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_cleaning_matches_the_reviewed_expectation(case):
    want = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    assert expected(case) == want
