"""Every variable of the settings table is checked as it is read: bad values name themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from streams import settings as settings_module
from streams.settings import VARIABLES, Settings, SettingsError, from_env

#: (variable, value) pairs Kabar cannot run with, one or more per rule of the settings table
INVALID = [
    ("KAFKA_BROKER", "localhost:9092"),
    ("KAFKA_BROKER", "kafka://localhost"),
    ("KAFKA_BROKER", "kafka://localhost:0"),
    ("KAFKA_BROKER", "kafka://localhost:65536"),
    ("KAFKA_BROKER", "kafka://a:9092,b:9092"),
    ("KAFKA_BROKER", "kafka://a:9092;"),
    ("KABAR_APP_ID", "my app"),
    ("KABAR_APP_VERSION", "0"),
    ("KABAR_APP_VERSION", "two"),
    ("KABAR_TOPIC_PREFIX", "team/a."),
    ("KABAR_PARTITIONS", "abc"),
    ("KABAR_PARTITIONS", "0"),
    ("KABAR_WEB_PORT", "0"),
    ("KABAR_WEB_PORT", "65536"),
    ("KABAR_STORE", "redis://"),
    ("KABAR_STORE", "rocksdb"),
    ("KABAR_STORE", "aerospike://"),
    ("KABAR_HORIZON_DAYS", "0"),
    ("KABAR_HORIZON_DAYS", "-7"),
    ("KABAR_HORIZON_DAYS", "1.5"),
    ("KABAR_PROCESSING", "bogus"),
    ("KABAR_PROCESSING", "exactly-once"),
    ("KABAR_NLP_PROCESSES", "-1"),
    ("KABAR_EMIT_INTERVAL", "-0.2"),
    ("KABAR_EMIT_INTERVAL", "nan"),
    ("KABAR_EMIT_INTERVAL", "inf"),
    ("KABAR_EMIT_INTERVAL", "soon"),
]


@pytest.mark.parametrize(("variable", "value"), INVALID)
def test_an_invalid_value_is_refused_naming_the_variable_the_value_and_what_it_accepts(variable, value):
    with pytest.raises(SettingsError) as refused:
        from_env({variable: value})
    assert str(refused.value) == f"{variable} is {value!r}: it must be {VARIABLES[variable].accepts}"


def test_sasl_credentials_come_both_or_neither_and_the_password_is_never_shown():
    with pytest.raises(SettingsError, match="^KAFKA_SASL_PASSWORD is unset: .*KAFKA_SASL_USERNAME"):
        from_env({"KAFKA_SASL_USERNAME": "desk"})
    with pytest.raises(SettingsError, match="^KAFKA_SASL_USERNAME is unset: .*KAFKA_SASL_PASSWORD") as refused:
        from_env({"KAFKA_SASL_PASSWORD": "hunter2"})
    assert "hunter2" not in str(refused.value)


def test_valid_values_parse():
    env = {
        "KAFKA_BROKER": "kafka://kafka-1.internal:9092;kafka://10.0.0.2:19092",
        "KABAR_HOME": "/srv/kabar",
        "KABAR_APP_ID": "kabar-desk_2",
        "KABAR_APP_VERSION": "3",
        "KABAR_TOPIC_PREFIX": "team-a.",
        "KABAR_PARTITIONS": "1",
        "KABAR_WEB_PORT": "65535",
        "KABAR_STORE": "memory://",
        "KABAR_HORIZON_DAYS": "30",
        "KABAR_PROCESSING": "exactly_once",
        "KABAR_NLP_PROCESSES": "0",
        "KABAR_EMIT_INTERVAL": "0",
        "KAFKA_SASL_USERNAME": "desk",
        "KAFKA_SASL_PASSWORD": "hunter2",
    }
    assert from_env(env) == Settings(
        broker="kafka://kafka-1.internal:9092;kafka://10.0.0.2:19092", home=Path("/srv/kabar"),
        app_id="kabar-desk_2", app_version=3, topic_prefix="team-a.", partitions=1, web_port=65535,
        store="memory://", horizon_days=30, processing_guarantee="exactly_once", nlp_processes=0,
        emit_interval=0.0, sasl_username="desk", sasl_password="hunter2")
    assert from_env(env).bootstrap_servers == "kafka-1.internal:9092,10.0.0.2:19092"


def test_the_defaults_are_unchanged_and_an_empty_variable_counts_as_unset():
    defaults = Settings(broker="kafka://127.0.0.1:9092", home=Path(".kabar").resolve(), app_id="kabar",
                        app_version=1, topic_prefix="", partitions=4, web_port=6066, store="rocksdb://",
                        horizon_days=7, processing_guarantee="at_least_once", nlp_processes=1,
                        emit_interval=0.2, sasl_username=None, sasl_password=None)
    assert from_env({}) == defaults
    assert from_env({name: "" for name in VARIABLES}) == defaults


def test_the_documented_table_lists_exactly_the_checked_variables():
    documented = re.findall(r"^(KA(?:BAR|FKA)_[A-Z_]+) ", settings_module.__doc__, flags=re.MULTILINE)
    assert sorted(documented) == sorted(VARIABLES)
