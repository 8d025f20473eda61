"""Migration 10: title keys stored before invisible characters were dropped are derived again, and
the clashes this reveals are reported in Chinese (FalkorDB; the step is the same Cypher on Neo4j)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from core import plan_keys as pk
from core.errors import GraphError
from graph.falkor_graph_store import FalkorGraphStore
from graph.migrations import migrate

TOWN = "月城镇"


def _old_key(title: str, town: str | None) -> str:
    """How title keys were written before: NFKC and spaces folded, invisible characters kept."""
    return json.dumps(
        [" ".join(unicodedata.normalize("NFKC", title).split()), town or "", ""], ensure_ascii=False
    )


def _keys(store: FalkorGraphStore) -> dict[str, str | None]:
    return {r["id"]: r["k"] for r in store.read("MATCH (p:Plan) RETURN p.id AS id, p.title_key AS k")}


@pytest.fixture
def store(tmp_path: Path) -> FalkorGraphStore:
    s = FalkorGraphStore(tmp_path / "graph")
    s.connect()
    migrate(s)  # constraints live, as on an upgraded server
    plans = [
        ("PLN-ZW", "防汛防台专项预案\u200b", 1, "已启用"),
        ("PLN-CLEAN", "防汛防台专项预案", 2, "未启用"),
        ("PLN-BOM", "\ufeff危化品泄漏\u202e预案", 3, "未启用"),
        ("PLN-OLD", "\u2066粉尘爆炸预案", 4, "已废止"),
    ]
    for pid, title, created, status in plans:
        key = pk.title_key(title, TOWN, None) if pid == "PLN-CLEAN" else _old_key(title, TOWN)
        s.write(
            "CREATE (:Plan {id: $id, title: $title, town: $town, status: $status, created_at: $at, title_key: $key})",
            {"id": pid, "title": title, "town": TOWN, "status": status, "at": created, "key": key},
        )
    s.write("MATCH (m:SchemaMigration {id: 10}) DELETE m")  # the server's graph predates migration 10
    yield s
    s.close()


def test_keys_are_derived_again_and_the_revealed_clash_is_reported(store: FalkorGraphStore) -> None:
    warnings: list[str] = []
    assert migrate(store, warnings) == [10]
    keys = _keys(store)
    assert keys["PLN-CLEAN"] == pk.title_key("防汛防台专项预案", TOWN, None)  # the holder keeps it
    assert keys["PLN-ZW"] is None  # same title to a reader: no longer a second key
    assert keys["PLN-BOM"] == pk.title_key("危化品泄漏预案", TOWN, None)
    assert keys["PLN-OLD"] is None  # retired plans hold no title
    assert warnings == [
        f"迁移 10：辖区“{TOWN}”有 2 个同名预案“防汛防台专项预案”（标题中的零宽、BOM、双向控制等不可见字符不再区分标题）："
        "PLN-CLEAN（保留唯一标记）、PLN-ZW；其余预案的标题不受唯一约束保护，请改名或废止多余的预案"
    ]
    again: list[str] = []
    assert migrate(store, again) == [] and again == []


def test_after_the_migration_the_graph_refuses_a_third_plan_of_the_cleaned_title(
    store: FalkorGraphStore,
) -> None:
    migrate(store, [])
    with pytest.raises(GraphError):
        store.write(
            "CREATE (:Plan {id: 'PLN-3', title: '危化品泄漏预案', town: $town, title_key: $key})",
            {"town": TOWN, "key": pk.title_key("危化品泄漏预案", TOWN, None)},
        )


def test_a_fresh_graph_reports_nothing_twice(tmp_path: Path) -> None:
    """Migrations 7 and 10 over the same clashing plans: only migration 7 reports them."""
    s = FalkorGraphStore(tmp_path / "fresh")
    s.connect()
    try:
        s.write(
            "CREATE (:Plan {id: 'P1', title: '防汛预案', town: $t, status: '未启用', created_at: 1}),"
            " (:Plan {id: 'P2', title: '防汛预案\u200b', town: $t, status: '未启用', created_at: 2})",
            {"t": TOWN},
        )
        warnings: list[str] = []
        migrate(s, warnings)
        assert [w[:5] for w in warnings] == ["迁移 7："]
    finally:
        s.close()
