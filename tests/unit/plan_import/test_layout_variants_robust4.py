"""Layout families from the plans-robust4 round: level names with a bracketed alias before 响应
("三级（班组级）响应", "重大（Ⅱ级）响应"), warning levels given as a level list plus a colour list, post
titles outside the usual set (常务副主任, 委员), a heading that abbreviates the unit its sentence sets up,
a category heading over a table of 指挥部, an org chart written with arrows, a ●/○ responsibility
matrix and phone lines named by purpose ("值班电话"). Small synthetic inputs, one rule each."""

from __future__ import annotations

import pytest

from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.support.plan_draft import unit_roles as _roles
from tests.unit.plan_import.test_extractors import run


@pytest.mark.parametrize(
    ("heading", "level", "name"),
    [
        ("3.1 三级（班组级）响应", "三级", "三级（班组级）响应"),
        ("3.1 Ⅱ级（车间）应急响应", "二级", "Ⅱ级（车间）应急响应"),
        ("3.1 较大（三级）响应", "三级", "较大（三级）响应"),
    ],
)
def test_level_heading_with_an_alias_before_response_gives_trigger_commander_measures(
    heading: str, level: str, name: str
) -> None:
    draft = run(
        [
            "3 应急响应",
            heading,
            "启动条件：料仓少量冒料，无人员受伤。",
            "由当班工段长指挥，采取以下措施：停止进料；清理现场。",
        ]
    )
    entry = _level(draft, level)
    assert entry["name"] == name
    assert entry["trigger"] == "料仓少量冒料，无人员受伤"
    assert entry["commander"] == "当班工段长"
    assert entry["actions"] == ["停止进料", "清理现场"]


def test_cause_then_commander_under_a_level_heading_is_the_trigger() -> None:
    draft = run(
        ["3 应急响应", "3.2 二级响应", "管道破裂或1人受伤时，由车间主任指挥，采取以下措施：停机；疏散。"]
    )
    entry = _level(draft, "二级")
    assert (entry["trigger"], entry["commander"]) == ("管道破裂或1人受伤", "车间主任")


@pytest.mark.parametrize(
    "sentence",
    [
        "预警级别分为一级、二级、三级和四级，分别用红色、橙色、黄色和蓝色标示。",
        "预警由高到低依次用红、橙、黄、蓝表示。",
        "预警级别分为Ⅰ级（红色）、Ⅱ级（橙色）、Ⅲ级（黄色）和Ⅳ级（蓝色）。",
    ],
)
def test_warning_levels_from_a_level_list_and_its_colours(sentence: str) -> None:
    draft = run(["3 预警", sentence])
    assert [(w["level"], w["color"]) for w in draft.data["warning_levels"]] == [
        ("一级", "红色"),
        ("二级", "橙色"),
        ("三级", "黄色"),
        ("四级", "蓝色"),
    ]


def test_post_titles_outside_the_usual_set_are_roles() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "镇成立安全生产委员会。",
            "主任：镇长；常务副主任：分管副镇长；委员：各办局负责人；副秘书长：安监办主任。",
        ]
    )
    assert _roles(draft, "安全生产委员会") == [
        ("主任", "镇长"),
        ("常务副主任", "分管副镇长"),
        ("委员", "各办局负责人"),
        ("副秘书长", "安监办主任"),
    ]


def test_heading_that_abbreviates_the_unit_its_sentence_sets_up_is_that_unit() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 镇应急指挥部",
            "镇政府成立华墅镇突发事件应急指挥部（以下简称“镇指挥部”）。",
            "总指挥：镇长。",
            "2.2 镇指挥部办公室",
            "办公室设在应急管理局。",
        ]
    )
    names = [u["name"] for u in draft.data["org_units"]]
    assert "镇应急指挥部" not in names
    assert _roles(draft, "华墅镇突发事件应急指挥部") == [("总指挥", "镇长")]
    assert _unit(draft, "镇指挥部办公室")["parent"] == "华墅镇突发事件应急指挥部"


def test_category_heading_over_a_table_of_headquarters_is_not_a_unit() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "镇成立应急委员会。",
            "2.3 专项指挥部",
            "镇应急委员会下设两个专项指挥部。",
            [
                ["专项指挥部", "总指挥", "副总指挥", "主要职责"],
                ["防汛指挥部", "分管副镇长", "水利站站长", "组织防汛抢险"],
                ["消防指挥部", "分管副镇长", "消防站站长", "组织火灾扑救"],
            ],
        ]
    )
    names = [u["name"] for u in draft.data["org_units"]]
    assert "专项指挥部" not in names
    flood = _unit(draft, "防汛指挥部")
    assert flood["parent"] == "应急委员会"
    assert flood["duties"] == ["组织防汛抢险"]
    assert _roles(draft, "防汛指挥部") == [("总指挥", "分管副镇长"), ("副总指挥", "水利站站长")]


def test_org_chart_written_with_arrows_gives_the_parents() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "公司成立应急指挥部，下设应急办公室和两个小组。",
            "（1）抢修组：负责抢修设备。",
            "（2）救护组：负责救护伤员。",
            "组织机构自上而下为：应急指挥部→应急办公室→抢修组、救护组，各组接受办公室调度。",
        ]
    )
    assert _unit(draft, "应急办公室")["parent"] == "应急指挥部"
    assert _unit(draft, "抢修组")["parent"] == "应急办公室"
    assert _unit(draft, "救护组")["parent"] == "应急办公室"


def test_responsibility_matrix_primary_marks_are_duties() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "公司成立应急指挥部，下设抢修组和救护组。",
            [
                ["任务", "应急指挥部", "抢修组", "救护组"],
                ["对外报告", "★", "", ""],
                ["关闭阀门", "", "★", "☆"],
                ["伤员急救", "", "☆", "★"],
            ],
        ]
    )
    assert _unit(draft, "应急指挥部")["duties"] == ["对外报告"]
    assert _unit(draft, "抢修组")["duties"] == ["关闭阀门"]
    assert _unit(draft, "救护组")["duties"] == ["伤员急救"]


@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        ("厂值班电话：0510-86000001。", "值班电话", ""),
        ("设备科24小时值班电话0510-86000001。", "值班电话", "设备科"),
        ("园区应急值守电话：0510-86000001。", "应急值守电话", ""),
    ],
)
def test_phone_line_named_by_its_purpose_is_the_role(text: str, role: str, org: str) -> None:
    draft = run(["5 应急联系方式", text])
    (contact,) = draft.data["contacts"]
    assert (contact["role"], contact["org"], contact["phone"]) == (role, org, "0510-86000001")
