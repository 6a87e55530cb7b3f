"""Alert delivery against a local HTTP server: signature, Slack payload, tries, dead letters."""

from __future__ import annotations

import hashlib
import hmac
from types import SimpleNamespace

import aiohttp
import orjson
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from streams.codec import decode, encode
from streams.desk.alerts import Rule, RulesError, Target, When
from streams.desk.delivery import Deliveries, deliver, secrets_for
from streams.reasons import Reason
from streams.records import Alert, Event
from streams.topics import ALERTS

SECRET = b"s3cret-shared-with-the-receiver"


def _alert(message: str = "riot in Almaty, KZ on 2022-01-06") -> Alert:
    event = Event(id="evt-1", type="PROTEST", country="KZ", date="2022-01-06", mode="riot", place="Almaty",
                  sources=["a.org", "b.org"], languages=["en", "id"])
    return Alert(id="a1b2", rule="riot", severity="high", message=message, event_id="evt-1",
                 at="2022-01-07T05:00:00Z", event=event)


class Receiver:
    """A webhook on 127.0.0.1 answering the statuses of ``answers`` in turn (then the last one), keeping each request."""

    def __init__(self, *answers: int) -> None:
        self.answers = list(answers)
        self.requests: list[tuple[dict[str, str], bytes]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append((dict(request.headers), await request.read()))
        status = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return web.Response(status=status)


@pytest.fixture
async def webhook():
    """``url = await webhook(receiver, path)``: the URL of ``receiver`` on a local server."""
    servers: list[TestServer] = []

    async def start(receiver: Receiver, path: str = "/hook") -> str:
        app = web.Application()
        app.router.add_post(path, receiver.handle)
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        servers.append(server)
        return f"http://127.0.0.1:{server.port}{path}"

    yield start
    for server in servers:
        await server.close()


class Pauses:
    """The sleeps between tries, recorded instead of waited."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


async def test_a_receiver_with_the_secret_verifies_the_signature(webhook):
    receiver = Receiver(200)
    url = await webhook(receiver)
    async with aiohttp.ClientSession() as session:
        outcome = await deliver(session, _alert(), Target(url, "json", "HOOK_SECRET"), SECRET)
    assert outcome.delivered and outcome.tries == 1
    [(headers, body)] = receiver.requests
    scheme, _, given = headers["X-Kabar-Signature"].partition("=")
    assert scheme == "sha256"
    assert hmac.compare_digest(given, hmac.new(SECRET, body, hashlib.sha256).hexdigest())
    assert not hmac.compare_digest(given, hmac.new(b"another secret", body, hashlib.sha256).hexdigest())
    assert (headers["X-Kabar-Event"], headers["X-Kabar-Rule"]) == ("evt-1", "riot")
    assert decode(ALERTS, body) == _alert()  # the record of events.alerts, schema and all


async def test_the_slack_payload_is_text_and_blocks(webhook):
    receiver = Receiver(200)
    url = await webhook(receiver, "/services/T0/B0/token")
    async with aiohttp.ClientSession() as session:
        await deliver(session, _alert("riot in <Almaty> & nearby"), Target(url, "slack"), None)
    [(headers, body)] = receiver.requests
    payload = orjson.loads(body)
    assert payload["text"] == "[HIGH] riot in <Almaty> & nearby"
    section, context = payload["blocks"]
    assert section == {"type": "section", "text": {"type": "mrkdwn",
                                                    "text": "*HIGH* riot in &lt;Almaty&gt; &amp; nearby"}}
    assert context["type"] == "context" and context["elements"][0]["type"] == "mrkdwn"
    assert "rule `riot`" in context["elements"][0]["text"] and "2 sources" in context["elements"][0]["text"]
    assert "X-Kabar-Signature" not in headers  # no secret named: nothing to sign with


async def test_a_webhook_that_fails_twice_then_recovers_gets_the_alert_once(webhook):
    receiver = Receiver(500, 500, 200)
    url = await webhook(receiver)
    pauses = Pauses()
    async with aiohttp.ClientSession() as session:
        outcome = await deliver(session, _alert(), Target(url, "json", "HOOK_SECRET"), SECRET,
                                sleep=pauses, jitter=lambda: 0.0)
    assert outcome.delivered and outcome.tries == 3
    assert len(receiver.requests) == 3
    assert len({body for _, body in receiver.requests}) == 1  # the same alert each try
    assert pauses.seconds == [1.0, 2.0]  # the pause doubles


async def test_a_webhook_that_always_fails_is_a_dead_letter_after_the_last_try(webhook):
    receiver = Receiver(503)
    url = await webhook(receiver, "/services/T0/B0/secret-token")
    rules = [Rule("riot", deliver=(Target(url, "slack", attempts=3),))]
    message = SimpleNamespace(key=b"evt-1", value=encode(_alert()),
                              message=SimpleNamespace(topic="it.events.alerts", partition=1, offset=7))
    pauses = Pauses()
    async with aiohttp.ClientSession() as session:
        delivery = await Deliveries("alerts", rules, {}, sleep=pauses).of_message(session, message)
    assert len(receiver.requests) == 3 and len(pauses.seconds) == 2
    [letter] = delivery.dead
    host = url.split("/")[2]
    assert (letter.reason, letter.detail) == (Reason.DELIVERY_FAILED, f"rule riot: {host} (slack): HTTP 503 after 3 tries")
    assert (letter.stage, letter.topic, letter.partition, letter.offset, letter.key) == (
        "alerts", "it.events.alerts", 1, 7, "evt-1")
    assert letter.excerpt.startswith('{"id":"a1b2"')
    assert "secret-token" not in letter.detail  # a Slack webhook's path is its secret


async def test_a_refused_request_is_not_tried_again(webhook):
    receiver = Receiver(404)
    url = await webhook(receiver)
    async with aiohttp.ClientSession() as session:
        outcome = await deliver(session, _alert(), Target(url, "json", "HOOK_SECRET"), SECRET, sleep=Pauses())
    assert not outcome.delivered and outcome.tries == 1 and len(receiver.requests) == 1
    assert outcome.error == "HTTP 404 (refused, not tried again)"


async def test_an_unreachable_webhook_is_tried_then_dead_lettered(webhook):
    receiver = Receiver(200)
    url = await webhook(receiver)
    closed = url.replace(url.split(":")[2].split("/")[0], "1")  # port 1: nothing listens
    rules = [Rule("riot", deliver=(Target(closed, "json", "HOOK_SECRET", attempts=2),))]
    message = SimpleNamespace(key=b"evt-1", value=encode(_alert()),
                              message=SimpleNamespace(topic="events.alerts", partition=0, offset=0))
    async with aiohttp.ClientSession() as session:
        delivery = await Deliveries("alerts", rules, {"HOOK_SECRET": SECRET}, sleep=Pauses()).of_message(
            session, message)
    [letter] = delivery.dead
    assert letter.reason == Reason.DELIVERY_FAILED
    assert letter.detail.startswith("rule riot: 127.0.0.1:1 (json): ClientConnectorError")
    assert letter.detail.endswith("after 2 tries")


async def test_an_alert_of_a_rule_without_webhooks_is_done():
    message = SimpleNamespace(key=b"evt-1", value=encode(_alert()),
                              message=SimpleNamespace(topic="events.alerts", partition=0, offset=0))
    async with aiohttp.ClientSession() as session:
        delivery = await Deliveries("alerts", [Rule("riot", when=When())], {}).of_message(session, message)
    assert delivery.outcomes == [] and delivery.dead == []


async def test_a_message_that_is_not_an_alert_is_a_dead_letter():
    message = SimpleNamespace(key=b"x", value=b'{"id": 3}',
                              message=SimpleNamespace(topic="events.alerts", partition=0, offset=4))
    async with aiohttp.ClientSession() as session:
        delivery = await Deliveries("alerts", [], {}).of_message(session, message)
    [letter] = delivery.dead
    assert (letter.reason, letter.offset) == (Reason.SCHEMA, 4) and "events.alerts" in letter.detail


def test_an_unset_signing_secret_names_the_rule_and_the_variable():
    rules = [Rule("riot", deliver=(Target("https://hooks.example.org/x", "json", "RIOT_HOOK_SECRET"),))]
    with pytest.raises(RulesError, match=r"rule 'riot' .*hooks\.example\.org.*\$RIOT_HOOK_SECRET, which is unset"):
        secrets_for(rules, {})
    assert secrets_for(rules, {"RIOT_HOOK_SECRET": "k"}) == {"RIOT_HOOK_SECRET": b"k"}
