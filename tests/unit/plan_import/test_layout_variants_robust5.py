"""Layout families from the plans-robust5 round: a bulleted level list whose measures come in a later
"Ⅰ级响应：①…" paragraph, "牵头单位：…；配合单位：…。职责：…" groups, duties written against a post
("（1）值班长：a；b"), a side-by-side contact table, a contact after an earlier number in one sentence,
a sector plan title, the general equipment vocabulary, shelters with a keeper, and PDF lines (hanging
punctuation at the margin, bullets, a two-line title). Small synthetic inputs, one rule each."""

from __future__ import annotations

import pytest

from plans.pdf_layout import _FontStats, _layer_blocks, _Line
from plans.rules_meta import plan_type_of
from plans.rules_resources import resource_type, side_by_side
from plans.structure import Block
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import run


@pytest.mark.parametrize("bullet", ["● ", "■", "◆ "])
def test_bulleted_levels_keep_their_trigger_and_the_later_measures_are_actions(bullet: str) -> None:
    draft = run(
        [
            "4 应急响应",
            "4.1 响应分级",
            "区级响应由高到低分为Ⅰ级、Ⅱ级两个等级：",
            f"{bullet}Ⅰ级响应：发生2人以上死亡的事故时启动，由区指挥部总指挥组织指挥。",
            f"{bullet}Ⅱ级响应：发生1人死亡的事故时启动，由区应急局局长组织指挥。",
            "4.2 响应措施",
            "Ⅰ级响应：①全体成员到岗；②调集救援队伍。",
            "Ⅱ级响应：（1）派员赶赴现场；（2）组织专家会商。",
        ]
    )
    first, second = _level(draft, "一级"), _level(draft, "二级")
    assert (first["trigger"], first["commander"]) == ("发生2人以上死亡的事故时启动", "区指挥部总指挥")
    assert first["actions"] == ["全体成员到岗", "调集救援队伍"]
    assert (second["trigger"], second["commander"]) == ("发生1人死亡的事故时启动", "区应急局局长")
    assert second["actions"] == ["派员赶赴现场", "组织专家会商"]


def test_lead_and_supporting_units_are_roles_and_the_duty_label_gives_duties() -> None:
    draft = run(
        [
            "2 组织指挥体系",
            "2.1 区指挥部",
            "区政府设立区危化品事故应急指挥部。",
            "2.2 专项工作组",
            "2.2.1 环境监测组",
            "牵头单位：区生态环境局；配合单位：区气象局、事发企业。职责：开展大气和水体监测；提出处置建议。",
        ]
    )
    group = _unit(draft, "环境监测组")
    assert [(r["title"], r["holder"]) for r in group["roles"]] == [
        ("牵头单位", "区生态环境局"),
        ("配合单位", "区气象局、事发企业"),
    ]
    assert group["duties"] == ["开展大气和水体监测", "提出处置建议"]


def test_duties_written_against_a_post_go_on_its_role_and_split_the_member_list() -> None:
    draft = run(
        [
            "一、应急工作职责",
            "锅炉房成立现场应急处置小组，组长由值班长担任，成员为司炉工、水处理工和电工。各岗位职责如下：",
            "（1）值班长：组织现场处置；向公司报告。",
            "（2）水处理工：关闭给水阀门；检查水位。",
            "（3）电工：切断总电源。",
        ]
    )
    unit = _unit(draft, "现场应急处置小组")
    roles = {(r["title"], r["holder"]): r["duties"] for r in unit["roles"]}
    assert roles == {
        ("组长", "值班长"): ["组织现场处置", "向公司报告"],
        ("成员", "司炉工"): [],
        ("成员", "水处理工"): ["关闭给水阀门", "检查水位"],
        ("成员", "电工"): ["切断总电源"],
    }
    assert unit["duties"] == []


def test_a_side_by_side_contact_table_gives_each_number_its_own_unit() -> None:
    table = [
        ["单位", "值班电话", "单位", "值班电话"],
        ["区应急局", "0510-81110001", "区公安分局", "0510-81110002"],
        ["区卫健委", "0510-81110003", "", ""],
    ]
    assert side_by_side(table) == [
        ["单位", "值班电话"],
        ["区应急局", "0510-81110001"],
        ["区公安分局", "0510-81110002"],
        ["区卫健委", "0510-81110003"],
    ]
    draft = run(["6 附件", table])
    assert {(c["org"], c["phone"]) for c in draft.data["contacts"]} == {
        ("区应急局", "0510-81110001"),
        ("区公安分局", "0510-81110002"),
        ("区卫健委", "0510-81110003"),
    }


