"""Is this extracted event the same real-world happening as a canonical one?

Two reports of one happening rarely agree word for word, and never across
languages, so events are compared on what they say about the world: where,
when, who did what to whom, how many.

**Blocking.** Only events of the same country (where it happened), the same
type *family* and an event date within ``DATE_WINDOW`` days are compared.
Families group PLOVER types that different outlets, languages or extractors
use for one happening:

- ``protest``: PROTEST (demonstrations, riots and strikes are one family of
  their own; a riot's violence is reported as separate ASSAULT events).
- ``force``: ASSAULT, COERCE: a crackdown is "police fired" in one report and
  "police detained" in another; both are material conflict by a force.
- ``deploy``: MOBILIZE: troops sent, a different act from using them.
- ``help``: AID, COOPERATE, SUPPORT: material or declared help.
- ``talks``: AGREE, CONSULT: a meeting and its outcome.
- ``pressure``: REQUEST, ACCUSE, REJECT, THREATEN, SANCTION: verbal or
  measured pressure; one speech is coded as several of these.
- ``yield``: CONCEDE, RETREAT: giving ground, resigning, releasing.

An unknown type is a family of its own.

**Score** in [0, 1], a weighted mean of per-field similarities, times a type
factor (1 for the same type, ``SAME_FAMILY_FACTOR`` within a family):

============  ======  =====================================================
field         weight  similarity
============  ======  =====================================================
actors        0.40    per role (actors with actors, targets with targets),
                      overlap over the smaller side: articles name subsets
place         0.25    same GeoNames id or name 1; distance from lat/lon;
                      unknown on either side 0.5
date          0.20    same day 1, one day apart 0.5, two 0.15
counts        0.10    mean min/max ratio over shared kinds (a revised toll
                      stays close; unrelated numbers do not)
mode          0.05    equal 1, different 0, unknown 0.5
============  ======  =====================================================

Actors weigh most because inside a block (say two ASSAULTs in Almaty on one
day) the roles are what tell "police fired on protesters" from "protesters
attacked police"; a swap of roles halves the score. ``MATCH_THRESHOLD`` 0.6
lets through a report that leaves the place out and names the crowd
differently (same country, different sector) on the same day, but not a
role-swapped event nor a same-family different type without agreeing actors
and place.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date
from typing import Any

DATE_WINDOW = 2
MATCH_THRESHOLD = 0.6
SAME_FAMILY_FACTOR = 0.75

FAMILIES: dict[str, str] = {
    "PROTEST": "protest",
    "ASSAULT": "force",
    "COERCE": "force",
    "MOBILIZE": "deploy",
    "AID": "help",
    "COOPERATE": "help",
    "SUPPORT": "help",
    "AGREE": "talks",
    "CONSULT": "talks",
    "REQUEST": "pressure",
    "ACCUSE": "pressure",
    "REJECT": "pressure",
    "THREATEN": "pressure",
    "SANCTION": "pressure",
    "CONCEDE": "yield",
    "RETREAT": "yield",
}

WEIGHTS = {"actors": 0.40, "place": 0.25, "date": 0.20, "counts": 0.10, "mode": 0.05}
DATE_SIMILARITY = {0: 1.0, 1: 0.5, 2: 0.15}
UNKNOWN = 0.5
ROLE_SWAP_FACTOR = 0.5


def family(event_type: str | None) -> str:
    """The blocking family of a PLOVER type (an unknown type is its own)."""
    name = (event_type or "").upper()
    return FAMILIES.get(name, name or "NONE")


def block_key(country: str | None, event_type: str | None, day: str) -> str:
    """The state key of the block holding events of one country, family and date."""
    return f"blk:{country or 'ZZ'}:{family(event_type)}:{day}"


def window_days(day: str) -> list[str]:
    """The ISO dates within ``DATE_WINDOW`` of ``day`` (``day`` first)."""
    center = date.fromisoformat(day)
    offsets = [0] + [s * k for k in range(1, DATE_WINDOW + 1) for s in (-1, 1)]
    return [date.fromordinal(center.toordinal() + k).isoformat() for k in offsets]


def score(new: dict[str, Any], old: dict[str, Any]) -> float:
    """Similarity of two events given as dicts with the ``Event`` field names
    (``location`` as a dict or ``None``); 0 outside the same block."""
    if (new.get("country") or "ZZ") != (old.get("country") or "ZZ"):
        return 0.0
    if family(new.get("type")) != family(old.get("type")):
        return 0.0
    date_sim = _date_similarity(new.get("date"), old.get("date"))
    if date_sim == 0.0:
        return 0.0
    actor_sim, swapped = _role_similarity(new, old)
    total = (
        WEIGHTS["actors"] * actor_sim
        + WEIGHTS["place"] * _place_similarity(new, old)
        + WEIGHTS["date"] * date_sim
        + WEIGHTS["counts"] * _count_similarity(new.get("counts"), old.get("counts"))
        + WEIGHTS["mode"] * _mode_similarity(new.get("mode"), old.get("mode"))
    )
    if new.get("type") != old.get("type"):
        total *= SAME_FAMILY_FACTOR
    if swapped:
        total *= ROLE_SWAP_FACTOR
    return total


def assign(scores: dict[tuple[int, str], float], threshold: float = MATCH_THRESHOLD) -> dict[int, str]:
    """Pair extracted events (by index) with canonical events (by id),
    greedily by decreasing score, one-to-one, keeping pairs >= ``threshold``.

    Ties are broken by index and id so that the pairing is deterministic.
    """
    pairs = sorted(((-s, i, eid) for (i, eid), s in scores.items() if s >= threshold))
    chosen: dict[int, str] = {}
    taken: set[str] = set()
    for _, i, eid in pairs:
        if i not in chosen and eid not in taken:
            chosen[i] = eid
            taken.add(eid)
    return chosen


def _date_similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return UNKNOWN
    try:
        gap = abs(date.fromisoformat(a[:10]).toordinal() - date.fromisoformat(b[:10]).toordinal())
    except ValueError:
        return UNKNOWN
    return DATE_SIMILARITY.get(gap, 0.0)


def normalise(name: str) -> str:
    """Casefolded, diacritics dropped, letters and digits only (``Zhanaözen``
    and ``zhanaozen`` agree)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _label_similarity(a: str, b: str) -> float:
    """Two actor labels: equal 1; same country, other sector 0.5 (``KZ:police``
    vs ``KZ:military`` or ``KZ``); person names sharing words by word overlap
    (a misspelt first name still shares the surname)."""
    if a == b:
        return 1.0
    ca, _, sa = a.partition(":")
    cb, _, sb = b.partition(":")
    if len(ca) == 2 and len(cb) == 2 and ca.isupper() and cb.isupper():
        return 0.5 if ca == cb else 0.0
    wa = {normalise(w) for w in a.split()} - {""}
    wb = {normalise(w) for w in b.split()} - {""}
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    return len(wa & wb) / len(wa | wb)


