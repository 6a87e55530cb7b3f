"""The ``kabar`` command fails in one line, exit status 2, on a bad setting, and with a traceback on a command
module that cannot load (never without the module's commands)."""

from __future__ import annotations

import os
import pkgutil
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


#: `kabar feeds health` with the import of the module named by argv[1] failing, as a syntax error
#: or a missing dependency in it would
BROKEN_MODULE = """
import runpy, sys

BROKEN = sys.argv[1]

class Broken:
    def find_spec(self, name, path=None, target=None):
        if name == BROKEN:
            raise RuntimeError(f"{name} is broken")

sys.meta_path.insert(0, Broken())
sys.argv = ["kabar", "feeds", "health"]
runpy.run_module("streams.cli", run_name="__main__")
"""
COMMAND_MODULES = sorted(f"streams.cli.{m.name}" for m in pkgutil.iter_modules(cli.__path__) if not m.name.startswith("_"))


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_a_command_module_that_cannot_load_fails_kabar_with_its_traceback(tmp_path, module):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    result = subprocess.run([sys.executable, "-c", BROKEN_MODULE, module], env=dict(env, KABAR_HOME=str(tmp_path)),
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("Traceback") and f"RuntimeError: {module} is broken" in result.stderr


def test_kabar_offers_the_commands_of_every_command_module():
    assert sorted(m.__name__ for m in cli.COMMAND_MODULES) == COMMAND_MODULES
