"""Section classifier and rule extractors, on blocks built directly (no file format involved)."""

from __future__ import annotations

import pytest

from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.rules_reporting import minutes
from plans.sections import classify_heading, outline
from plans.structure import Block, assign_heading_levels, classify_line


def blocks_of(lines: list[str | list[list[str]]]) -> list[Block]:
    blocks = []
    for i, line in enumerate(lines):
        if isinstance(line, list):
            text = "\n".join(" | ".join(r) for r in line)
            blocks.append(Block(kind="table", text=text, paragraph=i, cells=line))
            continue
        kind, number = classify_line(line)
        blocks.append(Block(kind=kind, text=line, paragraph=i, number=number))
    assign_heading_levels(blocks)
    return blocks


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    blocks = blocks_of(lines)
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


@pytest.mark.parametrize(
    ("heading", "skeleton"),
    [
        ("编制目的", "总则/目的"),
        ("编制依据", "总则/编制依据"),
        ("适用范围", "总则/适用范围"),
        ("事故分级", "总则/响应分级"),
        ("应急组织机构与职责", "组织机构及职责"),
        ("预警信息发布", "预警"),
        ("信息报告与处置", "应急响应/信息报告"),
        ("扩大应急", None),
        ("应急结束", "应急响应/响应终止"),
        ("后期处置", "后期处置"),
        ("通信与信息保障", "应急保障"),
        ("应急物资装备清单", "应急保障"),
        ("附件", "附件"),
        ("食堂管理", None),
    ],
)
def test_heading_classification(heading: str, skeleton: str | None) -> None:
    assert classify_heading(heading) == skeleton


def test_child_headings_inherit_and_unmapped_sections_are_kept() -> None:
    blocks = blocks_of(
        ["一、应急响应", "（一）一级响应", "发生重大事故时启动。", "二、食堂管理", "按时开饭。"]
    )
    sections = outline(blocks).sections
    assert [(s.heading, s.skeleton) for s in sections] == [
        ("应急响应", "应急响应"),
        ("一级响应", "应急响应/分级响应"),
        ("食堂管理", None),
    ]
    assert sections[2].text == "按时开饭。"


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [("1", "小时", 60), ("半", "小时", 30), ("30", "分钟", 30), ("两", "小时", 120), ("2", "h", 120)],
)
def test_time_limits_in_minutes(amount: str, unit: str, expected: int) -> None:
    assert minutes(amount, unit) == expected


def test_reporting_rules_with_recipient_and_channel() -> None:
    draft = run(["1 信息报告", "事故单位应在1小时内向街道应急管理办公室电话报告，并在2小时内书面报告。"])
    first = draft.data["reporting"][0]
    assert first == {"time_limit_minutes": 60, "to": "街道应急管理办公室", "channel": "电话"}
    assert any(s.field == "/reporting/0/time_limit_minutes" and s.paragraph == 1 for s in draft.sources)


@pytest.mark.parametrize("written", ["Ⅱ级", "II级", "2级", "二级"])
def test_response_levels_are_normalised_with_trigger_and_commander(written: str) -> None:
    draft = run(
        ["4 应急响应", "4.1 分级响应", f"发生较大事故时，由副总指挥启动{written}响应，组织现场救援。"]
    )
    (level,) = draft.data["response_levels"]
    assert level["level"] == "二级"
    assert level["commander"] == "副总指挥"
    assert level["trigger"] == "发生较大事故"
    ref = next(s for s in draft.sources if s.field == "/response_levels/0/commander")
    assert draft.blocks[ref.paragraph].text[ref.start : ref.end] == "副总指挥"


def test_response_level_enumeration_yields_all_levels_in_order() -> None:
    draft = run(["1.4 响应分级", "应急响应由高到低分为Ⅰ级、Ⅱ级、Ⅲ级和Ⅳ级。"])
    assert [r["level"] for r in draft.data["response_levels"]] == ["一级", "二级", "三级", "四级"]


def test_warning_levels_with_colours_and_criteria() -> None:
    draft = run(
        [
            "3 预警",
            "预警级别分为红色、橙色、黄色、蓝色四级。",
            "橙色预警：可能发生重大事故，事态正在扩大。",
            "三级预警（黄色）：可能发生较大事故。",
        ]
    )
    levels = {w["level"]: w for w in draft.data["warning_levels"]}
    assert list(levels) == ["一级", "二级", "三级", "四级"]
    assert levels["二级"] == {"level": "二级", "color": "橙色", "criteria": "可能发生重大事故，事态正在扩大"}
    assert levels["三级"]["criteria"] == "可能发生较大事故"
    assert levels["一级"]["criteria"] == ""


