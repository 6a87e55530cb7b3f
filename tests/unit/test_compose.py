"""docker-compose.yml, checked without a Docker engine: it follows the Compose Specification's JSON
Schema (vendored in deploy/compose/), and its Kabar services run commands and settings Kabar accepts."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
import yaml

from streams.cli import build_parser
from streams.settings import VARIABLES, from_env
from tests.support import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SCHEMA = json.loads((ROOT / "deploy" / "compose" / "compose-spec.json").read_text())
#: the services built from the Dockerfile, whose entry point is `kabar`
KABAR_SERVICES = {name: service for name, service in COMPOSE["services"].items() if "build" in service}


def _validator() -> jsonschema.Draft7Validator:
    # the schema says draft-07 by an address jsonschema does not recognise (https, no '#')
    assert SCHEMA["$schema"].startswith("https://json-schema.org/draft-07/")
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    return jsonschema.Draft7Validator(SCHEMA)


def test_docker_compose_yml_follows_the_compose_specification():
    _validator().validate(COMPOSE)


@pytest.mark.parametrize("path, value", [
    (["services", "worker", "enviroment"], {}),  # misspelt
    (["services", "worker", "depends_on", "kafka", "condition"], "service_healty"),
    (["services", "desk", "ports"], "8080:8080"),
    (["volumes", "kabar-data"], {"driver": 5}),
])
def test_the_schema_refuses_what_compose_would(path, value):
    broken = copy.deepcopy(COMPOSE)
    node = broken
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(broken)


def test_the_kabar_services_run_kabar_commands_with_settings_it_accepts():
    assert set(KABAR_SERVICES) == {"worker", "replay-sample", "producer", "desk"}
    kafka = COMPOSE["services"]["kafka"]["environment"]
    advertised = dict(listener.split("://") for listener in kafka["KAFKA_ADVERTISED_LISTENERS"].split(","))
    for name, service in KABAR_SERVICES.items():
        args = build_parser().parse_args(service["command"])
        assert args.command == service["command"][0]
        env = {key: str(value) for key, value in service["environment"].items()}
        assert set(env) <= set(VARIABLES), f"{name}: not in streams/settings.py"
        settings = from_env(env)
        assert settings.bootstrap_servers == advertised["PLAINTEXT"]
        assert settings.partitions == kafka["KAFKA_NUM_PARTITIONS"]


def test_the_desk_listens_where_compose_publishes_it():
    desk = COMPOSE["services"]["desk"]
    args = build_parser().parse_args(desk["command"])
    assert args.host == "0.0.0.0"
    assert desk["ports"] == [f"{args.port}:{args.port}"]
