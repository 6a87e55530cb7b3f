"""Consumers see no change: the published v1 schema files accept what the pipeline produces, and
the codec rejects what they reject.

The records come from the pipeline's own path (archive object -> normalize -> enrich -> cluster,
alerts and dead letters beside them) over the golden inputs, the bundled sample and, where
``../shared`` is there, the dev gold folder.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import jsonschema
import pytest

from streams.bench.codec import pipeline_records
from streams.codec import DecodeError, decode, encode
from streams.reasons import Reason
from streams.replay import sample_archive
from streams.schemas import SCHEMA_DIR, file_name
from streams.topics import ALL_TOPICS
from tests.shared import DEV

GOLDEN = SCHEMA_DIR.parent / "tests" / "golden" / "events"

#: SHA-256 (first 16 hex digits) of each published v1 file without its ``description``s, as published
#: before the records became msgspec Structs: what a validator checks must never change under v1
PUBLISHED_V1 = {
    "articles.raw": "010b3cf84f3fee7a",
    "articles.clean": "08c0cba1afe9eb22",
    "articles.enriched": "a11a99d5dcfc81be",
    "events": "c23ef288367911d9",
    "events.alerts": "45e556cc084eaac7",
    "deadletter": "5ae749d19ef484bf",
}


def _published(spec) -> dict:
    return json.loads((SCHEMA_DIR / file_name(spec)).read_text(encoding="utf-8"))


def _without_descriptions(node):
    if isinstance(node, dict):
        return {k: _without_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [_without_descriptions(v) for v in node]
    return node


@lru_cache(maxsize=1)
def _produced() -> dict[str, list[bytes]]:
    objects = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.input.json"))]
    objects += [json.loads(line) for line in sample_archive().read_text(encoding="utf-8").splitlines() if line]
    if DEV.is_dir():
        objects += [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]
    return {spec.name: [encode(r) for r in records] for spec, records in pipeline_records(objects).items()}


@pytest.mark.parametrize("spec", ALL_TOPICS, ids=lambda s: s.name)
def test_what_a_validator_checks_in_each_v1_file_is_as_published(spec):
    assert spec.version == 1
    canonical = json.dumps(_without_descriptions(_published(spec)), sort_keys=True).encode()
    assert hashlib.sha256(canonical).hexdigest()[:16] == PUBLISHED_V1[spec.name]


@pytest.mark.parametrize("spec", ALL_TOPICS, ids=lambda s: s.name)
def test_the_published_file_accepts_every_record_the_pipeline_produces(spec):
    validator = jsonschema.Draft202012Validator(_published(spec))
    payloads = _produced()[spec.name]
    assert payloads, f"the pipeline produced no {spec.name} record"
    for payload in payloads:
        validator.validate(json.loads(payload))
        assert encode(decode(spec, payload)) == payload


def _wrong(prop: dict):
    """A value of the wrong type for a property: a float, or a string where a number goes."""
    return "x" if "number" in (prop.get("type") or ()) else 3.5


@pytest.mark.parametrize("spec", ALL_TOPICS, ids=lambda s: s.name)
def test_the_codec_rejects_what_the_published_file_rejects(spec):
    """Each required field missing, and each field of the wrong type: both the file and the codec say no."""
    schema = _published(spec)
    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads(_produced()[spec.name][0])
    broken = [{k: v for k, v in data.items() if k != name} for name in schema["required"]]
    broken += [dict(data, **{name: _wrong(prop)}) for name, prop in schema["properties"].items()]
    for bad in broken:
        assert not validator.is_valid(bad)
        with pytest.raises(DecodeError) as raised:
            decode(spec, json.dumps(bad).encode())
        assert raised.value.reason == Reason.SCHEMA
