"""Records on the sink topics carry CloudEvents headers (binary mode) that the cloudevents SDK decodes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from cloudevents.core.bindings.kafka import KafkaMessage, from_binary
from cloudevents.core.formats.json import JSONFormat
from cloudevents.v1.kafka import KafkaMessage as LegacyKafkaMessage
from cloudevents.v1.kafka import from_binary as legacy_from_binary

from streams.cloudevents import headers_of, source_of
from streams.codec import dead_letter, encode
from streams.reasons import Reason
from streams.records import Alert, Event
from streams.schemas import SCHEMA_DIR, file_name
from streams.topics import ALERTS, ARTICLES_CLEAN, ARTICLES_ENRICHED, ARTICLES_RAW, DEADLETTER, EVENTS

EVENT = Event(id="ev-1", type="PROTEST", country="KZ", date="2026-06-01", last_seen="2026-06-01T10:00:00Z")
RECORDS = {
    EVENTS.name: encode(EVENT),
    ALERTS.name: encode(Alert(id="a-1", rule="big-protest", severity="high", message="m", event_id="ev-1",
                              at="2026-06-01T10:00:00Z")),
    DEADLETTER.name: encode(dead_letter("enrich", Reason.INVALID_JSON, "not JSON", b"{")),
}
TYPES = {EVENTS.name: "org.kabar.event.upsert", ALERTS.name: "org.kabar.alert.fired",
         DEADLETTER.name: "org.kabar.deadletter"}
AT = datetime(2026, 6, 1, 10, 0, 5, tzinfo=UTC)


@pytest.mark.parametrize("spec", [EVENTS, ALERTS, DEADLETTER], ids=lambda s: s.name)
def test_a_sink_record_decodes_as_a_cloudevent(spec):
    value = RECORDS[spec.name]
    headers = headers_of(spec, value, source_of("kabar"), now=lambda: AT)
    event = from_binary(KafkaMessage(headers=headers, key=b"k", value=value), JSONFormat())
    schema_id = json.loads((SCHEMA_DIR / file_name(spec)).read_text())["$id"]
    assert event.get_specversion() == "1.0"
    assert event.get_type() == TYPES[spec.name]
    assert event.get_source() == "/kabar/kabar"
    assert event.get_dataschema() == schema_id
    assert event.get_datacontenttype() == "application/json"
    assert event.get_time() == AT
    assert event.get_data() == json.loads(value)


def test_the_legacy_sdk_kafka_binding_decodes_them_too():
    value = RECORDS[EVENTS.name]
    event = legacy_from_binary(LegacyKafkaMessage(headers=headers_of(EVENTS, value, "/kabar/kabar"),
                                                  key=b"ev-1", value=value))
    assert event["type"] == "org.kabar.event.upsert"
    assert event.data["id"] == "ev-1"


def test_every_upsert_has_its_own_id():
    """The same state sent twice (a redelivery) is two records, with two ids."""
    value = RECORDS[EVENTS.name]
    ids = {headers_of(EVENTS, value, "/kabar/kabar")["ce_id"] for _ in range(100)}
    assert len(ids) == 100


@pytest.mark.parametrize("spec", [ARTICLES_RAW, ARTICLES_CLEAN, ARTICLES_ENRICHED], ids=lambda s: s.name)
def test_intermediate_topics_carry_no_cloudevents_headers(spec):
    assert headers_of(spec, b"{}", "/kabar/kabar") is None


class _FakeTopic:
    def __init__(self) -> None:
        self.sent: list[dict] = []

    async def send(self, **kwargs) -> None:
        self.sent.append(kwargs)


async def test_the_worker_sends_upserts_and_dead_letters_with_their_headers(monkeypatch):
    from streams.agents import common

    events, dead = _FakeTopic(), _FakeTopic()
    monkeypatch.setitem(common.TOPICS, EVENTS.name, events)
    monkeypatch.setitem(common.TOPICS, DEADLETTER.name, dead)
    await common.send(EVENTS, "ev-1", EVENT)
    await common.publish_dead(dead_letter("cluster", Reason.STAGE_ERROR, "no event", b"{}"))
    for topic, kind in ((events, "org.kabar.event.upsert"), (dead, "org.kabar.deadletter")):
        (sent,) = topic.sent
        decoded = from_binary(KafkaMessage(headers=sent["headers"], key=sent["key"], value=sent["value"]),
                              JSONFormat())
        assert decoded.get_type() == kind
