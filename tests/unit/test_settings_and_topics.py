from __future__ import annotations

import ast
from pathlib import Path

import pytest

from streams.settings import from_env
from streams.topics import ALL_TOPICS, ARTICLES_RAW, EVENTS


def test_secrets_are_masked_in_repr():
    s = from_env({"KAFKA_SASL_USERNAME": "desk", "KAFKA_SASL_PASSWORD": "hunter2"})
    assert "hunter2" not in repr(s) and "***" in repr(s)


def test_an_external_broker_is_not_managed_locally():
    assert from_env({}).local_broker
    s = from_env({"KAFKA_BROKER": "kafka://kafka.internal:9093"})
    assert not s.local_broker and s.bootstrap_servers == "kafka.internal:9093" and s.broker_port == 9093


def test_a_new_state_generation_has_its_own_consumer_group():
    assert from_env({}).group_id == "kabar"
    assert from_env({"KABAR_APP_VERSION": "3"}).group_id == "kabar-v3"


def test_events_topic_is_compacted_the_replay_log_kept_and_others_expire():
    assert EVENTS.config()["cleanup.policy"] == "compact"
    # articles.raw carries publication times as timestamps: time retention would drop old news at once
    assert ARTICLES_RAW.config()["retention.ms"] == "-1"
    for spec in ALL_TOPICS:
        if spec not in (EVENTS, ARTICLES_RAW):
            assert spec.config()["cleanup.policy"] == "delete" and int(spec.config()["retention.ms"]) > 0


@pytest.mark.parametrize("package", ["nlp", "dedup"])
def test_pure_packages_import_no_kafka_faust_or_settings(package):
    root = Path(__file__).resolve().parents[2] / "streams" / package
    forbidden = ("faust", "aiokafka", "streams.settings", "streams.app", "streams.agents")
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert not name.startswith(forbidden), f"{path.name} imports {name}"
