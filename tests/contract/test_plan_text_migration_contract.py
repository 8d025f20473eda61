"""Migration 11 on every engine: stored plan titles, units and version numbers lose the invisible
characters uploads have dropped since probe3fix; version keys follow; re-running changes nothing."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest

from core import plan_keys as pk
from core.errors import UniqueConflictError
from core.ports import GraphStore
from graph.migrations import migrate

TOWN = "璜土镇"


def _old_key(*parts: str) -> str:
    """How keys were derived before probe3fix: NFKC and spaces folded, invisible characters kept."""
    return json.dumps([" ".join(unicodedata.normalize("NFKC", p).split()) for p in parts], ensure_ascii=False)


def _rows(store: GraphStore, label: str, *props: str) -> dict[str, dict[str, Any]]:
    fields = ", ".join(f"n.{p} AS {p}" for p in props)
    return {r["id"]: r for r in store.read(f"MATCH (n:{label}) RETURN n.id AS id, {fields}")}


@pytest.fixture
def store(graph_store: GraphStore) -> GraphStore:
    """An upgraded server's graph: texts stored before probe3fix, migration 11 not yet applied."""
    graph_store.write(
        "CREATE (p:Plan {id: 'PLN-A', title: $title, issuing_unit: $unit, accident_category: '危化品',"
        " enabled_version_no: $no2, town: $town, status: '已启用', created_at: 1})",
        {"title": "\ufeff璜土镇液氨泄漏\u200b专项预案", "unit": "璜土镇安监办\u2060 ", "no2": "2.0\u200b",
         "town": TOWN},
    )  # fmt: skip
    graph_store.write(
        "CREATE (:Plan {id: 'PLN-B', title: '\u200b\u200e', town: $town, status: '未启用', created_at: 2})",
        {"town": TOWN},
    )
    for vid, seq, no in (("PV-1", 1, "1.0"), ("PV-2", 2, "2.0\u200b"), ("PV-3", 3, "\u202a3.0\u202c")):
        graph_store.write(
            "MATCH (p:Plan {id: 'PLN-A'}) CREATE (p)-[:HAS_VERSION]->(:PlanVersion {id: $id, plan_id: 'PLN-A',"
            " seq: $seq, version_no: $no, version_key: $key})",
            {"id": vid, "seq": seq, "no": no, "key": _old_key("PLN-A", no)},
        )
    graph_store.write(  # a clean "1.0" typed again, stored before probe3fix with a zero-width space
        "MATCH (p:Plan {id: 'PLN-A'}) CREATE (p)-[:HAS_VERSION]->(:PlanVersion {id: 'PV-4', plan_id: 'PLN-A',"
        " seq: 4, version_no: $no, version_key: $key})",
        {"no": "1.0\u200b", "key": _old_key("PLN-A", "1.0\u200b")},
    )
    graph_store.write("MATCH (m:SchemaMigration {id: 11}) DELETE m")
    return graph_store


def test_stored_texts_are_cleaned_and_version_keys_follow(store: GraphStore) -> None:
    warnings: list[str] = []
    assert migrate(store, warnings) == [11]
    plan = _rows(store, "Plan", "title", "issuing_unit", "accident_category", "enabled_version_no")["PLN-A"]
    assert plan["title"] == "璜土镇液氨泄漏专项预案"
    assert plan["issuing_unit"] == "璜土镇安监办"
    assert plan["enabled_version_no"] == "2.0" and plan["accident_category"] == "危化品"
    versions = _rows(store, "PlanVersion", "version_no", "version_key")
    assert {i: v["version_no"] for i, v in versions.items()} == {
        "PV-1": "1.0", "PV-2": "2.0", "PV-3": "3.0", "PV-4": "1.0"
    }  # fmt: skip
    assert versions["PV-2"]["version_key"] == pk.version_key("PLN-A", "2.0")
    assert versions["PV-1"]["version_key"] == pk.version_key("PLN-A", "1.0")  # the holder keeps it
    assert versions["PV-4"]["version_key"] is None
    assert warnings == [
        "迁移 11：预案 PLN-B 的标题只有不可见字符，未清理，请在预案管理中重新填写",
        "迁移 11：预案“璜土镇液氨泄漏专项预案”（PLN-A）去掉不可见字符后有 2 个版本号同为“1.0”：PV-1（保留唯一标记）、PV-4；"
        "请以新版本号重新登记",
    ]
    assert _rows(store, "Plan", "title")["PLN-B"]["title"] == "\u200b\u200e"  # not blanked


def test_a_second_run_changes_nothing(store: GraphStore) -> None:
    migrate(store, [])
    before = _rows(store, "PlanVersion", "version_no", "version_key")
    store.write("MATCH (m:SchemaMigration {id: 11}) DELETE m")
    again: list[str] = []
    assert migrate(store, again) == [11]
    assert _rows(store, "PlanVersion", "version_no", "version_key") == before
    assert [w for w in again if "版本号同为" in w] == []  # the clash is reported once


def test_a_cleaned_number_refuses_a_second_copy(store: GraphStore) -> None:
    migrate(store, [])
    with pytest.raises(UniqueConflictError):
        store.write(
            "CREATE (:PlanVersion {id: 'PV-9', plan_id: 'PLN-A', seq: 9, version_no: '2.0', version_key: $k})",
            {"k": pk.version_key("PLN-A", "2.0")},
        )
