"""Layout families from the plans-robust45 round (round 44's held-out miss, now development data): a group post
written straight before its holder's name, with no colon, 由 or 为 ("队长钱海峰，队员为…"), read as the group's post,
on small synthetic plans worded differently from the corpus and imported end to end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan

TITLE = "江阴申港澄丰仓储有限公司危险化学品仓库火灾事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_GROUPS: list[dict[str, Any]] = [
    {"h1": "二、应急组织机构及职责"},
    {"p": "公司成立仓库火灾应急指挥部，总经理任总指挥。指挥部下设两个应急小队："},
    {"p": "1.灭火行动队：队长钱海峰，队员为仓库保管员和叉车司机。负责使用推车式灭火器扑救初起火灾；负责关闭库区排水阀门。"},
    {"p": "2.警戒引导队：班长孙玉梅，副班长邵建平，队员为门卫。负责封闭库区大门；负责引导消防车进入库区。"},
]  # fmt: skip


def _roles(plan: EmergencyPlan, unit: str) -> dict[str, str | None]:
    found = next(u for u in plan.org_units if u.name == unit)
    return {r.title: r.holder for r in found.roles}


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_post_before_a_bare_name_is_the_groups_post(kind: str) -> None:
    plan = _import(_GROUPS, kind)
    assert _roles(plan, "灭火行动队") == {"队长": "钱海峰", "队员": "仓库保管员和叉车司机"}
    assert _roles(plan, "警戒引导队") == {"班长": "孙玉梅", "副班长": "邵建平", "队员": "门卫"}


def test_post_before_a_verb_or_a_post_word_is_no_holder() -> None:
    """ "组长负责…" / "组长带队…" and "组长单位" name no person: no 组长 role holds "负责" or "单位"."""
    plan = _import([
        {"h1": "二、应急组织机构及职责"},
        {"p": "公司成立仓库火灾应急指挥部，总经理任总指挥。指挥部下设抢险组："},
        {"p": "抢险组：组长由仓储部经理担任。组长负责，组员配合。组长带队，组员为保管员。"},
    ])  # fmt: skip
    holders = [r.holder for u in plan.org_units for r in u.roles if r.title == "组长"]
    assert holders == ["仓储部经理"]
