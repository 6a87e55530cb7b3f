"""Faust wiring only: decode, call one pure stage, send. One module per stage.

Imports run one way: an agent module imports ``streams.app`` (the App, its topics and tables)
and registers itself on it; nothing imports the agents but the worker's entry point
(``load``), so any agent module can be imported, and tested, on its own.
"""

from __future__ import annotations

import importlib

#: the modules that register agents, timers and pages on the App, in the order the worker loads them
MODULES = (
    "streams.agents.normalize",
    "streams.agents.enrich",
    "streams.agents.cluster",
    "streams.agents.alerts",
    "streams.desk.stats",
)


def load() -> None:
    """Register every agent on the App (the worker's entry point calls this before starting it)."""
    for name in MODULES:
        importlib.import_module(name)
