"""Layout families from the plans-robust14 round (conventional GB/T 29639 plans of an enterprise and a
冶金 专项), one rule each on small synthetic inputs worded differently from the corpus: levels graded as
处置 rather than 响应 (【三级处置】 cards with 启动情形 / 应急指挥 / 处置措施 lines), a 响应主体 column,
spaced and bracketed numbers in text, a room of a named body as the unit, extinguishing agents as stock,
a team set up with 设, 着火 as 火灾, and the risk description read for accident types only in a
现场处置方案; and neighbouring conventional wordings probed after them: a bracketed level run on with its
fields, 响应程序 columns, keeper columns and a keeper's phone in stock tables, "分别由A、B指挥", glossed
level labels, a post commanding in a later clause, placeholder cells in contact tables. Units, posts
and duties of the same round: ``test_layout_variants_robust14_duties.py``."""

from __future__ import annotations

from plans.draft import PlanDraft
from plans.rules_contacts import contact_before
from plans.rules_resources import resource_type
from plans.structure import Block
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_layout_variants_robust13 import run


def _run_blocks(blocks: list[Block]) -> PlanDraft:
    """The rules over blocks built by hand (a PDF's line breaks that ``blocks_of`` would not make)."""
    from plans.pipeline import extract_fields
    from plans.sections import outline

    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def test_graded_handling_cards_without_the_word_response_are_levels() -> None:
    draft = run(
        [
            "江阴某热电有限公司氨站泄漏事故专项应急预案",
            "4 处置程序",
            "4.1 分级处置",
            "【三级处置】",
            "启动情形：氨站阀门填料处轻微渗漏，值班人员能够控制。",
            "应急指挥：当班值长。",
            "处置措施：①佩戴防毒面具关闭上游阀门；②开启喷淋水幕稀释。",
            "【二级处置】",
            "启动情形：储罐区大量泄漏或有人员中毒。",
            "应急指挥：生产副总经理。",
            "处置措施：①疏散下风向人员；②请求园区消防站支援。",
        ]
    )
    low, high = _level(draft, "三级"), _level(draft, "二级")
    assert low["name"] == "三级处置" and low["commander"] == "当班值长"
    assert low["trigger"] == "氨站阀门填料处轻微渗漏，值班人员能够控制"
    assert low["actions"] == ["佩戴防毒面具关闭上游阀门", "开启喷淋水幕稀释"]
    assert high["commander"] == "生产副总经理" and high["actions"] == ["疏散下风向人员", "请求园区消防站支援"]


def test_handling_of_an_accident_class_is_no_level() -> None:
    draft = run(["三、应急响应", "重大事故处置工作由市政府统一领导。", "较大事故处置结束后，及时总结。"])
    assert draft.data["response_levels"] == []


def test_the_responding_body_column_is_the_commander() -> None:
    draft = run(
        [
            "1 总则",
            "1.4 响应分级",
            [
                ["响应等级", "启动条件", "响应主体", "主要行动"],
                ["Ⅰ级", "基坑坍塌造成人员被埋", "项目部应急领导小组", "停止作业；组织搜救"],
                ["Ⅱ级", "基坑边坡出现裂缝", "施工班组长", "撤出坑内人员；加强监测"],
            ],
        ]
    )
    assert _level(draft, "一级")["commander"] == "项目部应急领导小组"
    assert _level(draft, "二级")["commander"] == "施工班组长"


def test_spaced_and_bracketed_numbers_in_text_are_contacts() -> None:
    draft = run(
        [
            "附件 通讯联络",
            "值班长：孙浩，手机139 0510 6688",
            "镇安监办：（0510）86881234",
            "发现险情立即报告调度中心（内线8001，外线0510-86885566）。",
        ]
    )
    contacts = {c["phone"]: c for c in draft.data["contacts"]}
    assert contacts["13905106688"]["name"] == "孙浩" and contacts["13905106688"]["role"] == "值班长"
    assert contacts["0510-86881234"]["org"] == "镇安监办"
    assert contacts["0510-86885566"]["org"] == "调度中心"
    assert "8001" not in contacts


def test_a_room_of_a_named_body_is_the_contact_unit() -> None:
    assert contact_before("水厂中心控制室：") == {"name": "", "role": "", "org": "水厂中心控制室"}
    assert contact_before("值班室：")["role"] == "值班室"  # a bare room stays a post


def test_a_recipient_cut_open_at_its_bracket_ends_there() -> None:
    draft = run(
        ["4.1 信息报告", "发现人员立即报告中控室（内线2201，外线0510-86112233），中控室5分钟内电话报告厂长。"]
    )
    assert draft.data["reporting"][0]["to"] == "中控室"


