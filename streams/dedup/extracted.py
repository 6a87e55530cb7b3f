"""An article's extracted event as the clusterer reads it: typed, its country and block date filled in.

Not state: built from the article each time it is clustered (a replay or a
redelivery builds the same), and compared with canonical events by
``matching`` (both have the ``Event`` field names as attributes).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import msgspec

from streams.dedup.state import Place
from streams.records import EnrichedArticle, Location

NO_COUNTRY = "ZZ"


class Extracted(msgspec.Struct):
    """One extracted event, fields of the wrong type dropped (defaults: nothing known)."""

    type: str | None = None
    country: str | None = None
    date: str | None = None
    #: the date it is blocked under: its own, else the publisher's local publication date
    block_date: str = ""
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = []
    targets: list[str] = []
    place: str | None = None
    location: Place | None = None
    counts: dict[str, int] = {}
    evidence: str = ""


def extract(ev: Any, article: EnrichedArticle, published: datetime) -> Extracted:
    """An extracted event with its country (else the article's primary country, else ``ZZ``)
    and the date it is blocked under (an undated event is news of the day)."""
    primary = article.countries[0] if article.countries else None
    day = _iso_date(getattr(ev, "date", None))
    counts = getattr(ev, "counts", None)
    return Extracted(
        type=(text(getattr(ev, "type", None)) or "").upper(),
        country=text(getattr(ev, "country", None)) or text(primary) or NO_COUNTRY,
        date=day,
        block_date=day or published.date().isoformat(),
        mode=text(getattr(ev, "mode", None)),
        cameo=text(getattr(ev, "cameo", None)),
        actors=_labels(getattr(ev, "actors", None)),
        targets=_labels(getattr(ev, "targets", None)),
        place=text(getattr(ev, "place", None)),
        location=_place(getattr(ev, "location", None)),
        counts={
            k: v for k, v in (counts.items() if isinstance(counts, dict) else ())
            if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        },
        evidence=text(getattr(ev, "evidence", None)) or "",
    )


def text(value: Any) -> str | None:
    """A non-empty string, else None."""
    return value if isinstance(value, str) and value else None


def _place(location: Any) -> Place | None:
    if not isinstance(location, Location):
        return None
    return Place(name=location.name, country=location.country, lat=location.lat, lon=location.lon,
                 geonames_id=location.geonames_id)


def _labels(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def _iso_date(value: Any) -> str | None:
    try:
        return date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None
