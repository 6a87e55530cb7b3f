"""A gold folder split by story into a *tune* half and a *check* half.

Failures are studied only on *tune*; *check* measures whether a change holds on
articles nobody looked at, so the gap between the two halves measures
overfitting. Whole stories go to one half (a syndicated copy or the same
happening in another language would otherwise leak the answer), and stories
are dealt per language so both halves cover every language. The split is
drawn once with a fixed seed and committed (``eval/dev-split.json``): it must
not move when articles are re-tuned.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HALVES = ("tune", "check")
#: the committed split of ../shared/eval/dev, relative to the repository root
DEFAULT_SPLIT = Path(__file__).resolve().parent.parent / "eval" / "dev-split.json"


def make_split(gold: list[dict[str, Any]], seed: int) -> dict[str, Any]:
    """Deal the stories of ``gold`` into two halves of about equal size per language.

    A story counts for the language most of its articles are written in; stories are
    shuffled with ``seed`` and each goes to the half that has fewer articles of that
    language so far (ties: fewer articles overall, then *tune*).
    """
    stories: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for obj in gold:
        stories[obj.get("story") or obj["id"]].append(obj)
    names = sorted(stories)
    random.Random(seed).shuffle(names)
    per_lang: dict[str, Counter] = defaultdict(Counter)
    sizes: Counter = Counter()
    halves: dict[str, list[str]] = {h: [] for h in HALVES}
    for name in names:
        arts = stories[name]
        lang = Counter(a.get("language") for a in arts).most_common(1)[0][0]
        half = min(HALVES, key=lambda h: (per_lang[lang][h], sizes[h], HALVES.index(h)))
        per_lang[lang][half] += len(arts)
        sizes[half] += len(arts)
        halves[half].extend(sorted(a["id"] for a in arts))
    return {"seed": seed, "by": "story", **{h: sorted(ids) for h, ids in halves.items()}}


def load_split(path: str | Path = DEFAULT_SPLIT) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def select(gold: list[dict[str, Any]], split: dict[str, Any], half: str) -> list[dict[str, Any]]:
    """The articles of ``gold`` in one half; an article the split does not know is an error,
    since it would silently land in neither half."""
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r}: use one of {', '.join(HALVES)}")
    known = set(split["tune"]) | set(split["check"])
    unknown = sorted(o["id"] for o in gold if o["id"] not in known)
    if unknown:
        raise ValueError(f"articles not in the split: {', '.join(unknown[:5])}"
                         f"{' ...' if len(unknown) > 5 else ''}; regenerate it with --write-split")
    wanted = set(split[half])
    return [o for o in gold if o["id"] in wanted]
