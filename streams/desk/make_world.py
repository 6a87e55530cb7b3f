"""Build ``data/common/world.json``, the desk map's country outlines, from world-atlas.

world-atlas (npm, ISC; its geometry is Natural Earth's 1:110m countries, public domain)
ships TopoJSON keyed by ISO 3166-1 numeric codes. The desk draws rings of points and
filters by alpha-2 codes, so this decodes the topology into rings of (lon, lat) in tenths
of a degree (integers: a third of the size of the source) keyed by alpha-2:

    {"countries": [{"cc": "KZ", "name": "Kazakhstan", "rings": [[lon, lat, lon, lat, ...], ...]}]}

Run: ``curl -sO https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz && tar xzf world-atlas-2.0.2.tgz``
then ``python -m streams.desk.make_world package/countries-110m.json streams/data/common/world.json``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import orjson
import pycountry

#: left out: no news event is placed there, and its outline would stretch along the map's bottom edge
ANTARCTICA = "AQ"
#: Natural Earth names without an ISO numeric code in world-atlas (their ``id`` is missing)
UNCODED = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """One closed ring: arcs joined end to start, ``~i`` meaning arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def tenths(points: list[tuple[float, float]]) -> list[int]:
    """Flat [lon, lat, ...] in tenths of a degree, without consecutive repeats."""
    flat: list[int] = []
    for lon, lat in points:
        x, y = round(lon * 10), round(lat * 10)
        if flat[-2:] != [x, y]:
            flat += [x, y]
    return flat


def alpha2(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if "id" not in geometry:
        return UNCODED.get(name)
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_2 if country else None


def countries(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], [])
        rings = [tenths(ring(arcs, r)) for polygon in polygons for r in polygon]
        rings = [r for r in rings if len(r) >= 6]  # three points make the smallest outline
        cc = alpha2(geometry)
        if rings and cc and cc != ANTARCTICA:
            out.append({"cc": cc, "name": geometry["properties"]["name"], "rings": rings})
    return out


def main(source: str, target: str) -> None:
    topology = orjson.loads(Path(source).read_bytes())
    data = {"_about": "Country outlines for the desk map: Natural Earth 1:110m (public domain) via world-atlas "
                      "2.0.2 (ISC), built by streams/desk/make_world.py; rings of lon, lat in tenths of a degree.",
            "countries": countries(topology)}
    Path(target).write_bytes(orjson.dumps(data))
    print(f"{target}: {len(data['countries'])} countries, {Path(target).stat().st_size} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
