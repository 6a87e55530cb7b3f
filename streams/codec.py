"""Bytes <-> records. A payload that fails to decode or fails its schema
becomes a ``DeadLetter`` with the reason, never an exception in an agent.

Topics carry raw bytes in Faust (``value_serializer="raw"``) so that decoding
happens here, where a failure can be caught and routed to ``deadletter``.
Validation uses the same JSON Schemas as ``schemas/`` (compiled once with
fastjsonschema).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, TypeVar

import fastjsonschema
import orjson

from streams.reasons import Reason
from streams.records import DeadLetter, Record
from streams.schemas import topic_schema
from streams.timeutil import utcnow
from streams.topics import BY_NAME, TopicSpec

R = TypeVar("R", bound=Record)
EXCERPT = 300


class DecodeError(ValueError):
    """A payload that is not a valid record: ``reason`` says which way, ``detail`` the particulars."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@lru_cache(maxsize=None)
def _validator(topic: str) -> Callable[[Any], Any]:
    return fastjsonschema.compile(topic_schema(BY_NAME[topic]))


def encode(record: Record) -> bytes:
    """JSON bytes; orjson serialises dataclasses natively (fields only, nested records included)."""
    return orjson.dumps(record)


def decode(spec: TopicSpec, payload: bytes | None) -> Record:
    """Parse and validate ``payload`` as ``spec.record``; raises DecodeError with the reason."""
    if payload is None:
        raise DecodeError(Reason.EMPTY_MESSAGE, "a tombstone")
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(Reason.INVALID_JSON, str(exc)) from None
    try:
        _validator(spec.name)(data)
    except fastjsonschema.JsonSchemaException as exc:
        raise DecodeError(Reason.SCHEMA, f"fails schema {spec.name}: {exc.message}") from None
    return spec.record.from_dict(data)


def excerpt(payload: bytes | str | None, limit: int = EXCERPT) -> str:
    if payload is None:
        return ""
    if isinstance(payload, bytes):
        payload = payload[: limit * 4].decode("utf-8", errors="replace")
    return payload[:limit]


def dead_letter(stage: str, reason: Reason, detail: str = "", payload: bytes | str | None = None, *,
                topic: str | None = None, partition: int | None = None, offset: int | None = None,
                key: bytes | str | None = None) -> DeadLetter:
    if isinstance(key, bytes):
        key = key.decode("utf-8", errors="replace")
    return DeadLetter(stage=stage, reason=reason, at=utcnow(), topic=topic, partition=partition,
                      offset=offset, key=key, excerpt=excerpt(payload), detail=detail)
