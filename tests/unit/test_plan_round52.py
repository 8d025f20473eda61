"""Layout families from the plans52 round (round 51's held-out misses, now development data): a body's short name
("以下简称X") in the merged 机构 cell of an organisation table, "下设办公室和N个工作组" (a list with a count names no
body), a contact table whose first column names each row's village or community, and a shelter table counted by
capacity; small synthetic plans worded differently from the corpus, imported end to end (DOCX and text-layer PDF)."""

from __future__ import annotations

from typing import Any

import pytest

from core.plan_document import EmergencyPlan
from evals.plan_corpus_render import render_docx, render_pdf
from plans.pipeline import import_plan
from plans.rules_org_patterns import BARE_OFFICE, SETS_UP

TITLE = "澄江街道森林防灭火专项应急预案"


def _import(blocks: list[dict[str, Any]], kind: str = "docx") -> EmergencyPlan:
    blocks = [{"title": TITLE}, *blocks]
    render = render_docx if kind == "docx" else render_pdf
    return import_plan(render(blocks, TITLE, None, False, None), f"plan.{kind}", ocr=None).plan


_SHORT_NAME_IN_MERGED_CELL: list[dict[str, Any]] = [
    {"h1": "二、指挥体系"},
    {
        "p": "街道办事处成立澄江街道森林防灭火指挥部（以下简称街道森防指），街道森防指下设办公室及两个专业工作组，"
        "人员组成和职责如下表。"
    },
    {
        "table": {
            "rows": [
                ["机构名称", "职务", "人员", "职责"],
                ["街道森防指", "指挥长", "街道主任", "统筹全街道森林防灭火工作；决定启动应急响应"],
                ["", "副指挥长", "分管农业农村的副主任", ""],
                ["扑火突击组", "组长", "街道专职消防队队长", "组织扑打山火；开设隔离带"],
                ["", "组员", "半专业扑火队员", ""],
                ["后勤保障组", "组长", "街道财政所所长", "保障扑火物资和人员给养"],
            ],
            "merge": [[1, 0, 2, 0], [1, 3, 2, 3], [3, 0, 4, 0], [3, 3, 4, 3]],
        }
    },
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_short_name_in_a_merged_body_cell_is_the_body_it_names(kind: str) -> None:
    units = {u.name: u for u in _import(_SHORT_NAME_IN_MERGED_CELL, kind).org_units}
    hq = units["澄江街道森林防灭火指挥部"]
    assert [(r.title, r.holder) for r in hq.roles] == [
        ("指挥长", "街道主任"),
        ("副指挥长", "分管农业农村的副主任"),
    ]
    assert hq.duties == ["统筹全街道森林防灭火工作", "决定启动应急响应"]
    assert units["扑火突击组"].parent == "澄江街道森林防灭火指挥部"
    # "下设办公室及两个专业工作组": a list closed by a count sets up no body of that name
    assert not [name for name in units if "两个" in name]


@pytest.mark.parametrize(
    ("sentence", "created", "office_of"),
    [
        ("区防指下设办公室和五个工作组", [], "区防指"),
        ("指挥部下设办公室以及3个专项组，负责具体工作", [], "指挥部"),
        ("指挥部下设应急办公室和五个应急救援小组", ["应急办公室"], None),  # the named office stays
        ("公司成立防火和防爆领导小组", ["防火和防爆领导小组"], None),  # 和 inside a name without a count
    ],
)
def test_a_list_closed_by_a_count_names_no_body(
    sentence: str, created: list[str], office_of: str | None
) -> None:
    assert [m.group(1) for m in SETS_UP.finditer(sentence)] == created
    bare = BARE_OFFICE.search(sentence)
    assert (bare.group(1) if bare else None) == office_of


_PLACE_COLUMN_CONTACTS: list[dict[str, Any]] = [
    {"h1": "五、通讯联络"},
    {
        "table": {
            "rows": [
                ["社区", "负责人", "手机"],
                ["金山社区", "邹立平", "13915273306"],
                ["花园社区", "何春梅", "13861657708"],
            ]
        }
    },
    {
        "table": {
            "rows": [
                ["镇（街道）", "联系人", "值班电话"],
                ["云亭街道", "章伟", "0510-86151234"],
            ]
        }
    },
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_village_or_community_column_is_the_contacts_org(kind: str) -> None:
    contacts = {c.phone: c for c in _import(_PLACE_COLUMN_CONTACTS, kind).contacts}
    assert (contacts["13915273306"].org, contacts["13915273306"].name) == ("金山社区", "邹立平")
    assert contacts["13861657708"].org == "花园社区"
    assert (contacts["0510-86151234"].org, contacts["0510-86151234"].name) == ("云亭街道", "章伟")


_SHELTERS_AND_TEAMS: list[dict[str, Any]] = [
    {"h1": "附件　应急保障"},
    {
        "table": {
            "rows": [
                ["安置点名称", "位置", "容纳人数", "负责单位"],
                ["澄江中学体育馆", "澄江街道学府路3号", "600", "街道社会事业办"],
                ["黄山湖公园广场", "澄江街道滨江路", "1200人", "街道城管办"],
            ]
        }
    },
    {
        "table": {
            "rows": [
                ["队伍名称", "人数", "负责人"],
                ["街道半专业扑火队", "30", "季永刚"],
            ]
        }
    },
]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_places_counted_by_capacity_are_shelters_not_teams(kind: str) -> None:
    resources = {r.name: r for r in _import(_SHELTERS_AND_TEAMS, kind).resources}
    school = resources["澄江中学体育馆"]
    assert (school.type, school.quantity, school.unit, school.holder) == (
        "避难场所",
        None,
        None,
        "街道社会事业办",
    )
    assert resources["黄山湖公园广场"].type == "避难场所"
    assert resources["黄山湖公园广场"].quantity is None
    team = resources["街道半专业扑火队"]  # a team counted in people stays a team
    assert (team.type, team.quantity) == ("救援队伍", 30)
