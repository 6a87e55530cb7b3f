"""Test data from ``../shared`` (the gold articles, corpora and benchmarks beside the checkout).

A test that reads it is marked ``@needs_shared``: on a clone without ``../shared`` it skips with
a one-line reason; where ``../shared`` is there (as in CI) it runs, and a missing file fails it.
"""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = SHARED / "corpora"
DEV = SHARED / "eval" / "dev"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is not beside the checkout")
