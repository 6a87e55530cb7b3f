"""Alerts delivered to webhooks: the payloads, their signature, and tries with backoff.

Two payload formats (a rule's ``deliver`` target picks one, ``desk.alerts.Target``):

- ``json``: the alert as it is on ``events.alerts`` (the event inside, ``schemas/events.alerts.json``);
- ``slack``: ``{"text", "blocks"}``, what a Slack incoming webhook (and Mattermost, Rocket.Chat...) posts.

Every POST carries ``X-Kabar-Event`` (event id) and ``X-Kabar-Rule``, and, when the target names a
secret, ``X-Kabar-Signature: sha256=<hex HMAC-SHA256 of the body>``: a receiver recomputes it over
the raw body with the shared secret and compares in constant time. The same alert (event and rule)
may arrive twice (delivery is at least once); its ``id`` is the same each time.

A 2xx answer delivers. A 5xx, 408 or 429 answer, a timeout or a connection error is tried again
after an exponentially growing pause with jitter, up to the target's ``attempts``; any other 4xx
is not (the same request would be refused again). What is not delivered comes back as an
``Outcome`` with the error, which the caller turns into a dead letter. Dead letters and logs name
the webhook's host only: a Slack webhook's path is its secret.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import orjson

from streams.agents.handling import dead_letter_of
from streams.codec import DecodeError, decode, encode
from streams.desk.alerts import Rule, RulesError, Target
from streams.reasons import Reason
from streams.records import Alert, DeadLetter
from streams.topics import ALERTS

#: seconds one POST may take, connecting included
TIMEOUT = 10.0
#: pause before the second try; it doubles each try up to BACKOFF_MAX, and jitter takes up to half of it off
BACKOFF_BASE = 1.0
BACKOFF_MAX = 60.0
RETRIED_STATUSES = frozenset({408, 429})
SIGNATURE_HEADER = "X-Kabar-Signature"
Sleep = Callable[[float], Awaitable[object]]


@dataclass(frozen=True)
class Outcome:
    """One alert's delivery to one target: how many tries, and the last error (None: delivered)."""

    target: Target
    tries: int
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.error is None

    def describe(self) -> str:
        """One line for a dead letter or a log: what failed, where (host only), after how many tries."""
        where = f"{host_of(self.target.webhook)} ({self.target.format})"
        if self.delivered:
            return f"delivered to {where} on try {self.tries}"
        return f"{where}: {self.error} after {self.tries} {'try' if self.tries == 1 else 'tries'}"


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def secrets_for(rules: Sequence[Rule], env: Mapping[str, str]) -> dict[str, bytes]:
    """The signing secret of each ``secret_env`` the rules name; RulesError naming the rule when one is unset."""
    secrets = {}
    for rule in rules:
        for target in rule.deliver:
            name = target.secret_env
            if name is None:
                continue
            if not env.get(name):
                raise RulesError(f"rule {rule.name!r} signs its deliveries to {host_of(target.webhook)} with the "
                                 f"secret in ${name}, which is unset: export it")
            secrets[name] = env[name].encode("utf-8")
    return secrets


def _without_path(text: str, url: str) -> str:
    """``text`` without the webhook's path (the secret of a Slack webhook), should an error quote it."""
    path = urlsplit(url).path
    return text.replace(path, "/...") if len(path) > 1 else text


def signature(body: bytes, secret: bytes) -> str:
    """The ``X-Kabar-Signature`` of ``body``."""
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def payload(alert: Alert, fmt: str) -> bytes:
    return slack_payload(alert) if fmt == "slack" else encode(alert)


