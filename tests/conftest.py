"""Fixtures shared by the suites on the real broker (see tests/support.py), and Hypothesis
without deadlines: a first example that loads a lexicon is slow, and speed is measured by
``kabar bench``, never asserted in a test."""

from hypothesis import settings

from tests.support import pipeline_env, worker  # noqa: F401

settings.register_profile("kabar", deadline=None)
settings.load_profile("kabar")
