"""What every agent does around its one pure call: decode, dead-letter, send, count.

Each agent takes its events through a ``Handling`` (``handling_of``): an exception in a stage
becomes a dead letter, and what Faust skipped is read back first. Agents acknowledge each event
by hand once it is handled and what it wrote to its table is on the changelog
(``AckedWhenWritten``), so one whose handling did not finish (the worker stopped, a dead
letter could not be sent) or whose table entry is still unsent is never committed.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiokafka import TopicPartition

from streams import metrics
from streams.agents.continuity import STALL_SECONDS, Continuity, InFlight, ReadBack, Stalls
from streams.agents.handling import Handling, dead_letter_of
from streams.agents.lookahead import DEPTH, Lookahead
from streams.app import TOPICS, WatchedTable, app, nlp, settings
from streams.cloudevents import headers_of, source_of
from streams.codec import DecodeError, decode, encode
from streams.messages import Outcome
from streams.reasons import Reason
from streams.records import DeadLetter, Record
from streams.topics import DEADLETTER, TopicSpec

log = logging.getLogger("kabar.agents")
#: the ``ce_source`` of every record the worker sends on a sink topic
_SOURCE = source_of(settings.group_id)

#: per-stage counters (in, out, dead, dropped...), served on the worker's /kabar/stats page
STATS: dict[str, Counter] = {}


def count(stage: str, what: str, n: int = 1) -> None:
    STATS.setdefault(stage, Counter())[what] += n
    metrics.counted(stage, what, n)


async def send(spec: TopicSpec, key: str, record: Record) -> None:
    await send_bytes(spec, key, encode(record))


async def send_bytes(spec: TopicSpec, key: str, value: bytes) -> None:
    """Send ``value``; on a sink topic with its CloudEvents headers (``streams.cloudevents``)."""
    await TOPICS[spec.name].send(key=key.encode("utf-8"), value=value, headers=headers_of(spec, value, _SOURCE))


async def send_dead(stage: str, reason: Reason, event, detail: str = "") -> None:
    """Log, count and publish a dead letter for the message behind ``event``."""
    await publish_dead(dead_letter_of(stage, reason, event, detail))


async def publish_dead(letter: DeadLetter) -> None:
    """Log, count and publish ``letter``."""
    log.warning("%s: dead letter from %s[%s]@%s: %s %s", letter.stage, letter.topic, letter.partition, letter.offset,
                letter.reason, letter.detail)
    count(letter.stage, "dead")
    metrics.dead_letter(letter.stage, letter.reason)
    await send_bytes(DEADLETTER, letter.stage, encode(letter))


async def decoded(stage: str, spec: TopicSpec, event) -> Record | None:
    """The record of ``event``, or None after dead-lettering a payload that does not decode."""
    count(stage, "in")
    try:
        return decode(spec, event.value)
    except DecodeError as exc:
        await send_dead(stage, exc.reason, event, exc.detail)
        return None


#: every stage's ``Lookahead``
LOOKAHEADS: list[Lookahead] = []


def lookahead_of(stage: str) -> Lookahead:
    """The NLP of ``stage``'s next messages, asked for while it handles one (see ``lookahead``);
    asked for ahead only when it runs in processes beside the loop. Forgotten on a rebalance."""
    ahead = Lookahead(stage, nlp.run, nlp.run_once, depth=DEPTH if nlp.processes > 0 else 0)
    LOOKAHEADS.append(ahead)
    return ahead


async def offloaded(stage: str, event, ahead: Lookahead) -> Outcome | None:
    """The stage's work on ``event`` in the NLP processes (perhaps asked for ahead); None after
    dead-lettering a message it rejected (or that killed the process, twice)."""
    count(stage, "in")
    try:
        outcome = await ahead.answer(event)
    except Exception as exc:
        await send_dead(stage, Reason.NLP_FAILED, event, repr(exc)[:300])
        return None
    if outcome.reason is not None:
        metrics.nlp_rejected(stage, outcome.reason)
        await send_dead(stage, outcome.reason, event, outcome.detail)
        return None
    return outcome


#: what each agent was handed and has not acknowledged (see ``continuity``)
IN_FLIGHT = InFlight()


async def acknowledge(stream: Any, event: Any) -> None:
    """Acknowledge ``event`` on ``stream`` (every agent acknowledges through here: see ``IN_FLIGHT``)."""
    await stream.ack(event)
    IN_FLIGHT.acked(event.message.topic, event.message.partition, event.message.offset)


class AckedWhenWritten:
    """Acknowledges an agent's messages in the order they were handled, each once the changelog
    writes of ``table`` made while handling it are on the broker (see ``app.WatchedTable``: Faust
    can commit an offset while a table write is still unsent, and a worker killed then loses the
    write for good). Each message waits in a task of its own, after the one before it, so the
    agent goes on meanwhile and nothing is left waiting once the writes are done. A write that
    fails stops the acknowledgements: nothing after it is committed."""

    def __init__(self, stage: str, table: WatchedTable) -> None:
        self.stage = stage
        self.table = table
        self._last: asyncio.Future | None = None

    def ack(self, stream: Any, event: Any) -> None:
        """Acknowledge ``event`` on ``stream`` once the writes made since the last call are done."""
        self._last = asyncio.ensure_future(self._ack_after(self._last, self.table.take_writes(), stream, event))

    async def _ack_after(self, previous: asyncio.Future | None, writes: list, stream: Any, event: Any) -> None:
        if previous is not None:
            await previous  # raises if a write before failed
        try:
            await asyncio.gather(*writes)
        except Exception:
            log.exception("%s: a changelog write of %s failed: no message is acknowledged from here on",
                          self.stage, self.table.name)
            raise
        await acknowledge(stream, event)


R = TypeVar("R")
#: the offset of the last message each stage handled, by (topic, partition): the consumer lag's start
HANDLED: dict[tuple[str, int], int] = {}
LAG_INTERVAL = 5.0
_lag_clock = metrics.LagClock()


@functools.cache
def _stage_seconds(stage: str):
    """``stage``'s series of ``STAGE_SECONDS``, looked up once (``labels`` takes a lock and builds a key)."""
    return metrics.STAGE_SECONDS.labels(stage)


