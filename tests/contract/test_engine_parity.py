"""Parity on the demo city: every repository query answers identically on FalkorDB and Neo4j."""

from __future__ import annotations

import random
from typing import Any

import pytest

from core.scope import DataScope, ScopeLevel
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.neo4j_graph_store import Neo4jGraphStore
from graph.repository import SafetyGraphRepository, day_bounds
from ingestion.demo import generate_city

pytestmark = pytest.mark.neo4j

NOW = day_bounds(1_764_057_600_000)[0]
SCALE = 1000
CITY = DataScope()


@pytest.fixture(scope="module")
def repos(falkor_session: FalkorGraphStore, neo4j_session: Neo4jGraphStore) -> list[SafetyGraphRepository]:
    out = []
    for store in (falkor_session, neo4j_session):
        store.drop_all()
        migrate(store)
        report = GraphLoader(store).load(generate_city(7, SCALE, NOW))
        assert report.rejected == []
        out.append(SafetyGraphRepository(store))
    return out


def _both(repos: list[SafetyGraphRepository], call: Any) -> None:
    falkor, neo = (call(r) for r in repos)
    dump = (lambda x: [i.model_dump() for i in x]) if isinstance(falkor, list) else (lambda x: x.model_dump())
    assert dump(falkor) == dump(neo)


def test_identical_counts(repos: list[SafetyGraphRepository]) -> None:
    falkor, neo = (r.stats() for r in repos)
    assert falkor == neo and falkor["nodes"]["Enterprise"] == SCALE


def test_identical_search_pages(repos: list[SafetyGraphRepository]) -> None:
    for kwargs in ({}, {"q_text": "机械"}, {"town": "华士镇"}, {"category": "纺织", "page": 2, "size": 7}):
        _both(repos, lambda r, k=kwargs: r.search_enterprises(CITY, **k))


def test_identical_portraits_and_scoped_reads(repos: list[SafetyGraphRepository]) -> None:
    codes = [row["uscc"] for row in repos[0].export_enterprises()]
    assert codes == [row["uscc"] for row in repos[1].export_enterprises()]
    for code in random.Random(1).sample(codes, 40):
        _both(repos, lambda r, c=code: r.portrait(CITY, c, NOW))
    town = repos[0].get_enterprise(CITY, codes[0]).town
    scoped = DataScope(level=ScopeLevel.TOWN, town=town)
    _both(repos, lambda r: r.search_enterprises(scoped, size=50))


def test_identical_town_stats_map_and_towns(repos: list[SafetyGraphRepository]) -> None:
    _both(repos, lambda r: r.towns(CITY))
    for town in [t.name for t in repos[0].towns(CITY)]:
        _both(repos, lambda r, t=town: r.town_stats(CITY, t, NOW))
        _both(repos, lambda r, t=town: r.map_points(CITY, t))


def test_identical_lessor_networks_and_nearest(repos: list[SafetyGraphRepository]) -> None:
    lessors = repos[0].store.read("MATCH (l:Lessor) RETURN l.id AS id ORDER BY id LIMIT 15")
    assert lessors
    for row in lessors:
        _both(repos, lambda r, i=row["id"]: r.lessor_network(CITY, i))
    for kind in ("team", "equipment", "expert", "material", "medical", "shelter"):
        _both(repos, lambda r, k=kind: r.nearest_resources(31.85, 120.3, k, 10))


def test_identical_landlords_of_lessees(repos: list[SafetyGraphRepository]) -> None:
    """The plan guide lists a lessee's landlord plans through ``lessor_firms`` (厂中厂): same ids on
    both engines, and a town scope keeps only landlords in that town."""
    from graph.plan_place_queries import lessor_firms

    lessees = repos[0].store.read(
        "MATCH (e:Enterprise)-[:LEASES_FROM]->(:Lessor) RETURN DISTINCT e.id AS id, e.town AS town ORDER BY id LIMIT 15"
    )
    assert lessees
    found = 0
    for row in lessees:
        falkor, neo = (lessor_firms(r.store, row["id"]) for r in repos)
        assert falkor == neo
        found += len(falkor)
        in_town = lessor_firms(repos[0].store, row["id"], row["town"])
        assert set(in_town) <= set(falkor)
        assert in_town == lessor_firms(repos[1].store, row["id"], row["town"])
    assert found  # the demo city's lessees rent from enterprises the query finds
