"""JSON Schemas for every topic, generated from the records in ``records.py`` by msgspec.

``kabar schemas write`` regenerates ``schemas/<topic>.v<N>.json``, N being the
topic's own ``TopicSpec.version``; ``kabar schemas check`` (and a unit test)
fails when the files and the records have drifted. Consumers rely on the
files: a breaking change bumps that topic's version and its name.

``msgspec.json.schema_components`` does the mapping from types; ``_shape``
then gives its output the form the v1 files were published in, so that
consumers see the same document: nested records inlined rather than
``$ref``-erenced, ``X | None`` as ``"type": [X, "null"]``, enum values in
declaration order, no titles or defaults. Objects allow extra properties so
that adding an optional field is not a breaking change for consumers that
validate.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import msgspec
import orjson
from msgspec import inspect

from streams.topics import ALL_TOPICS, TopicSpec

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
_REF = "#/$defs/"
_NULL = {"type": "null"}


def _enums(record: type) -> dict[str, type[Enum]]:
    """Every enumeration a record holds, by name (msgspec lists enum values sorted; consumers got them in
    declaration order)."""
    found: dict[str, type[Enum]] = {}

    def walk(t: inspect.Type) -> None:
        if isinstance(t, inspect.EnumType):
            found[t.cls.__name__] = t.cls
        elif isinstance(t, inspect.StructType):
            for f in t.fields:
                walk(f.type)
        elif isinstance(t, (inspect.ListType, inspect.SetType, inspect.FrozenSetType, inspect.VarTupleType)):
            walk(t.item_type)
        elif isinstance(t, inspect.DictType):
            walk(t.value_type)
        elif isinstance(t, inspect.UnionType):
            for member in t.types:
                walk(member)

    walk(inspect.type_info(record))
    return found


def _shape(node: Any, defs: dict[str, Any], enums: dict[str, type[Enum]]) -> Any:
    """msgspec's schema of one type, in the published form (see the module docstring)."""
    if "$ref" in node:
        name = node["$ref"].removeprefix(_REF)
        if name in enums:
            return {"type": "string", "enum": [m.value for m in enums[name]],
                    "description": " ".join(defs[name]["description"].split())}
        return _shape(defs[name], defs, enums)
    if "anyOf" in node:
        members = [_shape(m, defs, enums) for m in node["anyOf"]]
        if len(members) == 2 and _NULL in members:
            (other,) = [m for m in members if m != _NULL]
            if isinstance(other.get("type"), str):
                return {**other, "type": [other["type"], "null"]}
            return {"anyOf": [other, _NULL]}
        return {"anyOf": members}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("title", "default"):
            continue
        if key == "properties":
            value = {name: _shape(v, defs, enums) for name, v in value.items()}
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            value = _shape(value, defs, enums)
        elif key == "description":
            value = " ".join(value.split())
        out[key] = value
    if "properties" in out:
        out.setdefault("required", [])
    return out


def file_name(spec: TopicSpec) -> str:
    return f"{spec.name}.v{spec.version}.json"


def schema_id(spec: TopicSpec) -> str:
    """The ``$id`` of the topic's schema (the CloudEvents ``dataschema`` of its records)."""
    return f"https://kabar.dev/schemas/{file_name(spec)}"


def topic_schema(spec: TopicSpec) -> dict[str, Any]:
    (ref,), defs = msgspec.json.schema_components([spec.record], ref_template=_REF + "{name}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(spec),
        "title": f"{spec.record.__name__} on topic {spec.name} (key: {spec.key})",
        "x-kabar-topic": spec.name,
        "x-kabar-version": spec.version,
        **_shape(ref, defs, _enums(spec.record)),
    }


def render(spec: TopicSpec) -> bytes:
    return orjson.dumps(topic_schema(spec), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def drift(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the records."""
    return [file_name(s) for s in ALL_TOPICS if not (directory / file_name(s)).exists()
            or (directory / file_name(s)).read_bytes() != render(s)]
