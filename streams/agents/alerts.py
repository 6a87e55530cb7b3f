"""alerts: ``events`` -> ``events.alerts``; each rule fires once per event (``fired-alerts`` table)."""

from __future__ import annotations

from streams.agents.common import count, decoded, handling_of, send, timed
from streams.app import TOPICS, app, fired_alerts, keep
from streams.dedup.expiry import value_of
from streams.desk.alerts import evaluate
from streams.topics import ALERTS, EVENTS

STAGE = "alerts"
HANDLING = handling_of(STAGE)


@app.agent(TOPICS[EVENTS.name], concurrency=1)
async def alerts(stream):
    stream = stream.noack()
    async for event in stream.events():
        await HANDLING.handle(event, timed(STAGE, _alert))
        await stream.ack(event)


async def _alert(event) -> None:
    ev = await decoded(STAGE, EVENTS, event)
    if ev is None:
        return
    fired = set(value_of(fired_alerts.get(ev.id)) or ())
    # Event time, not wall time: a replay raises the same alerts with the same timestamps.
    new = evaluate(ev, fired, at=ev.last_seen or ev.first_seen or "")
    for alert in new:
        await send(ALERTS, ev.id, alert)
        fired.add(alert.rule)
    if fired:  # also when nothing new fired: an event still updated keeps its entry
        keep(fired_alerts, event, ev.id, sorted(fired), ev.last_seen or ev.first_seen)
    if new:
        count(STAGE, "out", len(new))
