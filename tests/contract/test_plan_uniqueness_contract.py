"""Plan uniqueness is the graph's, identically on every adapter (migration 7, core.plan_keys):
each derived key refuses a second holder with ``UniqueConflictError`` and writes nothing; enabling
is a compare-and-set on ``enabled_key``; the migration backfills existing data and reports clashes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from core import plan_keys as pk
from core.errors import UniqueConflictError
from core.ports import GraphStore
from graph.migrations import migrate
from graph.plan_repository import PlanGraphRepository
from plans.graph_mapping import Links, PlanFacts

TOWN = "月城镇"


def _plan(repo: PlanGraphRepository, plan_id: str, **props: Any) -> None:
    repo.create_plan({"id": plan_id, "title": "月城镇燃气泄漏专项预案", "status": "未启用", "town": TOWN,
                      "created_at": 1, **props})  # fmt: skip


def _version(repo: PlanGraphRepository, plan_id: str, vid: str, seq: int, no: str, **props: Any) -> None:
    repo.create_version(plan_id, {"id": vid, "plan_id": plan_id, "seq": seq, "version_no": no, "enabled": False,
                                  "issue_status": "已发布", "document": "{}", "review": "{}", "created_at": seq,
                                  "seq_key": pk.seq_key(plan_id, seq), "version_key": pk.version_key(plan_id, no),
                                  **props})  # fmt: skip


def _count(store: GraphStore, label: str) -> int:
    return int(store.read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"])


@pytest.fixture
def repo(graph_store: GraphStore) -> PlanGraphRepository:
    repo = PlanGraphRepository(graph_store)
    _plan(repo, "PLN-1", title_key=pk.title_key("月城镇燃气泄漏专项预案", TOWN, None))
    _version(repo, "PLN-1", "PV-1", 1, "1.0", source_key=pk.source_key("ab" * 32, TOWN, None))
    _version(repo, "PLN-1", "PV-2", 2, "2.0")
    return repo


SECOND_HOLDERS: dict[str, tuple[str, Callable[[PlanGraphRepository], object]]] = {
    "title in one town": ("Plan", lambda r: _plan(r, "PLN-2", title_key=pk.title_key(" 月城镇燃气泄漏专项预案", TOWN, None))),
    "version number": ("PlanVersion", lambda r: _version(r, "PLN-1", "PV-3", 3, "1.0 ")),
    "sequence number": ("PlanVersion", lambda r: _version(r, "PLN-1", "PV-3", 2, "3.0")),
    "the same file": ("PlanVersion", lambda r: _version(r, "PLN-1", "PV-3", 3, "3.0",
                                                        source_key=pk.source_key("AB" * 32, TOWN, None))),
}  # fmt: skip


@pytest.mark.parametrize("case", list(SECOND_HOLDERS))
def test_a_second_holder_of_a_key_is_refused_and_nothing_is_written(
    repo: PlanGraphRepository, graph_store: GraphStore, case: str
) -> None:
    label, write = SECOND_HOLDERS[case]
    before = _count(graph_store, label)
    with pytest.raises(UniqueConflictError) as err:
        write(repo)
    assert err.value.details["label"] == label
    assert _count(graph_store, label) == before


def test_keys_of_other_plans_and_places_do_not_clash(repo: PlanGraphRepository) -> None:
    _plan(repo, "PLN-2", title_key=pk.title_key("月城镇燃气泄漏专项预案", "青阳镇", None))  # another town
    _version(repo, "PLN-2", "PV-9", 1, "1.0", source_key=pk.source_key("ab" * 32, "青阳镇", None))
    assert {v["id"] for v in repo.versions("PLN-2")} == {"PV-9"}


def test_template_names_are_unique(graph_store: GraphStore) -> None:
    repo = PlanGraphRepository(graph_store)
    repo.create_template(
        {"id": "TPL-1", "name": "危化品泄漏", "modules": "[]", "name_key": pk.name_key("危化品泄漏")}
    )
    with pytest.raises(UniqueConflictError):
        repo.create_template(
            {"id": "TPL-2", "name": "危化品泄漏 ", "modules": "[]", "name_key": pk.name_key("危化品泄漏 ")}
        )
    assert [t["id"] for t in repo.list_templates()] == ["TPL-1"]
    assert "name_key" not in repo.list_templates()[0]


def _enable(repo: PlanGraphRepository, version_id: str | None, expected: str | None) -> None:
    repo.project(plan_id="PLN-1", version_id=version_id, issue_status=None, fact_set=f"F-{version_id}",
                 facts=PlanFacts(), links=Links(), applies_towns=[], applies_enterprise=None, hazard_sources=[],
                 plan_props={"enabled_version_id": version_id}, expected_version_id=expected)  # fmt: skip


def _enabled(store: GraphStore) -> list[tuple[str, bool]]:
    rows = store.read("MATCH (v:PlanVersion) WHERE v.enabled_key IS NOT NULL OR v.enabled RETURN v.id AS id, "
                      "v.enabled_key IS NOT NULL AS keyed ORDER BY id")  # fmt: skip
    return [(r["id"], r["keyed"]) for r in rows]


def test_enabling_moves_the_enabled_key_in_one_write(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    _enable(repo, "PV-1", None)
    _enable(repo, "PV-2", "PV-1")
    assert _enabled(graph_store) == [("PV-2", True)]
    _enable(repo, "PV-1", "PV-2")  # and back: the order the engine visits versions in does not matter
    assert _enabled(graph_store) == [("PV-1", True)]
    _enable(repo, None, "PV-1")  # disable
    assert _enabled(graph_store) == []


def test_an_enable_based_on_a_stale_read_is_refused(
    repo: PlanGraphRepository, graph_store: GraphStore
) -> None:
    _enable(repo, "PV-1", None)
    with pytest.raises(UniqueConflictError):
        _enable(repo, "PV-2", None)  # this caller saw no version enabled; PV-1 is by now
    assert _enabled(graph_store) == [("PV-1", True)]
    assert repo.get_plan("PLN-1", None)["enabled_version_id"] == "PV-1"  # type: ignore[index]


def test_the_migration_backfills_keys_and_reports_clashes(graph_store: GraphStore) -> None:
    # Data written before migration 7, by two workers that each passed an in-process check.
    graph_store.write("""
        CREATE (a:Plan {id: 'PLN-A', title: '周庄镇防汛预案', town: '周庄镇', status: '已启用', created_at: 1}),
               (b:Plan {id: 'PLN-B', title: '周庄镇防汛预案 ', town: '周庄镇', status: '未启用', created_at: 2}),
               (c:Plan {id: 'PLN-C', title: '周庄镇防汛预案', town: '周庄镇', status: '已废止', created_at: 3}),
               (a)-[:HAS_VERSION]->(:PlanVersion {id: 'PV-A1', plan_id: 'PLN-A', seq: 1, version_no: '1.0', enabled: true}),
               (a)-[:HAS_VERSION]->(:PlanVersion {id: 'PV-A2', plan_id: 'PLN-A', seq: 2, version_no: '1.0', enabled: true}),
               (:PlanTemplate {id: 'TPL-1', name: '防汛', created_at: 1}),
               (:PlanTemplate {id: 'TPL-2', name: '防汛', created_at: 2})
    """)  # fmt: skip
    graph_store.write("MATCH (m:SchemaMigration {id: 7}) DELETE m")
    warnings: list[str] = []
    assert migrate(graph_store, warnings) == [7]
    text = "\n".join(warnings)
    assert "PLN-A（保留唯一标记）、PLN-B" in text and "PLN-C" not in text  # a retired plan holds no title
    assert "PV-A1（保留唯一标记）、PV-A2" in text  # the version number
    assert "同时启用了 2 个版本" in text and "TPL-1（保留唯一标记）、TPL-2" in text
    keys = {r["id"]: r["k"] for r in graph_store.read(
        "MATCH (n) WHERE n:Plan OR n:PlanTemplate RETURN n.id AS id, coalesce(n.title_key, n.name_key) AS k")}  # fmt: skip
    assert keys["PLN-A"] and keys["TPL-1"] and not keys["PLN-B"] and not keys["PLN-C"] and not keys["TPL-2"]
    # The constraints are live after the backfill: the winner's key cannot be taken again.
    with pytest.raises(UniqueConflictError):
        graph_store.write("MATCH (p:Plan {id: 'PLN-B'}) SET p.title_key = $k", {"k": keys["PLN-A"]})
    assert migrate(graph_store) == []  # recorded: running it again is a no-op
