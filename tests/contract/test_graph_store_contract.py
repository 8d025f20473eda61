"""One contract suite for every GraphStore adapter: same fixture, same answers."""

from __future__ import annotations

import pytest

from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.loader import GraphLoader
from graph.migrations import MIGRATIONS, applied_versions, migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, B, C, entities

CITY = DataScope()
LINGANG = DataScope(level=ScopeLevel.TOWN, town="临港经济开发区")
HUASHI = DataScope(level=ScopeLevel.TOWN, town="华士镇")


@pytest.fixture
def repo(graph_store: GraphStore) -> SafetyGraphRepository:
    report = GraphLoader(graph_store, batch_size=7).load(entities())
    assert report.rejected == []
    return SafetyGraphRepository(graph_store)


def test_store_round_trips_plain_values(graph_store: GraphStore) -> None:
    graph_store.write(
        "CREATE (:Town {id: $id, name: $name, tags: $tags, n: 3, x: 1.25, ok: true})",
        {"id": "t", "name": "澄江街道", "tags": ["甲", "乙"]},
    )
    rows = graph_store.read(
        "MATCH (t:Town {id: 't'}) RETURN t.name AS name, t.tags AS tags, t.n AS n, "
        "t.x AS x, t.ok AS ok, {a: t.n} AS m"
    )
    assert rows == [{"name": "澄江街道", "tags": ["甲", "乙"], "n": 3, "x": 1.25, "ok": True, "m": {"a": 3}}]


def test_migrations_are_idempotent(graph_store: GraphStore) -> None:
    assert applied_versions(graph_store) == {m.version for m in MIGRATIONS}
    assert migrate(graph_store) == []


def test_reloading_changes_nothing(graph_store: GraphStore) -> None:
    loader = GraphLoader(graph_store)
    loader.load(entities())
    before = SafetyGraphRepository(graph_store).stats()
    GraphLoader(graph_store).load(entities())
    assert SafetyGraphRepository(graph_store).stats() == before
    assert before["nodes"]["Enterprise"] == 3
    assert before["relationships"]["LEASES_FROM"] == 1


def test_bad_references_are_rejected_and_the_rest_loaded(graph_store: GraphStore) -> None:
    good = entities()
    town = next(e for e in good if e.label == "Town")
    orphan = good[4].model_copy(update={"id": C, "town": "不存在镇"})  # enterprise in an unknown town
    report = GraphLoader(graph_store).load([town, *good[1:2], orphan])
    assert [(e.label, e.row_id, e.field) for e in report.rejected] == [("Enterprise", C, "town")]
    assert "不存在镇" in report.rejected[0].message
    assert SafetyGraphRepository(graph_store).stats()["nodes"]["Enterprise"] == 0


def test_search_by_name_town_category_and_code(repo: SafetyGraphRepository) -> None:
    page = repo.search_enterprises(CITY, q_text="江阴市", size=2)
    assert page.total == 3 and [e.name for e in page.items] == [
        "江阴市华西纺织有限公司",
        "江阴市小厂机械有限公司",
    ]
    assert repo.search_enterprises(CITY, q_text="江阴市", size=2, page=2).items[0].uscc == A
    assert repo.search_enterprises(CITY, q_text=A.lower()).items[0].name == "江阴市澄星化工有限公司"
    assert repo.search_enterprises(CITY, town="华士镇").total == 1
    assert repo.search_enterprises(CITY, category="机械").items[0].uscc == B
    assert repo.search_enterprises(CITY, category="机械").items[0].category_group == "工贸"
    with pytest.raises(ValidationError):
        repo.search_enterprises(CITY, size=500)


def test_scope_limits_every_query(repo: SafetyGraphRepository) -> None:
    assert repo.search_enterprises(HUASHI).total == 1
    with pytest.raises(NotFoundError):
        repo.portrait(HUASHI, A, NOW)
    with pytest.raises(PermissionDeniedError):
        repo.town_stats(HUASHI, "临港经济开发区", NOW)
    with pytest.raises(NotFoundError):
        repo.lessor_network(HUASHI, A)
    own = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=B)
    assert [e.uscc for e in repo.search_enterprises(own).items] == [B]
    assert [t.name for t in repo.towns(LINGANG)] == ["临港经济开发区"]


