"""Layouts from the plans held out in the plans-robust2 round: levels as prose paragraphs with no level
heading, a post written against the unit named before it ("办公室主任由…兼任"), a duty run after "X负责",
the 现场指挥部's parent, stock owned by a department per clause, a duty card (岗位 | 职责 | 处置措施),
stock in a sub-section of 应急处置 and a scope sentence inside another paragraph. Small synthetic
inputs, one rule each."""

from __future__ import annotations

from typing import Any

from plans.draft import PlanDraft
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.unit.plan_import.test_extractors import blocks_of, run


def _text_resources(lines: list[str | list[list[str]]]) -> list[dict[str, Any]]:
    from plans.rules_resources import extract_text_resources
    from plans.sections import outline

    blocks = blocks_of(lines)
    draft = PlanDraft(blocks)
    extract_text_resources(draft, outline(blocks))
    resources: list[dict[str, Any]] = draft.data["resources"]
    return resources


def test_prose_level_paragraph_without_a_heading_gives_the_measures_after_the_commander() -> None:
    draft = run(
        [
            "4 应急响应",
            "4.1 响应程序",
            "仓库起火蔓延至相邻厂房时，启动Ⅰ级响应，由厂长负责统一指挥，切断全厂电源；疏散全部员工；请求消防支援。",
            "单个货架起火时，启动Ⅱ级响应，由仓库主任负责现场指挥，使用灭火器扑救；报告厂长。",
        ]
    )
    assert _level(draft, "一级")["commander"] == "厂长"
    assert _level(draft, "一级")["actions"] == ["切断全厂电源", "疏散全部员工", "请求消防支援"]
    assert _level(draft, "二级")["actions"] == ["使用灭火器扑救", "报告厂长"]


def test_prose_level_paragraph_with_one_clause_after_the_commander_adds_no_measures() -> None:
    draft = run(["4 应急响应", "发生火灾时，启动Ⅱ级响应，由车间主任负责指挥，各班组配合。"])
    assert _level(draft, "二级")["actions"] == []


def test_post_named_after_its_unit_belongs_to_that_unit_not_the_sentence_subject() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 防汛领导小组",
            "组长：厂长",
            "防汛领导小组下设防汛办公室，设在设备科，办公室主任由设备科科长兼任。",
        ]
    )
    assert [r["title"] for r in _unit(draft, "防汛领导小组")["roles"]] == ["组长"]
    assert _unit(draft, "防汛办公室")["roles"] == [{"title": "主任", "holder": "设备科科长", "duties": []}]


def test_duties_after_a_unit_named_as_subject_run_on_to_the_full_stop() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急指挥部",
            "总指挥：厂长",
            "指挥部下设值班办公室。值班办公室负责24小时值守；接收报警信息；通知各小组到位。",
        ]
    )
    assert _unit(draft, "值班办公室")["duties"] == ["负责24小时值守", "接收报警信息", "通知各小组到位"]


def test_on_site_command_post_sits_under_the_command_body() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急领导小组",
            "组长：总经理",
            "2.2 现场指挥部",
            "现场指挥部负责制定现场处置方案。",
        ]
    )
    assert _unit(draft, "现场指挥部")["parent"] == "应急领导小组"
    assert _unit(draft, "应急领导小组")["parent"] is None


def test_each_clause_of_a_resource_sentence_has_its_own_owning_department() -> None:
    found = _text_resources(["5 应急保障", "安保部组建巡逻队8人，运输部配备叉车2台，可随时调用。"])
    assert [(r["name"], r["holder"]) for r in found] == [("巡逻队", "安保部"), ("叉车", "运输部")]


def test_the_plan_own_company_is_not_the_holder_of_its_stock() -> None:
    found = _text_resources(["5 应急保障", "公司配备叉车2台。"])
    assert found[0]["holder"] is None


def test_stock_in_a_sub_section_of_the_response_part_is_read() -> None:
    found = _text_resources(
        ["3 应急处置", "3.1 现场处置", "关闭阀门。", "3.2 应急物资", "泵房内设事故应急池1座，配备潜水泵2台。"]
    )
    assert [(r["name"], r["type"], r["unit"]) for r in found] == [
        ("事故应急池", "其他", "座"),
        ("潜水泵", "装备", "台"),
    ]


def test_stock_in_the_response_measures_themselves_is_still_skipped() -> None:
    assert _text_resources(["3 应急处置", "3.1 现场处置", "调集叉车2台转移货物。"]) == []


def test_duty_card_rows_are_roles_with_duties_from_every_duty_column() -> None:
    draft = run(
        [
            "2 应急工作职责",
            "车间成立火灾现场处置小组，由车间主任任组长，值班电工、操作工为成员。",
            [
                ["岗位", "职责", "处置措施", "联系电话"],
                ["组长（车间主任）", "指挥现场处置", "下达停车指令", "13800000001"],
                ["值班电工", "负责断电", "拉下总闸；挂牌上锁", "13800000002"],
                ["操作工", "发现火情并报警", "使用灭火器扑救初起火灾", "13800000003"],
            ],
        ]
    )
    roles = {(r["title"], r["holder"]): r["duties"] for r in _unit(draft, "火灾现场处置小组")["roles"]}
    assert roles == {
        ("组长", "车间主任"): ["指挥现场处置", "下达停车指令"],
        ("成员", "值班电工"): ["负责断电", "拉下总闸", "挂牌上锁"],
        ("成员", "操作工"): ["发现火情并报警", "使用灭火器扑救初起火灾"],
    }
    assert {c["phone"] for c in draft.data["contacts"]} >= {"13800000001", "13800000003"}


def test_contact_table_with_a_post_column_is_not_a_duty_card() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急指挥部",
            "总指挥：厂长",
            [["岗位", "姓名", "联系电话"], ["总指挥", "王明", "13800000001"]],
        ]
    )
    assert _unit(draft, "应急指挥部")["roles"] == [{"title": "总指挥", "holder": "厂长", "duties": []}]


def test_scope_sentence_inside_a_risk_paragraph() -> None:
    draft = run(
        [
            "1 事故风险分析",
            "车间存放液氨储罐2只。阀门损坏时氨气外泄。本方案适用于车间液氨泄漏事故的现场处置。",
            "2 应急工作职责",
        ]
    )
    assert draft.data["scope"] == "本方案适用于车间液氨泄漏事故的现场处置。"
