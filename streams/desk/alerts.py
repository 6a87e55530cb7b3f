"""Alert rules: which rules an event satisfies. Pure; the rules are data (``data/common/alerts.json``)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson

from streams.records import Alert, Event

COUNT_KINDS = ("killed", "injured", "arrested", "displaced", "personnel")


@lru_cache(maxsize=1)
def default_rules() -> tuple[dict[str, Any], ...]:
    data = orjson.loads(resources.files("streams.data").joinpath("common/alerts.json").read_bytes())
    return tuple(data["rules"])


def matches(event: Event, when: dict[str, Any]) -> bool:
    if "types" in when and event.type not in when["types"]:
        return False
    if "modes" in when and event.mode not in when["modes"]:
        return False
    if "countries" in when and event.country not in when["countries"]:
        return False
    for kind, least in when.get("count_at_least", {}).items():
        if event.counts.get(kind, 0) < least:
            return False
    if len(event.sources) < when.get("sources_at_least", 0):
        return False
    return len(event.languages) >= when.get("languages_at_least", 0)


def describe(event: Event, template: str) -> str:
    where = ", ".join(p for p in (event.place, event.country) if p) or "unknown place"
    values = {k: event.counts.get(k, 0) for k in COUNT_KINDS}
    return template.format(type=event.type, mode=event.mode or "", where=where, date=event.date or "undated",
                           sources=len(event.sources), **values)


def evaluate(event: Event, already_fired: set[str], at: str, rules=None) -> list[Alert]:
    """Alerts for the rules ``event`` satisfies now and has not fired before."""
    alerts = []
    for rule in rules or default_rules():
        if rule["name"] in already_fired or not matches(event, rule.get("when", {})):
            continue
        digest = hashlib.sha256(f"{event.id}:{rule['name']}".encode()).hexdigest()[:16]
        alerts.append(Alert(id=digest, rule=rule["name"], severity=rule.get("severity", "medium"),
                            message=describe(event, rule.get("message", "{type} in {where}")),
                            event_id=event.id, at=at, event=event))
    return alerts
