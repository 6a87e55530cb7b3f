"""The NLP of an agent's next messages is asked for ahead (``agents.lookahead``): each message gets
its own answer, in the order the agent handles them, asked for once; a call that died is asked
again the usual way; calls the agent will not reach are cancelled."""

import asyncio
from types import SimpleNamespace

import faust
from faust.types import Message

from streams.agents.lookahead import Lookahead, waiting
from streams.agents.offload import ChildDied


def _event(offset: int, value: bytes | None = None, partition: int = 0):
    value = value if value is not None else f"article {offset}".encode()
    return SimpleNamespace(message=SimpleNamespace(topic="articles.raw", partition=partition, offset=offset),
                           value=value, key=None)


def _stream(events):
    """What ``waiting`` reads of a Faust stream: its channel's queue of events not taken yet."""
    return SimpleNamespace(channel=SimpleNamespace(queue=SimpleNamespace(_queue=list(events))))


class _NLP:
    """``run`` and ``run_once`` of an ``Offload``, noting each call; answers once released."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bytes]] = []
        self.released = asyncio.Event()
        self.dying: set[bytes] = set()

    async def run_once(self, stage: str, value: bytes) -> str:
        self.calls.append((stage, value))
        await self.released.wait()
        if value in self.dying:
            self.dying.discard(value)
            raise ChildDied("killed")
        return f"{stage}: {value.decode()}"

    async def run(self, stage: str, value: bytes) -> str:
        return await self.run_once(stage, value)


async def test_the_next_messages_are_asked_for_before_the_first_is_answered():
    nlp = _NLP()
    ahead = Lookahead("normalize", nlp.run, nlp.run_once, depth=3)
    events = [_event(i) for i in range(5)]
    ahead.ask(events[0], _stream(events[1:]))
    await asyncio.sleep(0)
    assert [v for _, v in nlp.calls] == [b"article 0", b"article 1", b"article 2"]
    nlp.released.set()
    answers = []
    for i, event in enumerate(events):
        ahead.ask(event, _stream(events[i + 1:]))
        answers.append(await ahead.answer(event))
    assert answers == [f"normalize: article {i}" for i in range(5)]
    assert sorted(v for _, v in nlp.calls) == [f"article {i}".encode() for i in range(5)]  # each asked once
    assert len(ahead) == 0


async def test_a_message_not_needed_is_not_asked_for_and_is_answered_when_handled():
    nlp = _NLP()
    ahead = Lookahead("enrich", nlp.run, nlp.run_once, depth=4)
    events = [_event(i) for i in range(3)]
    ahead.ask(events[0], _stream(events[1:]), needed=lambda event: event.message.offset != 1)
    await asyncio.sleep(0)
    assert [v for _, v in nlp.calls] == [b"article 0", b"article 2"]
    nlp.released.set()
    assert await ahead.answer(events[1]) == "enrich: article 1"


async def test_a_call_whose_process_died_is_asked_again_the_usual_way():
    nlp = _NLP()
    ahead = Lookahead("enrich", nlp.run, nlp.run_once, depth=2)
    events = [_event(0), _event(1)]
    nlp.dying.add(b"article 1")  # the process dies while it holds the second call
    ahead.ask(events[0], _stream(events[1:]))
    nlp.released.set()
    assert await ahead.answer(events[0]) == "enrich: article 0"
    assert await ahead.answer(events[1]) == "enrich: article 1"
    assert [v for _, v in nlp.calls].count(b"article 1") == 2


async def test_calls_the_agent_will_not_reach_are_cancelled():
    nlp = _NLP()
    ahead = Lookahead("normalize", nlp.run, nlp.run_once, depth=2)
    ahead.ask(_event(0), _stream([_event(1)]))
    asked = list(ahead._asked.values())
    ahead.forget()
    await asyncio.sleep(0)
    assert len(ahead) == 0 and all(future.cancelled() for future in asked)
    for offset in range(2, 40):  # a seek back leaves answers never used: only the latest few are kept
        ahead.ask(_event(offset), _stream([]))
    assert len(ahead) == 4 * ahead.depth


async def test_with_depth_zero_nothing_is_asked_ahead():
    nlp = _NLP()
    nlp.released.set()
    ahead = Lookahead("normalize", nlp.run, nlp.run_once, depth=0)
    ahead.ask(_event(0), _stream([_event(1)]))
    assert len(ahead) == 0 and nlp.calls == []
    assert await ahead.answer(_event(0)) == "normalize: article 0"


async def test_a_faust_stream_holds_the_events_it_has_not_handed_out_in_its_channels_queue():
    app = faust.App("kabar-lookahead-test", broker="kafka://127.0.0.1:1", store="memory://")
    app.flow_control.resume()
    channel = app.channel()
    stream = app.stream(channel).noack()  # as an agent sees it: its stream's channel is what it reads
    for offset in range(3):
        message = Message("articles.raw", 0, offset, 0.0, 0, [], None, b"%d" % offset, None)
        await channel.put(app.create_event(None, message.value, None, message))
    assert [event.message.offset for event in waiting(stream)] == [0, 1, 2]
    assert stream.channel.queue.get_nowait().message.offset == 0  # what the stream takes next, the first
    assert [event.message.offset for event in waiting(stream)] == [1, 2]
