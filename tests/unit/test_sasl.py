"""SASL/PLAIN reaches every client, the worker's Faust App included, from one place (``admin.kafka_auth``)."""

from __future__ import annotations

import json
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from streams.admin import kafka_auth
from streams.settings import SettingsError, from_env

ROOT = Path(__file__).resolve().parents[2]
SECRET = "hunter2-not-in-logs"

#: prints what the worker's App hands aiokafka, and the credentials' repr, as JSON
SHOW_APP_AUTH = """
import json
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from streams.app import app
credentials = app.conf.broker_credentials
auth = dict(credentials_to_aiokafka_auth(credentials))
auth["ssl_context"] = type(auth.get("ssl_context")).__name__
print(json.dumps({"auth": auth, "repr": repr(credentials)}))
"""


def _app_auth(tmp_path, **env: str) -> tuple[dict, str, str]:
    """What the App built in a fresh process with ``env`` gives its Kafka clients, the credentials'
    repr, and what the process logged (stderr)."""
    result = subprocess.run([sys.executable, "-c", SHOW_APP_AUTH], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT), "KABAR_HOME": str(tmp_path), **env}, check=True)
    shown = json.loads(result.stdout.splitlines()[-1])
    return shown["auth"], shown["repr"], result.stderr


def _credentials(protocol: str) -> dict[str, str]:
    return {"KAFKA_SASL_USERNAME": "kabar-worker", "KAFKA_SASL_PASSWORD": SECRET, "KAFKA_SASL_PROTOCOL": protocol}


@pytest.mark.parametrize("protocol", ["SASL_SSL", "SASL_PLAINTEXT"])
def test_the_worker_app_authenticates_as_every_other_client(tmp_path, protocol):
    env = _credentials(protocol)
    auth, shown, logged = _app_auth(tmp_path, **env)
    clients = kafka_auth(from_env(env))
    assert auth["security_protocol"] == clients["security_protocol"] == protocol
    assert auth["sasl_mechanism"] == clients["sasl_mechanism"] == "PLAIN"
    assert auth["sasl_plain_username"] == clients["sasl_plain_username"] == "kabar-worker"
    assert auth["sasl_plain_password"] == clients["sasl_plain_password"] == SECRET
    assert (auth["ssl_context"] == "SSLContext") == isinstance(clients.get("ssl_context"), ssl.SSLContext) \
        == (protocol == "SASL_SSL")
    assert "kabar-worker" in shown and SECRET not in shown and SECRET not in logged


def test_without_credentials_the_app_and_the_clients_use_plaintext(tmp_path):
    auth, _, _ = _app_auth(tmp_path)
    assert auth["security_protocol"] == "PLAINTEXT" and "sasl_plain_password" not in auth
    assert kafka_auth(from_env({})) == {}


def test_an_unknown_protocol_is_refused_naming_the_variable():
    with pytest.raises(SettingsError, match="^KAFKA_SASL_PROTOCOL is 'SSL': it must be SASL_SSL or SASL_PLAINTEXT"):
        from_env(_credentials("SSL"))
