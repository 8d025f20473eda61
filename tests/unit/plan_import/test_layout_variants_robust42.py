"""Layout families from the plans-robust42 round (round 41's spreadsheet export as development data), on small
synthetic plans worded differently from the corpus and imported end to end: tables exported from a workbook as runs
of "|"-separated lines (header first, one row per line, an empty field an empty cell), and merged cells the text says
are filled on their first row only — the row's group (first column) and a column describing the group or level
(职责, 指挥, 存放位置) take the value above; a person's cells (姓名, 电话, 负责人) never do."""

from __future__ import annotations

from typing import Any

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴璜土恒昌纺织有限公司火灾事故专项应急预案"
_MERGED_NOTE = "下列表格自《安全台账》工作簿导出，表中合并的单元格仅在第一行填写内容。"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_ORG_SHEET: list[dict[str, Any]] = [
    {"h1": "二、组织机构与职责"},
    {"p": "公司成立火灾事故应急领导小组，领导小组下设灭火行动组和通讯联络组。"},
    {"p": _MERGED_NOTE},
    {"p": "组别|岗位|姓名|电话|工作职责"},
    {"p": "火灾事故应急领导小组|组长|钱振宇|13961627704|批准启动应急响应；调配全厂人员和物资"},
    {"p": "|副组长|许文杰|13815276630|"},
    {"p": "灭火行动组|组长|严海涛|13706169081|使用室内消火栓扑救初起火灾；切断着火车间电源"},
    {"p": "|组员|保全工||"},
    {"p": "通讯联络组|组长|孙美华|13584106627|拨打119报警；通知各车间撤离"},
]  # fmt: skip


def test_an_org_sheet_of_pipe_lines_gives_units_roles_contacts_and_merged_duties() -> None:
    for kind in ("docx", "pdf"):
        plan = _import(_ORG_SHEET, kind)
        units = {u.name: u for u in plan.org_units}
        assert set(units) == {"火灾事故应急领导小组", "灭火行动组", "通讯联络组"}, kind
        lead = units["火灾事故应急领导小组"]
        assert [(r.title, r.holder) for r in lead.roles] == [("组长", "钱振宇"), ("副组长", "许文杰")], kind
        assert list(lead.duties) == ["批准启动应急响应", "调配全厂人员和物资"], kind
        fire = units["灭火行动组"]
        # the second row's empty 部门 cell is the merged group above: its 组员 belongs to 灭火行动组
        assert [(r.title, r.holder) for r in fire.roles] == [("组长", "严海涛"), ("组员", "保全工")], kind
        assert fire.parent == "火灾事故应急领导小组", kind
        assert list(fire.duties) == ["使用室内消火栓扑救初起火灾", "切断着火车间电源"], kind
        phones = {(c.name, c.role, c.org, c.phone) for c in plan.contacts}
        assert ("许文杰", "副组长", "火灾事故应急领导小组", "13815276630") in phones, kind
        assert not any(c.name == "保全工" for c in plan.contacts), kind  # no number, no contact


_LEVEL_SHEET: list[dict[str, Any]] = [
    {"h1": "三、分级响应"},
    {"p": _MERGED_NOTE},
    {"p": "响应级别|启动条件|指挥|处置措施"},
    {"p": "三级（车间级）|单台设备冒烟或局部起火，车间能够扑灭|车间主任|切断设备电源；使用灭火器扑救"},
    {"p": "二级（公司级）|火势蔓延到整个车间|组长|启动室内消火栓；组织全厂疏散"},
    {"p": "一级（社会级）|火势失控或有人员被困||拨打119请求消防救援；配合璜土镇转移周边群众"},
]  # fmt: skip


def test_a_level_sheet_reads_one_level_per_line_and_a_merged_commander_covers_the_next_level() -> None:
    plan = _import(_LEVEL_SHEET)
    levels = {lv.level: lv for lv in plan.response_levels}
    assert set(levels) == {"一级", "二级", "三级"}
    assert levels["三级"].commander == "车间主任"
    assert levels["二级"].trigger == "火势蔓延到整个车间"
    assert levels["一级"].commander == "组长"  # merged over 二级 and 一级
    assert list(levels["一级"].actions) == ["拨打119请求消防救援", "配合璜土镇转移周边群众"]


_STOCK_SHEET: list[dict[str, Any]] = [
    {"h1": "五、应急物资"},
    {"p": _MERGED_NOTE},
    {"p": "物资名称|数量|单位|存放位置|负责人"},
    {"p": "干粉灭火器|40|具|各车间门口|严海涛"},
    {"p": "消防水带|12|盘||"},
    {"p": "防毒面具|20|个|仓库|孙美华"},
    {"p": "碳酸氢钠溶液|30|升|医务室|孙美华"},
]  # fmt: skip


def test_a_stock_sheet_gives_one_resource_per_line_and_an_empty_keeper_stays_empty() -> None:
    # in the PDF the short rows reach the page's right margin: each is still its own row, not running text
    for kind in ("docx", "pdf"):
        plan = _import(_STOCK_SHEET, kind)
        found = {r.name: r for r in plan.resources}
        assert set(found) == {"干粉灭火器", "消防水带", "防毒面具", "碳酸氢钠溶液"}, kind
        assert found["干粉灭火器"].quantity == 40 and found["干粉灭火器"].holder == "严海涛", kind
        assert found["消防水带"].quantity == 12, kind
        assert not found["消防水带"].holder, kind  # a person's cell is never merged
        assert found["碳酸氢钠溶液"].type == "物资", kind  # a rinsing solution is used up


_REPORT_SHEET: list[dict[str, Any]] = [
    {"h1": "四、信息报告"},
    {"p": "序号|报告时限|接报单位|报告方式"},
    {"p": "1|立即|领导小组组长|电话"},
    {"p": "2|5分钟内|值班门卫|对讲机"},
    {"p": "3|1小时内|璜土镇安全生产监督管理办公室|书面"},
    {"p": "4|30分钟内|安全环保部|口头"},
]  # fmt: skip


def test_a_reporting_sheet_without_a_merge_note_reads_one_rule_per_line() -> None:
    plan = _import(_REPORT_SHEET)
    rules = [(r.time_limit_minutes, r.to, r.channel) for r in plan.reporting]
    assert (0, "领导小组组长", "电话") in rules
    assert (60, "璜土镇安全生产监督管理办公室", "书面") in rules
    assert (5, "值班门卫", "对讲机") in rules  # a site radio is a channel in a table cell as in a sentence
    assert (30, "安全环保部", None) in rules  # a 口头 cell is no channel (the corpus convention for tables)


def test_without_the_merge_note_an_empty_commander_cell_stays_empty() -> None:
    plan = _import([b for b in _LEVEL_SHEET if b.get("p") != _MERGED_NOTE])
    levels = {lv.level: lv for lv in plan.response_levels}
    assert levels["二级"].commander == "组长"
    assert levels["一级"].commander != "组长"  # nothing says the cell is merged: it is blank


def test_a_bullet_line_with_bar_fields_is_not_read_as_a_sheet() -> None:
    blocks = [
        {"h1": "二、组织机构"},
        {"p": "● 灭火行动组｜组长：严海涛｜职责：扑救初起火灾；切断电源"},
        {"p": "● 通讯联络组｜组长：孙美华｜职责：拨打119报警；通知撤离"},
    ]
    plan = _import(blocks)
    units = {u.name: u for u in plan.org_units}
    assert [(r.title, r.holder) for r in units["灭火行动组"].roles] == [("组长", "严海涛")]
