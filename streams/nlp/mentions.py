"""Spans found in text by the fact finders (places, dates, counts).

Offsets are character offsets into the text the finder was given, so the
event extractor can pick the mention nearest to a trigger word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from streams.records import Location


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    surface: str
    #: country, admin (province/state), city, site
    kind: str
    location: Location
    #: GeoNames admin1 code of a town, or a province's own (places.json ``admin_regions`` ``code``):
    #: which towns lie in a province the text names
    admin: str | None = None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: date
    #: True for a written date ("6/1/2022", "6 January"), False for "Thursday", "yesterday"
    explicit: bool
    #: resolved ahead of publication because the text tells a day to come ("will resign on
    #: Wednesday", "una marcha para el sábado", "el próximo 20"): the day of a plan, not of an act
    ahead: bool = False


@dataclass(frozen=True)
class CountMention:
    start: int
    end: int
    #: killed, injured, arrested, displaced, personnel
    kind: str
    value: int
    #: True for "dozens", "puluhan" (a fixed lower bound), False for a figure
    vague: bool
