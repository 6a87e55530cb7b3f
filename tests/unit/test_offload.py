"""The NLP processes: same answers as in the loop, bad messages rejected, a dead process replaced,
and every call answered with its own answer or an exception, never with another call's."""

import asyncio
import gc
import os
import pickle
import signal
import struct

import pytest

from streams.agents.offload import ChildDied, Offload, load_frozen
from streams.codec import decode, encode
from streams.dedup.cluster import partition_key
from streams.ingest.archive import read_archive
from streams.messages import Outcome, enrich_message, normalize_message
from streams.reasons import Reason
from streams.replay import sample_archive
from streams.topics import ARTICLES_ENRICHED


#: seconds after which a call still unanswered counts as hung (the fault these tests guard against)
HUNG = 120


def _raw_messages() -> list[bytes]:
    return [encode(line.article) for line in read_archive(sample_archive()) if line.article]


def _frame(payload: bytes) -> bytes:
    """A frame as it travels on the child's stdout: a 4-byte big-endian length, then the payload."""
    return struct.pack(">I", len(payload)) + payload


async def _answers(calls):
    return await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), HUNG)


@pytest.fixture
async def offload():
    pool = Offload(1)
    await pool.start()
    yield pool
    await pool.stop()


async def test_a_child_gives_the_answers_the_loop_gives(offload):
    for raw in _raw_messages():
        clean = await offload.run("normalize", raw)
        assert clean == normalize_message(raw)
        enriched = await offload.run("enrich", clean.value)
        assert enriched == enrich_message(clean.value)
        article = decode(ARTICLES_ENRICHED, enriched.value)
        assert enriched.key == partition_key(article)


async def test_a_message_that_is_no_article_comes_back_as_a_reason(offload):
    outcome = await offload.run("normalize", b'{"title": "no url, no text"}')
    assert outcome.reason == Reason.SCHEMA and "articles.raw" in outcome.detail
    outcome = await offload.run("enrich", b"\xff not json")
    assert outcome.reason == Reason.INVALID_JSON


async def test_calls_in_flight_when_the_child_dies_are_answered_by_a_new_one(offload):
    raws = _raw_messages()[:5]
    first = offload._children[0].proc.pid
    calls = [asyncio.create_task(offload.run("normalize", raw)) for raw in raws]
    await asyncio.sleep(0)
    offload._children[0].proc.kill()
    answers = await _answers(calls)
    assert answers == [normalize_message(raw) for raw in raws]
    assert offload._children[0].proc.pid != first


async def test_a_stop_signal_to_the_process_group_leaves_the_child_to_its_worker(offload):
    # Ctrl-C reaches every process of the group: the child must not die before the worker is done.
    raw = _raw_messages()[0]
    child = offload._children[0].proc
    for sig in (signal.SIGINT, signal.SIGTERM):
        child.send_signal(sig)
    await asyncio.sleep(0.5)
    assert await offload.run("normalize", raw) == normalize_message(raw)
    assert offload._children[0].proc.pid == child.pid


async def test_the_child_ends_when_its_worker_goes():
    pool = Offload(1)
    await pool.start()
    child = pool._children[0].proc
    child.stdin.close()  # what the child sees when the worker dies, however it died
    await asyncio.wait_for(child.wait(), HUNG)  # (its status: asyncio reports 255 if another waiter reaped it)
    with pytest.raises(ProcessLookupError):
        os.kill(child.pid, 0)


GARBAGE = {
    "not a pickle": _frame(b"\x80\x05 garbage"),
    "an answer to a request never made": _frame(pickle.dumps((10**9, Outcome(reason="forged")))),
    "a length no answer has": b"\xff\xff\xff\xff",
}


@pytest.mark.parametrize("garbage", GARBAGE.values(), ids=GARBAGE.keys())
async def test_garbage_from_the_child_fails_its_calls_and_a_new_child_answers_them(offload, garbage):
    raws = _raw_messages()[:6]
    child = offload._children[0]
    calls = [asyncio.create_task(offload.run("normalize", raw)) for raw in raws[:5]]
    await asyncio.sleep(0)
    child.proc.stdout.feed_data(garbage)  # as if the child wrote it before its answers
    await asyncio.sleep(0)
    later = asyncio.create_task(offload.run("normalize", raws[5]))
    answers = await _answers([*calls, later])
    # a call is retried once in a new process: each gets its own answer, none another call's
    assert answers == [normalize_message(raw) for raw in raws]
    assert offload._children[0].proc.pid != child.proc.pid
    assert await offload.run("normalize", raws[0]) == normalize_message(raws[0])


async def test_a_stage_that_raises_in_the_child_answers_only_its_own_call(offload):
    raws = _raw_messages()[:4]
    calls = [asyncio.create_task(offload.run("normalize", raw)) for raw in raws[:2]]
    failing = asyncio.create_task(offload.run("no-such-stage", raws[2]))
    calls += [asyncio.create_task(offload.run("normalize", raws[3]))]
    *answers, failed = await _answers([*calls, failing])
    assert answers == [normalize_message(raw) for raw in (raws[0], raws[1], raws[3])]
    assert failed.reason == Reason.STAGE_ERROR and "no-such-stage" in failed.detail


async def test_an_input_that_kills_two_children_raises(offload, monkeypatch):
    child_call = type(offload._children[0]).call

    async def killing_call(child, stage, value):
        child.proc.kill()
        return await child_call(child, stage, value)

    monkeypatch.setattr(type(offload._children[0]), "call", killing_call)
    with pytest.raises(ChildDied):
        await offload.run("normalize", _raw_messages()[0])


async def test_with_no_processes_the_stages_run_in_the_loop():
    inline = Offload(0)
    raw = _raw_messages()[0]
    assert await inline.run("normalize", raw) == normalize_message(raw)


def test_the_nlp_data_loads_with_the_collector_off_and_stays_out_of_its_reach_then():
    class Loaded:  # a cycle, as much of the NLP's data is: only the collector would walk it
        def __init__(self):
            self.me = self

    kept: list = []
    collector_on = []

    def load():
        collector_on.append(gc.isenabled())
        kept.append(Loaded())

    before = gc.get_freeze_count()
    try:
        load_frozen(load)
        assert collector_on == [False]
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
        assert not any(obj is kept[0] for obj in gc.get_objects())  # frozen: no collection walks it
    finally:
        gc.unfreeze()
