"""Layout families from the plans-robust50 round (round 49's held-out misses, now development data): a level defined by
a list of alternative conditions ("符合以下情形之一的，启动二级响应：（1）…；（2）…"), a body whose set-up sentence gives its duty after
an alias bracket ("成立X（简称Y），负责…"; a duty list of the body's own comes first), and a PDF line that wraps between an
item number's brackets ("…；（" / "3）…"); small synthetic plans worded differently from the corpus, imported end to
end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import _PdfWriter, render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴月城镇森林火灾应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_ONE_OF_LEVELS: list[dict[str, Any]] = [
    {"h1": "3 组织机构"},
    {"p": "镇政府设立森林防火指挥部（简称镇防火指挥部），负责全镇森林火灾扑救的组织指挥。"},
    {"p": "总指挥由镇长担任。"},
    {"h1": "4 分级响应"},
    {"p": "符合以下情形之一的，启动二级响应：（1）过火面积超过10公顷；（2）火场威胁村庄或重要设施。"},
    {"p": "有下列情况之一时，启动三级响应："},
    {"p": "（1）过火面积1公顷以下；"},
    {"p": "（2）火情在2小时内得到控制。"},
    {"h2": "4.1 三级响应"},
    {"p": "由分管副镇长指挥。主要措施：（1）护林员赶赴火场；（2）组织扑火队扑救。"},
    {"h2": "4.2 二级响应"},
    {"p": "由镇长指挥。主要措施：（1）调集全镇扑火力量；（2）疏散受威胁群众。"},
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_list_of_alternative_conditions_is_the_levels_trigger(kind: str) -> None:
    levels = {r.level: r for r in _import(_ONE_OF_LEVELS, kind).response_levels}
    assert levels["二级"].trigger == "（1）过火面积超过10公顷；（2）火场威胁村庄或重要设施"
    # the conditions in paragraphs of their own run on while the list is open, up to the level heading
    assert levels["三级"].trigger == "（1）过火面积1公顷以下；（2）火情在2小时内得到控制"
    assert levels["三级"].commander == "分管副镇长"
    assert levels["二级"].actions == ["调集全镇扑火力量", "疏散受威胁群众"]


def test_a_definition_naming_two_levels_gives_neither_a_trigger() -> None:
    blocks: list[dict[str, Any]] = [
        {"h1": "4 分级响应"},
        {"p": "满足下列条件之一的，视情启动一级或二级响应：（1）火场蔓延至相邻乡镇；（2）有人员死亡。"},
        {"h2": "4.1 二级响应"},
        {"p": "由镇长指挥。主要措施：（1）调集全镇扑火力量；（2）疏散受威胁群众。"},
    ]
    levels = {r.level: r for r in _import(blocks).response_levels}
    assert "火场蔓延" not in levels["二级"].trigger


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_set_up_duty_after_an_alias_bracket_is_the_bodys(kind: str) -> None:
    units = {u.name: u for u in _import(_ONE_OF_LEVELS, kind).org_units}
    assert units["森林防火指挥部"].duties == ["负责全镇森林火灾扑救的组织指挥"]


def _wrapping_after_open_bracket() -> str:
    """A measures paragraph whose first PDF line ends with the "（" of its third item (the renderer's own wrap)."""
    writer = _PdfWriter()
    for pad in range(1, 40):
        text = (
            "由镇长指挥。主要措施：（1）"
            + "调集扑火力量"
            + "赶" * pad
            + "；（2）疏散群众；（3）封锁进山道口。"
        )
        first = writer.wrap(text, writer.width, 11.0, 22.0)[0]
        if first.endswith("（"):
            return text
    raise AssertionError("no padding puts the bracket at the line end")


def test_pdf_item_number_broken_after_its_bracket_stays_in_its_paragraph() -> None:
    blocks: list[dict[str, Any]] = [
        {"h1": "4 分级响应"},
        {"h2": "4.1 二级响应"},
        {"p": _wrapping_after_open_bracket()},
    ]
    levels = {r.level: r for r in _import(blocks, "pdf").response_levels}
    actions = levels["二级"].actions
    assert actions[-1] == "封锁进山道口"
    assert "（" not in actions and len(actions) == 3


def test_a_bodys_own_duty_list_replaces_the_duty_it_was_set_up_for() -> None:
    blocks: list[dict[str, Any]] = [
        {"h1": "3 组织机构"},
        {"p": "镇政府设立森林防火指挥部（简称镇防火指挥部），负责全镇森林火灾扑救的组织指挥。"},
        {"p": "镇防火指挥部主要职责：发布森林火险预警；调度扑火队伍和物资。"},
    ]
    units = {u.name: u for u in _import(blocks).org_units}
    assert units["森林防火指挥部"].duties == ["发布森林火险预警", "调度扑火队伍和物资"]
