"""The NLP quality gate: `kabar eval` on the gold sets stays above pinned floors.

The floors sit a little under the scores measured when they were last raised (see the README's
figures), so a change that loses events, places, dates, counts or actors fails here. The sets:

- the *tune* and *check* halves of ``../shared/eval/dev`` (skip, with their reason, when
  ``../shared`` is not beside the checkout). *check* is never studied;
- ``eval/holdout`` of this repository, written and labelled before any run and never studied: its
  floors say what holds on articles nobody tuned for, on any clone;
- ``eval/fresh`` of this repository, written and labelled before any run, then studied like *tune*.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from streams.evaluate import evaluate
from tests.shared import DEV, needs_shared

REPO_EVAL = Path(__file__).resolve().parents[2] / "eval"

#: measure -> floor, per set (measured in session 28: tune 0.847 / 0.855 / 0.939 / 0.843 / 0.654 / 0.918;
#: check 0.618 / 0.744 / 0.888 / 0.746 / 0.540 / 0.851; holdout 0.813 / 0.754 / 0.939 / 0.944 / 0.620 / 0.846;
#: fresh 0.822 / 0.732 / 0.878 / 0.861 / 0.619 / 0.811)
FLOORS = {
    "tune": {"event_f1": 0.82, "place_accuracy": 0.83, "date_accuracy": 0.91, "count_accuracy": 0.81,
             "actor_f1": 0.63, "topic_f1": 0.89, "language_accuracy": 1.0},
    "check": {"event_f1": 0.59, "place_accuracy": 0.71, "date_accuracy": 0.86, "count_accuracy": 0.71,
              "actor_f1": 0.51, "topic_f1": 0.82, "language_accuracy": 1.0},
    "holdout": {"event_f1": 0.78, "place_accuracy": 0.72, "date_accuracy": 0.90, "count_accuracy": 0.90,
                "actor_f1": 0.59, "topic_f1": 0.81, "language_accuracy": 1.0},
    "fresh": {"event_f1": 0.79, "place_accuracy": 0.70, "date_accuracy": 0.85, "count_accuracy": 0.83,
              "actor_f1": 0.59, "topic_f1": 0.78, "language_accuracy": 1.0},
}
#: every language of a set keeps at least this event F1 (measured lowest in session 28: tune es 0.800,
#: check es 0.348, holdout es 0.769, fresh fr 0.790)
LANGUAGE_FLOOR = {"tune": 0.77, "check": 0.32, "holdout": 0.74, "fresh": 0.76}
#: the sets that read ``../shared``
DEV_HALVES = {"tune", "check"}


@lru_cache(maxsize=None)
def scores(name: str) -> dict:
    return evaluate(DEV, half=name) if name in DEV_HALVES else evaluate(REPO_EVAL / name)


SETS = [pytest.param(name, marks=needs_shared) if name in DEV_HALVES else name for name in sorted(FLOORS)]


@pytest.mark.parametrize("name", SETS)
def test_each_measure_stays_above_its_floor(name):
    got = scores(name)
    low = {k: (got[k], floor) for k, floor in FLOORS[name].items() if got[k] is None or got[k] < floor}
    assert not low, f"{name}: below the floor (score, floor): {low}"


@pytest.mark.parametrize("name", SETS)
def test_no_language_falls_behind(name):
    per_language = scores(name)["per_language"]
    assert set(per_language) == {"en", "es", "fr", "id", "ms"}
    low = {lang: s["event_f1"] for lang, s in per_language.items() if s["event_f1"] < LANGUAGE_FLOOR[name]}
    assert not low, f"{name}: languages below {LANGUAGE_FLOOR[name]} event F1: {low}"
