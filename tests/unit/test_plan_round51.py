"""Layout families from the plans-robust51 round (round 50's held-out misses, now development data): a level's labelled
fields numbered in Chinese under its heading ("（一）启动条件：…", "（二）指挥：…", "（三）响应措施：①a；②b"), and a
neutraliser or absorbent named as the chemical it is (碳酸氢钠, 氢氧化钙, 硼酸) in a stock table; small synthetic plans
worded differently from the corpus, imported end to end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan
from plans.resource_types import resource_type

TITLE = "江阴顾山精工机械有限公司生产安全事故综合应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_CHINESE_NUMBERED_FIELDS: list[dict[str, Any]] = [
    {"h1": "5 应急响应"},
    {"p": "公司应急响应由低到高分为岗位级、部门级和厂级。"},
    {"h2": "5.1 部门级响应"},
    {"p": "（一）适用情形：事故超出岗位处置能力，需要调动本部门力量。"},
    {"p": "（二）现场指挥：部门经理。"},
    {"p": "（三）处置措施：①部门经理赶到现场；②隔离事故区域；③向生产调度报告。"},
    {"h2": "5.2 厂级响应"},
    {"p": "一、启动条件：发生人员重伤或火势蔓延到相邻厂房。"},
    {"p": "二、指挥：由厂长指挥。"},
    {"p": "三、响应措施：①全厂停产撤离；②请求消防救援。"},
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_fields_numbered_in_chinese_under_a_level_heading_are_its_fields(kind: str) -> None:
    levels = {r.name: r for r in _import(_CHINESE_NUMBERED_FIELDS, kind).response_levels}
    department, plant = levels["部门级响应"], levels["厂级响应"]
    assert department.trigger == "事故超出岗位处置能力，需要调动本部门力量"
    assert department.commander == "部门经理"
    assert department.actions == ["部门经理赶到现场", "隔离事故区域", "向生产调度报告"]
    assert plant.trigger == "发生人员重伤或火势蔓延到相邻厂房"
    assert plant.commander == "厂长"
    # the labels are fields, never measures of their own
    assert plant.actions == ["全厂停产撤离", "请求消防救援"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("氢氧化钙", "物资"),
        ("硼酸", "物资"),
        ("活性炭", "物资"),
        ("小苏打", "物资"),
        ("碳酸钠", "物资"),
        ("耐酸碱防护服", "装备"),  # worn and used again: the suit, not the chemical
        ("防酸面罩", "装备"),
    ],
)
def test_a_chemical_named_as_such_is_stock_used_up(name: str, kind: str) -> None:
    assert resource_type(name) == kind


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_neutraliser_in_a_stock_table_is_stock(kind: str) -> None:
    blocks: list[dict[str, Any]] = [
        {"h1": "6 应急物资"},
        {
            "table": {
                "rows": [
                    ["物资名称", "数量", "存放位置", "管理人"],
                    ["氢氧化钙", "100千克", "危化品库", "邹建平"],
                    ["空气呼吸器", "2套", "电镀车间", "邹建平"],
                ]
            }
        },
    ]
    kinds = {r.name: r.type for r in _import(blocks, kind).resources}
    assert kinds == {"氢氧化钙": "物资", "空气呼吸器": "装备"}
