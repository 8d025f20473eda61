"""Planguide13 round: a lease stated in an incident question places the accident and asks for no lease
record; a 煤气 leak at a steel works is the 冶金 plan's, not the broader 工贸 plan's. Worded unlike the
eval lines."""

from __future__ import annotations

from typing import Any

from agents.chat import plan_guide
from agents.chat.plan_sectors import left_to_narrower
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

GAZ = Gazetteer.from_towns(["周庄镇", "青阳镇", "华士镇", "新桥镇"])

GONGMAO = {"id": "gm", "title": "江阴市工贸行业生产安全事故应急预案", "plan_type": "专项",
           "issuing_unit": "江阴市应急管理局",
           "accident_types": ["粉尘爆炸", "有限空间", "中毒和窒息", "灼烫", "泄漏"]}  # fmt: skip
METALLURGY = {"id": "yj", "title": "江阴市应急管理局冶金企业生产安全事故部门应急预案", "plan_type": "部门",
              "issuing_unit": "江阴市应急管理局", "accident_types": ["灼烫", "中毒和窒息", "火灾", "爆炸"]}  # fmt: skip


def _intent(question: str) -> str | None:
    return route(normalise_question(question), extract_slots(question, GAZ)).intent


def _titles(rows: list[dict[str, Any]]) -> list[str]:
    return [str(r["title"]) for r in rows]


# ---- a lease said in an incident question ------------------------------------------------------------------
def test_a_tenant_firms_incident_asked_for_its_plan_is_a_plan_question() -> None:
    assert _intent("新桥镇一家租个人厂房的承租企业，车间地坑里有人晕倒了，该启用哪个预案") == "plan_for"
    assert _intent("华士镇租自然人厂房的承租企业仓库起火，谁指挥，先做什么") == "plan_for"


def test_a_question_about_tenants_alone_still_lists_the_tenants() -> None:
    assert _intent("周庄镇租个人厂房的承租企业有哪些") == "lease_tenants"


# ---- 煤气 at a steel works is the 冶金 plan's -----------------------------------------------------------------
def test_a_blast_furnace_gas_leak_lists_the_metallurgy_plan_first_and_not_the_works_plan() -> None:
    question = "青阳镇一家炼钢厂高炉煤气管线漏了，两个人中毒，按哪个预案处置"
    ranked = plan_guide.rank([GONGMAO, METALLURGY], {"accident_types": ["泄漏", "中毒和窒息"]}, question)
    assert _titles(ranked) == [METALLURGY["title"]]


def test_gas_with_a_confined_space_keeps_the_works_plan() -> None:
    # a worker overcome inside a gas 水封井 is a confined space too: the 工贸 plan lists it
    assert not left_to_narrower(GONGMAO["title"], "钢厂检修工下到煤气水封井里中毒了")
    assert left_to_narrower(GONGMAO["title"], "钢厂焦炉煤气放散管泄漏")


def test_molten_metal_at_a_steel_works_keeps_both_plans() -> None:
    ranked = plan_guide.rank(
        [GONGMAO, METALLURGY],
        {"accident_types": ["灼烫"]},
        "一家钢铁厂出钢时钢水喷出来烫伤了工人，用什么预案",
    )
    assert set(_titles(ranked)) == {GONGMAO["title"], METALLURGY["title"]}


def test_a_household_gas_bottle_is_no_metallurgy_hazard() -> None:
    assert not left_to_narrower(GONGMAO["title"], "纺织厂食堂的煤气罐漏气")


# ---- a level stated by how far a fire went ------------------------------------------------------------------
WAREHOUSE_LEVELS = [
    {"level": "一级", "trigger": "着火蔓延至相邻厂房，或者造成人员死亡", "commander": "总经理"},
    {"level": "二级", "trigger": "成品仓库着火，车间无法扑灭", "commander": "生产副总"},
    {"level": "三级", "trigger": "局部着火，岗位能够自行扑灭", "commander": "车间主任"},
]


def _level_for(question: str) -> list[str]:
    from agents.chat.plan_severity import level_for, toll_of, toll_param

    toll = toll_of(toll_param(question, {}))
    assert toll is not None
    return [str(lv["level"]) for lv in level_for(WAREHOUSE_LEVELS, toll)]


def test_a_fire_beyond_control_is_not_the_level_of_a_fire_that_has_spread() -> None:
    assert _level_for("澄东物流的成品仓库着火了，员工扑不灭，几级响应") == ["二级"]


def test_a_fire_said_to_have_spread_still_meets_the_top_level() -> None:
    assert _level_for("成品仓库着火了，火势已经蔓延到相邻厂房，几级响应") == ["一级"]


def test_a_clause_of_spread_is_not_told_by_the_fire_alone() -> None:
    from agents.chat.plan_account import clause_met, facts

    assert clause_met("火灾蔓延至多个建筑", facts("堆场着火了，控制不住")) is None
    assert clause_met("发生火灾", facts("堆场着火了，控制不住")) is True
