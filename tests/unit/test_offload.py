"""The NLP processes: same answers as in the loop, bad messages rejected, a dead process replaced."""

import asyncio

import orjson
import pytest

from streams.agents.offload import ChildDied, Offload
from streams.codec import decode
from streams.ingest.archive import read_archive
from streams.messages import enrich_message, normalize_message
from streams.replay import sample_archive
from streams.topics import ARTICLES_ENRICHED


def _raw_messages() -> list[bytes]:
    return [orjson.dumps(line.article) for line in read_archive(sample_archive()) if line.article]


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
        assert enriched.key == (article.countries[0] if article.countries else "ZZ")


async def test_a_message_that_is_no_article_comes_back_as_a_reason(offload):
    outcome = await offload.run("normalize", b'{"title": "no url, no text"}')
    assert outcome.reason == "undecodable" and "articles.raw" in outcome.detail
    outcome = await offload.run("enrich", b"\xff not json")
    assert outcome.reason == "undecodable" and "not JSON" in outcome.detail


async def test_calls_in_flight_when_the_child_dies_are_answered_by_a_new_one(offload):
    raw = _raw_messages()[0]
    first = offload._children[0].proc.pid
    calls = [asyncio.create_task(offload.run("normalize", raw)) for _ in range(5)]
    await asyncio.sleep(0)
    offload._children[0].proc.kill()
    answers = await asyncio.gather(*calls)
    assert all(a == normalize_message(raw) for a in answers)
    assert offload._children[0].proc.pid != first


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
