"""The desk's HTTP app on a stand-in source: routes, the security headers, and the event stream's resume."""

from __future__ import annotations

import asyncio

import orjson
import pytest
from aiohttp.test_utils import TestClient, TestServer

from streams.desk.demo import FeedSource
from streams.desk.server import make_app
from streams.desk.state import DeskState


def _event(id_: str, **extra) -> dict:
    return {"id": id_, "type": "PROTEST", "country": "KZ", "mentions": 1, "last_seen": f"2022-01-05T10:0{id_[-1]}:00Z",
            **extra}


@pytest.fixture
async def desk():
    """The desk app on a source fed by the test, and that source."""
    state = DeskState()
    source = FeedSource([("event", _event(f"e{i}"), 1000.0 + i) for i in range(1, 6)])
    feeding = asyncio.create_task(source(state))
    await asyncio.sleep(0)  # the source applies its records and is ready
    client = TestClient(TestServer(make_app(state)))
    await client.start_server()
    yield client, state
    await client.close()
    feeding.cancel()


async def _messages(response, count: int) -> list[dict]:
    """The next ``count`` SSE messages as {id, event, data}."""
    messages, current = [], {}
    while len(messages) < count:
        line = (await asyncio.wait_for(response.content.readline(), 10)).decode().rstrip("\n")
        if not line:
            if current:
                messages.append(current)
            current = {}
        elif not line.startswith(":"):
            field, _, value = line.partition(": ")
            current[field] = value
    return messages


async def test_every_response_forbids_anything_from_outside_and_inline_script(desk):
    client, _ = desk
    for path in ("/", "/static/app.js", "/api/snapshot", "/api/names", "/static/nothing-here.js"):
        response = await client.get(path)
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp and "unsafe-inline" not in csp, path
        assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_the_page_has_no_inline_script_or_style_and_loads_its_modules_from_the_desk(desk):
    client, _ = desk
    page = await (await client.get("/")).text()
    assert "<script>" not in page and "<style" not in page and "style=" not in page
    assert '<script type="module" src="/static/app.js">' in page
    assert "http" not in page.replace("http-equiv", "")  # no address outside the desk


async def test_static_serves_the_page_files_and_nothing_else(desk):
    client, _ = desk
    assert (await client.get("/static/app.js")).headers["Content-Type"].startswith("text/javascript")
    assert (await client.get("/static/desk.css")).headers["Content-Type"].startswith("text/css")
    assert (await client.get("/static/..%2Fserver.py")).status == 404
    assert (await client.get("/static/server.py")).status == 404


async def test_snapshot_names_world_and_articles(desk):
    client, state = desk
    snapshot = await (await client.get("/api/snapshot")).json()
    assert snapshot["seq"] == 5 and {e["id"] for e in snapshot["events"]} == {f"e{i}" for i in range(1, 6)}
    names = await (await client.get("/api/names?lang=en")).json()
    assert names["countries"]["KZ"] == "Kazakhstan" and names["types"]["PROTEST"]["definition"]
    world = await (await client.get("/api/world")).json()
    assert "KZ" in {c["cc"] for c in world["countries"]}
    state.apply("article", {"id": "a1", "title": "<b>T</b>", "url": "https://x.org/a1"}, at=1.0)
    assert (await (await client.get("/api/articles?ids=a1,a2")).json())[0]["title"] == "<b>T</b>"
    assert (await client.get("/api/events?country=KZ&limit=2")).status == 200


async def test_a_reconnecting_browser_gets_what_it_missed_once_then_live_updates(desk):
    client, state = desk
    response = await client.get("/api/stream", headers={"Last-Event-ID": "3"})
    missed = await _messages(response, 2)
    assert [(m["id"], m["event"]) for m in missed] == [("4", "event"), ("5", "event")]
    assert orjson.loads(missed[0]["data"])["id"] == "e4"
    state.apply("event", _event("e6"), at=2000.0)
    state.apply("alert", {"id": "a1", "rule": "mass-arrests", "event_id": "e6"}, at=2000.0)
    live = await _messages(response, 2)
    assert [(m["id"], m["event"]) for m in live] == [("6", "event"), ("7", "alert")]
    response.close()


async def test_the_first_connection_resumes_after_the_snapshot_it_loaded(desk):
    client, state = desk
    response = await client.get("/api/stream?since=5")
    state.apply("event", _event("e7"), at=2000.0)
    (message,) = await _messages(response, 1)
    assert message["id"] == "6" and orjson.loads(message["data"])["id"] == "e7"
    response.close()


async def test_a_browser_away_too_long_is_told_to_reload_the_snapshot(desk):
    client, state = desk
    state.ring = type(state.ring)(list(state.ring)[-2:], maxlen=2)  # only updates 4 and 5 are left
    response = await client.get("/api/stream", headers={"Last-Event-ID": "1"})
    (message,) = await _messages(response, 1)
    assert message["event"] == "reset"


async def test_a_garbled_last_event_id_is_refused_with_a_reason(desk):
    client, _ = desk
    response = await client.get("/api/stream", headers={"Last-Event-ID": "abc"})
    assert response.status == 400 and "update number" in await response.text()


async def test_health_says_ok_once_the_source_is_feeding(desk):
    client, _ = desk
    assert await (await client.get("/healthz")).text() == "ok"