def timed(stage: str, work: Callable[[Any], Awaitable[R]]) -> Callable[[Any], Awaitable[R]]:
    """``work`` on one message, its time observed as ``stage``'s and its offset noted as handled."""
    seconds = _stage_seconds(stage)

    async def run(event: Any) -> R:
        started = time.perf_counter()
        try:
            return await work(event)
        finally:
            seconds.observe(time.perf_counter() - started)
            HANDLED[(event.message.topic, event.message.partition)] = event.message.offset
    return run


@app.timer(interval=LAG_INTERVAL)
async def _measure_lag() -> None:
    """The consumer lag of each partition this worker handles, in records and seconds."""
    if not app.consumer.started:
        return
    now = time.time()
    metrics.LAG_RECORDS.clear()
    metrics.LAG_SECONDS.clear()
    for tp in app.consumer.assignment():
        offset, end = HANDLED.get((tp.topic, tp.partition)), app.consumer.highwater(tp)
        if offset is None or end is None:
            continue  # a table's changelog, or nothing handled yet
        records = max(end - offset - 1, 0)
        metrics.set_lag(tp.topic, tp.partition, records, _lag_clock.seconds_behind(tp.topic, tp.partition, records, now))


#: one per agent that carries articles (see ``continuity``); all start afresh on a rebalance
CONTINUITY: dict[str, Continuity] = {}


@app.on_partitions_revoked.connect
async def _forget_lookahead(sender, revoked, **kwargs) -> None:
    for ahead in LOOKAHEADS:
        ahead.forget()


@app.on_partitions_assigned.connect
async def _forget_offsets(sender, assigned, **kwargs) -> None:
    for c in CONTINUITY.values():
        c.forget()
    for ahead in LOOKAHEADS:
        ahead.forget()
    _stalls.forget()
    HANDLED.clear()
    await _go_back_to_dropped(assigned)


