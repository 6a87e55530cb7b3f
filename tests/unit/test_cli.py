"""The ``kabar`` command fails in one line, exit status 2, on a bad setting or a command module that cannot load."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from streams import cli
from streams.settings import VARIABLES
from tests.support import ROOT

#: one invalid value per checked variable (the whole range is in test_settings.py)
INVALID = {
    "KAFKA_BROKER": "localhost:9092",
    "KABAR_APP_ID": "my app",
    "KABAR_APP_VERSION": "0",
    "KABAR_TOPIC_PREFIX": "team/a.",
    "KABAR_PARTITIONS": "abc",
    "KABAR_WEB_PORT": "65536",
    "KABAR_STORE": "redis://",
    "KABAR_HORIZON_DAYS": "0",
    "KABAR_PROCESSING": "bogus",
    "KABAR_NLP_PROCESSES": "-1",
    "KABAR_EMIT_INTERVAL": "-0.2",
    "KAFKA_SASL_USERNAME": "desk",  # without a password
}


def _kabar(tmp_path, *args: str, **variables: str) -> subprocess.CompletedProcess:
    """`kabar ARGS` with only the given Kabar variables set (none inherited from this shell)."""
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(KABAR_HOME=str(tmp_path), **variables)
    return subprocess.run([sys.executable, "-m", "streams.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("variable", "value"), INVALID.items())
def test_a_bad_setting_exits_2_with_one_line_naming_the_variable(tmp_path, variable, value):
    # `kabar feeds health` reads the settings (for KABAR_HOME) and needs no broker
    result = _kabar(tmp_path, "feeds", "health", **{variable: value})
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("kabar: KAFKA_SASL_PASSWORD is unset" if variable == "KAFKA_SASL_USERNAME"
                           else f"kabar: {variable} is {value!r}: it must be ")


def test_good_settings_reach_the_command(tmp_path):
    result = _kabar(tmp_path, "feeds", "health", KABAR_PARTITIONS="8", KABAR_EMIT_INTERVAL="0")
    assert "no ingest state in" in result.stderr and "KABAR_" not in result.stderr


@pytest.mark.parametrize(("source", "named"), [
    ("import kabar_no_such_dependency\n", "No module named 'kabar_no_such_dependency'"),
    ("raise RuntimeError('broken at import')\n", "RuntimeError: broken at import"),
    (None, "No module named 'kabar_broken_commands'"),  # listed, but renamed or never shipped
])
def test_a_command_module_that_cannot_load_fails_kabar_naming_it(tmp_path, monkeypatch, capsys, source, named):
    if source is not None:
        (tmp_path / "kabar_broken_commands.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "kabar_broken_commands"))
    assert cli.main(["feeds", "health"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kabar: the commands of kabar_broken_commands cannot be loaded") and named in line

