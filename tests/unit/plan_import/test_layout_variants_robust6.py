"""Layout families from the plans-robust5 held-out pair, one rule each on small synthetic inputs: table
captions (a merged title row above the header), working groups "X组由A牵头，B参加，负责…", level
articles with a time clause after the commander and "采取以下措施：（一）…", "成员由…组成", plan-named
levels mapped to 一级… in one sentence, bullet-glyph lines as list items, articles that are no table
row, and a unit's "负责a；b；c" duty run."""

from __future__ import annotations

import pytest

from plans.structure import Block, caption_rows, classify_line, without_caption
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import run


@pytest.mark.parametrize(
    "caption",
    [
        ["应急联络表", "应急联络表", "应急联络表"],  # DOCX: the merged cell repeats its text
        ["应急联络表", "", ""],  # PDF / other writers: only the first cell is filled
    ],
)
def test_a_merged_title_row_is_a_caption_and_the_header_below_it_is_read(caption: list[str]) -> None:
    table = [caption, ["单位", "负责人", "值班电话"], ["某街道办事处", "李四", "0510-80000001"]]
    assert caption_rows(table) == 1
    draft = run(["7 附件", table])
    assert draft.data["contacts"] == [
        {"name": "李四", "role": "", "org": "某街道办事处", "phone": "0510-80000001"}
    ]


def test_captions_are_taken_off_resource_and_group_tables_too() -> None:
    materials = [
        ["物资清单", "物资清单", "物资清单"],
        ["名称", "数量", "存放地点"],
        ["沙袋", "300只", "某仓库"],
    ]
    groups = [
        ["工作组一览", "工作组一览", "工作组一览"],
        ["组别", "牵头单位", "职责"],
        ["通信保障组", "某通信站", "负责应急通信畅通"],
    ]
    draft = run(["2 组织机构及职责", "设立某应急指挥部。", groups, "5 应急保障", materials])
    assert [(r["name"], r["quantity"], r["unit"]) for r in draft.data["resources"]] == [("沙袋", 300, "只")]
    assert _unit(draft, "通信保障组")["roles"][0] == {"title": "牵头单位", "holder": "某通信站", "duties": []}


def test_a_table_is_never_all_caption_and_plain_tables_keep_their_header() -> None:
    assert caption_rows([["甲", "甲"], ["乙", "乙"]]) == 0
    plain = Block(kind="table", text="", paragraph=0, cells=[["单位", "电话"], ["某局", "0510-80000002"]])
    assert without_caption(plain) is plain


def test_a_group_named_before_its_lead_unit_without_a_colon() -> None:
    draft = run(
        [
            "第二章 组织机构",
            "区政府设立区防汛指挥部。",
            "区防汛指挥部根据需要设立以下工作组：",
            "（一）通信保障组由某通信站牵头，某供电所参加，负责保障现场通信和照明。",
        ]
    )
    group = _unit(draft, "通信保障组")
    assert (group["parent"], group["duties"]) == ("区防汛指挥部", ["负责保障现场通信和照明"])


def test_a_level_article_with_a_time_clause_after_the_commander_and_chinese_numbered_measures() -> None:
    draft = run(
        [
            "第四章 应急响应",
            "第九条 较大事故响应。发生3人以上死亡时，由某指挥部总指挥在上级机构到达前组织先期处置，"
            "采取以下措施：（一）封闭现场；（二）疏散群众。",
        ]
    )
    level = _level(draft, "三级")
    assert (level["trigger"], level["commander"], level["actions"]) == (
        "发生3人以上死亡时",
        "某指挥部总指挥",
        ["封闭现场", "疏散群众"],
    )


def test_members_composed_of_a_unit_list_after_the_posts() -> None:
    draft = run(
        [
            "2 组织机构",
            "设立某应急指挥部，总指挥由主任担任，成员由甲科、乙科、丙站主要负责人组成。",
        ]
    )
    roles = [(r["title"], r["holder"]) for r in _unit(draft, "某应急指挥部")["roles"]]
    assert roles == [("总指挥", "主任"), ("成员", "甲科、乙科、丙站主要负责人")]


def test_levels_the_plan_names_itself_are_mapped_by_its_own_sentence() -> None:
    draft = run(
        [
            "4 应急响应",
            "4.1 响应分级",
            "本厂应急响应分为厂级、工段级两个级别，分别对应一级、二级响应。",
            "4.2 厂级响应",
            "启动条件：发生人员死亡。",
            "4.3 工段级响应",
            "启动条件：发生人员受伤。",
        ]
    )
    assert [(r["level"], r["name"], r["trigger"]) for r in draft.data["response_levels"]] == [
        ("一级", "厂级响应", "发生人员死亡"),
        ("二级", "工段级响应", "发生人员受伤"),
    ]


def test_an_enumeration_of_levels_names_none_of_them() -> None:
    draft = run(
        [
            "4 应急响应",
            "事件分为甲类、乙类两类，分别对应Ⅰ级和Ⅱ级应急响应。",
            "4.1 Ⅱ级应急响应",
            "启动条件：发生一般险情。",
        ]
    )
    assert _level(draft, "二级")["name"] == "Ⅱ级应急响应"
    assert _level(draft, "二级")["trigger"] == "发生一般险情"


@pytest.mark.parametrize("glyph", ["—", "——", "－", "-", "–", "·", "•", "●", "▪", "■", "◆", "➢", "√"])
def test_every_common_bullet_glyph_makes_a_list_item(glyph: str) -> None:
    assert classify_line(f"{glyph}检查物资储备；") == ("list_item", glyph)
    draft = run(
        [
            "3 组织机构及职责",
            "3.1 某应急办公室",
            "某应急办公室职责：",
            f"{glyph}负责值班值守；",
            f"{glyph}检查物资储备。",
            "4 应急响应",
            "4.1 一级响应",
            "由总指挥负责指挥，主要措施：",
            f"{glyph}封闭现场；",
            f"{glyph}清点人数。",
        ]
    )
    assert _unit(draft, "某应急办公室")["duties"] == ["负责值班值守", "检查物资储备"]
    assert _level(draft, "一级")["actions"] == ["封闭现场", "清点人数"]


def test_a_negative_number_or_a_decimal_is_no_bullet() -> None:
    assert classify_line("-20℃以下停止作业。") == ("paragraph", None)


def test_an_article_that_dials_a_public_number_is_not_a_table_row() -> None:
    draft = run(["第三章 信息报告", "第八条 事故发生后，现场人员应立即拨打119报警。"])
    assert draft.data["contacts"] == []


def test_a_unit_subject_runs_its_duties_on_to_the_full_stop() -> None:
    draft = run(
        [
            "2 组织机构",
            "某指挥部办公室设在某科。办公室负责日常值守；收集、汇总事故信息；修订预案。",
        ]
    )
    assert _unit(draft, "某指挥部办公室")["duties"] == ["负责日常值守", "收集、汇总事故信息", "修订预案"]
