"""Event upserts gathered for a moment and sent as the latest state of each event.

``cluster`` answers every article with the whole state of each event it
mentions. When a story is hot, many articles within a fraction of a second
update the same events, and all but the last of those states are stale by
the time a consumer reads them (the topic is compacted down to the last
anyway). Like Kafka Streams' record cache, ``PendingUpserts`` keeps the
latest state per event and the messages behind them, and hands both over
once the oldest has waited ``interval`` seconds (or ``max_messages`` wait):
the agent sends the states, then acknowledges the messages, so an offset is
never committed before the upserts it caused are sent.

One rule keeps coalescing from hiding anything: every article that mentions
an event is listed in at least one upsert of it. An event lists its first
and its latest mentions only (``Event.articles`` is capped); when a newer
state no longer lists an article that came in since the last send, the
older state is kept to be sent first.

Plain data, no Faust: the agent owns sending and acknowledging.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Generic, TypeVar

from streams.records import Event

M = TypeVar("M")


class _Waiting(Generic[M]):
    """An event's states to send (normally just the latest), the articles that mentioned it since
    the last send, and the message that last updated it."""

    __slots__ = ("states", "articles", "origin")

    def __init__(self, state: Event, origin: M) -> None:
        self.states = [state]
        self.articles: set[str] = set()
        self.origin = origin


class PendingUpserts(Generic[M]):
    """Upserts per event id, in the order events were first updated, and the messages waiting
    for them to be sent."""

    def __init__(self, interval: float, max_messages: int = 1000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self.max_messages = max_messages
        self._clock = clock
        self._events: dict[str, _Waiting[M]] = {}
        self._messages: list[M] = []
        self._since: float | None = None

    def add(self, message: M, mentions: list[tuple[str, list[Event]]]) -> None:
        """``message`` was handled: each ``(article id, events)`` of it is an article and the
        states of the events it updated."""
        if self._since is None:
            self._since = self._clock()
        self._messages.append(message)
        for article_id, events in mentions:
            for state in events:
                waiting = self._events.get(state.id)
                if waiting is None:
                    waiting = self._events[state.id] = _Waiting(state, message)
                elif waiting.articles.issubset(state.articles):
                    waiting.states[-1] = state
                else:  # the newer state drops an article no upsert has listed yet
                    waiting.states.append(state)
                    waiting.articles = set()
                waiting.articles.add(article_id)
                waiting.origin = message

    def due(self) -> bool:
        """Whether the oldest waiting message has waited ``interval`` (or too many are waiting)."""
        return self._since is not None and (
            len(self._messages) >= self.max_messages or self._clock() - self._since >= self.interval)

    def take(self) -> tuple[list[tuple[Event, M]], list[M]]:
        """The states to send, in order, each with the message that last updated its event (under
        ``exactly_once`` it goes in the transaction of that message's partition), then the
        messages to acknowledge; all are forgotten here."""
        states = [(state, waiting.origin) for waiting in self._events.values() for state in waiting.states]
        messages = self._messages
        self._events, self._messages, self._since = {}, [], None
        return states, messages

    def drop(self) -> int:
        """Forget everything (partitions were revoked: the messages will be delivered again,
        and handling them again gives the same upserts). Returns the messages dropped."""
        dropped = len(self._messages)
        self.take()
        return dropped

    def __len__(self) -> int:
        return len(self._messages)
