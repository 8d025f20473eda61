"""Layouts from the plans held out in the plans-robust round: a category heading over a group table,
"X到场指挥，主要开展以下工作：a；b", "在X统一指挥下", a duty in the sentence that sets a unit up, a duty
list that runs on past the verbs the rules know, a team named after the verb that sets it up, and
accident types outside the old vocabulary (燃气, 建筑施工 …). Small synthetic inputs, one rule each."""

from __future__ import annotations

import pytest

from plans.draft import PlanDraft
from plans.rules_meta import accident_type_spans, plan_type_of
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import blocks_of, run


def _text_resources(lines: list[str | list[list[str]]]) -> list[tuple[str, float | None, str | None]]:
    from plans.rules_resources import extract_text_resources
    from plans.sections import outline

    blocks = blocks_of(lines)
    draft = PlanDraft(blocks)
    extract_text_resources(draft, outline(blocks))
    return [(r["name"], r["quantity"], r["holder"]) for r in draft.data["resources"]]


def test_group_heading_over_a_table_of_groups_is_a_category_not_their_parent() -> None:
    draft = run(
        [
            "第3章　组织机构及职责",
            "3.1　防汛领导小组",
            "组长：厂长",
            "3.2　专业救援工作组",
            [
                ["组别", "组长", "职责"],
                ["排涝组", "设备科长", "开泵排水"],
                ["转移组", "办公室主任", "转移人员"],
            ],
        ]
    )
    names = [u["name"] for u in draft.data["org_units"]]
    assert "专业救援工作组" not in names
    assert _unit(draft, "排涝组")["parent"] == "防汛领导小组"
    assert _unit(draft, "转移组")["parent"] == "防汛领导小组"


def test_group_heading_with_one_team_under_it_stays_a_unit() -> None:
    draft = run(["二、组织机构", "（一）应急指挥部", "总指挥：厂长", "（二）抢修工作组", "组长：维修班长"])
    assert _unit(draft, "抢修工作组")["parent"] == "应急指挥部"


def test_commander_arriving_on_site_and_the_work_after_the_colon() -> None:
    draft = run(
        [
            "五、应急响应",
            "（二）分级响应",
            "1．二级响应",
            "发生管道破裂、无人受伤的，启动二级响应。街道安监办主任到场指挥，主要开展以下工作：关闭上游阀门；疏散围观人员；抢修管道。",
        ]
    )
    level = _level(draft, "二级")
    assert level["commander"] == "街道安监办主任"
    assert level["actions"] == ["关闭上游阀门", "疏散围观人员", "抢修管道"]


def test_level_led_by_a_higher_body_names_it_commander() -> None:
    draft = run(
        [
            "五、应急响应",
            "1．一级响应",
            "事态超出本街道能力的，启动一级响应。在无锡市应急指挥部统一指挥下，街道全力配合：引导救援队伍；安置群众。",
        ]
    )
    level = _level(draft, "一级")
    assert level["commander"] == "无锡市应急指挥部"
    assert level["actions"] == ["引导救援队伍", "安置群众"]


def test_an_enumeration_led_by_a_higher_body_sets_no_commander() -> None:
    draft = run(
        [
            "1 总则",
            "1.4 响应分级",
            "响应分为一级、二级。一级、二级响应在市指挥机构统一指挥下开展，本厂负责先期处置。",
        ]
    )
    assert [r["commander"] for r in draft.data["response_levels"]] == [None, None]


def test_duty_in_the_sentence_that_sets_the_unit_up() -> None:
    draft = run(
        [
            "二、组织体系",
            "（一）厂防汛指挥部",
            "本厂设立厂防汛指挥部，负责全厂防汛抢险的统一指挥。",
            "总指挥：厂长",
        ]
    )
    assert _unit(draft, "厂防汛指挥部")["duties"] == ["负责全厂防汛抢险的统一指挥"]


def test_duty_list_after_a_label_runs_on_to_the_full_stop() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急指挥部",
            "总指挥：经理",
            "2.2 应急办公室",
            "办公室设在安环科。其职责是：值守电话；检查消防器材；汇总险情。",
        ]
    )
    assert _unit(draft, "应急办公室")["duties"] == ["值守电话", "检查消防器材", "汇总险情"]


def test_team_named_after_the_verb_and_the_body_before_it_holds_the_list() -> None:
    assert _text_resources(
        [
            "六、应急保障",
            "自来水公司营业所组建供水抢修队8人，配备抢修车1辆、发电机2台；街道仓库储备沙袋300只。",
        ]
    ) == [
        ("供水抢修队", 8.0, "自来水公司营业所"),
        ("抢修车", 1.0, "自来水公司营业所"),
        ("发电机", 2.0, "自来水公司营业所"),
        ("沙袋", 300.0, None),
    ]


def test_the_plans_own_company_is_not_a_holder() -> None:
    assert _text_resources(["6 应急保障", "公司组建兼职消防队20人。"]) == [("兼职消防队", 20.0, None)]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("城区天然气管道泄漏", ["燃气事故", "泄漏"]),
        ("建筑施工坍塌和道路交通事故", ["建筑施工事故", "坍塌", "道路交通事故"]),
        ("地震等自然灾害", ["地震灾害", "自然灾害"]),
        ("配备可燃气体检测仪", []),  # 可燃气体 contains 燃气 but names no gas accident
    ],
)
def test_accident_words_outside_the_first_vocabulary(text: str, types: list[str]) -> None:
    assert [value for _s, _e, value in accident_type_spans(text)] == types


@pytest.mark.parametrize(
    ("title", "plan_type"),
    [
        ("东城社区燃气事故应急预案", "专项"),
        ("某镇地质灾害应急预案", "专项"),
        ("某公司生产安全事故应急预案", "总体"),
        ("某区突发事件应急预案", "总体"),
    ],
)
def test_a_plan_named_after_one_kind_of_accident_is_special(title: str, plan_type: str) -> None:
    assert plan_type_of(title)[0] == plan_type


def test_risk_paragraphs_split_at_a_sentence_end_are_all_read() -> None:
    draft = run(
        [
            "烘干车间粉尘爆炸现场处置方案",
            "1、事故风险分析",
            "车间设有烘干机3台。",
            "粉尘遇明火可能爆炸，并引发火灾。",
            "2、应急组织",
        ]
    )
    assert draft.data["accident_types"] == ["粉尘爆炸", "爆炸", "火灾"]
