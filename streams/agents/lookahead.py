"""The NLP of the next messages starts while the agent handles the one before (``Lookahead``).

``normalize`` and ``enrich`` handle one message at a time and each awaits its NLP in the NLP
process (``offload``): one call at a time left that process idle while the loop handled an
answer, sent the result and took the next message, and the loop idle while the process worked,
so a worker used about one of its two cores however many messages waited. The NLP is a pure
function of a message's value, and a message at a (topic, partition, offset) never changes, so
its answer can be asked for as soon as the message waits in the agent's queue; the agent still
handles its messages one by one, in order, and uses an answer only when it reaches the message.

What this module knows of Faust is one fact, checked by a unit test: the events an agent's stream
has received and not yet handed out wait, in order, in the ``asyncio.Queue`` of its channel.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from itertools import chain, islice
from typing import Any

from streams.agents.offload import ChildDied

#: messages of an agent whose NLP is asked for ahead of their handling
DEPTH = 8

Where = tuple[str, int, int]


def where(event: Any) -> Where:
    """The message's place: its topic, partition and offset."""
    message = event.message
    return message.topic, message.partition, message.offset


def waiting(stream: Any) -> Iterator[Any]:
    """The events ``stream``'s channel holds that the agent has not taken yet, oldest first."""
    return iter(stream.channel.queue._queue)


class Lookahead:
    """Answers of ``run(stage, value)`` asked for ahead, by the message's place.

    A call asked for ahead is tried once; if its NLP process died meanwhile (perhaps killed by
    another message), the agent asks again the usual way (``run``, which tries two processes): a
    message that kills every process it reaches is tried three times before its dead letter, and
    the calls it took down with it ahead are asked again, not dead-lettered.
    Calls for messages the agent never reaches (a rebalance, a seek back) are cancelled by
    ``forget`` or, past ``4 * depth`` of them, oldest first."""

    def __init__(self, stage: str, run: Callable[[str, bytes | None], Awaitable[Any]],
                 run_once: Callable[[str, bytes | None], Awaitable[Any]], depth: int = DEPTH) -> None:
        self.stage = stage
        self.depth = depth
        self._run = run
        self._run_once = run_once
        self._asked: OrderedDict[Where, asyncio.Future] = OrderedDict()

    def ask(self, event: Any, stream: Any, needed: Callable[[Any], bool] = lambda event: True) -> None:
        """Ask for the answers of ``event``, the one the agent is about to handle, and of the
        next of ``stream``'s messages, ``depth`` in all, those ``needed`` and not asked yet."""
        if self.depth <= 0:
            return
        for coming in islice(chain((event,), waiting(stream)), self.depth):
            place = where(coming)
            if place in self._asked or not needed(coming):
                continue
            self._asked[place] = asyncio.ensure_future(self._run_once(self.stage, coming.value))
            if len(self._asked) > 4 * self.depth:
                self._asked.popitem(last=False)[1].cancel()

    async def answer(self, event: Any) -> Any:
        """The answer for ``event``: the one asked for ahead, or asked for now."""
        asked = self._asked.pop(where(event), None)
        if asked is not None:
            try:
                return await asked
            except ChildDied:
                pass
        return await self._run(self.stage, event.value)

    def forget(self) -> None:
        """Cancel every call asked for ahead (the agent will not reach their messages in order)."""
        asked, self._asked = self._asked, OrderedDict()
        for future in asked.values():
            future.cancel()

    def __len__(self) -> int:
        return len(self._asked)