def test_a_table_whose_header_does_not_repeat_is_left_alone() -> None:
    table = [["单位", "姓名", "电话", "手机"], ["区应急局", "张三", "0510-81110001", "13900000001"]]
    assert side_by_side(table) == table


def test_a_contact_after_an_earlier_number_in_the_same_sentence_keeps_its_post_and_name() -> None:
    draft = run(["3 信息报告", "可拨打厂值班电话0510-81234567或班组长李建国手机13912345678报告。"])
    contact = next(c for c in draft.data["contacts"] if c["phone"] == "13912345678")
    assert (contact["name"], contact["role"]) == ("李建国", "班组长")


def test_a_numbered_measure_that_dials_119_is_not_a_contact() -> None:
    draft = run(["5 应急响应", "1. 拨打119、120请求外部救援；"])
    assert draft.data["contacts"] == []


@pytest.mark.parametrize(
    ("title", "plan_type"),
    [
        ("江阴市工贸行业生产安全事故应急预案", "专项"),
        ("某区化工领域安全生产事故应急预案", "专项"),
        ("某某有限公司生产安全事故应急预案", "总体"),
    ],
)
def test_a_sector_plan_is_special(title: str, plan_type: str) -> None:
    assert plan_type_of(title)[0] == plan_type


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("应急铝锭模", "装备"),
        ("防护面罩", "装备"),
        ("安全头盔", "装备"),
        ("可燃气体报警器", "装备"),
        ("吸附棉", "物资"),
        ("干砂", "物资"),
        ("救援规模", "物资"),
    ],
)
def test_equipment_is_named_by_a_small_general_vocabulary(name: str, kind: str) -> None:
    assert resource_type(name, default="物资") == kind


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("城南小学、区体育馆作为应急避难场所，由区教育局负责管理。", "区教育局"),
        ("城南小学、区体育馆作为临时避难场所，由区民政局负责安置群众的生活保障。", None),
    ],
)
def test_a_shelter_is_held_by_the_body_that_manages_it(sentence: str, holder: str | None) -> None:
    from plans.rules_resources import extract_text_resources
    from plans.sections import outline

    draft = run(["6 应急保障", sentence])
    extract_text_resources(draft, outline(draft.blocks))
    assert {r["name"]: r["holder"] for r in draft.data["resources"]} == {
        "城南小学": holder,
        "区体育馆": holder,
    }


def _pdf(lines: list[tuple[str, float, float]]) -> list[Block]:
    """Lines (text, size, right edge), one PyMuPDF block each, as the corpus renderer writes them."""
    out: list[Block] = []
    laid = [_Line(t, size, False, n, x1, 100.0 + 20 * n) for n, (t, size, x1) in enumerate(lines)]
    _layer_blocks(laid, [], 1, _FontStats(), out)
    return out


def test_a_hanging_punctuation_mark_does_not_push_the_margin_out() -> None:
    blocks = _pdf(
        [
            ("总指挥：张三（总经理）；副总指挥：李四（副总经理）、王五（副总经理）；", 11.0, 548.0),
            ("成员：各部门经理。", 11.0, 200.0),
            ("公司应急组织机构图自上而下为：指挥部→办公室→抢险组、警戒疏散", 11.0, 526.0),
            ("组、医疗救护组。", 11.0, 190.0),
        ]
    )
    assert [b.text for b in blocks][
        -1
    ] == "公司应急组织机构图自上而下为：指挥部→办公室→抢险组、警戒疏散组、医疗救护组。"


def test_a_title_wrapped_onto_a_second_line_is_one_heading() -> None:
    blocks = _pdf(
        [
            ("江阴某某科技有限公司高温熔融金属事故专项应急预", 18.0, 522.5),
            ("案", 18.0, 306.0),
            ("正文第一行写到页边距的一整行文字内容正文第一行写到页边距", 11.0, 537.0),
            ("正文第二行。", 11.0, 200.0),
        ]
    )
    assert blocks[0].text == "江阴某某科技有限公司高温熔融金属事故专项应急预案"


def test_a_bullet_starts_a_new_paragraph_after_a_line_reaching_the_margin() -> None:
    blocks = _pdf(
        [
            ("按照严重程度，应急响应由高到低分为Ⅰ级、Ⅱ级两个等级，具体如下：", 11.0, 526.0),
            ("● Ⅰ级响应：发生2人以上死亡的事故时启动。", 11.0, 300.0),
        ]
    )
    assert [b.text[:2] for b in blocks] == ["按照", "● "]
