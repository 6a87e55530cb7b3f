"""Alert rules: read and checked from a file, and which rules an event satisfies. Pure.

The rules are data: ``data/common/alerts.json`` by default, or the file ``KABAR_ALERT_RULES``
names, in the same format (that file's ``_doc`` describes it). ``load_rules`` checks the whole
file before anything runs: an unknown key, a type or mode outside the PLOVER taxonomy, a message
naming a value that does not exist, or a webhook that is not an http(s) URL is a ``RulesError``
naming the rule and the field, instead of a rule that silently never fires or an alert that
fails on the first event.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson

from streams.records import Alert, Event

COUNT_KINDS = ("killed", "injured", "arrested", "displaced", "personnel")
SEVERITIES = ("critical", "high", "medium", "low")
#: payload formats of a delivery: Kabar's signed JSON (the ``events.alerts`` record) or a Slack incoming webhook's
FORMATS = ("json", "slack")
#: tries of one delivery unless a rule's ``attempts`` says otherwise
ATTEMPTS = 5
MAX_ATTEMPTS = 10
_LISTS = ("types", "modes", "countries")
_AT_LEAST = ("sources_at_least", "languages_at_least")
_MESSAGE_VALUES = {"type": "", "mode": "", "where": "", "date": "", "sources": 0, **{k: 0 for k in COUNT_KINDS}}


class RulesError(ValueError):
    """A rules file Kabar cannot run with; the message names the rule and the field."""


@dataclass(frozen=True)
class When:
    """Conditions that must all hold; an unset one always does."""

    types: frozenset[str] | None = None
    modes: frozenset[str] | None = None
    countries: frozenset[str] | None = None
    count_at_least: dict[str, int] = field(default_factory=dict)
    sources_at_least: int = 0
    languages_at_least: int = 0


@dataclass(frozen=True)
class Target:
    """Where a rule's alerts go: a webhook, the payload format, the variable holding its signing secret."""

    webhook: str
    format: str = "json"
    secret_env: str | None = None
    attempts: int = ATTEMPTS


@dataclass(frozen=True)
class Rule:
    name: str
    severity: str = "medium"
    when: When = When()
    message: str = "{type} in {where}"
    deliver: tuple[Target, ...] = ()


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return rules_from_bytes(resources.files("streams.data").joinpath("common/alerts.json").read_bytes(),
                            "built-in alert rules")