def test_org_units_roles_and_members() -> None:
    draft = run(
        [
            "2 组织机构及职责",
            "2.1 应急指挥部",
            "应急指挥部由总指挥、副总指挥和成员单位组成。",
            "总指挥：镇长",
            "副总指挥由分管副镇长担任。",
            "成员由安监办、派出所、卫生院组成。",
            "2.2 抢险救援组",
            "组长：消防中队队长",
            "负责现场人员搜救和险情控制。",
        ]
    )
    units = {u["name"]: u for u in draft.data["org_units"]}
    assert set(units) == {"应急指挥部", "抢险救援组"}
    hq = units["应急指挥部"]
    roles = {(r["title"], r["holder"]) for r in hq["roles"]}
    assert {("总指挥", "镇长"), ("副总指挥", "分管副镇长"), ("成员", "安监办、派出所、卫生院")} <= roles
    team = units["抢险救援组"]
    assert team["parent"] == "应急指挥部"
    assert team["roles"] == [{"title": "组长", "holder": "消防中队队长", "duties": []}]
    assert team["duties"] == ["负责现场人员搜救和险情控制"]


def test_contact_table_and_phone_numbers_in_text() -> None:
    draft = run(
        [
            "7 附件",
            [
                ["姓名", "职务", "单位", "联系电话"],
                ["王建国", "总指挥", "镇政府", "0510-86801234"],
                ["李明", "组长", "派出所", "138 1234 5678"],
            ],
            "值班电话：0510-86805678，紧急情况拨打119或12350。",
        ]
    )
    contacts = draft.data["contacts"]
    assert contacts[0] == {"name": "王建国", "role": "总指挥", "org": "镇政府", "phone": "0510-86801234"}
    phones = [c["phone"] for c in contacts]
    assert "0510-86805678" in phones
    assert not {"119", "12350"} & set(phones)  # public numbers in running text are not plan contacts
    assert (
        next(c for c in contacts if c["phone"] == "0510-86805678")["role"] == "值班电话"
    )  # the line as named (ground-truth convention)


def test_resource_table_quantities_units_and_types() -> None:
    draft = run(
        [
            "6 应急保障",
            [
                ["物资名称", "数量", "存放地点"],
                ["空气呼吸器", "20套", "消防站"],
                ["沙袋", "五百条", "防汛仓库"],
            ],
            [["队伍名称", "人数", "负责人"], ["镇专职消防队", "25", "赵刚"]],
        ]
    )
    resources = draft.data["resources"]
    assert resources[0] == {
        "type": "装备",
        "name": "空气呼吸器",
        "quantity": 20.0,
        "unit": "套",
        "holder": "消防站",
    }
    assert (
        resources[1]["quantity"] == 500.0 and resources[1]["unit"] == "条" and resources[1]["type"] == "物资"
    )
    assert resources[2] == {
        "type": "救援队伍",
        "name": "镇专职消防队",
        "quantity": 25.0,
        "unit": "人",
        "holder": "赵刚",
    }


def test_cover_fields() -> None:
    draft = run(
        [
            "江阴市某某化工有限公司生产安全事故综合应急预案",
            "（2023年版）",
            "2023年6月1日发布",
            "1 总则",
        ]
    )
    data = draft.data
    assert data["plan_type"] == "总体"
    assert data["issuing_unit"] == "江阴市某某化工有限公司"
    assert data["version"] == "2023年版"
    assert data["issued_at"] == "2023-06-01"


@pytest.mark.parametrize(
    ("title", "plan_type"),
    [
        ("储罐区泄漏事故现场处置方案", "现场处置方案"),
        ("江阴市安全生产事故灾难总体应急预案", "总体"),
        ("临港街道防汛防台专项应急预案", "专项"),
        ("市应急管理局部门应急预案", "部门"),
    ],
)
def test_plan_type_from_title(title: str, plan_type: str) -> None:
    assert run([title, "1 总则"]).data["plan_type"] == plan_type


