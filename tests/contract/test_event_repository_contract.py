"""EventRepository on each engine (FalkorDB here; Neo4j under the ``neo4j`` marker): filters,
radius, scope and history behave the same. Expected values come from plain Cypher/Python here."""

from __future__ import annotations

import pytest

from core.geo import haversine_m
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph import event_repository
from graph.event_repository import EventQuery, EventRepository, RadiusArea
from graph.loader import GraphLoader
from ingestion.demo import generate_city

NOW = 1_772_414_100_000  # 2026-03-02 09:15 +08:00
DAY = 86_400_000
CITY = DataScope()


@pytest.fixture
def repo(graph_store: GraphStore) -> EventRepository:
    GraphLoader(graph_store).load(generate_city(5, 120, NOW))
    return EventRepository(graph_store)


def _all(repo: EventRepository) -> list[dict[str, object]]:
    return repo.store.read(
        "MATCH (ev:Event) RETURN ev.id AS id, ev.town AS town, ev.event_type AS t, ev.level AS level, "
        "ev.occurred_at AS at, ev.lat AS lat, ev.lon AS lon, ev.enterprise_id AS ent, ev.camera_id AS cam"
    )


def test_filters_combine_with_and_and_lists_with_or(repo: EventRepository) -> None:
    rows = _all(repo)
    town = str(rows[0]["town"])
    since = NOW - 30 * DAY
    expected = sorted(
        (r for r in rows if r["town"] == town and r["level"] in ("黄色", "蓝色") and int(r["at"]) >= since),  # type: ignore[arg-type]
        key=lambda r: (r["at"], r["id"]),  # type: ignore[arg-type, return-value]
        reverse=True,
    )
    got, total = repo.search(
        CITY, EventQuery(time_from=since, towns=(town,), levels=("黄色", "蓝色")), size=200
    )
    assert total == len(expected) and [r["id"] for r in got] == [r["id"] for r in expected]


def test_town_scope_is_structural(repo: EventRepository) -> None:
    town = str(_all(repo)[0]["town"])
    scope = DataScope(level=ScopeLevel.TOWN, town=town)
    got, _ = repo.search(scope, EventQuery(), size=200)
    assert got and {r["town"] for r in got} == {town}
    other = next(str(r["town"]) for r in _all(repo) if r["town"] != town)
    assert repo.search(scope, EventQuery(towns=(other,)))[1] == 0


def test_radius_uses_the_exact_distance(repo: EventRepository) -> None:
    rows = _all(repo)
    lat, lon = float(rows[0]["lat"]), float(rows[0]["lon"])  # type: ignore[arg-type]
    expected = {r["id"] for r in rows if haversine_m(lat, lon, r["lat"], r["lon"]) <= 1500}  # type: ignore[arg-type]
    got, total = repo.search(CITY, EventQuery(areas=(RadiusArea(lat, lon, 1500),)), size=200)
    assert total == len(expected) and {r["id"] for r in got} == expected
    assert all(r["distance_m"] <= 1500 for r in got)


def test_direct_places_match_enterprise_or_camera(repo: EventRepository) -> None:
    rows = _all(repo)
    ent = next(r["ent"] for r in rows if r["ent"])
    cam = next(r["cam"] for r in rows if r["cam"])
    expected = {r["id"] for r in rows if r["ent"] == ent or r["cam"] == cam}
    got, total = repo.search(CITY, EventQuery(enterprise_ids=(str(ent),), camera_ids=(str(cam),)), size=200)
    assert total == len(expected) and {r["id"] for r in got} == expected


def test_history_is_per_user_ordered_pruned_and_cleared(
    repo: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_repository, "HISTORY_KEEP", 3)
    for i in range(5):
        repo.add_history("u1", CITY, f"句子{i}", "{}", i, NOW + i)
    repo.add_history("u2", CITY, "别人的", "{}", 0, NOW)
    assert [h["sentence"] for h in repo.list_history("u1")] == ["句子4", "句子3", "句子2"]
    mine, popular = repo.suggestion_candidates("u1", CITY, "句子")
    assert {r["sentence"] for r in mine} == {"句子2", "句子3", "句子4"} and popular
    assert repo.clear_history("u1") == 3 and repo.list_history("u1") == []
    assert [h["sentence"] for h in repo.list_history("u2")] == ["别人的"]