def load_rules(path: str | Path) -> tuple[Rule, ...]:
    """The rules of the file at ``path``; RulesError (naming the file) when it cannot be read or is not valid."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RulesError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return rules_from_bytes(data, str(path))


def rules_from_bytes(data: bytes, source: str) -> tuple[Rule, ...]:
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise RulesError(f"{source}: not JSON ({exc})") from None
    try:
        return rules_from_dict(obj)
    except RulesError as exc:
        raise RulesError(f"{source}: {exc}") from None


def rules_from_dict(obj: Any) -> tuple[Rule, ...]:
    if not isinstance(obj, dict) or not isinstance(obj.get("rules"), list):
        raise RulesError('expected an object {"rules": [...]}')
    _no_unknown(obj, {"rules"}, "the file", allow_comments=True)
    rules = tuple(_rule(item, i) for i, item in enumerate(obj["rules"], 1))
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise RulesError(f"rule {rule.name!r}: the name is used twice (alerts are told apart by rule name)")
        seen.add(rule.name)
    return rules


def _rule(obj: Any, number: int) -> Rule:
    where = f"rule #{number}"
    if not isinstance(obj, dict):
        raise RulesError(f"{where}: expected an object, got {obj!r}")
    name = obj.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9._-]+", name):
        raise RulesError(f"{where}, field name: expected letters, digits, '.', '_' or '-', got {name!r}")
    where = f"rule {name!r}"
    _no_unknown(obj, {"name", "severity", "when", "message", "deliver"}, where)
    severity = obj.get("severity", "medium")
    if severity not in SEVERITIES:
        raise RulesError(f"{where}, field severity: expected one of {', '.join(SEVERITIES)}, got {severity!r}")
    message = obj.get("message", Rule.message)
    if not isinstance(message, str):
        raise RulesError(f"{where}, field message: expected a string, got {message!r}")
    try:
        message.format(**_MESSAGE_VALUES)
    except (KeyError, IndexError, ValueError) as exc:
        raise RulesError(f"{where}, field message: {exc!r} is not a value it can use; it may use "
                         + " ".join(f"{{{k}}}" for k in _MESSAGE_VALUES)) from None
    deliver = obj.get("deliver", [])
    if not isinstance(deliver, list):
        raise RulesError(f"{where}, field deliver: expected a list of targets, got {deliver!r}")
    return Rule(name, severity, _when(obj.get("when", {}), where), message,
                tuple(_target(t, f"{where}, field deliver[{i}]") for i, t in enumerate(deliver)))


def _when(obj: Any, where: str) -> When:
    if not isinstance(obj, dict):
        raise RulesError(f"{where}, field when: expected an object, got {obj!r}")
    _no_unknown(obj, {*_LISTS, "count_at_least", *_AT_LEAST}, f"{where}, field when")
    taxonomy = _taxonomy()
    accepted = {"types": taxonomy["types"], "modes": taxonomy["modes"], "countries": None}
    values: dict[str, Any] = {}
    for key in _LISTS:
        if key not in obj:
            continue
        items = obj[key]
        if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
            raise RulesError(f"{where}, field when.{key}: expected a non-empty list of strings, got {items!r}")
        for v in items:
            known = accepted[key]
            if known is not None and v not in known:
                raise RulesError(f"{where}, field when.{key}: {v!r} is not one of {', '.join(sorted(known))}")
            if key == "countries" and not re.fullmatch(r"[A-Z]{2}", v):
                raise RulesError(f"{where}, field when.countries: {v!r} is not an ISO 3166 alpha-2 code such as KE")
        values[key] = frozenset(items)
    counts = obj.get("count_at_least", {})
    if not isinstance(counts, dict):
        raise RulesError(f"{where}, field when.count_at_least: expected an object {{kind: n}}, got {counts!r}")
    for kind, least in counts.items():
        if kind not in COUNT_KINDS:
            raise RulesError(f"{where}, field when.count_at_least: {kind!r} is not one of {', '.join(COUNT_KINDS)}")
        _whole(least, f"{where}, field when.count_at_least.{kind}", 1)
    values["count_at_least"] = dict(counts)
    for key in _AT_LEAST:
        if key in obj:
            values[key] = _whole(obj[key], f"{where}, field when.{key}", 1)
    return When(**values)


def _target(obj: Any, where: str) -> Target:
    if not isinstance(obj, dict):
        raise RulesError(f"{where}: expected an object {{webhook, format, secret_env}}, got {obj!r}")
    _no_unknown(obj, {"webhook", "format", "secret_env", "attempts"}, where)
    url = obj.get("webhook")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise RulesError(f"{where}.webhook: expected an http:// or https:// URL, got {url!r}")
    fmt = obj.get("format", "json")
    if fmt not in FORMATS:
        raise RulesError(f"{where}.format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    secret_env = obj.get("secret_env")
    if secret_env is None and fmt == "json":
        raise RulesError(f"{where}.secret_env: a json webhook is signed; name the environment variable "
                         "that holds its secret")
    if secret_env is not None and (not isinstance(secret_env, str)
                                   or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", secret_env)):
        raise RulesError(f"{where}.secret_env: expected an environment variable name, got {secret_env!r}")
    attempts = _whole(obj.get("attempts", ATTEMPTS), f"{where}.attempts", 1, MAX_ATTEMPTS)
    return Target(url, fmt, secret_env, attempts)


def _whole(value: Any, where: str, least: int, most: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < least or (most is not None and value > most):
        bound = f"from {least} to {most}" if most is not None else f"of at least {least}"
        raise RulesError(f"{where}: expected a whole number {bound}, got {value!r}")
    return value


def _no_unknown(obj: dict, known: set[str], where: str, allow_comments: bool = False) -> None:
    unknown = sorted(k for k in obj if k not in known and not (allow_comments and k.startswith("_")))
    if unknown:
        raise RulesError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})")


@lru_cache(maxsize=1)
def _taxonomy() -> dict[str, frozenset[str]]:
    """The PLOVER types and modes events can carry (``data/common/plover.json``)."""
    types = orjson.loads(resources.files("streams.data").joinpath("common/plover.json").read_bytes())["types"]
    return {"types": frozenset(types), "modes": frozenset(m for spec in types.values() for m in spec.get("modes", []))}


def matches(event: Event, when: When) -> bool:
    if when.types is not None and event.type not in when.types:
        return False
    if when.modes is not None and event.mode not in when.modes:
        return False
    if when.countries is not None and event.country not in when.countries:
        return False
    for kind, least in when.count_at_least.items():
        if event.counts.get(kind, 0) < least:
            return False
    if len(event.sources) < when.sources_at_least:
        return False
    return len(event.languages) >= when.languages_at_least


def describe(event: Event, template: str) -> str:
    where = ", ".join(p for p in (event.place, event.country) if p) or "unknown place"
    values = {k: event.counts.get(k, 0) for k in COUNT_KINDS}
    return template.format(type=event.type, mode=event.mode or "", where=where, date=event.date or "undated",
                           sources=len(event.sources), **values)


def evaluate(event: Event, already_fired: set[str], at: str, rules: Sequence[Rule] | None = None) -> list[Alert]:
    """Alerts for the rules ``event`` satisfies now and has not fired before."""
    alerts = []
    for rule in default_rules() if rules is None else rules:
        if rule.name in already_fired or not matches(event, rule.when):
            continue
        digest = hashlib.sha256(f"{event.id}:{rule.name}".encode()).hexdigest()[:16]
        alerts.append(Alert(id=digest, rule=rule.name, severity=rule.severity,
                            message=describe(event, rule.message), event_id=event.id, at=at, event=event))
    return alerts
