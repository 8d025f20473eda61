"""Layout families from the plans-robust26 round, one rule each on small synthetic inputs worded differently
from the corpus: groups each opened by "组建X队，…", a post's "负责a；b" run, crews named …班, 值班 rosters and
crew tables as contact tables, a room heading as a standing body, "其职责是：", numbered items a label line
introduces, a form's 单位名称 row, 报警 that is no report, a department that keeps stock."""

from __future__ import annotations

from typing import Any

from plans.group_sentences import group_sentence_blocks
from plans.intro_lists import introduced_lists
from plans.rules_org_duties import duty_runs_on
from plans.rules_org_names import UNIT_SUFFIX
from tests.support.plan_draft import extract_blocks, numbered_blocks
from tests.support.plan_draft import extracted as _plan


def _unit(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(u for u in data["org_units"] if u["name"] == name)


def _contacts(data: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    return {(c["name"], c["role"], c["org"], c["phone"]) for c in data["contacts"]}


def test_groups_each_opened_by_their_own_sentence_are_siblings_with_their_own_posts() -> None:
    blocks = group_sentence_blocks(
        numbered_blocks(
            ("p", "某商场停电事故专项应急预案"),
            ("h1", "二、组织机构"),
            ("p", "商场成立停电应急指挥部，由总经理任总指挥。"),
            ("p", "组建抢修队，队长由机电主管担任，队员为值班电工。负责恢复供电；检查配电柜。"),
            ("p", "组建秩序维护队，队长由保安经理担任。负责引导顾客离场；看守出入口。"),
        )
    )
    assert blocks[3].text.startswith("抢修队：队长由机电主管担任")
    assert blocks[2].text.startswith("商场成立")  # a subject before the verb: left as written
    data = extract_blocks(blocks)
    repair, order = _unit(data, "抢修队"), _unit(data, "秩序维护队")
    assert repair["parent"] == order["parent"] == "停电应急指挥部"
    assert [(r["title"], r["holder"]) for r in order["roles"]] == [("队长", "保安经理")]
    assert ("队长", "机电主管") in [(r["title"], r["holder"]) for r in repair["roles"]]


def test_a_single_opening_sentence_is_left_for_the_plan_s_one_unit() -> None:
    blocks = numbered_blocks(("p", "某方案"), ("p", "组建抢修队，队长由机电主管担任。"))
    assert group_sentence_blocks(blocks) == blocks


def test_the_clause_after_a_post_s_first_duty_runs_on_unless_another_group_opens() -> None:
    sentence = "抢险队由设备科长任队长，负责抢修管线；"
    assert duty_runs_on("由设备科长任队长，负责抢修管线；", sentence, sentence + "疏通排水沟。")
    text = "东片抢险队队长由甲担任，负责东片；西片抢险队队长由乙担任，负责西片。"
    assert not duty_runs_on("队长由甲担任，负责东片；", "东片抢险队队长由甲担任，负责东片；", text)
    assert not duty_runs_on(
        "由设备科长任队长；", "抢险队由设备科长任队长；", "抢险队由设备科长任队长；疏通。"
    )
    data = _plan(
        ("p", "某泵站防汛应急预案"),
        ("h1", "二、组织机构"),
        ("p", "泵站成立防汛指挥部，站长任总指挥。"),
        ("p", "抢险队由设备科长任队长，负责抢修管线；疏通排水沟。"),
    )
    assert _unit(data, "抢险队")["duties"] == ["负责抢修管线", "疏通排水沟"]


def test_a_crew_named_by_its_ban_is_a_unit_name_but_a_shift_or_a_post_is_not() -> None:
    assert UNIT_SUFFIX.search("东区巡检班") and UNIT_SUFFIX.search("战斗二班")
    assert not any(UNIT_SUFFIX.search(w) for w in ("夜班", "二十四小时值班", "交接班", "保洁领班"))


def test_a_duty_roster_gives_rooms_and_bodies_as_org_and_posts_as_role() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "某宾馆应急预案"),
            ("h1", "六、值班表"),
            (
                "table",
                [
                    ["值班岗位", "值班方式", "当班人员", "联系电话"],
                    ["监控室", "24小时值班", "值守员", "0510-81234567"],
                    ["值班经理", "轮值", "王五", "13912340001"],
                    ["区应急管理局安全监管处", "工作日", "—", "0510-81230000"],
                ],
            ),
        )
    )
    assert _contacts(data) == {
        ("值守员", "24小时值班", "监控室", "0510-81234567"),
        ("王五", "值班经理", "", "13912340001"),
        ("", "", "区应急管理局安全监管处", "0510-81230000"),
    }