def test_portrait_six_dimensions(repo: SafetyGraphRepository) -> None:
    p = repo.portrait(CITY, A, NOW)
    assert p.enterprise.name == "江阴市澄星化工有限公司" and p.enterprise.is_lessor
    assert [x.name for x in p.people.persons] == ["李四"]
    assert [(m.id, m.level) for m in p.things.hazard_sources] == [("MHS-1", 3)]
    assert p.things.sensors_by_type == {"浓度": 1, "液位": 1} and p.things.cameras == 1
    m = p.management
    assert (m.inspections, m.penalties, m.penalty_amount) == (1, 1, 30000.0)
    assert (m.hazards_total, m.hazards_major, m.hazards_open, m.hazards_overdue) == (2, 1, 1, 1)
    assert m.rectification_rate == 0.5
    assert m.recent_hazards[0].id == "H-1" and m.recent_hazards[0].overdue
    assert [n.uscc for n in p.environment.neighbours] == [B]
    assert 100 < p.environment.neighbours[0].distance_m < 200
    assert p.environment.lessor is None and [t.uscc for t in p.environment.lessees] == [B]
    assert (p.monitoring.sensors_total, p.monitoring.sensors_online, p.monitoring.online_rate) == (2, 1, 0.5)
    assert [a.id for a in p.monitoring.recent_alerts] == ["EV-1", "EV-2"]
    assert [(c.year, c.responsibility_class) for c in p.performance.class_history] == [
        (2024, "B"),
        (2025, "A"),
    ]
    lessee = repo.portrait(CITY, B, NOW)
    assert lessee.environment.lessor is not None and lessee.environment.lessor.uscc == A


def test_town_stats(repo: SafetyGraphRepository) -> None:
    s = repo.town_stats(CITY, "临港经济开发区", NOW)
    assert s.enterprises_total == 2 and s.enterprises_by_category == {"危化品生产": 1, "机械": 1}
    assert (s.hazards.total, s.hazards.major, s.hazards.open, s.hazards.overdue, s.hazards.rectified) == (
        3,
        1,
        2,
        1,
        1,
    )
    assert s.sensors.total == 2 and s.sensors.online_rate == 0.5
    assert s.hazard_sources_by_level == {"1": 0, "2": 0, "3": 1, "4": 0}
    assert s.special_operations_today == 1
    with pytest.raises(NotFoundError):
        repo.town_stats(CITY, "火星镇", NOW)


def test_lessor_network_and_towns(repo: SafetyGraphRepository) -> None:
    net = repo.lessor_network(CITY, A)
    assert net.lessor["grade"] == "黄" and [(t.uscc, t.area_m2) for t in net.lessees] == [(B, 1200.5)]
    towns = {t.name: t.enterprise_count for t in repo.towns(CITY)}
    assert towns == {"临港经济开发区": 2, "华士镇": 1}


def test_nearest_resources_by_distance(repo: SafetyGraphRepository) -> None:
    teams = repo.nearest_resources(31.84, 120.43, "team", limit=2)
    assert [t.id for t in teams] == ["T-2", "T-1"] and teams[0].distance_m < teams[1].distance_m
    assert repo.nearest_resources(31.93, 120.17, "equipment")[0].detail == "个体防护 ×20"
    with pytest.raises(ValidationError):
        repo.nearest_resources(31.93, 120.17, "ufo")


def test_export_streams_all_enterprises_in_code_order(repo: SafetyGraphRepository) -> None:
    rows = list(repo.export_enterprises(page_size=2))
    assert [r["uscc"] for r in rows] == sorted([A, B, C])
    assert {"uscc", "name", "town", "category", "lat", "lon"} <= set(rows[0])


def _indexed(store: GraphStore, label: str) -> set[str]:
    """Properties of ``label`` with a range index (index listing is engine-specific DDL)."""
    if store.kind == "neo4j":
        rows = store.read("SHOW INDEXES YIELD labelsOrTypes AS labels, properties")
        return {p for r in rows if label in (r["labels"] or []) for p in r["properties"] or []}
    rows = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
    return {p for r in rows if r["label"] == label for p in r["properties"] or []}


def test_event_search_history_is_indexed_by_user_and_scope(graph_store: GraphStore) -> None:
    assert {"user_id", "scope_key"} <= _indexed(graph_store, "EventSearch")
