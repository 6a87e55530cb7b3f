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
    assert names["ui"]["tab.events"] == "Events" and names["page_languages"]["id"] == "Bahasa Indonesia"
    world = await (await client.get("/api/world")).json()
    assert "KZ" in {c["cc"] for c in world["countries"]}
    state.apply("article", {"id": "a1", "title": "<b>T</b>", "url": "https://x.org/a1"}, at=1.0)
    assert (await (await client.get("/api/articles?ids=a1,a2")).json())[0]["title"] == "<b>T</b>"
    assert (await client.get("/api/events?country=KZ&limit=2")).status == 200


async def test_a_reconnecting_browser_gets_what_it_missed_once_then_live_updates(desk):
    client, state = desk
    run = state.run
    response = await client.get("/api/stream", headers={"Last-Event-ID": f"{run}-3"})
    missed = await _messages(response, 2)
    assert [(m["id"], m["event"]) for m in missed] == [(f"{run}-4", "event"), (f"{run}-5", "event")]
    assert orjson.loads(missed[0]["data"])["id"] == "e4"
    state.apply("event", _event("e6"), at=2000.0)
    state.apply("alert", {"id": "a1", "rule": "mass-arrests", "event_id": "e6"}, at=2000.0)
    live = await _messages(response, 2)
    assert [(m["id"], m["event"]) for m in live] == [(f"{run}-6", "event"), (f"{run}-7", "alert")]
    response.close()


async def test_the_first_connection_resumes_after_the_snapshot_it_loaded(desk):
    client, state = desk
    snapshot = await (await client.get("/api/snapshot")).json()
    response = await client.get(f"/api/stream?since={snapshot['run']}-{snapshot['seq']}")
    state.apply("event", _event("e7"), at=2000.0)
    (message,) = await _messages(response, 1)
    assert message["id"] == f"{state.run}-6" and orjson.loads(message["data"])["id"] == "e7"
    response.close()


async def test_a_bare_update_number_is_of_this_run(desk):
    client, state = desk
    response = await client.get("/api/stream?since=4")
    (message,) = await _messages(response, 1)
    assert message["id"] == f"{state.run}-5"
    response.close()


async def test_a_browser_that_knew_an_earlier_run_of_the_desk_is_told_to_reload(desk):
    """A restarted desk reads the topics again and numbers its updates anew: update 3 of the last run is not
    update 3 of this one, so resuming after it could skip or repeat updates."""
    client, state = desk
    response = await client.get("/api/stream", headers={"Last-Event-ID": "0123abcd-3"})
    (message,) = await _messages(response, 1)
    assert state.run != "0123abcd" and message["event"] == "reset"


async def test_a_browser_away_too_long_is_told_to_reload_the_snapshot(desk):
    client, state = desk
    state.ring = type(state.ring)(list(state.ring)[-2:], maxlen=2)  # only updates 4 and 5 are left
    response = await client.get("/api/stream", headers={"Last-Event-ID": f"{state.run}-1"})
    (message,) = await _messages(response, 1)
    assert message["event"] == "reset"


async def test_a_garbled_last_event_id_is_refused_with_a_reason(desk):
    client, _ = desk
    response = await client.get("/api/stream", headers={"Last-Event-ID": "abc"})
    assert response.status == 400 and "update number" in await response.text()


async def test_the_page_language_is_the_asked_one_else_the_browsers_else_english(desk):
    client, _ = desk

    async def language(query: str = "", accept: str | None = None) -> str:
        headers = {"Accept-Language": accept} if accept else {}
        table = await (await client.get("/api/names" + query, headers=headers)).json()
        return table["lang"]

    assert await language("?lang=id", "fr-FR,fr;q=0.9") == "id"
    assert await language("", "fr-CA,fr;q=0.9,en;q=0.8") == "fr"
    assert await language("?lang=xx", "de-DE,de;q=0.9,ms;q=0.5,es;q=0.7") == "es"  # by preference, not by place
    assert await language("", "de-DE,ms;q=0") == "en"  # q=0: not wanted
    assert await language() == "en"


async def test_health_says_ok_once_the_source_is_feeding(desk):
    client, _ = desk
    assert await (await client.get("/healthz")).text() == "ok"