def _overlap(a: list[str], b: list[str]) -> float:
    """How well the smaller label list is covered by the other (best match each)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(max(_label_similarity(x, y) for y in large) for x in small) / len(small)


def _role_similarity(new: dict[str, Any], old: dict[str, Any]) -> tuple[float, bool]:
    """Actor similarity role by role, and whether the roles look swapped."""
    sims = []
    for role in ("actors", "targets"):
        a, b = new.get(role) or [], old.get(role) or []
        if a and b:
            sims.append(_overlap(a, b))
    if not sims:
        return UNKNOWN, False
    same = sum(sims) / len(sims)
    swapped = False
    na, nt = new.get("actors") or [], new.get("targets") or []
    oa, ot = old.get("actors") or [], old.get("targets") or []
    if same < 0.5 and na and nt and oa and ot:
        swapped = (_overlap(na, ot) + _overlap(nt, oa)) / 2 > same
    return same, swapped


def _place_similarity(new: dict[str, Any], old: dict[str, Any]) -> float:
    la, lb = new.get("location") or {}, old.get("location") or {}
    ga, gb = la.get("geonames_id"), lb.get("geonames_id")
    if ga is not None and ga == gb:
        return 1.0
    na = normalise(new.get("place") or la.get("name") or "")
    nb = normalise(old.get("place") or lb.get("name") or "")
    if na and na == nb:
        return 1.0
    km = _distance_km(la, lb)
    if km is not None:
        return 1.0 if km <= 25 else 0.6 if km <= 100 else 0.2 if km <= 300 else 0.0
    if not na or not nb:
        return UNKNOWN
    # "Kabupaten Malang" and "Malang": one name inside the other
    return 0.8 if na in nb or nb in na else 0.1


def _distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _count_similarity(a: dict[str, int] | None, b: dict[str, int] | None) -> float:
    shared = [k for k in (a or {}) if k in (b or {})]
    if not shared:
        return UNKNOWN
    ratios = []
    for k in shared:
        try:
            x, y = abs(int(a[k])), abs(int(b[k]))
        except (TypeError, ValueError):
            continue
        ratios.append(1.0 if x == y else min(x, y) / max(x, y))
    return sum(ratios) / len(ratios) if ratios else UNKNOWN


def _mode_similarity(a: str | None, b: str | None) -> float:
    if not a or not b:
        return UNKNOWN
    return 1.0 if a == b else 0.0