def test_every_extracted_value_has_a_source() -> None:
    draft = run(["1.4 响应分级", "应急响应分为Ⅰ级、Ⅱ级。", "值班电话：0510-86805678"])
    pointers = {s.field for s in draft.sources}
    for i in range(len(draft.data["response_levels"])):
        assert f"/response_levels/{i}" in pointers
    assert "/contacts/0" in pointers


def test_actions_and_trigger_under_a_level_heading() -> None:
    draft = run(
        [
            "4 应急响应",
            "4.2 分级响应",
            "4.2.1 Ⅱ级响应",
            "启动条件：发生较大危险化学品事故。",
            "（1）组织抢险救援组赶赴现场；",
            "（2）设置警戒区，疏散周边群众；",
            "4.2.2 Ⅲ级响应",
            "（1）企业自行处置；",
        ]
    )
    levels = {r["level"]: r for r in draft.data["response_levels"]}
    assert levels["二级"]["trigger"] == "发生较大危险化学品事故"
    assert levels["二级"]["actions"] == ["组织抢险救援组赶赴现场", "设置警戒区，疏散周边群众"]
    assert levels["三级"]["actions"] == ["企业自行处置"]


def test_contact_rows_that_arrive_as_lines() -> None:
    draft = run(["7 附件", "总指挥 王建国 临港街道办事处 0510-86801234"])
    assert draft.data["contacts"] == [
        {"name": "王建国", "role": "总指挥", "org": "临港街道办事处", "phone": "0510-86801234"}
    ]


def test_ocr_headings_without_the_space_after_the_number() -> None:
    from plans.structure import classify_ocr_line

    assert classify_ocr_line("2组织机构及职责") == ("heading", "2", "2 组织机构及职责")
    assert classify_ocr_line("2号储罐区")[0] == "paragraph"


def test_chapter_style_plan_with_appointments_in_running_text() -> None:
    """第一章 / 一、 numbering, "X任指挥长", per-level lines, labelled duties, contacts and stock in text."""
    from plans.pipeline import import_plan
    from tests.support.plan_docs import docx_bytes

    plan = [
        ("title", "璜土镇有限空间作业事故专项应急预案"),
        ("p", "璜土镇人民政府"),
        ("h1", "第一章 组织机构与职责"),
        ("h2", "一、镇应急救援指挥部"),
        ("p", "指挥部由镇长任指挥长，分管副镇长任副指挥长，成员由安监办、派出所、卫生院、消防站组成。"),
        ("h2", "二、现场救援组"),
        ("p", "组长：消防站站长。"),
        ("p", "主要任务：负责被困人员搜救；负责有限空间通风和气体检测。"),
        ("h1", "第二章 应急响应"),
        ("h2", "一、响应分级"),
        ("p", "一级响应：发生3人以上被困或死亡事故时，由指挥长统一指挥：调集全镇救援力量；请求市级支援。"),
        ("h2", "二、信息报告"),
        ("p", "企业应在事故发生后半小时内向镇安监办报告。联系人：周明，手机：13912345678。"),
        ("h1", "第三章 保障措施"),
        ("p", "镇应急物资仓库储备正压式空气呼吸器10套、轴流风机3台，由镇安监办管理。"),
    ]
    result = import_plan(docx_bytes(plan, merged_cells=False), "plan.docx", ocr=None).plan
    hq, team = result.org_units
    assert [(r.title, r.holder) for r in hq.roles] == [
        ("指挥长", "镇长"),
        ("副指挥长", "分管副镇长"),
        ("成员", "安监办、派出所、卫生院、消防站"),
    ]
    assert team.parent == hq.name and team.duties == ["负责被困人员搜救", "负责有限空间通风和气体检测"]
    (level,) = result.response_levels
    assert (level.level, level.trigger, level.commander) == ("一级", "发生3人以上被困或死亡事故", "指挥长")
    assert level.actions == ["调集全镇救援力量", "请求市级支援"]
    assert result.reporting[0].time_limit_minutes == 30 and result.reporting[0].to == "镇安监办"
    assert result.contacts[0].name == "周明" and result.contacts[0].phone == "13912345678"
    assert [(r.name, r.quantity, r.unit, r.holder) for r in result.resources] == [
        ("正压式空气呼吸器", 10.0, "套", "镇安监办"),
        ("轴流风机", 3.0, "台", "镇安监办"),
    ]
