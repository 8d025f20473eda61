"""Layout families from the plans-robust40 round (round 39's 危化品运输 plan and the 要素 | 内容 gas plan's overview
as development data), on small synthetic plans worded differently from the corpus and imported end to end: a crew
roster with "姓名 手机" cells and the crews' duties under one label, tiers named only in a level table's cells with
who leads inside the measures, an arrow reporting chain with 即时, a crew post in a 职务 | 姓名 | 手机 roster,
"另存" stock, 起火 as 火灾, a cover line "version  date" and an overview's labelled lines at the start of a plan."""

from __future__ import annotations

from typing import Any

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴申港燃气配送有限公司液化石油气钢瓶运输事故应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


def _roles(plan: EmergencyPlan, unit: str) -> list[tuple[str, str | None, list[str]]]:
    found = next(u for u in plan.org_units if u.name == unit)
    return [(r.title, r.holder, list(r.duties)) for r in found.roles]


_FLEET = [
    {"h1": "二、应急组织"},
    {"h2": "（一）配送车队"},
    {"p": "车队长：朱建华。"},
    {"p": "当班出车人员见下表："},
    {"table": {"rows": [
        ["车号", "驾驶员", "装卸员"],
        ["苏B·3L901", "顾永刚 13962250173", "邹海军 13951009284"],
        ["苏B·3L917", "陆文斌 13606166325", "钱国庆 13771205518"],
    ]}},
    {"p": "驾驶员、装卸员职责："},
    {"p": "1. 发现钢瓶漏气立即停车，关闭瓶阀；"},
    {"p": "2. 疏散围观群众，禁止烟火；"},
    {"p": "3. 电话报告车队长。"},
]  # fmt: skip


def test_crew_roster_cells_give_one_role_and_one_contact_per_person() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_FLEET, kind)
        people = [(t, h) for t, h, _ in _roles(plan, "配送车队") if t in ("驾驶员", "装卸员")]
        assert people == [
            ("驾驶员", "顾永刚"),
            ("装卸员", "邹海军"),
            ("驾驶员", "陆文斌"),
            ("装卸员", "钱国庆"),
        ]
        contacts = {c.phone: (c.name, c.role, c.org) for c in plan.contacts}
        assert contacts["13962250173"] == ("顾永刚", "驾驶员", "")
        assert contacts["13771205518"] == ("钱国庆", "装卸员", "")


def test_a_crew_duty_label_gives_the_numbered_lines_to_those_roles_not_the_unit() -> None:
    plan = _import(_FLEET)
    duties = ["发现钢瓶漏气立即停车，关闭瓶阀", "疏散围观群众，禁止烟火", "电话报告车队长"]
    crew = [d for t, _, d in _roles(plan, "配送车队") if t in ("驾驶员", "装卸员")]
    assert crew == [duties] * 4
    unit = next(u for u in plan.org_units if u.name == "配送车队")
    assert not set(duties) & set(unit.duties)


def test_tiers_named_only_in_a_level_table_are_ranked_and_who_leads_is_the_commander() -> None:
    plan = _import([
        {"h1": "三、响应分级"},
        {"table": {"rows": [
            ["响应等级", "适用情况", "应对要点"],
            ["车辆级", "瓶阀漏气，随车人员可以关闭", "关闭瓶阀；现场由驾驶员指挥。"],
            ["车队级", "钢瓶破损无法关闭", "安全主管到场指挥；调派空车转移钢瓶。"],
            ["公司级", "钢瓶起火或有人受伤", "总经理到场指挥；请求消防支援；通知申港街道。"],
        ]}},
    ])  # fmt: skip
    levels = {r.level: (r.name, r.trigger, r.commander, list(r.actions)) for r in plan.response_levels}
    assert levels == {
        "三级": ("车辆级", "瓶阀漏气，随车人员可以关闭", "驾驶员", ["关闭瓶阀"]),
        "二级": ("车队级", "钢瓶破损无法关闭", "安全主管", ["调派空车转移钢瓶"]),
        "一级": ("公司级", "钢瓶起火或有人受伤", "总经理", ["请求消防支援", "通知申港街道"]),
    }


def test_an_arrow_reporting_chain_with_an_immediate_step_and_a_sentence_after_it() -> None:
    plan = _import([
        {"h1": "四、信息报告"},
        {"p": "驾驶员→值班调度（即时，电话）→安全主管（15分钟内，电话）。较大事故由总经理2小时内书面报告申港街道。"},
    ])  # fmt: skip
    rules = [(r.time_limit_minutes, r.to, r.channel) for r in plan.reporting]
    assert rules == [(0, "值班调度", "电话"), (15, "安全主管", "电话"), (120, "申港街道", "书面")]


def test_a_titled_roster_with_a_crew_post_beside_the_titles_gives_the_body_its_roles() -> None:
    plan = _import([
        {"h1": "二、应急组织"},
        {"h2": "（一）应急领导小组"},
        {"p": "公司成立应急领导小组，组成人员见下表。"},
        {"table": {"rows": [
            ["职务", "姓名", "手机"],
            ["组长", "黄立新", "13861620019"],
            ["副组长", "缪红梅", "13915390042"],
            ["安全员", "杭志强", "13706160318"],
        ]}},
    ])  # fmt: skip
    assert [(t, h) for t, h, _ in _roles(plan, "应急领导小组")] == [
        ("组长", "黄立新"), ("副组长", "缪红梅"), ("安全员", "杭志强"),
    ]  # fmt: skip


def test_stock_kept_elsewhere_has_no_verb_in_its_name_and_a_cover_line_gives_version_and_date() -> None:
    plan = _import([
        {"center": "江阴申港燃气配送有限公司"},
        {"center": "V2.0　2025年6月18日"},
        {"h1": "一、适用范围"},
        {"p": "本预案适用于公司车辆运送液化石油气钢瓶途中发生漏气、起火事故的处置。"},
        {"h1": "五、应急物资"},
        {"p": "每辆配送车配备灭火器2具；公司仓库另存堵漏夹具5套，由仓库主管管理。"},
    ])  # fmt: skip
    assert (plan.version, plan.issued_at) == ("V2.0", "2025-06-18")
    assert "火灾" in plan.accident_types
    kit = {r.name: (r.quantity, r.holder) for r in plan.resources}
    assert kit["堵漏夹具"] == (5, "仓库主管")


def test_labelled_overview_lines_at_the_start_give_version_and_date_the_cover_left_empty() -> None:
    body = [{"p": f"{n}. 配送途中按规定路线行驶，不得在居民区停车。"} for n in range(1, 11)]
    plan = _import([
        {"center": "江阴申港燃气配送有限公司"},
        {"h1": "一、预案信息"},
        {"p": "编制部门：安全管理部"},
        {"p": "版本：第3版"},
        {"p": "发布日期：2025年6月18日"},
        {"h1": "二、运输要求"},
        *body,
    ])  # fmt: skip
    assert (plan.version, plan.issued_at) == ("第3版", "2025-06-18")


def test_one_labelled_line_alone_in_the_body_is_no_date() -> None:
    body = [{"p": f"{n}. 配送途中按规定路线行驶，不得在居民区停车。"} for n in range(1, 11)]
    plan = _import([
        {"center": "江阴申港燃气配送有限公司"},
        {"h1": "一、培训"},
        {"p": "发布日期：2024年1月5日"},
        {"h1": "二、运输要求"},
        *body,
    ])  # fmt: skip
    assert plan.issued_at is None
