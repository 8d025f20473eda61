"""``safecloud graph migrate`` over a graph whose plans already clash (written by two workers before
migration 7): it completes, and tells the administrator in Chinese which plans clash."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from core.errors import GraphError
from graph.falkor_graph_store import FalkorGraphStore
from graph.migrations import _falkor_index
from graph.plan_key_migration import falkor_constraints

runner = CliRunner()


def test_migrate_warns_about_clashing_plans_and_still_applies(data_dir: Path) -> None:
    store = FalkorGraphStore(data_dir / "graph")
    store.write("""
        CREATE (:Plan {id: 'PLN-OLD', title: '长泾镇粉尘爆炸专项预案', town: '长泾镇', status: '已启用', created_at: 1}),
               (:Plan {id: 'PLN-NEW', title: '长泾镇粉尘爆炸专项预案', town: '长泾镇', status: '未启用', created_at: 2}),
               (:PlanTemplate {id: 'TPL-A', name: '粉尘爆炸', created_at: 1}),
               (:PlanTemplate {id: 'TPL-B', name: '粉尘爆炸', created_at: 2})
    """)  # fmt: skip
    store.close()
    result = runner.invoke(app, ["graph", "migrate"])
    assert result.exit_code == 0, result.output
    assert (
        "警告：迁移 7：辖区“长泾镇”有 2 个同名预案“长泾镇粉尘爆炸专项预案”：PLN-OLD（保留唯一标记）、PLN-NEW"
        in result.output
    )
    assert "模板名称“粉尘爆炸”重复：TPL-A（保留唯一标记）、TPL-B" in result.output
    assert "已应用迁移" in result.output and "7" in result.output
    again = runner.invoke(app, ["graph", "migrate"])
    assert again.exit_code == 0 and "最新" in again.output and "警告" not in again.output


def test_a_falkordb_constraint_that_fails_to_build_is_an_error_and_can_be_retried(
    falkor_session: FalkorGraphStore,
) -> None:
    """FalkorDB builds constraints in the background; one over clashing keys ends FAILED. The step
    must say so (not record the migration as done) and drop it, so a later run can build it."""
    falkor_session.drop_all()  # no constraints at all, and keys written as if by a broken backfill
    falkor_session.write(
        "CREATE (:PlanTemplate {id: 'TPL-1', name_key: 'k'}), (:PlanTemplate {id: 'TPL-2', name_key: 'k'})"
    )
    with pytest.raises(GraphError) as err:
        falkor_constraints(falkor_session, _falkor_index)
    assert err.value.code == "constraint_failed" and "PlanTemplate.name_key" in err.value.message
    statuses = falkor_session.read(
        "CALL db.constraints() YIELD label, properties, status RETURN label, properties, status"
    )
    assert not any(r["status"] == "FAILED" for r in statuses)
    falkor_session.write("MATCH (t:PlanTemplate {id: 'TPL-2'}) REMOVE t.name_key")
    falkor_constraints(falkor_session, _falkor_index)  # the clash resolved: the retry builds them all
    assert {(r["label"], r["properties"][0]) for r in falkor_session.read(
        "CALL db.constraints() YIELD label, properties, status WHERE status = 'OPERATIONAL' RETURN label, properties")} >= {
        ("PlanTemplate", "name_key"), ("Plan", "title_key"), ("PlanVersion", "enabled_key")}  # fmt: skip
