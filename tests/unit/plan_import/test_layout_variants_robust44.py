"""Layout families from the plans-robust44 round (round 43's held-out miss, now development data): tables nested in
table cells — a body's posts and phones as a small table inside its cell of the organisation table, and internal and
external contact tables side by side in a layout table — read through the ordinary table records, on small synthetic
plans worded differently from the corpus and imported end to end (DOCX with real nested tables; text-layer PDF, where
the inner rows are lines inside one cell)."""

from __future__ import annotations

from typing import Any

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.nested_cells import cell_lines_table, splice_nested
from plans.pipeline import import_plan

TITLE = "江阴周庄澄达化纤有限公司纺丝车间火灾事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


def _posts(*rows: list[str]) -> dict[str, Any]:
    return {"table": {"rows": [["岗位", "姓名", "联系电话"], *rows]}}


_ORG_TABLE: list[dict[str, Any]] = [
    {"h1": "二、应急组织机构及职责"},
    {"p": "公司成立纺丝车间火灾应急领导小组，领导小组下设疏散引导组和现场抢险组。"},
    {"table": {"rows": [
        ["应急机构", "人员及联系方式", "职责"],
        ["纺丝车间火灾应急领导小组", _posts(["组长", "黄振华", "13806165521"], ["副组长", "季永刚", "13915358840"]),
         "批准启动应急响应；调集公司应急力量"],
        ["疏散引导组", _posts(["组长", "殷丽萍", "13771258806"]), "组织车间人员撤离；清点撤离人数"],
        ["现场抢险组", _posts(["组长", "管建新", "13961691175"], ["组员", "纺丝车间当班操作工", ""]),
         "关闭纺丝机加热电源；使用灭火器扑救初起火灾"],
    ]}},
]  # fmt: skip


def test_posts_nested_in_a_body_cell_become_the_bodys_roles_and_contacts() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_ORG_TABLE, kind)
        units = {u.name: u for u in plan.org_units}
        assert {"纺丝车间火灾应急领导小组", "疏散引导组", "现场抢险组"} <= set(units), kind
        lead = units["纺丝车间火灾应急领导小组"]
        assert {(r.title, r.holder) for r in lead.roles} == {("组长", "黄振华"), ("副组长", "季永刚")}, kind
        crew = {(r.title, r.holder) for r in units["现场抢险组"].roles}
        assert ("组员", "纺丝车间当班操作工") in crew, kind
        assert "清点撤离人数" in units["疏散引导组"].duties, kind
        contacts = {(c.name, c.role, c.org, c.phone) for c in plan.contacts}
        assert ("殷丽萍", "组长", "疏散引导组", "13771258806") in contacts, kind
        assert ("季永刚", "副组长", "纺丝车间火灾应急领导小组", "13915358840") in contacts, kind
        assert not any(c.name == "纺丝车间当班操作工" for c in plan.contacts), kind  # no number: no contact


_SIDE_BY_SIDE: list[dict[str, Any]] = [
    {"h1": "六、应急通讯录"},
    {"table": {"rows": [
        ["厂内联系", "外部单位"],
        [{"table": {"rows": [["职务", "姓名", "手机"], ["安全主管", "倪振东", "13812273364"]]}},
         {"table": {"rows": [["单位", "值班电话"], ["周庄镇安监办", "0510-86231178"],
                             ["周庄消防救援站", "0510-86232119"]]}}],
    ]}},
]  # fmt: skip


def test_contact_tables_side_by_side_in_a_layout_table_are_read_as_two_contact_tables() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_SIDE_BY_SIDE, kind)
        contacts = {(c.name, c.role, c.org, c.phone) for c in plan.contacts}
        assert ("倪振东", "安全主管", "", "13812273364") in contacts, kind
        orgs = {(c.org, c.phone) for c in plan.contacts}
        assert {("周庄镇安监办", "0510-86231178"), ("周庄消防救援站", "0510-86232119")} <= orgs, kind


def test_a_cell_of_wrapped_prose_lines_is_not_a_nested_table() -> None:
    lines = ["负责组织车间人员沿安全通道撤离到厂区东门集合点，", "清点人数后报告组长"]
    assert cell_lines_table(lines) is None
    assert cell_lines_table(["单位 电话"]) is None  # a header line alone holds no rows
    assert cell_lines_table(["组长 黄振华 13806165521", "负责现场指挥"]) is None  # one post line, then prose


def test_post_lines_without_a_header_line_read_as_a_post_table() -> None:
    lines = ["组长 黄振华 13806165521", "副组长 季永刚 13915358840"]
    assert cell_lines_table(lines) == [["职务", "姓名", "手机"], ["组长", "黄振华", "13806165521"],
                                       ["副组长", "季永刚", "13915358840"]]  # fmt: skip
    above = ["小组成员如下：", "岗位 姓名 电话", "班长 陶建峰 13585021176"]
    assert cell_lines_table(above) == [["岗位", "姓名", "电话"], ["班长", "陶建峰", "13585021176"]]


_HEADERLESS_AND_TEXT_ABOVE: list[dict[str, Any]] = [
    {"h1": "二、应急组织机构"},
    {"p": "公司成立应急领导小组，领导小组下设警戒组。"},
    {"table": {"rows": [
        ["机构", "成员", "职责"],
        ["应急领导小组", {"table": {"rows": [["组长", "黄振华", "13806165521"], ["副组长", "季永刚", "13915358840"]]}},
         "批准启动应急响应"],
        ["警戒组", {"text": "由保安部人员组成：", "table": {"rows": [["职务", "姓名", "手机"], ["组长", "邱国强", "13771280093"]]}},
         "设置警戒区；引导救援车辆"],
    ]}},
]  # fmt: skip


def test_a_nested_post_table_without_a_header_row_or_under_a_line_of_text_is_read() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_HEADERLESS_AND_TEXT_ABOVE, kind)
        roles = {(u.name, r.title, r.holder) for u in plan.org_units for r in u.roles}
        assert {("应急领导小组", "组长", "黄振华"), ("警戒组", "组长", "邱国强")} <= roles, kind
        contacts = {(c.name, c.role, c.org, c.phone) for c in plan.contacts}
        assert ("季永刚", "副组长", "应急领导小组", "13915358840") in contacts, kind


def test_a_spaced_mobile_number_stays_one_field() -> None:
    assert cell_lines_table(["职务 姓名 手机", "组长 黄振华 138 0616 5521"]) == [
        ["职务", "姓名", "手机"],
        ["组长", "黄振华", "13806165521"],
    ]


def test_a_table_without_nested_cells_is_unchanged() -> None:
    grid = [["名称", "数量"], ["灭火器", "20具"]]
    assert splice_nested(grid, {}) == [grid]
