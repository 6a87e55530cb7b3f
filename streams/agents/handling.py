"""The one path of every message through an agent, Faust-free so that fakes can drive it.

``Handling.handle`` takes the event Faust hands an agent and runs the stage's
work on it, after the messages Faust skipped before it (``continuity``). Two
rules keep a message from being lost or from stalling the pipeline:

- Whatever the work raises on one message becomes a dead letter: the stage,
  ``stage-error`` with the exception's type and message as detail, and the message's
  topic, partition and offset; logged with its traceback and counted. The
  agent then acknowledges the message as usual and goes on. An exception that
  escaped an agent instead made Faust restart it with the next message,
  leaving no trace of this one, and a message acknowledged by hand (cluster)
  never was, so commits stalled there.
- A gap is read back however long the broker takes: a failed read is tried
  again after a growing pause, and meanwhile the event after the gap is held,
  unacknowledged (agents acknowledge by hand, once an event is handled), so
  the agent commits nothing from the gap on. A worker stopped meanwhile
  leaves it unacknowledged, and the next one starts from the last commit.
  Giving up instead (going on with the event, or raising) commits past the
  gap: Faust restarts a failed agent with the next message, and the gap,
  already noted as seen, is never read again.

An exception in publishing a dead letter is not caught: that message stays
unacknowledged and Faust delivers it again after a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

from streams.agents.continuity import Continuity, InFlight, Skipped
from streams.codec import EXCERPT, dead_letter
from streams.reasons import Reason
from streams.records import DeadLetter

log = logging.getLogger("kabar.agents")

#: seconds before a failed read-back is tried again; the pause doubles up to READ_BACK_PAUSE_MAX
READ_BACK_PAUSE = 0.5
READ_BACK_PAUSE_MAX = 30.0

R = TypeVar("R")
Publish = Callable[[DeadLetter], Awaitable[None]]
Count = Callable[[str, str, int], None]


class Reader(Protocol):
    async def read(self, topic: str, partition: int, offsets: range) -> list[Skipped]: ...


def dead_letter_of(stage: str, reason: Reason, event: Any, detail: str = "") -> DeadLetter:
    """The dead letter of a Faust event (or a ``Skipped`` record): why, and where it came from."""
    msg = event.message
    return dead_letter(stage, reason, detail, event.value,
                       topic=msg.topic, partition=msg.partition, offset=msg.offset, key=event.key)


def exception_detail(exc: BaseException) -> str:
    """What a dead letter says of an exception: its type and message."""
    return f"{type(exc).__name__}: {exc}"[:EXCERPT]


class Handling:
    """One stage's path for each event; ``seen`` and ``reader`` (together) read back what Faust skipped;
    ``in_flight`` notes each event handed (the agent notes it acknowledged, see ``continuity.InFlight``)."""

    def __init__(self, stage: str, publish: Publish, count: Count, seen: Continuity | None = None,
                 reader: Reader | None = None, sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 in_flight: InFlight | None = None) -> None:
        self.stage = stage
        self.publish = publish
        self.count = count
        self.seen = seen
        self.reader = reader
        self._sleep = sleep
        self.in_flight = in_flight

    async def handle(self, event: Any, work: Callable[[Any], Awaitable[R]]) -> list[R | None]:
        """``work``'s result for each message Faust skipped before ``event`` and for ``event``,
        in offset order; None for a message whose work raised (it is a dead letter)."""
        if self.in_flight is not None:
            self.in_flight.taken(event.message.topic, event.message.partition, event.message.offset)
        return [await self._guarded(message, work) for message in await self._with_skipped(event)]

    async def _guarded(self, message: Any, work: Callable[[Any], Awaitable[R]]) -> R | None:
        try:
            return await work(message)
        except Exception as exc:
            msg = message.message
            log.exception("%s: %s[%s]@%s raised %s", self.stage, msg.topic, msg.partition, msg.offset,
                          type(exc).__name__)
            await self.publish(dead_letter_of(self.stage, Reason.STAGE_ERROR, message, exception_detail(exc)))
            return None

    async def _with_skipped(self, event: Any) -> list[Any]:
        if self.seen is None or self.reader is None:
            return [event]
        msg = event.message
        missing = self.seen.gap(msg.partition, msg.offset)
        if not missing:
            return [event]
        self.count(self.stage, "offset-gap", len(missing))
        found = await self._read_back(self.reader, msg.topic, msg.partition, missing)
        if found:  # (an empty gap is a transaction marker's offset)
            log.warning("%s: Faust skipped %s[%s] offsets %s-%s; read %d back", self.stage, msg.topic,
                        msg.partition, missing.start, missing.stop - 1, len(found))
            self.count(self.stage, "read-back", len(found))
        return [*found, event]

    async def _read_back(self, reader: Reader, topic: str, partition: int, missing: range) -> list[Skipped]:
        """The records at ``missing``, tried until the broker answers (see the module's docstring)."""
        pause = READ_BACK_PAUSE
        while True:
            try:
                return await reader.read(topic, partition, missing)
            except Exception as exc:
                log.error("%s: %s[%s] offsets %s-%s were skipped and could not be read back (%r); "
                          "holding the message after them, trying again in %.1fs", self.stage, topic, partition,
                          missing.start, missing.stop - 1, exc, pause)
                self.count(self.stage, "read-back-failed", 1)
                await self._sleep(pause)
                pause = min(pause * 2, READ_BACK_PAUSE_MAX)
