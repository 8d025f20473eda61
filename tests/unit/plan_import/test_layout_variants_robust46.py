"""Layout families from the plans-robust46 round (round 45's held-out misses, now development data): a paragraph
that pairs a warning colour and a response level ("…的，由X发布黄色预警，并启动Ⅲ级应急响应，Y亲自指挥。处置措施：a；b"),
and PDF contact rows ("职务　姓名　手机") on a page whose longest line is such a row, on small synthetic plans worded
differently from the corpus and imported end to end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "徐霞客镇危险化学品道路运输事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_PAIRED: list[dict[str, Any]] = [
    {"h1": "四、分级应对"},
    {"p": "预警按严重程度由低到高分为蓝色、黄色、橙色、红色，应急响应对应为Ⅳ级至Ⅰ级。"},
    {"p": "1.槽罐车在镇区道路发生轻微渗漏、未造成人员伤害时，由镇应急管理办公室发布黄色预警，并启动Ⅲ级应急响应，镇应急管理办公室主任赶到现场负责指挥。处置措施：设置警戒隔离带；组织专业队伍封堵渗漏点。"},
    {"p": "2.发生大量泄漏或者引发燃烧爆炸的，由镇指挥部发布红色预警，同时启动Ⅰ级响应，镇党委书记亲自指挥。处置措施：疏散下风向居民；请求江阴市危险化学品专业救援队支援；封闭锡澄公路相关路段。"},
]  # fmt: skip


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_paired_warning_and_response_paragraphs_give_both_levels(kind: str) -> None:
    plan = _import(_PAIRED, kind)
    warnings = {w.level: (w.color, w.criteria) for w in plan.warning_levels}
    assert warnings["三级"] == ("黄色", "槽罐车在镇区道路发生轻微渗漏、未造成人员伤害时")
    assert warnings["一级"] == ("红色", "发生大量泄漏或者引发燃烧爆炸的")
    levels = {r.level: r for r in plan.response_levels}
    assert levels["三级"].name == "Ⅲ级应急响应"
    # paired, the trigger is the warning's criteria as written, its closing 时 / 的 kept (round 45)
    assert levels["三级"].trigger == "槽罐车在镇区道路发生轻微渗漏、未造成人员伤害时"
    assert levels["一级"].trigger == "发生大量泄漏或者引发燃烧爆炸的"
    assert levels["三级"].commander == "镇应急管理办公室主任"
    assert levels["三级"].actions == ["设置警戒隔离带", "组织专业队伍封堵渗漏点"]
    assert levels["一级"].name == "Ⅰ级响应"
    assert levels["一级"].commander == "镇党委书记"
    assert levels["一级"].actions == [
        "疏散下风向居民",
        "请求江阴市危险化学品专业救援队支援",
        "封闭锡澄公路相关路段",
    ]
    # the issuer of the warning commands nothing
    assert all(r.commander != "镇指挥部" for r in plan.response_levels)


def test_a_warning_without_a_paired_response_adds_no_response_level() -> None:
    plan = _import([
        {"h1": "三、预警"},
        {"p": "气象部门发布暴雨黄色预警后，各村做好巡查准备。"},
    ])  # fmt: skip
    assert plan.response_levels == []


_CONTACT_PAGE: list[dict[str, Any]] = [
    {"h1": "一、总则"},
    {"p": "本预案适用于徐霞客镇行政区域内危险化学品道路运输过程中发生的泄漏、火灾、爆炸事故。"},
    {"pagebreak": True},
    {"h1": "七、通讯联络"},
    {"p": "镇应急办　0510-86501110"},
    {"p": "应急办副主任　邵建华　13861612259"},
    {"p": "徐霞客派出所　0510-86502110"},
    {"p": "镇卫生院　0510-86503120"},
]  # fmt: skip


def test_pdf_contact_rows_do_not_run_into_the_next_line() -> None:
    """The longest line of the contact page sets its margin; a row ending in its number still ends there."""
    plan = _import(_CONTACT_PAGE, "pdf")
    by_phone = {c.phone: (c.name, c.role, c.org) for c in plan.contacts}
    assert by_phone["13861612259"] == ("邵建华", "应急办副主任", "")
    assert by_phone["0510-86502110"] == ("", "", "徐霞客派出所")


def _org_table(line_above: str) -> list[dict[str, Any]]:
    posts = {
        "table": {
            "rows": [
                ["职务", "姓名", "手机"],
                ["组员", "陈晓东", "13861600022"],
                ["组员", "刘海波", "13861600033"],
            ]
        }
    }
    return [
        {"h1": "二、应急组织机构及职责"},
        {"p": "公司成立应急指挥部，指挥部下设抢险组。"},
        {"table": {"rows": [
            ["机构", "人员组成", "主要职责"],
            ["应急指挥部", {"table": {"rows": [["职务", "姓名", "手机"], ["总指挥", "黄建伟", "13906160011"]]}}, "决定启动应急响应"],
            ["抢险组", {"text": line_above, **posts}, "关闭泄漏容器阀门；收集泄漏物"],
        ]}},
    ]  # fmt: skip


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_appointment_line_above_a_nested_post_table_gives_the_post(kind: str) -> None:
    plan = _import(_org_table("组长由生产部经理担任，成员如下："), kind)
    unit = next(u for u in plan.org_units if u.name == "抢险组")
    assert [(r.title, r.holder) for r in unit.roles] == [
        ("组长", "生产部经理"), ("组员", "陈晓东"), ("组员", "刘海波")
    ]  # fmt: skip
    assert "生产部经理" not in {c.name for c in plan.contacts}  # no number, no contact


def test_a_line_above_that_appoints_no_one_adds_no_post() -> None:
    plan = _import(_org_table("本组人员如下（24小时开机）："))
    unit = next(u for u in plan.org_units if u.name == "抢险组")
    assert [r.title for r in unit.roles] == ["组员", "组员"]
