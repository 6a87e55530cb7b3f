"""Every agent's path for a message: an exception in a stage is a dead letter and the next message goes on;
what Faust skipped is read back, however often the broker fails, before the message after it is acknowledged."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from streams.agents.continuity import Continuity, InFlight, Skipped
from streams.agents.handling import READ_BACK_PAUSE_MAX, Handling
from streams.codec import decode, encode
from streams.dedup.cluster import ClusterResult, Clusterer
from streams.desk.alerts import Rule, evaluate
from streams.reasons import Reason
from streams.records import EnrichedArticle, Event, ExtractedEvent
from streams.topics import ARTICLES_ENRICHED, EVENTS

TOPIC = "it.articles.enriched"


@dataclass
class FakeEvent:
    """Shaped like a Faust event: key, value and the message's coordinates."""

    key: bytes | None
    value: bytes | None
    message: SimpleNamespace


def _event(offset: int, value: bytes | None = b"{}", partition: int = 2, key: bytes = b"KZ",
           topic: str = TOPIC) -> FakeEvent:
    return FakeEvent(key, value, SimpleNamespace(topic=topic, partition=partition, offset=offset))


def _article(aid: str, date: str) -> bytes:
    return encode(EnrichedArticle(id=aid, url=f"https://example.org/{aid}", title="Protest in Almaty",
                                  text="Thousands protested fuel prices in Almaty on Thursday.",
                                  published_at="2022-01-06T10:00:00Z", language="en", countries=["KZ"],
                                  events=[ExtractedEvent(type="PROTEST", country="KZ", date=date)]))


class Sink:
    """The dead-letter topic and the stage counters."""

    def __init__(self) -> None:
        self.letters: list = []
        self.counts: Counter = Counter()

    async def publish(self, letter) -> None:
        self.letters.append(letter)

    def count(self, stage: str, what: str, n: int = 1) -> None:
        self.counts[stage, what] += n


def test_an_exception_in_clustering_is_a_dead_letter_with_where_it_came_from_and_the_next_article_goes_on():
    sink, clusterer = Sink(), Clusterer({})
    handling = Handling("cluster", sink.publish, sink.count)

    async def cluster(message):
        return clusterer.process(decode(ARTICLES_ENRICHED, message.value))

    async def run():
        # schema-valid, but a date at the end of the calendar: the matching window runs past year 9999
        return (await handling.handle(_event(7, _article("far-future", "9999-12-31")), cluster),
                await handling.handle(_event(8, _article("good", "2022-01-06")), cluster))

    poisoned, good = asyncio.run(run())
    assert poisoned == [None]
    assert isinstance(good[0], ClusterResult) and good[0].article_id == "good"
    [letter] = sink.letters
    assert (letter.stage, letter.topic, letter.partition, letter.offset, letter.key) == ("cluster", TOPIC, 2, 7, "KZ")
    assert (letter.reason, letter.detail) == (Reason.STAGE_ERROR, "ValueError: year 10000 is out of range")
    assert "far-future" in letter.excerpt


def test_an_exception_in_an_alert_rule_is_a_dead_letter():
    sink = Sink()
    handling = Handling("alerts", sink.publish, sink.count)
    broken_rule = Rule(name="casualties", message="{casualties} casualties")  # not a field the message offers

    async def alert(message):
        return evaluate(decode(EVENTS, message.value), set(), at="t", rules=[broken_rule])

    event = Event(id="ev1", type="PROTEST", country="KZ", date="2022-01-06")
    message = _event(3, encode(event), partition=0, key=b"ev1", topic="it.events")
    assert asyncio.run(handling.handle(message, alert)) == [None]
    [letter] = sink.letters
    assert (letter.stage, letter.topic, letter.partition, letter.offset) == ("alerts", "it.events", 0, 3)
    assert (letter.reason, letter.detail) == (Reason.STAGE_ERROR, "KeyError: 'casualties'")
    assert letter.excerpt.startswith('{"id":"ev1"')


