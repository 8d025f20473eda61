"""Layout families from the plans-robust27 round, one rule each on small synthetic inputs worded differently
from the corpus: a group heading over the sentence that sets the group up, post rows whose 人员 cell is a shift,
grades named by severity in one paragraph, a sign-off table instead of a cover, tiers equated one by one, a
liaison column and an enterprise column in a contact table, a 总值班电话 line, kit given to a station."""

from __future__ import annotations

from plans.rules_level_equations import equated_names
from plans.rules_level_fields import named_levels
from plans.sections import classify_heading, outline
from tests.support.plan_draft import extract_blocks, numbered_blocks


def test_a_group_heading_over_the_sentence_setting_it_up_is_organisation_not_handling() -> None:
    blocks = numbered_blocks(
        ("p", "污水站硫化氢中毒现场处置方案"),
        ("h1", "2 组织"),
        ("h2", "2.1 现场救护队"),
        ("p", "污水站成立硫化氢中毒现场救护队，队长由站长担任，副队长由运行班长担任。"),
    )
    assert outline(blocks, title_paragraph=0).block_skeleton[3] == "组织机构及职责"
    units = {u["name"]: u for u in extract_blocks(blocks)["org_units"]}
    assert "硫化氢中毒现场救护队" in units  # the heading's short name gives way to the full one
    assert ("队长", "站长") in [(r["title"], r["holder"]) for r in units["硫化氢中毒现场救护队"]["roles"]]
    # with no sentence setting a body up, a 处置 heading still means the handling
    assert classify_heading("现场处置") == "应急响应/分级响应"


def test_a_shift_in_the_person_column_keeps_the_post_title_a_named_person_holds_the_listed_post() -> None:
    shift = extract_blocks(
        numbered_blocks(
            ("p", "泵房泄漏现场处置方案"),
            ("h1", "2 应急组织"),
            ("p", "成立泄漏处置组，组长由站长担任，组员为当班巡检工和电工。"),
            ("table", [["岗位", "人员", "应急职责"], ["巡检工", "当班巡检工", "关闭进口阀门；报告站长"]]),
        )
    )
    roles = [(r["title"], r["holder"], r["duties"]) for r in shift["org_units"][0]["roles"]]
    assert ("巡检工", "当班巡检工", ["关闭进口阀门", "报告站长"]) in roles
    named = extract_blocks(
        numbered_blocks(
            ("p", "泵房泄漏现场处置方案"),
            ("h1", "2 应急组织"),
            ("p", "成立泄漏处置组，组长由站长担任，组员为巡检工和电工。"),
            ("table", [["岗位", "人员", "应急职责"], ["巡检工", "郑小伟", "关闭进口阀门"]]),
        )
    )
    assert ("组员", "郑小伟") in [(r["title"], r["holder"]) for r in named["org_units"][0]["roles"]]


def test_grades_named_by_severity_in_one_paragraph_are_levels_from_mildest_to_worst() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "锅炉房燃气泄漏现场处置方案"),
            ("h1", "3 应急处置"),
            ("p", "泄漏按程度分为两级：（1）轻微泄漏：可燃气体报警但无明火的，由当班司炉工指挥处置；"
             "（2）严重泄漏：泄漏无法切断或发生着火的，由厂长统一指挥。"),
        )
    )  # fmt: skip
    levels = {r["level"]: r for r in data["response_levels"]}
    assert levels["二级"]["name"] == "轻微泄漏" and levels["二级"]["commander"] == "当班司炉工"
    assert levels["一级"]["trigger"] == "泄漏无法切断或发生着火"
    assert levels["一级"]["commander"] == "厂长"


def test_grades_without_an_order_word_are_not_guessed() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "锅炉房燃气泄漏现场处置方案"),
            ("h1", "3 应急处置"),
            ("p", "分为两级：（1）甲类：报警的，由司炉工指挥；（2）乙类：着火的，由厂长指挥。"),
        )
    )
    assert data["response_levels"] == []


def test_a_sign_off_table_fills_the_cover_fields_a_plan_without_cover_lacks() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "配电室火灾现场处置方案"),
            ("h1", "1 风险分析"),
            ("p", "配电室位于主厂房北侧。"),
            (
                "table",
                [
                    ["编制单位", "江阴某纸业有限公司动力车间"],
                    ["发布日期", "2024年11月3日"],
                    ["版次", "第3版"],
                ],
            ),
        )
    )
    assert data["issuing_unit"] == "江阴某纸业有限公司动力车间"
    assert data["issued_at"] == "2024-11-03"
    assert data["version"] == "第3版"


def test_a_single_label_row_is_no_sign_off_table() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "配电室火灾现场处置方案"), ("table", [["编制单位", "某公司"], ["联系人", "王五"]])
        )
    )
    assert data["issuing_unit"] == ""


def test_tiers_equated_one_by_one_map_to_their_levels() -> None:
    text = "响应分为车间级、厂级和区域级，车间级为Ⅲ级，厂级为Ⅱ级响应，区域级对应Ⅰ级。"
    assert equated_names(text) == {"车间级": "三级", "厂级": "二级", "区域级": "一级"}
    assert named_levels([text])["区域级"] == "一级"
    assert equated_names("本厂总体风险为二级。") == {}  # one clause alone is no mapping


def test_a_liaison_column_and_an_enterprise_column_give_name_and_org() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "某产业园火灾应急预案"),
            ("h1", "附件 联系表"),
            ("table", [["园内企业", "安全联络人", "手机"], ["江阴某机电有限公司", "葛晓明", "13800001111"]]),
        )
    )
    contact = next(c for c in data["contacts"] if c["phone"] == "13800001111")
    assert (contact["name"], contact["org"]) == ("葛晓明", "江阴某机电有限公司")


def test_a_general_duty_line_after_an_administrative_office_names_the_office() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "某园区应急预案"), ("h1", "五、联系方式"), ("p", "园区管理处总值班电话：0510-80001234")
        ),
    )
    contact = next(c for c in data["contacts"] if c["phone"] == "0510-80001234")
    assert (contact["role"], contact["org"]) == ("总值班电话", "园区管理处")


def test_kit_a_station_is_equipped_with_is_held_by_the_station() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "某港区火灾应急预案"),
            ("h1", "四、应急保障"),
            ("p", "港区微型消防站现有队员12人，配备消防摩托车3辆。"),
        )
    )
    bike = next(r for r in data["resources"] if r["name"] == "消防摩托车")
    assert bike["holder"] == "港区微型消防站"
