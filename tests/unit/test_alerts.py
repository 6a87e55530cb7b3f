from __future__ import annotations

from streams.desk.alerts import evaluate
from streams.records import Event


def _event(**kw) -> Event:
    base = dict(id="ev1", type="PROTEST", country="KZ", date="2022-01-06", mode="riot", place="Almaty",
                sources=["a.org"], languages=["id"])
    return Event(**{**base, **kw})


def test_a_riot_fires_the_riot_rule_once():
    first = evaluate(_event(), set(), at="2022-01-07T05:00:00Z")
    assert [a.rule for a in first] == ["riot"]
    assert first[0].message == "riot in Almaty, KZ on 2022-01-06" and first[0].event_id == "ev1"
    assert evaluate(_event(), {"riot"}, at="x") == []


def test_growing_coverage_fires_new_rules_with_stable_ids():
    ev = _event(type="ASSAULT", mode="firearms", counts={"killed": 18}, sources=["a.org", "b.org", "c.org"],
                languages=["id", "en"])
    rules = {a.rule: a for a in evaluate(ev, set(), at="t")}
    assert set(rules) == {"mass-casualty", "deadly-violence", "spreading-story", "cross-lingual"}
    assert "18 killed" in rules["mass-casualty"].message
    again = {a.rule: a.id for a in evaluate(ev, set(), at="t2")}
    assert again == {r: a.id for r, a in rules.items()}


def test_a_quiet_event_fires_nothing():
    assert evaluate(_event(type="CONSULT", mode=None), set(), at="t") == []
