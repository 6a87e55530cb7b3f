"""The published schemas agree with the records, and records round-trip through them."""

from __future__ import annotations

import json

import jsonschema
import pytest

from streams.codec import DecodeError, dead_letter, decode, encode
from streams.reasons import Reason
from streams.records import CountValue, Event, Evidence, Location, RawArticle
from streams.schemas import SCHEMA_DIR, drift, file_name
from streams.topics import ALL_TOPICS, ARTICLES_RAW, DEADLETTER, EVENTS


def test_schema_files_match_the_records():
    assert drift() == [], "run `kabar schemas write` and commit the result"


@pytest.mark.parametrize("spec", ALL_TOPICS, ids=lambda s: s.name)
def test_each_schema_file_is_a_valid_versioned_json_schema(spec):
    schema = json.loads((SCHEMA_DIR / file_name(spec)).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["x-kabar-topic"] == spec.name
    assert file_name(spec).endswith(f".v{schema['x-kabar-version']}.json")


def _event() -> Event:
    return Event(id="ev1", type="PROTEST", country="KZ", date="2022-01-06", mode="riot", place="Almaty",
                 location=Location("Almaty", "KZ", 43.25, 76.92, 1526384), counts={"arrested": 2000},
                 count_sources={"arrested": CountValue(2000, "a1", "2022-01-07T12:00:00+07:00")},
                 articles=["a1"], sources=["example.org"], evidence=[Evidence("a1", "Riots in Almaty.", "en")])


def test_an_event_round_trips_and_validates_against_the_published_file():
    event = _event()
    payload = encode(event)
    schema = json.loads((SCHEMA_DIR / file_name(EVENTS)).read_text())
    jsonschema.validate(json.loads(payload), schema)
    assert decode(EVENTS, payload) == event


@pytest.mark.parametrize("payload, reason", [
    (b"\xff\x00", Reason.INVALID_JSON),
    (b'{"id": "a", "url": "u", "title": "t", "text": 5, "published_at": "2022-01-01T00:00:00Z"}', Reason.SCHEMA),
    (b'{"id": "a"}', Reason.SCHEMA),
    (None, Reason.EMPTY_MESSAGE),
])
def test_a_bad_payload_raises_decode_error_with_the_reason(payload, reason):
    with pytest.raises(DecodeError) as raised:
        decode(ARTICLES_RAW, payload)
    assert raised.value.reason == reason


def test_the_dead_letter_schema_lists_every_reason_and_takes_no_other():
    schema = json.loads((SCHEMA_DIR / file_name(DEADLETTER)).read_text())
    assert schema["properties"]["reason"]["enum"] == [reason.value for reason in Reason]
    assert "detail" in schema["properties"] and "detail" not in schema["required"]
    letter = dead_letter("normalize", Reason.INVALID_JSON, "unexpected character", b"\x00\xff", topic="articles.raw")
    payload = json.loads(encode(letter))
    jsonschema.validate(payload, schema)
    assert (payload["reason"], payload["detail"]) == ("invalid-json", "unexpected character")
    assert decode(DEADLETTER, encode(letter)).reason is Reason.INVALID_JSON
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(payload, reason="undecodable: not JSON"), schema)


def test_a_dead_letter_without_a_detail_still_validates():
    """Letters written before ``detail`` existed: the field is optional."""
    schema = json.loads((SCHEMA_DIR / file_name(DEADLETTER)).read_text())
    jsonschema.validate({"stage": "cluster", "reason": "stage-error", "at": "2026-01-01T00:00:00Z"}, schema)


def test_unknown_fields_are_tolerated_for_forward_compatibility():
    article = RawArticle(id="a", url="https://x.org/a", title="t", text="x", published_at="2022-01-01T00:00:00Z")
    data = json.loads(encode(article))
    data["added_in_v2"] = True
    assert decode(ARTICLES_RAW, json.dumps(data).encode()) == article
