"""The demo install links its sample plans into a plan system (预案体系): real edges, no cycles,
links a user set are kept, and a second linking run changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.bootstrap import Container
from api.demo_plans import load_demo_plans
from api.settings import Settings
from core.scope import DEV_PRINCIPAL
from plans.plan_system_links import link_system, system_graph
from tests.support.plan_api import fixture_city_container

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"
SAMPLES = (
    "city_hazchem",  # 江阴市危险化学品事故专项应急预案 (city 专项, 危化)
    "city_gongmao_special",  # 江阴市工贸行业生产安全事故应急预案 (city 专项, 工贸)
    "lingang_hazchem_table",  # 临港经济开发区危险化学品事故专项应急预案 (zone 专项)
    "town_huashi_member_table",  # 华士镇生产安全事故应急预案 (town 专项, 有限空间)
    "dept_fire_rescue_combat_units",  # 消防救援大队危险化学品火灾扑救作战预案 (部门)
    "enterprise_comprehensive",  # 江苏临江新材料科技有限公司 综合预案
    "site_tank_leak",  # the same firm's 储运车间 甲醇储罐区 现场处置方案
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Container, dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("plansystem")
    folder = tmp / "plans"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(CORPUS / f"{name}.docx", folder / f"{name}.docx")
    with fixture_city_container(tmp) as c:
        yield c, load_demo_plans(c, folder)


def _edges(c: Container) -> set[tuple[str, str]]:
    graph = c.plans.catalogue.system(DEV_PRINCIPAL)
    title = {n["id"]: n["title"] for n in graph.nodes}
    return {(title[e["source"]], title[e["target"]]) for e in graph.edges}


def _ids(c: Container) -> dict[str, str]:
    return {n["title"]: n["id"] for n in c.plans.catalogue.system(DEV_PRINCIPAL).nodes}


CITY_HAZCHEM = "江阴市危险化学品事故专项应急预案"
FIRM_OVERALL = "江苏临江新材料科技有限公司生产安全事故综合应急预案"
SITE = "甲醇储罐区泄漏现场处置方案"
EXPECTED = {
    ("江阴临港经济开发区危险化学品事故专项应急预案", CITY_HAZCHEM),  # a zone's 专项, no zone 总体
    ("江阴市消防救援大队危险化学品火灾扑救作战预案", CITY_HAZCHEM),  # a department's plan
    ("华士镇生产安全事故应急预案", "江阴市工贸行业生产安全事故应急预案"),  # by its 有限空间 sector
    (FIRM_OVERALL, "江阴临港经济开发区危险化学品事故专项应急预案"),  # the firm's zone, same sector
    (SITE, FIRM_OVERALL),  # a workshop's on-site plan → its own firm's 综合预案
}


def test_the_demo_plans_form_a_hierarchy_without_cycles(demo: tuple[Container, dict[str, Any]]) -> None:
    c, result = demo
    assert len(result["loaded"]) == len(SAMPLES)
    assert _edges(c) == EXPECTED
    # the two city 专项 plans stay roots: the corpus holds no city 总体 and none is invented
    assert result["system"]["roots"] == 2 and result["system"]["refused"] == []
    for plan_id in _ids(c).values():
        assert plan_id not in c.plans.service.repo.ancestors(plan_id)


def test_the_roots_without_a_possible_parent_are_named_with_what_is_missing(
    demo: tuple[Container, dict[str, Any]],
) -> None:
    c, result = demo
    expected = {CITY_HAZCHEM: "无可挂接的上级预案：市级总体预案未录入",
                "江阴市工贸行业生产安全事故应急预案": "无可挂接的上级预案：市级总体预案未录入"}  # fmt: skip
    assert {o["title"]: o["reason"] for o in result["system"]["orphans"]} == expected
    view = system_graph(c.plans.catalogue, DEV_PRINCIPAL)  # the plan-system page gets the same list
    assert {o.title: o.reason for o in view.orphans} == expected
    assert {o.tier for o in view.orphans} == {"专项"}


def test_linking_again_changes_nothing_and_keeps_a_link_a_user_set(
    demo: tuple[Container, dict[str, Any]],
) -> None:
    c, _ = demo
    assert link_system(c.plans.catalogue, DEV_PRINCIPAL)["linked"] == []
    ids = _ids(c)
    c.plans.catalogue.set_parent(DEV_PRINCIPAL, ids[SITE], ids[CITY_HAZCHEM])  # the user's choice
    assert link_system(c.plans.catalogue, DEV_PRINCIPAL)["linked"] == []
    assert (SITE, CITY_HAZCHEM) in _edges(c) and (SITE, FIRM_OVERALL) not in _edges(c)


def test_a_dry_run_proposes_in_chinese_and_writes_nothing(demo: tuple[Container, dict[str, Any]]) -> None:
    c, _ = demo
    ids = _ids(c)
    c.plans.catalogue.set_parent(DEV_PRINCIPAL, ids[SITE], None)
    proposed = link_system(c.plans.catalogue, DEV_PRINCIPAL, dry_run=True)["linked"]
    assert [(p["child_title"], p["parent_title"], p["reason"]) for p in proposed] == [
        (SITE, FIRM_OVERALL, "本单位综合预案")
    ]
    assert not any(child == SITE for child, _ in _edges(c))
    link_system(c.plans.catalogue, DEV_PRINCIPAL)
    assert _edges(c) == EXPECTED


def test_the_admin_command_lists_and_sets_links_in_chinese(data_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from api.bootstrap import build_container
    from api.cli import app

    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("enterprise_comprehensive", "site_tank_leak"):
        shutil.copy(CORPUS / f"{name}.docx", folder / f"{name}.docx")
    runner = CliRunner()
    assert runner.invoke(app, ["graph", "migrate"]).exit_code == 0
    assert runner.invoke(app, ["demo", "plans", str(folder)]).exit_code == 0
    c = build_container(Settings())
    c.graph.connect()
    try:  # the user unlinks the on-site plan
        c.plans.catalogue.set_parent(DEV_PRINCIPAL, _ids(c)[SITE], None)
    finally:
        c.graph.close()
    line = f"{SITE} → {FIRM_OVERALL}（本单位综合预案）"
    dry = runner.invoke(app, ["plans", "link-system", "--dry-run"])
    assert dry.exit_code == 0 and f"建议挂接：{line}" in dry.output, dry.output
    # the firm's 综合预案 has nothing above it in this install: said, with what is missing
    orphan = next(x for x in dry.output.splitlines() if x.strip().startswith(FIRM_OVERALL))
    assert "企业）：无可挂接的上级预案：" in orphan and "市级总体预案均未录入" in orphan, dry.output
    done = runner.invoke(app, ["plans", "link-system"])
    assert done.exit_code == 0 and f"已挂接：{line}" in done.output, done.output
    again = runner.invoke(app, ["plans", "link-system"])
    assert "共挂接 0 个预案" in again.output, again.output
