"""Layout families from the plans-robust48 round (round 47's held-out misses, now development data): a roster whose
posts carry the holder's phone in a trailing bracket ("● 总指挥：厂长　赵明华（13951526601）"), a group line whose
leader and members follow the post after a space ("● 抢修组：组长 孙海（设备部经理），组员 电工、维修工") with a
"职责：" line under it, and an appendix of contact lines that join the place to its number with a dash run or dot
leaders ("华士消防救援站——0510-86211119、86211120"); small synthetic plans worded differently from the corpus,
imported end to end (DOCX and text-layer PDF), and the line readers on their own."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan
from plans.rules_contacts import contact_before
from plans.rules_roster_lines import person_of, post_line_contact, strip_phone_bracket

TITLE = "江阴华士纺织印染有限公司染色车间火灾事故专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_ROSTER: list[dict[str, Any]] = [
    {"h1": "二、应急组织机构"},
    {"p": "公司成立火灾应急指挥部，组成如下："},
    {"p": "● 总指挥：厂长　赵明华（13951526601）"},
    {"p": "● 副总指挥：生产副厂长　钱立新（手机：13861520012）"},
    {"p": "● 成员：各车间主任、安全员"},
    {"p": "指挥部下设以下小组："},
    {"p": "● 抢修组：组长 孙海（设备部经理），组员 电工、维修工"},
    {"p": "职责：关闭蒸汽和燃气阀门；抢修受损设备。"},
    {"p": "● 疏散组：组长 李萍（行政部经理），组员 各班班长"},
    {"p": "职责：引导员工撤离到东门广场；清点人数。"},
    {"h1": "附件　外部联系电话"},
    {"p": "华士消防救援站——0510-86211119、86211120"},
    {"p": "公司门卫室——0510-86219001"},
    {"p": "华士人民医院急诊……0510-86218120"},
]  # fmt: skip


def _unit(plan: EmergencyPlan, name: str) -> Any:
    return next(u for u in plan.org_units if u.name == name)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_roster_post_with_a_bracketed_phone_gives_the_holder_and_a_contact(kind: str) -> None:
    plan = _import(_ROSTER, kind)
    roles = [(r.title, r.holder) for r in _unit(plan, "火灾应急指挥部").roles]
    assert ("总指挥", "厂长　赵明华") in roles
    assert ("副总指挥", "生产副厂长　钱立新") in roles
    contacts = {c.phone: (c.name, c.role, c.org) for c in plan.contacts}
    assert contacts["13951526601"] == ("赵明华", "总指挥", "")
    assert contacts["13861520012"] == ("钱立新", "副总指挥", "")


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_group_line_with_spaced_posts_gives_its_members_and_the_duties_below(kind: str) -> None:
    plan = _import(_ROSTER, kind)
    repair = _unit(plan, "抢修组")
    assert repair.parent == "火灾应急指挥部"
    assert [(r.title, r.holder) for r in repair.roles] == [
        ("组长", "孙海（设备部经理）"),
        ("组员", "电工、维修工"),
    ]
    assert repair.duties == ["关闭蒸汽和燃气阀门", "抢修受损设备"]
    evacuate = _unit(plan, "疏散组")
    assert ("组员", "各班班长") in [(r.title, r.holder) for r in evacuate.roles]
    assert evacuate.duties == ["引导员工撤离到东门广场", "清点人数"]
    # the groups' duties are not the 指挥部's
    assert _unit(plan, "火灾应急指挥部").duties == []


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_contact_lines_joined_by_dashes_or_dot_leaders_give_the_place_as_org(kind: str) -> None:
    plan = _import(_ROSTER, kind)
    contacts = {c.phone: (c.name, c.role, c.org) for c in plan.contacts}
    assert contacts["0510-86211119"] == ("", "", "华士消防救援站")
    assert contacts["86211120"] == ("", "", "华士消防救援站")  # the second number on the line
    assert contacts["0510-86219001"] == ("", "", "公司门卫室")
    assert contacts["0510-86218120"] == ("", "", "华士人民医院急诊")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("组长：安全科长王磊（电话：", {"name": "王磊", "role": "组长", "org": ""}),
        ("1.1 副组长：车间主任　周强（", {"name": "周强", "role": "副组长", "org": ""}),
        ("● 队长：顾建（手机", {"name": "顾建", "role": "队长", "org": ""}),
        ("值班长：当班班长（", None),  # a post, no person to reach
        ("成员：各处室主任（", None),
        ("请拨打值班电话（", None),  # no post line
    ],
)
def test_post_line_contact_reads_the_post_and_the_person(line: str, expected: dict[str, str] | None) -> None:
    assert post_line_contact(line) == expected


def test_only_a_phone_bracket_is_dropped_from_a_holder() -> None:
    assert strip_phone_bracket("校长　陈国平（13962318845）") == "校长　陈国平"
    assert strip_phone_bracket("王磊（手机：139 1234 5678）") == "王磊"
    assert strip_phone_bracket("项目经理刘振华(Tel 0510-86211001)") == "项目经理刘振华"
    # a bracket that says who the person is stays part of the holder
    assert strip_phone_bracket("孙海（设备部经理）") == "孙海（设备部经理）"
    assert strip_phone_bracket("各班班主任（共36人）") == "各班班主任（共36人）"


def test_person_of_separates_the_job_from_the_name() -> None:
    assert person_of("厂长　赵明华") == "赵明华"
    assert person_of("设备管理员许东") == "许东"
    assert person_of("陈国平") == "陈国平"
    assert person_of("分管安全副校长") == ""
    assert person_of("各处室主任") == ""


def test_a_number_after_another_on_its_line_reaches_the_same_place() -> None:
    assert contact_before("港区调度室——0510-86631200/") == {"name": "", "role": "", "org": "港区调度室"}
    assert contact_before("应急办公室——0510-86631201、0510-86631202、") == {
        "name": "",
        "role": "",
        "org": "应急办公室",
    }
    # "…或车间主任张卫民手机": words after the 或 are the next contact, not a repeat of the first
    assert contact_before("值班电话0510-86801234或车间主任张卫民手机")["name"] == "张卫民"
