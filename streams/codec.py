"""Bytes <-> records. A payload that fails to decode or fails its schema
becomes a ``DeadLetter`` with the reason, never an exception in an agent.

Topics carry raw bytes in Faust (``value_serializer="raw"``) so that decoding
happens here, where a failure can be caught and routed to ``deadletter``.
One msgspec decoder per topic parses, validates and builds the record in one
pass, against the same types ``schemas/`` is generated from: malformed JSON is
``Reason.INVALID_JSON``, a wrong type or a missing field ``Reason.SCHEMA`` with
msgspec's message, which names the field's path (``... - at `$.events[0].type```).
"""

from __future__ import annotations

from functools import lru_cache

import msgspec

from streams.reasons import Reason
from streams.records import DeadLetter, Record
from streams.timeutil import utcnow
from streams.topics import BY_NAME, TopicSpec

EXCERPT = 300
#: one encoder for every record: a Struct encodes its fields in order, nested records included
_ENCODER = msgspec.json.Encoder()


class DecodeError(ValueError):
    """A payload that is not a valid record: ``reason`` says which way, ``detail`` the particulars."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@lru_cache(maxsize=None)
def _decoder(topic: str) -> msgspec.json.Decoder:
    return msgspec.json.Decoder(BY_NAME[topic].record)


def encode(record: Record) -> bytes:
    """JSON bytes of a record."""
    return _ENCODER.encode(record)


def decode(spec: TopicSpec, payload: bytes | None) -> Record:
    """Parse and validate ``payload`` as ``spec.record``; raises DecodeError with the reason."""
    if payload is None:
        raise DecodeError(Reason.EMPTY_MESSAGE, "a tombstone")
    try:
        return _decoder(spec.name).decode(payload)
    except msgspec.ValidationError as exc:
        raise DecodeError(Reason.SCHEMA, f"fails schema {spec.name}: {exc}") from None
    except msgspec.DecodeError as exc:
        raise DecodeError(Reason.INVALID_JSON, str(exc)) from None


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
