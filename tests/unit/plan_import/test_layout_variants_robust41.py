"""Layout families from the plans-robust41 round (round 40's school evacuation plan as development data, and the
two conventions that round left in conflict), on small synthetic plans worded differently from the corpus and
imported end to end: a table of the bodies of one kind a sentence set up ("下设楼层组，…见下表") with "姓名 手机"
cells, one "<post>职责：a；b" line for the post every row's body has, "值班长职责：" over numbered lines for the role
whose holder names the post, flow-chart branch lines "（1）情形→三级响应（车间级）：X指挥；a；b", a flow step's
"（立即，电话）" bracket, "班长：X，负责a；b；c" (every clause the post's) and 堵漏胶带 / 堵漏材料 as 物资."""

from __future__ import annotations

from typing import Any

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan
from plans.resource_types import resource_type

TITLE = "江阴华士万和商业广场火灾事故应急疏散预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx", title: str = TITLE) -> EmergencyPlan:
    blocks = [{"title": title}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, title, None, False, None), f"plan.{kind}", ocr=None).plan


def _roles(plan: EmergencyPlan, unit: str) -> list[tuple[str, str | None, list[str]]]:
    found = next(u for u in plan.org_units if u.name == unit)
    return [(r.title, r.holder, list(r.duties)) for r in found.roles]


_FLOORS: list[dict[str, Any]] = [
    {"h1": "二、组织机构"},
    {"h2": "（一）疏散指挥部"},
    {"p": "商场成立疏散指挥部，总经理任总指挥，物业经理任副总指挥，各楼层组长为成员。"},
    {"p": "指挥部职责：下达疏散命令；调集安保力量；向华士镇人民政府报告。"},
    {"h2": "（二）楼层责任区"},
    {"p": "指挥部下设楼层组，按楼层分片负责，见下表。"},
    {"table": {"rows": [
        ["楼层组", "楼层组长", "责任区域", "安全出口"],
        ["一层楼层组", "唐晓芸 13861617720", "超市、餐饮区", "南门、北门"],
        ["二层楼层组", "邵志刚 13915322846", "服装区", "东侧楼梯"],
        ["三层楼层组", "潘丽华 13706165509", "影院、儿童乐园", "西侧楼梯"],
    ]}},
    {"p": "楼层组长职责：引导顾客从最近的安全出口撤离；检查卫生间和试衣间无人滞留；向指挥部报告本层人数。"},
    {"h2": "（三）机房处置组"},
    {"p": "指挥部下设机房处置组，由各机房值班长任组长，电工和空调工为组员。"},
    {"p": "值班长职责："},
    {"p": "1.切断非消防电源；"},
    {"p": "2.启动排烟风机和消防水泵；"},
    {"p": "3.向总指挥报告设备运行情况。"},
]  # fmt: skip


def test_a_table_of_bodies_of_one_kind_gives_one_unit_per_row_with_its_post_and_contact() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_FLOORS, kind)
        names = [u.name for u in plan.org_units]
        assert "楼层组" not in names  # the kind the sentence set up is no body of its own
        for floor, person in (("一层楼层组", "唐晓芸"), ("二层楼层组", "邵志刚"), ("三层楼层组", "潘丽华")):
            unit = next(u for u in plan.org_units if u.name == floor)
            assert unit.parent == "疏散指挥部"
            assert [(r.title, r.holder) for r in unit.roles] == [("楼层组长", person)]
        contacts = {c.phone: (c.name, c.role, c.org) for c in plan.contacts}
        assert contacts["13915322846"] == ("邵志刚", "楼层组长", "二层楼层组")


def test_one_duty_label_for_a_post_every_row_has_gives_each_of_them_the_duties() -> None:
    plan = _import(_FLOORS)
    duties = ["引导顾客从最近的安全出口撤离", "检查卫生间和试衣间无人滞留", "向指挥部报告本层人数"]
    for floor in ("一层楼层组", "二层楼层组", "三层楼层组"):
        assert _roles(plan, floor)[0][2] == duties
    # the 成员 listing of the 指挥部 keeps its holder as written: no post of it took those duties
    assert ("成员", "各楼层组长", []) in _roles(plan, "疏散指挥部")


def test_a_holders_duty_label_over_numbered_lines_gives_them_to_that_role() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_FLOORS, kind)
        unit = next(u for u in plan.org_units if u.name == "机房处置组")
        assert list(unit.duties) == []
        lead = next(r for r in unit.roles if r.title == "组长")
        assert (lead.holder, list(lead.duties)) == (
            "各机房值班长",
            ["切断非消防电源", "启动排烟风机和消防水泵", "向总指挥报告设备运行情况"],
        )


_FLOW: list[dict[str, Any]] = [
    {"h1": "三、响应程序"},
    {"p": "泄漏处置按以下流程进行："},
    {"p": "巡检人员发现泄漏"},
    {"p": "↓"},
    {"p": "报告中控室和当班班长（立即，电话）"},
    {"p": "↓"},
    {"p": "（1）少量泄漏且已关阀→三级响应（车间级）：车间主任指挥；开启水喷淋；设置警戒区。"},
    {"p": "（2）泄漏无法控制或有人员中毒→二级响应（公司级）：由总经理负责指挥；启动全厂紧急停车；拨打120求援。"},
]  # fmt: skip


def test_flow_chart_branch_lines_give_each_level_its_trigger_commander_and_actions() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_FLOW, kind, "江阴祝塘澄化化工有限公司氨气泄漏事故现场处置方案")
        levels = {r.level: r for r in plan.response_levels}
        low, high = levels["三级"], levels["二级"]
        assert (low.name, low.trigger, low.commander) == (
            "三级响应（车间级）",
            "少量泄漏且已关阀",
            "车间主任",
        )
        assert list(low.actions) == ["开启水喷淋", "设置警戒区"]
        assert (high.trigger, high.commander) == ("泄漏无法控制或有人员中毒", "总经理")
        assert list(high.actions) == ["启动全厂紧急停车", "拨打120求援"]
        first = next(r for r in plan.reporting if r.time_limit_minutes == 0)
        assert (first.to, first.channel) == ("中控室和当班班长", "电话")


_SHIFT: list[dict[str, Any]] = [
    {"h1": "二、应急组织"},
    {"h2": "（一）装卸班组"},
    {"p": "班长：许文杰，负责组织装卸区人员撤离；关闭鹤管阀门；清点本班人数。"},
    {"p": "安全员：陶建新。"},
]  # fmt: skip


def test_a_post_lines_duty_runs_on_to_the_full_stop_as_the_posts() -> None:
    plan = _import(_SHIFT, title="江阴利港澄油储运有限公司装卸区火灾事故现场处置方案")
    unit = next(u for u in plan.org_units if u.name == "装卸班组")
    assert list(unit.duties) == []
    lead = next(r for r in unit.roles if r.title == "班长")
    assert (lead.holder, list(lead.duties)) == (
        "许文杰",
        ["负责组织装卸区人员撤离", "关闭鹤管阀门", "清点本班人数"],
    )
    assert any(r.title == "安全员" and r.holder == "陶建新" for r in unit.roles)


def test_what_a_sealing_kit_uses_up_is_stock_and_its_tools_equipment() -> None:
    assert resource_type("堵漏胶带") == "物资"
    assert resource_type("管道堵漏材料") == "物资"
    assert resource_type("木楔堵漏工具") == "装备"
    assert resource_type("堵漏器材") == "装备"
