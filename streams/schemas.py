"""JSON Schemas for every topic, generated from the records in ``records.py``.

``kabar schemas write`` regenerates ``schemas/<topic>.v<N>.json``; ``kabar
schemas check`` (and a unit test) fails when the files and the records have
drifted. Consumers rely on the files: a breaking change bumps
``records.SCHEMA_VERSION`` and the topic name.

Objects allow extra properties so that adding an optional field is not a
breaking change for consumers that validate.
"""

from __future__ import annotations

import types
from dataclasses import MISSING, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import orjson

from streams.records import SCHEMA_VERSION, Record
from streams.topics import ALL_TOPICS, TopicSpec

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
_PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _type_schema(tp: Any) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        inner = [a for a in args if a is not type(None)]
        schema = _type_schema(inner[0]) if len(inner) == 1 else {"anyOf": [_type_schema(a) for a in inner]}
        if type(None) in args:
            if "type" in schema and isinstance(schema["type"], str):
                return {**schema, "type": [schema["type"], "null"]}
            return {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is list:
        (item,) = get_args(tp)
        return {"type": "array", "items": _type_schema(item)}
    if origin is dict:
        _, value = get_args(tp)
        return {"type": "object", "additionalProperties": _type_schema(value)}
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        return {"type": "string", "enum": [member.value for member in tp], "description": " ".join(tp.__doc__.split())}
    if tp is float:
        return {"type": "number"}
    if tp in _PRIMITIVES:
        return {"type": _PRIMITIVES[tp]}
    if isinstance(tp, type) and issubclass(tp, Record):
        return object_schema(tp)
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def object_schema(cls: type[Record]) -> dict[str, Any]:
    hints = get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in fields(cls):  # type: ignore[arg-type]
        props[f.name] = _type_schema(hints[f.name])
        if f.default is MISSING and f.default_factory is MISSING:  # type: ignore[misc]
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object", "properties": props, "required": required}
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    return schema


def file_name(spec: TopicSpec) -> str:
    return f"{spec.name}.v{SCHEMA_VERSION}.json"


def topic_schema(spec: TopicSpec) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kabar.dev/schemas/{file_name(spec)}",
        "title": f"{spec.record.__name__} on topic {spec.name} (key: {spec.key})",
        "x-kabar-topic": spec.name,
        "x-kabar-version": SCHEMA_VERSION,
        **object_schema(spec.record),
    }


def render(spec: TopicSpec) -> bytes:
    return orjson.dumps(topic_schema(spec), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def drift(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the records."""
    return [file_name(s) for s in ALL_TOPICS if not (directory / file_name(s)).exists()
            or (directory / file_name(s)).read_bytes() != render(s)]