def slack_payload(alert: Alert) -> bytes:
    """A Slack incoming-webhook message: ``text`` (the notification's line) and Block Kit ``blocks``."""
    line = f"[{alert.severity.upper()}] {alert.message}"
    facts = [f"rule `{_escaped(alert.rule)}`", f"event `{_escaped(alert.event_id)}`"]
    ev = alert.event
    if ev is not None:
        facts.append(f"{len(ev.sources)} source{'' if len(ev.sources) == 1 else 's'}")
        if ev.languages:
            facts.append("languages " + ", ".join(ev.languages))
    facts.append(_escaped(alert.at))
    return orjson.dumps({
        "text": line,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn",
                                         "text": f"*{alert.severity.upper()}* {_escaped(alert.message)}"}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(facts)}]},
        ],
    })


def _escaped(text: str) -> str:
    """Slack's mrkdwn: ``&``, ``<`` and ``>`` are control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def headers_of(alert: Alert, body: bytes, secret: bytes | None) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "User-Agent": "kabar-alerts",
               "X-Kabar-Event": alert.event_id, "X-Kabar-Rule": alert.rule}
    if secret is not None:
        headers[SIGNATURE_HEADER] = signature(body, secret)
    return headers


def backoff(tries_done: int, jitter: float) -> float:
    """Seconds to wait after ``tries_done`` failed tries; ``jitter`` in [0, 1) takes up to half off."""
    pause = min(BACKOFF_MAX, BACKOFF_BASE * 2 ** (tries_done - 1))
    return pause * (1 - jitter / 2)


async def deliver(session: aiohttp.ClientSession, alert: Alert, target: Target, secret: bytes | None, *,
                  sleep: Sleep = asyncio.sleep,
                  jitter: Callable[[], float] = random.random) -> Outcome:
    """POST ``alert`` to ``target``, tried again as the module says; never raises for a failed delivery."""
    body = payload(alert, target.format)
    headers = headers_of(alert, body, secret)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT)
    error = ""
    for tries in range(1, target.attempts + 1):
        if tries > 1:
            await sleep(backoff(tries - 1, jitter()))
        try:
            async with session.post(target.webhook, data=body, headers=headers, timeout=timeout) as response:
                if 200 <= response.status < 300:
                    return Outcome(target, tries)
                error = f"HTTP {response.status}"
                if response.status < 500 and response.status not in RETRIED_STATUSES:
                    return Outcome(target, tries, f"{error} (refused, not tried again)")
        except asyncio.TimeoutError:
            error = f"no answer within {TIMEOUT:g}s"
        except aiohttp.ClientError as exc:
            error = _without_path(f"{type(exc).__name__}: {exc}", target.webhook)
    return Outcome(target, target.attempts, error)


@dataclass
class Delivery:
    """What became of one ``events.alerts`` message: an outcome per webhook of its rule, and dead letters
    (one per webhook that did not take it, or one for a message that does not decode)."""

    outcomes: list[Outcome] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)


class Deliveries:
    """Each alert of ``events.alerts`` to the webhooks of its rule. Faust-free: ``message`` is a Faust
    event or anything with its ``key``, ``value`` and ``message`` (topic, partition, offset)."""

    def __init__(self, stage: str, rules: Sequence[Rule], secrets: Mapping[str, bytes], *, sleep: Sleep = asyncio.sleep,
                 jitter: Callable[[], float] = random.random) -> None:
        self.stage = stage
        self.targets = {rule.name: rule.deliver for rule in rules}
        self.secrets = secrets
        self._sleep = sleep
        self._jitter = jitter

    async def of_message(self, session: aiohttp.ClientSession, message: Any) -> Delivery:
        try:
            alert = decode(ALERTS, message.value)
        except DecodeError as exc:
            return Delivery(dead=[dead_letter_of(self.stage, exc.reason, message, exc.detail)])
        outcomes = list(await asyncio.gather(*(
            deliver(session, alert, target, self.secrets[target.secret_env] if target.secret_env else None,
                    sleep=self._sleep, jitter=self._jitter)
            for target in self.targets.get(alert.rule, ()))))
        return Delivery(outcomes, [dead_letter_of(self.stage, Reason.DELIVERY_FAILED, message,
                                                  f"rule {alert.rule}: {outcome.describe()}")
                                   for outcome in outcomes if not outcome.delivered])