async def _go_back_to_dropped(assigned) -> None:
    """Each partition the worker keeps goes on from the first message its agent was handed and did
    not acknowledge: the rebalance dropped those (see ``continuity``), and the consumer itself
    goes back to them only if it resets the partition to its committed offset or, with nothing
    committed, to the beginning. Faust then seeks to the committed offset where there is one,
    which is not past them (it commits up to the first offset not acknowledged).

    The seek runs on the consumer's thread (``seek_wait``), as in ``_fetch_stalled_again``: the
    consumer's thread goes on during this callback (it only awaits the loop's answer), and its
    fetcher may be filling or reading the partition's fetched records, which aiokafka's seek
    deletes, and resetting the partition's position to its committed offset. So each stage also
    expects the partition's resume point next (``Continuity.resume``): a consumer that goes on past
    it anyway meets a gap, and the stage reads the dropped messages back. A partition given with
    nothing of it in flight is expected from where the consumer starts it (``_starting_points``)."""
    resume = IN_FLIGHT.resume_points()
    IN_FLIGHT.forget()
    watched = {c.topic for c in CONTINUITY.values()}
    fresh = [tp for tp in assigned if tp.topic in watched and (tp.topic, tp.partition) not in resume]
    for (topic, partition), offset in (await _starting_points(fresh)).items():
        _expect(topic, partition, offset)
    for tp in assigned:
        offset = resume.get((tp.topic, tp.partition))
        if offset is None:
            continue
        _expect(tp.topic, tp.partition, offset)
        try:
            await app.consumer.seek_wait({tp: offset})
        except Exception as exc:  # raised here, it would crash the worker: another rebalance took tp away
            log.warning("could not seek %s[%s] back to %s after the rebalance: %r", tp.topic, tp.partition, offset, exc)


def _expect(topic: str, partition: int, offset: int) -> None:
    for c in CONTINUITY.values():
        if c.topic == topic:
            c.resume(partition, offset)


async def _starting_points(partitions) -> dict[tuple[str, int], int]:
    """Where the consumer starts each partition it was given with nothing of it in flight: the
    group's committed offset, or the log's first offset where nothing is committed. Each stage
    expects that offset first: Faust's commit does not check a gap there (it lets the acknowledged
    offsets start one past the committed one, and checks nothing when the committed offset is 0 or
    none), so a first message handed past it, the one before skipped (seen on a worker restarted
    after a kill: ``continuity``), would commit past the skipped article for good. None known
    (the broker did not answer): the stages take whatever comes first, as before."""
    if not partitions:
        return {}
    try:
        committed = await _read_back.committed(app.conf.id, [TopicPartition(tp.topic, tp.partition)
                                                              for tp in partitions])
        starts = {(tp.topic, tp.partition): offset for tp, offset in committed.items() if offset is not None}
        unset = [tp for tp in partitions if (tp.topic, tp.partition) not in starts]
        if unset:
            earliest = await app.consumer.earliest_offsets(*unset)
            starts.update({(tp.topic, tp.partition): offset for tp, offset in earliest.items()})
        return starts
    except Exception as exc:
        log.warning("could not read where the partitions given start (%r): a message skipped first is not noticed",
                    exc)
        return {}


_read_back = ReadBack(settings)
_stalls = Stalls()


@app.timer(interval=STALL_SECONDS)
async def _fetch_stalled_again() -> None:
    """Partitions of the article topics that went quiet behind the end of their log (see
    ``continuity``) are fetched again from their committed offset.

    The seek runs on the consumer's own thread (``seek_wait``): Faust's ``seek`` calls aiokafka's
    from this loop's thread, where it deletes the partition's fetched records while the consumer's
    thread may be iterating over them; the fetcher then crashed on a ``KeyError`` and took the
    worker down (seen in ``kabar bench`` on a loaded machine, where a partition not reached yet
    looks quiet)."""
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
        try:
            await app.consumer.seek_wait({tp: done})
        except Exception as exc:  # another rebalance took tp away meanwhile
            log.warning("%s: could not seek %s[%s] back to %s: %r", stage, tp.topic, tp.partition, done, exc)


def handling_of(stage: str, spec: TopicSpec | None = None) -> Handling:
    """The path of ``stage``'s events; with ``spec`` (a topic of articles, see ``continuity``), what
    Faust skips of it is read back, by a reader of the stage's own: under ``exactly_once`` each
    stage reads a gap back about once a second a partition (``ReadBack``), and with one reader for
    all they waited for each other, and each read of another topic than the last refreshed the
    reader's metadata first."""
    if spec is None:
        return Handling(stage, publish_dead, count, in_flight=IN_FLIGHT)
    CONTINUITY[stage] = Continuity(settings.topic(spec.name))
    return Handling(stage, publish_dead, count, CONTINUITY[stage], ReadBack(settings), in_flight=IN_FLIGHT)
