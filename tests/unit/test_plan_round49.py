"""Layout families from the plans-robust49 round (round 48's held-out misses, now development data): a level table
whose header spans two rows (the level and condition columns merged down, a heading merged across the commander and
measures columns), and a set-up sentence that lists its groups with 和 ("下设A和B"); small synthetic plans worded
differently from the corpus, imported end to end (DOCX and text-layer PDF), and the readers on their own."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.header_rows import folded_rows
from plans.pipeline import import_plan
from plans.rules_org_bodies import listed_siblings

TITLE = "江阴澄南化纤有限公司纺丝车间火灾事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


# 级别 and 启动情形 merged down; 处置 merged across 负责人 | 主要行动 (another wording than 分级 | 条件 | 响应)
_TWO_ROW_LEVELS: list[dict[str, Any]] = [
    {"h1": "四、响应分级"},
    {"p": "火灾事故应急响应分为两级。"},
    {
        "table": {
            "rows": [
                ["级别", "启动情形", "处置", ""],
                ["", "", "负责人", "主要行动"],
                [
                    "二级（车间级）",
                    "卷绕机局部起火，车间可自行扑灭",
                    "车间主任",
                    "①切断机台电源；②用灭火器扑救",
                ],
                [
                    "一级（公司级）",
                    "火势蔓延至整个纺丝车间或有人员被困",
                    "总经理",
                    "①启动公司预案；②拨打119报警",
                ],
            ],
            "merge": [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 3]],
        }
    },
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_two_row_header_level_table_gives_each_level_its_fields(kind: str) -> None:
    plan = _import(_TWO_ROW_LEVELS, kind)
    levels = {r.level: r for r in plan.response_levels}
    assert set(levels) == {"一级", "二级"}
    assert levels["二级"].name == "二级（车间级）"
    assert levels["二级"].trigger == "卷绕机局部起火，车间可自行扑灭"
    assert levels["二级"].commander == "车间主任"
    assert levels["二级"].actions == ["切断机台电源", "用灭火器扑救"]
    assert levels["一级"].commander == "总经理"
    assert levels["一级"].actions == ["启动公司预案", "拨打119报警"]


def test_folded_header_names_columns_by_their_sub_headings() -> None:
    # a PDF may leave the covered cells empty instead of repeating the merged text
    rows = [
        ["等级", "判定标准", "应对", ""],
        ["", "", "指挥人员", "处置要点"],
        ["三级", "轻微泄漏", "班长", "关阀"],
    ]
    assert folded_rows(rows) == [
        ["等级", "判定标准", "指挥人员", "处置要点"],
        ["三级", "轻微泄漏", "班长", "关阀"],
    ]
    repeated = [
        ["部门", "姓名", "电话", "电话"],
        ["部门", "姓名", "座机", "手机"],
        ["安环部", "王刚", "86001234", "13800000000"],
    ]
    assert folded_rows(repeated)[0] == ["部门", "姓名", "座机", "手机"]


def test_a_data_row_is_never_folded_into_the_header() -> None:
    rows = [["名称", "数量", "数量"], ["灭火器", "20", "具"], ["沙袋", "50", "袋"]]
    assert folded_rows(rows) == rows
    one_row = [["级别", "条件", "指挥"], ["二级", "局部起火", "车间主任"], ["一级", "火势蔓延", "总经理"]]
    assert folded_rows(one_row) == one_row


def test_groups_listed_with_he_all_sit_under_the_body_that_sets_them_up() -> None:
    blocks = [
        {"h1": "二、组织机构"},
        {"p": "公司成立火灾应急领导小组，领导小组下设灭火组、通讯联络组及后勤保障组，各组分工如下："},
        {"p": "灭火组：负责扑救初期火灾。"},
        {"p": "通讯联络组：负责联系消防和医疗单位。"},
        {"p": "后勤保障组：负责调运灭火器材。"},
    ]
    plan = _import(blocks)
    parents = {u.name: u.parent for u in plan.org_units}
    assert parents["灭火组"] == parents["通讯联络组"] == parents["后勤保障组"] == "火灾应急领导小组"


def test_listed_siblings_stop_at_counts_and_open_lists() -> None:
    text = "小组下设抢修组和警戒组，分工如下"
    assert [s[0] for s in listed_siblings(text, text.index("抢修组") + 3)] == ["警戒组"]
    counted = "指挥部下设办公室和三个专业小组。"
    assert listed_siblings(counted, counted.index("办公室") + 3) == []
    open_list = "指挥部下设抢修组和警戒组等工作组。"
    assert listed_siblings(open_list, open_list.index("抢修组") + 3) == []
