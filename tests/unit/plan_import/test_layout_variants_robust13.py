"""Layout families from the plans-robust13 round (plain-language 应急明白卡), one rule each on small
synthetic inputs worded differently from the corpus: labels that ask a question mapped to the field
they name (scope, commander, trigger, measures, duties, report-to and time limit, stock / keeper /
shelter), "名称/key：value" and "名称——key：value" group lines, bracketed level cards, "姓名（职务）电话"
and "<place>室 电话" contact lines, 组员 posts, a 工作小组 as the top body and a 村民委员会 issuer."""

from __future__ import annotations

from plans.card_text import card_blocks, group_fields, label_field
from plans.draft import PlanDraft
from plans.outline_text import outline_blocks
from plans.pipeline import extract_fields
from plans.qa_text import qa_blocks
from plans.rules_contacts import contact_before
from plans.rules_meta import extract_meta
from plans.sections import outline
from plans.structure import Block
from plans.table_text import aligned_tables, expand_key_value_tables
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import blocks_of


def _blocks(lines: list[str | list[list[str]]]) -> list[Block]:
    """The blocks ``import_plan`` hands to the rules."""
    return card_blocks(qa_blocks(outline_blocks(aligned_tables(expand_key_value_tables(blocks_of(lines))))))


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    blocks = _blocks(lines)
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def test_spoken_labels_name_their_fields() -> None:
    assert label_field("这卡用在哪些地方") == "scope"
    assert label_field("谁说了算") == "commander"
    assert label_field("啥时候动起来") == "trigger"
    assert label_field("咋办") == "actions"
    assert label_field("找谁报") == "report"
    assert label_field("多少分钟内报") == "time"
    assert label_field("器材放哪儿") == "place"
    assert label_field("往哪里撤") == "shelter"
    assert label_field("组长") is None  # a label that names, not asks, is left to the other rules


def test_a_spoken_scope_label_becomes_the_scope() -> None:
    draft = run(["一、这卡管啥", "管什么事：本卡适用于本厂喷漆车间的火灾初期处置。"])
    assert draft.data["scope"] == "本卡适用于本厂喷漆车间的火灾初期处置。"


def test_a_bracketed_level_card_with_spoken_labels_is_a_level() -> None:
    draft = run(
        [
            "三、出了事怎么分",
            "【Ⅰ级响应】",
            "啥时候动起来：火势蔓延到相邻厂房或有人被困",
            "谁说了算：厂长何平",
            "咋办：全员撤到大门口；打电话叫消防队；切断总电源",
        ]
    )
    level = _level(draft, "一级")
    assert level["trigger"] == "火势蔓延到相邻厂房或有人被困"
    assert level["commander"] == "厂长何平"
    assert level["actions"] == ["全员撤到大门口", "打电话叫消防队", "切断总电源"]


def test_dash_and_slash_group_lines_are_groups_under_the_top_body() -> None:
    draft = run(
        [
            "一、谁管事",
            "谁来负责：厂安全生产工作小组",
            "组长：厂长何平",
            "组员：各班组长",
            "二、分工",
            "警戒组——组长：门卫班长孙涛——干什么：拉警戒线；拦住外来车辆",
            "救护组／组长：医务室许娟／干什么：包扎伤员；送医院",
        ]
    )
    top = _unit(draft, "厂安全生产工作小组")
    assert [(r["title"], r["holder"]) for r in top["roles"]] == [("组长", "厂长何平"), ("组员", "各班组长")]
    guard = _unit(draft, "警戒组")
    assert guard["parent"] == "厂安全生产工作小组"
    assert guard["duties"] == ["拉警戒线", "拦住外来车辆"]
    assert [(r["title"], r["holder"]) for r in guard["roles"]] == [("组长", "门卫班长孙涛")]
    assert _unit(draft, "救护组")["duties"] == ["包扎伤员", "送医院"]


def test_a_slash_in_a_date_or_a_sentence_is_no_group_line() -> None:
    assert group_fields("2025/6/1起施行") is None
    assert group_fields("发现火情/冒烟时，立即报告：值班室") is None


def test_a_recipient_line_and_a_time_line_make_one_report_rule() -> None:
    draft = run(["四、出事报谁", "找谁报：厂值班室", "多少分钟内报：10分钟内"])
    assert [(r["time_limit_minutes"], r["to"]) for r in draft.data["reporting"]] == [(10, "厂值班室")]


def test_stock_lines_become_one_resource_sentence_and_shelters_are_named() -> None:
    draft = run(
        [
            "五、家伙在哪",
            "器材放哪儿：门卫室旁器材柜",
            "有什么东西：灭火器20具、应急灯6盏",
            "找谁拿：保安队长孙涛",
            "往哪里撤：厂区北门空地",
        ]
    )
    stock = {
        r["name"]: (r["quantity"], r["holder"]) for r in draft.data["resources"] if r["type"] != "避难场所"
    }
    assert stock == {"灭火器": (20, "保安队长孙涛"), "应急灯": (6, "保安队长孙涛")}
    assert [r["name"] for r in draft.data["resources"] if r["type"] == "避难场所"] == ["厂区北门空地"]


def test_a_name_with_the_post_in_brackets_before_a_number_is_a_person() -> None:
    assert contact_before("李梅（安全员）") == {"name": "李梅", "role": "安全员", "org": ""}
    assert contact_before("何平（厂长）") == {"name": "何平", "role": "厂长", "org": ""}


def test_a_room_of_a_named_place_is_the_unit() -> None:
    assert contact_before("公司值班室")["org"] == "公司值班室"
    assert contact_before("值班室") == {"name": "", "role": "值班室", "org": ""}  # a bare room is a post
    assert contact_before("社区值班室")["org"] == "社区值班室"


def test_a_village_committee_is_no_department() -> None:
    blocks = _blocks(["华新村燃气安全应急预案", "华新村村民委员会", "一、总则", "适用范围：本村燃气事故。"])
    draft = PlanDraft(blocks)
    extract_meta(draft, outline(blocks))
    assert draft.data["plan_type"] == "专项"