def test_extinguishing_agents_are_stock_and_a_team_set_up_with_she_is_named_by_itself() -> None:
    assert resource_type("水成膜泡沫灭火剂") == "物资"
    assert resource_type("泡沫液储罐车") == "装备"
    draft = run(["5 应急保障", "厂消防站设专职消防队，共9人，由保卫科负责管理。"])
    team = draft.data["resources"][0]
    assert (team["name"], team["quantity"], team["holder"]) == ("专职消防队", 9.0, "保卫科")


def test_fire_written_as_zhaohuo_is_a_fire_accident() -> None:
    draft = run(
        ["某厂天然气调压站着火事故专项应急预案", "1 适用范围", "本预案适用于调压站天然气泄漏着火的处置。"]
    )
    assert "火灾" in draft.data["accident_types"]


def test_only_an_onsite_plan_reads_its_risk_description_for_accident_types() -> None:
    overall = run(
        [
            "某化工公司生产安全事故综合应急预案",
            "1 适用范围",
            "本预案适用于公司火灾事故的应急处置。",
            "2 事故风险描述",
            "检修作业中可能发生高处坠落和触电。",
        ]
    )
    assert overall.data["accident_types"] == ["火灾"]
    onsite = run(
        [
            "配电室火灾现场处置方案",
            "1 事故风险分析",
            "配电柜检修作业中可能发生触电。",
            "2 适用范围",
            "本方案适用于配电室火灾的初期处置。",
        ]
    )
    assert "触电" in onsite.data["accident_types"]


def test_a_bracketed_level_run_on_with_its_fields_is_read() -> None:
    draft = run(
        [
            "四、应急响应",
            "（一）分级响应",
            "〔Ⅲ级响应〕启动条件：单台设备起火。指挥：值班主任。措施：①断电；②用灭火器扑救。",
        ]
    )
    level = _level(draft, "三级")
    assert (level["trigger"], level["commander"], level["actions"]) == (
        "单台设备起火",
        "值班主任",
        ["断电", "用灭火器扑救"],
    )


def test_a_procedure_column_of_a_response_table_holds_the_measures() -> None:
    draft = run(
        [
            "1 总则",
            "1.3 响应分级",
            [
                ["级别", "响应条件", "响应主体", "响应程序"],
                ["一级", "仓库起火", "公司", "启动本预案；报告消防"],
            ],
        ]
    )
    assert _level(draft, "一级")["actions"] == ["启动本预案", "报告消防"]


def test_hoses_and_hand_tools_are_equipment_and_a_keeper_column_holds_stock() -> None:
    assert [resource_type(n) for n in ("消防水带", "直流水枪", "强光手电", "铁锹")] == ["装备"] * 4
    draft = run(
        [
            "6 应急保障",
            [
                ["物资名称", "数量", "单位", "存放地点", "保管员"],
                ["防汛编织袋", "500", "只", "二号仓库", "周平"],
            ],
        ]
    )
    assert draft.data["resources"][0]["holder"] == "周平"


def test_a_stock_table_with_a_keepers_phone_gives_resources_and_contacts() -> None:
    draft = run(
        [
            "五、保障措施",
            [
                ["名称", "数量", "存放地点", "责任人", "手机"],
                ["移动式排烟机", "2台", "设备库", "钱峰", "13600002222"],
            ],
        ]
    )
    resource = draft.data["resources"][0]
    assert (resource["name"], resource["quantity"], resource["holder"]) == ("移动式排烟机", 2.0, "钱峰")
    assert draft.data["contacts"][0]["phone"] == "13600002222"


def test_levels_listed_with_their_commanders_respectively() -> None:
    draft = run(["4 应急响应", "4.1 响应分级", "应急响应分为Ⅰ级、Ⅱ级两级，分别由厂长、值班主任统一指挥。"])
    assert [(lv["level"], lv["commander"]) for lv in draft.data["response_levels"]] == [
        ("一级", "厂长"),
        ("二级", "值班主任"),
    ]


def test_a_glossed_level_label_is_the_name_and_not_part_of_the_trigger() -> None:
    draft = run(["4 应急响应", "4.1 响应分级", "二级响应（车间级）：当发生局部着火时，启动二级响应。"])
    level = _level(draft, "二级")
    assert (level["name"], level["trigger"]) == ("二级响应（车间级）", "发生局部着火")


def test_a_dash_in_a_contact_table_is_no_name() -> None:
    draft = run(
        [
            "附件 联系方式",
            [["单位", "联系人", "电话"], ["急救中心", "—", "120"], ["厂医务室", "／", "0510-86001120"]],
        ]
    )
    assert [c["name"] for c in draft.data["contacts"]] == ["", ""]


def test_a_post_that_takes_command_in_a_later_clause_commands_the_level() -> None:
    draft = run(
        ["4 应急响应", "4.2 分级响应", "三级响应：当班组发现少量渗漏时，启动三级响应，当班班长负责现场指挥。"]
    )
    assert _level(draft, "三级")["commander"] == "当班班长"
