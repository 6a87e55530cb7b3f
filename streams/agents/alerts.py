"""alerts: ``events`` -> ``events.alerts``; each rule fires once per event (``fired-alerts`` table).
deliver_alerts: ``events.alerts`` -> the webhooks of each alert's rule (``desk.delivery``).

The rules are ``KABAR_ALERT_RULES``'s file or the built-in ones, read and checked (their signing
secrets too) when the worker starts: an invalid file stops it with one line naming the rule and field.

Delivery reads the alerts back from ``events.alerts`` instead of posting them where they fire: the
topic is the durable queue between firing and delivering. An alert is acknowledged once each of
its webhooks has taken it or been dead-lettered, so a worker that stops in between (a crash, a
rebalance) leaves it uncommitted and the next one delivers it again: at least once, and a receiver
tells a repeat by the alert's ``id``. Up to ``IN_FLIGHT`` alerts are delivered at once, each in its
own task, so a webhook that is slow or down (tries with backoff take about a minute) holds up
neither the rules nor the other webhooks; Faust commits an offset only once every alert before it
is acknowledged.
"""

from __future__ import annotations

import asyncio
import logging
import os

import aiohttp

from streams.agents.common import AckedWhenWritten, acknowledge, count, decoded, handling_of, publish_dead, send, timed
from streams.app import TOPICS, app, fired_alerts, fired_alerts_cached, fired_alerts_dated, keep, settings
from streams.dedup.expiry import value_of
from streams.desk.alerts import Rule, RulesError, default_rules, evaluate, load_rules
from streams.desk.delivery import Deliveries, secrets_for
from streams.settings import SettingsError
from streams.topics import ALERTS, EVENTS

STAGE = "alerts"
HANDLING = handling_of(STAGE)
#: a message is acknowledged once its ``fired-alerts`` entry is on the changelog
ACKS = AckedWhenWritten(STAGE, fired_alerts)
#: alerts being delivered at once; the next one waits for a slot
IN_FLIGHT = 16

log = logging.getLogger("kabar.agents")


def _rules() -> tuple[tuple[Rule, ...], dict[str, bytes]]:
    path = settings.alert_rules
    try:
        rules = default_rules() if path is None else load_rules(path)
        return rules, secrets_for(rules, os.environ)
    except RulesError as exc:
        raise SettingsError("KABAR_ALERT_RULES", None if path is None else str(path),
                            f"a valid rules file ({exc})") from None


RULES, SECRETS = _rules()
DELIVERIES = Deliveries(STAGE, RULES, SECRETS)


@app.agent(TOPICS[EVENTS.name], concurrency=1)
async def alerts(stream):
    stream = stream.noack()
    async for event in stream.events():
        await HANDLING.handle(event, timed(STAGE, _alert))
        ACKS.ack(stream, event)


async def _alert(event) -> None:
    ev = await decoded(STAGE, EVENTS, event)
    if ev is None:
        return
    fired = set(value_of(fired_alerts_cached.get(ev.id)) or ())
    # Event time, not wall time: a replay raises the same alerts with the same timestamps.
    new = evaluate(ev, fired, at=ev.last_seen or ev.first_seen or "", rules=RULES)
    for alert in new:
        await send(ALERTS, ev.id, alert)
        fired.add(alert.rule)
    if fired:  # also when nothing new fired: an event still updated keeps its entry
        keep(fired_alerts_dated, event, ev.id, sorted(fired), ev.last_seen or ev.first_seen)
    if new:
        count(STAGE, "out", len(new))


@app.agent(TOPICS[ALERTS.name], concurrency=1)
async def deliver_alerts(stream):
    stream = stream.noack()
    slots = asyncio.Semaphore(IN_FLIGHT)
    running: set[asyncio.Task] = set()
    async with aiohttp.ClientSession() as session:
        try:
            async for event in stream.events():
                await slots.acquire()
                task = asyncio.create_task(_deliver_then_ack(stream, session, event, slots))
                running.add(task)
                task.add_done_callback(running.discard)
        finally:  # stopping: what is not delivered yet stays unacknowledged, for the next worker
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)


async def _deliver_then_ack(stream, session: aiohttp.ClientSession, event, slots: asyncio.Semaphore) -> None:
    try:
        await HANDLING.handle(event, lambda message: _deliver(session, message))
        await acknowledge(stream, event)
    except Exception:  # a dead letter could not be sent: delivered again after a restart
        msg = event.message
        log.exception("%s: the delivery of %s[%s]@%s is not acknowledged", STAGE, msg.topic, msg.partition,
                      msg.offset)
    finally:
        slots.release()


async def _deliver(session: aiohttp.ClientSession, event) -> None:
    delivery = await DELIVERIES.of_message(session, event)
    delivered = sum(outcome.delivered for outcome in delivery.outcomes)
    if delivered:
        count(STAGE, "delivered", delivered)
    for letter in delivery.dead:
        await publish_dead(letter)
