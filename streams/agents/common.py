"""What every agent does around its one pure call: decode, dead-letter, send, count."""

from __future__ import annotations

import logging
from collections import Counter

from aiokafka import TopicPartition

from streams.agents.continuity import STALL_SECONDS, Continuity, ReadBack, Stalls
from streams.app import TOPICS, app, nlp, settings
from streams.codec import DecodeError, dead_letter, decode, encode
from streams.messages import Outcome
from streams.records import Record
from streams.topics import DEADLETTER, TopicSpec

log = logging.getLogger("kabar.agents")

#: per-stage counters (in, out, dead, dropped...), served on the worker's /kabar/stats page
STATS: dict[str, Counter] = {}


def count(stage: str, what: str, n: int = 1) -> None:
    STATS.setdefault(stage, Counter())[what] += n


async def send(spec: TopicSpec, key: str, record: Record) -> None:
    await send_bytes(spec, key, encode(record))


async def send_bytes(spec: TopicSpec, key: str, value: bytes) -> None:
    await TOPICS[spec.name].send(key=key.encode("utf-8"), value=value)


async def send_dead(stage: str, reason: str, event, detail: str = "") -> None:
    """Log, count and publish a dead letter for the message behind ``event``."""
    msg = event.message
    log.warning("%s: dead letter from %s[%s]@%s: %s %s", stage, msg.topic, msg.partition, msg.offset, reason, detail)
    count(stage, "dead")
    letter = dead_letter(stage, f"{reason}: {detail}" if detail else reason, event.value,
                         topic=msg.topic, partition=msg.partition, offset=msg.offset, key=event.key)
    await TOPICS[DEADLETTER.name].send(key=stage.encode(), value=encode(letter))


async def decoded(stage: str, spec: TopicSpec, event) -> Record | None:
    """The record of ``event``, or None after dead-lettering a payload that does not decode."""
    count(stage, "in")
    try:
        return decode(spec, event.value)
    except DecodeError as exc:
        await send_dead(stage, "undecodable", event, str(exc))
        return None


async def offloaded(stage: str, event) -> Outcome | None:
    """The stage's work on ``event`` in the NLP processes; None after dead-lettering a message
    it rejected (or that killed the process, twice)."""
    count(stage, "in")
    try:
        outcome = await nlp.run(stage, event.value)
    except Exception as exc:
        await send_dead(stage, "nlp-failed", event, repr(exc)[:300])
        return None
    if outcome.reason is not None:
        await send_dead(stage, outcome.reason, event, outcome.detail)
        return None
    return outcome


#: one per agent that carries articles (see ``continuity``); all start afresh on a rebalance
CONTINUITY: dict[str, Continuity] = {}


def continuity(stage: str, spec: TopicSpec) -> Continuity:
    CONTINUITY[stage] = Continuity(settings.topic(spec.name))
    return CONTINUITY[stage]


@app.on_partitions_assigned.connect
async def _forget_offsets(sender, assigned, **kwargs) -> None:
    for c in CONTINUITY.values():
        c.forget()


_read_back = ReadBack(settings)
_stalls = Stalls()


@app.timer(interval=STALL_SECONDS)
async def _fetch_stalled_again() -> None:
    """Partitions of the article topics that went quiet behind the end of their log (see
    ``continuity``) are fetched again from their committed offset."""
    if app.rebalancing or app.consumer is None:
        return
    watched = {c.topic: (stage, c) for stage, c in CONTINUITY.items()}
    partitions = [TopicPartition(tp.topic, tp.partition) for tp in app.consumer.assignment() if tp.topic in watched]
    if not partitions:
        return
    try:
        committed = await _read_back.committed(app.conf.id, partitions)
    except Exception as exc:  # the broker is away: the next round tries again
        log.warning("could not read the committed offsets: %r", exc)
        return
    for tp in partitions:
        stage, seen = watched[tp.topic]
        done, end = committed.get(tp), app.consumer.highwater(tp)
        if not _stalls.stalled(tp, done, end, seen.quiet_for(tp.partition)):
            continue
        try:
            if done is None:
                done = (await app.consumer.earliest_offsets(tp)).get(tp, 0)
            if not await _read_back.read(tp.topic, tp.partition, range(done, end), limit=1):
                continue  # only a transaction's commit marker
        except Exception as exc:
            log.warning("%s: could not look at quiet %s[%s]: %r", stage, tp.topic, tp.partition, exc)
            continue
        log.warning("%s: %s[%s] is quiet at committed offset %s, behind the end of its log (%s): fetching it again",
                    stage, tp.topic, tp.partition, done, end)
        count(stage, "fetched-again")
        await app.consumer.seek(tp, done)


async def with_skipped(stage: str, seen: Continuity, event) -> list:
    """``event``, preceded by the messages of its partition Faust skipped before it (read back)."""
    msg = event.message
    missing = seen.gap(msg.partition, msg.offset)
    if not missing:
        return [event]
    count(stage, "offset-gap", len(missing))
    try:
        found = await _read_back.read(msg.topic, msg.partition, missing)
    except Exception as exc:  # the broker is gone: say so loudly; the messages are still in the log
        log.error("%s: %s[%s] offsets %s-%s were skipped and could not be read back: %r",
                  stage, msg.topic, msg.partition, missing.start, missing.stop - 1, exc)
        return [event]
    if found:  # (an empty gap is a transaction marker's offset)
        log.warning("%s: Faust skipped %s[%s] offsets %s-%s; read %d back", stage, msg.topic, msg.partition,
                    missing.start, missing.stop - 1, len(found))
        count(stage, "read-back", len(found))
    return [*found, event]
