"""Layout families from the plans-robust47 round (round 46's held-out misses, now development data): the posts of a
body set up in the same sentence ("指挥部下设X组，A任组长，B任副组长，C和D为组员") belong to that body, with or
without a 岗位 | 处置步骤 card per post after it, and the same appointment sentence in a plain 人员组成 cell; on small
synthetic plans worded differently from the corpus and imported end to end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴华士纺织印染有限公司锅炉房天然气泄漏事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


def _roles(plan: EmergencyPlan, unit: str) -> list[tuple[str, str | None]]:
    found = next(u for u in plan.org_units if u.name == unit)
    return [(r.title, r.holder) for r in found.roles]


_SET_UP_WITH_CARDS: list[dict[str, Any]] = [
    {"h1": "二、组织机构"},
    {"p": "公司成立应急指挥部，董事长任总指挥，设备副总任副总指挥。"},
    {"p": "应急指挥部下设抢修组，动力车间主任任组长，锅炉班长任副组长，司炉工和维修电工为组员。"},
    {"h2": "（一）岗位处置卡"},
    {"table": {"rows": [["岗位", "处置步骤"], ["动力车间主任（组长）", "1.赶到锅炉房组织抢修；2.向总指挥报告"]]}},
    {"table": {"rows": [["岗位", "处置步骤"], ["司炉工", "1.关闭燃气总阀；2.打开门窗通风；3.禁止开关电器"]]}},
]  # fmt: skip


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_posts_appointed_after_xiashe_belong_to_the_group_it_sets_up(kind: str) -> None:
    plan = _import(_SET_UP_WITH_CARDS, kind)
    group = next(u for u in plan.org_units if u.name == "抢修组")
    assert group.parent == "应急指挥部"
    roles = {(r.title, r.holder): r.duties for r in group.roles}
    assert roles[("组长", "动力车间主任")] == ["赶到锅炉房组织抢修", "向总指挥报告"]
    assert ("副组长", "锅炉班长") in roles
    assert roles[("组员", "司炉工")] == ["关闭燃气总阀", "打开门窗通风", "禁止开关电器"]
    # the 指挥部 keeps its own posts only
    assert _roles(plan, "应急指挥部") == [("总指挥", "董事长"), ("副总指挥", "设备副总")]


def test_posts_appointed_after_xiashe_without_cards_still_belong_to_the_group() -> None:
    plan = _import(_SET_UP_WITH_CARDS[:3])
    assert ("组长", "动力车间主任") in _roles(plan, "抢修组")
    assert ("副组长", "锅炉班长") in _roles(plan, "抢修组")
    assert all(t not in ("组长", "副组长") for t, _ in _roles(plan, "应急指挥部"))


def test_a_body_founded_in_the_same_sentence_keeps_its_posts() -> None:
    """ "成立X，下设A组，…任总指挥": the body founded first is the one the posts are of."""
    plan = _import([
        {"h1": "二、组织机构"},
        {"p": "公司成立应急指挥部，下设疏散组，总经理任总指挥，行政部经理任副总指挥。"},
    ])  # fmt: skip
    assert _roles(plan, "应急指挥部") == [("总指挥", "总经理"), ("副总指挥", "行政部经理")]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_an_appointment_sentence_in_a_plain_members_cell_gives_the_roles(kind: str) -> None:
    plan = _import([
        {"h1": "二、组织机构及职责"},
        {"p": "公司成立应急指挥部，董事长任总指挥。指挥部下设以下工作组："},
        {"table": {"rows": [
            ["工作组", "人员组成", "主要职责"],
            ["抢修组", "动力车间主任任组长，锅炉班长任副组长，司炉工和维修电工为组员", "关闭燃气阀门；抢修泄漏管道"],
            ["警戒组", "保卫科长任组长，门卫为组员", "设置警戒区；引导车辆"],
        ]}},
    ], kind)  # fmt: skip
    repair = _roles(plan, "抢修组")
    assert ("组长", "动力车间主任") in repair
    assert ("副组长", "锅炉班长") in repair
    assert ("组长", "保卫科长") in _roles(plan, "警戒组")
    assert next(u for u in plan.org_units if u.name == "抢修组").duties == ["关闭燃气阀门", "抢修泄漏管道"]
