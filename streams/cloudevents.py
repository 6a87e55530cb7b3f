"""CloudEvents headers (binary mode, Kafka binding) for the records on the sink topics.

A consumer that knows nothing of Kabar reads what a record is from its headers:
``ce_type`` (``org.kabar.event.upsert``...), ``ce_dataschema`` (the JSON Schema's
``$id``, the file in ``schemas/``), ``ce_source``, ``ce_time`` (when it was sent) and a
random ``ce_id`` for every record sent: an upsert is one send, and no field of the record
tells sends apart (the same state is sent again after a redelivery). The value stays the
record's JSON, so consumers that ignore headers see no change.

The headers are built by the ``cloudevents`` SDK's Kafka binding, not by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from cloudevents.core.bindings.kafka import to_binary
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

from streams.schemas import schema_id
from streams.topics import ALERTS, DEADLETTER, EVENTS, TopicSpec

#: the CloudEvents type of each sink topic's records; other topics carry no CloudEvents headers
TYPES: dict[str, str] = {
    EVENTS.name: "org.kabar.event.upsert",
    ALERTS.name: "org.kabar.alert.fired",
    DEADLETTER.name: "org.kabar.deadletter",
}
CONTENT_TYPE = "application/json"
_SCHEMAS: dict[str, str] = {spec.name: schema_id(spec) for spec in (EVENTS, ALERTS, DEADLETTER)}
_FORMAT = JSONFormat()


def source_of(app_id: str) -> str:
    """The ``ce_source`` of the records a Kabar deployment (its Faust app id) sends."""
    return f"/kabar/{app_id}"


def headers_of(spec: TopicSpec, value: bytes, source: str, *,
               new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
               now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> dict[str, bytes] | None:
    """The Kafka headers of a record (``value``, its JSON) sent on ``spec``; None for a topic
    that is not a sink (``TYPES``)."""
    kind = TYPES.get(spec.name)
    if kind is None:
        return None
    event = CloudEvent(
        attributes={"id": new_id(), "source": source, "type": kind, "time": now(),
                    "dataschema": _SCHEMAS[spec.name], "datacontenttype": CONTENT_TYPE},
        data=value,
    )
    return to_binary(event, _FORMAT).headers