def test_a_crew_table_gives_one_unit_per_crew_and_its_leader_as_contact() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "某水务公司管网爆管应急预案"),
            ("h1", "2 组织机构"),
            ("h2", "2.1 应急指挥部"),
            ("p", "总指挥：总经理。"),
            ("h2", "2.2 维修班组"),
            ("p", "指挥部下设两个维修班组。"),
            (
                "table",
                [
                    ["班组", "班长", "手机", "职责"],
                    ["北区维修班", "孔明", "13900000011", "负责北区管道抢修；负责阀门关闭"],
                    ["南区维修班", "冯亮", "13900000022", "负责南区管道抢修"],
                ],
            ),
        )
    )
    north = _unit(data, "北区维修班")
    assert north["parent"] == "应急指挥部" and north["roles"][0]["title"] == "班长"
    assert north["duties"] == ["负责北区管道抢修", "负责阀门关闭"]
    assert ("孔明", "班长", "北区维修班", "13900000011") in _contacts(data)
    assert not [u for u in data["org_units"] if u["name"].endswith("维修班组")]  # the heading is a category


def test_a_room_heading_is_a_standing_body_under_the_body_it_says_it_works_under() -> None:
    data = _plan(
        ("p", "某化工园区应急预案"),
        ("h1", "2 组织机构"),
        ("h2", "2.1 应急领导小组"),
        ("p", "组长：园区主任。"),
        ("h2", "2.2 总值班室"),
        ("p", "总值班室在应急领导小组领导下开展工作，负责接警登记；通知各成员单位。"),
        ("h2", "2.3 监控室"),
        ("p", "监控室负责视频巡查。"),
    )
    room = _unit(data, "总值班室")
    assert room["parent"] == "应急领导小组" and "负责接警登记" in room["duties"]
    assert _unit(data, "监控室")["parent"] is None  # nothing puts it under the 领导小组


def test_qi_zhize_shi_after_a_group_s_posts_lists_that_group_s_duties() -> None:
    data = _plan(
        ("p", "某学校踩踏事故应急预案"),
        ("h1", "二、组织机构"),
        ("p", "学校成立应急领导小组，校长任组长。"),
        ("p", "疏导组：组长由德育主任担任。其职责是：①疏导楼梯人流；②清点学生人数。"),
    )
    assert _unit(data, "疏导组")["duties"] == ["疏导楼梯人流", "清点学生人数"]


def test_numbered_items_a_label_line_opens_are_a_list_but_headings_with_text_stay() -> None:
    blocks = numbered_blocks(
        ("p", "某方案"),
        ("h2", "（一）一般险情"),
        ("p", "处置要点："),
        ("h3", "1. 关闭进水闸"),
        ("h3", "2. 启动备用泵"),
        ("h2", "（二）各组职责如下："),
        ("p", "分工如下："),
        ("h3", "1. 综合组"),
        ("p", "负责值守。"),
    )
    kinds = [b.kind for b in introduced_lists(blocks)]
    assert kinds[3:5] == ["list_item", "list_item"]
    assert kinds[7] == "heading"  # "1. 综合组" has its own text below: a real heading


def test_a_form_row_naming_the_firm_is_the_issuing_unit() -> None:
    data = _plan(
        ("p", "冷库氨泄漏现场处置方案"),
        ("p", "单位名称：江阴某某冷链有限公司"),
        ("h1", "一、适用范围"),
        ("p", "本方案适用于冷库氨泄漏。"),
    )
    assert data["issuing_unit"] == "江阴某某冷链有限公司"


def test_calling_the_police_is_no_report_rule_but_the_report_beside_it_is() -> None:
    data = _plan(
        ("p", "某仓库火灾应急预案"),
        ("h1", "四、信息报告"),
        ("p", "发现人立即拨打110报警，并立即报告仓库主管；仓库主管10分钟内电话报告总经理。"),
    )
    assert [(r["time_limit_minutes"], r["to"]) for r in data["reporting"]] == [
        (0, "仓库主管"),
        (10, "总经理"),
    ]


def test_a_department_that_keeps_stock_holds_it_and_a_set_up_station_is_named_alone() -> None:
    data = _plan(
        ("p", "某宾馆火灾应急预案"),
        ("h1", "五、应急保障"),
        ("p", "宾馆设微型消防站，队员6人。保卫科管理灭火毯20条、应急灯15只。"),
    )
    found = {(r["name"], r["quantity"], r["holder"]) for r in data["resources"]}
    assert {("微型消防站", 6, None), ("灭火毯", 20, "保卫科"), ("应急灯", 15, "保卫科")} <= found
