"""Fixtures shared by the suites on the real broker (see tests/support.py)."""

from tests.support import pipeline_env, worker  # noqa: F401