def test_a_dead_letter_that_cannot_be_sent_leaves_the_message_unacknowledged():
    acked = []

    async def unreachable(letter) -> None:
        raise ConnectionError("broker gone")

    async def broken(message):
        raise RuntimeError("bug")

    async def agent():
        event = _event(5)
        await Handling("alerts", unreachable, Sink().count).handle(event, broken)
        acked.append(event)

    with pytest.raises(ConnectionError):
        asyncio.run(agent())
    assert acked == []


class FlakyReader:
    """Reads back offsets of ``TOPIC`` after failing ``failures`` times (forever with None)."""

    def __init__(self, failures: int | None) -> None:
        self.failures = failures
        self.calls = 0

    async def read(self, topic: str, partition: int, offsets: range) -> list[Skipped]:
        self.calls += 1
        if self.failures is None or self.calls <= self.failures:
            raise TimeoutError(f"{topic}[{partition}]: not read within 10s")
        return [Skipped(b"KZ", f"article-{o}".encode(), SimpleNamespace(topic=topic, partition=partition, offset=o))
                for o in offsets]


class Pauses:
    """asyncio.sleep's stand-in: notes each pause; after ``stop_after`` of them the worker is stopped."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.taken: list[float] = []
        self.stop_after = stop_after

    async def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)
        if self.stop_after is not None and len(self.taken) >= self.stop_after:
            raise asyncio.CancelledError


def _agent(handling: Handling, events: list[FakeEvent]):
    """The agents' loop: handle each event, then acknowledge it. Returns (handled offsets, acked offsets)."""
    handled: list[int] = []
    acked: list[int] = []

    async def work(message):
        handled.append(message.message.offset)

    async def run():
        for event in events:
            await handling.handle(event, work)
            acked.append(event.message.offset)

    return run, handled, acked


def test_a_gap_the_broker_fails_to_read_back_twice_is_read_on_the_third_try_and_handled_first():
    sink, pauses = Sink(), Pauses()
    handling = Handling("normalize", sink.publish, sink.count, Continuity(TOPIC), FlakyReader(failures=2), pauses)
    run, handled, acked = _agent(handling, [_event(4), _event(7)])
    asyncio.run(run())
    assert handled == [4, 5, 6, 7]
    assert acked == [4, 7]
    assert len(pauses.taken) == 2 and pauses.taken[0] < pauses.taken[1]
    assert sink.counts["normalize", "read-back-failed"] == 2 and sink.counts["normalize", "read-back"] == 2
    assert sink.letters == []


def test_a_gap_that_cannot_be_read_back_holds_the_message_after_it_unacknowledged_until_the_worker_stops():
    sink, pauses = Sink(), Pauses(stop_after=12)
    handling = Handling("enrich", sink.publish, sink.count, Continuity(TOPIC), FlakyReader(failures=None), pauses)
    run, handled, acked = _agent(handling, [_event(4), _event(7), _event(8)])
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(run())
    assert handled == [4] and acked == [4]  # nothing from the gap on: the last commit stays before it
    assert pauses.taken == sorted(pauses.taken) and pauses.taken[-1] == READ_BACK_PAUSE_MAX
    assert sink.counts["enrich", "read-back-failed"] == 12


def test_each_message_faust_hands_is_in_flight_until_acknowledged_but_not_what_was_read_back():
    class Reader:
        async def read(self, topic, partition, offsets):
            return [Skipped(b"KZ", b"{}", SimpleNamespace(topic=topic, partition=partition, offset=o)) for o in offsets]

    async def work(message):
        return message.message.offset

    in_flight = InFlight()
    handling = Handling("cluster", Sink().publish, Sink().count, Continuity(TOPIC), Reader(), in_flight=in_flight)
    asyncio.run(handling.handle(_event(5), work))
    assert asyncio.run(handling.handle(_event(8), work)) == [6, 7, 8]
    in_flight.acked(TOPIC, 2, 5)
    assert in_flight.resume_points() == {(TOPIC, 2): 8}
