"""Small shared helpers of the text stage: data-file loading and word tokens.

Lexicons and patterns live in ``streams/data/<lang>/<name>.json`` (one file
per language and concern) and ``streams/data/common/``. They are read once
and cached: adding a language means adding files, not code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: a word: letters, digits, marks and inner apostrophes/hyphens ("Al-Qaeda", "l'armée")
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


@lru_cache(maxsize=None)
def load_data(lang: str, name: str) -> Any:
    """The decoded JSON of ``data/<lang>/<name>.json``, or ``None`` if absent."""
    path = DATA_DIR / lang / f"{name}.json"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def languages_with(name: str) -> tuple[str, ...]:
    """The language codes that have a ``<name>.json`` data file, sorted."""
    if not DATA_DIR.is_dir():
        return ()
    return tuple(
        sorted(
            d.name
            for d in DATA_DIR.iterdir()
            if d.is_dir() and d.name != "common" and (d / f"{name}.json").is_file()
        )
    )


def alternation(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation of ``phrases``, longest first (so the longest match wins), each
    escaped, with ``space`` for the spaces between its words."""
    return "|".join(space.join(map(re.escape, p.split(" "))) for p in sorted(set(phrases), key=len, reverse=True))


def words(text: str) -> list[str]:
    """Case-folded word tokens of ``text``."""
    return WORD_RE.findall(text.casefold())
