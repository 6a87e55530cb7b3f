"""The desk map's country outlines: decoded from TopoJSON, shipped small."""

from __future__ import annotations

from importlib import resources

import orjson

from streams.desk.make_world import countries


def test_a_topology_decodes_into_rings_in_tenths_of_a_degree_keyed_by_alpha2():
    # two arcs sharing an edge; Kazakhstan (398) uses the second one reversed
    topology = {"type": "Topology", "transform": {"scale": [0.5, 0.5], "translate": [50, 40]},
                "arcs": [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0], [0, -10]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "398", "properties": {"name": "Kazakhstan"}},
                    {"type": "Polygon", "arcs": [[~1, ~0]], "id": "999", "properties": {"name": "Nowhere"}}]}}}
    (kz,) = countries(topology)
    assert kz["cc"] == "KZ" and kz["name"] == "Kazakhstan"
    assert kz["rings"] == [[500, 400, 550, 400, 550, 450, 500, 450, 500, 400]]


def test_the_shipped_world_is_small_and_has_the_countries_the_pipeline_covers():
    raw = resources.files("streams.data").joinpath("common/world.json").read_bytes()
    assert len(raw) < 200_000
    codes = {c["cc"] for c in orjson.loads(raw)["countries"]}
    assert {"KZ", "ID", "MY", "FR", "PE", "ML", "US", "RU"} <= codes
