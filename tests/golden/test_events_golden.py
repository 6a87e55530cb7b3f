"""Event golden cases: each ``events/<name>.<lang>.input.json`` against its reviewed ``.expected.json``.

After a deliberate change to extraction (or to the finders it uses), run
``tests/golden/regen_events.py`` and review the diff.
"""

from __future__ import annotations

import json

import pytest

from tests.golden.regen_events import CASES, expectation_path, expected

INPUTS = sorted(CASES.glob("*.input.json"))


def test_there_are_golden_cases_in_four_languages():
    assert {c.name.split(".")[1] for c in INPUTS} >= {"en", "id", "es", "fr"}


@pytest.mark.parametrize("case", INPUTS, ids=[c.name.split(".input")[0] for c in INPUTS])
def test_enrich_matches_the_reviewed_expectation(case):
    want = json.loads(expectation_path(case).read_text(encoding="utf-8"))
    assert expected(case) == want
