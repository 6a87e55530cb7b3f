"""Imports run one way (issue 12): the App imports no agent, and each agent module imports on its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from streams import agents

ROOT = Path(__file__).resolve().parents[2]

#: prints which agent modules (of ``agents.MODULES``) an import brought in
SHOW = """
import importlib, json, sys
from streams import agents
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m for m in agents.MODULES if m in sys.modules)))
"""


def _loaded_by(module: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", SHOW, module], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_building_the_app_imports_no_agent():
    assert _loaded_by("streams.app") == []


@pytest.mark.parametrize("module", agents.MODULES)
def test_each_agent_module_imports_alone(module):
    assert _loaded_by(module) == [module]
