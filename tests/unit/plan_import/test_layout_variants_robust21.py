"""Layout families from the plans-robust21 round, one rule each on small synthetic inputs worded
differently from the corpus: post lines that carry an English title before the Chinese one
("Operations Chief 事故总指挥：厂长"), and 事故总指挥 / 应急总指挥 as titles of their own."""

from __future__ import annotations

from plans.bilingual import drop_post_line_glosses
from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.sections import outline
from plans.structure import Block


def _paragraphs(*texts: str) -> list[Block]:
    return [Block(kind="paragraph", text=t, paragraph=n) for n, t in enumerate(texts)]


def test_an_english_title_before_a_chinese_post_line_is_dropped() -> None:
    blocks = drop_post_line_glosses(
        _paragraphs(
            "Operations Chief 事故总指挥：厂长",
            "Public Info. Officer 信息发布员：办公室文员",
            "Logistics 后勤组长: 采购经理",
            "ISO 9001 管理体系要求各部门配合。",
            "第一条 本办法适用于码头作业。",
        )
    )
    assert [b.text for b in blocks] == [
        "事故总指挥：厂长",
        "信息发布员：办公室文员",
        "后勤组长: 采购经理",
        "ISO 9001 管理体系要求各部门配合。",
        "第一条 本办法适用于码头作业。",
    ]


def test_a_glossed_post_line_becomes_a_role_of_its_unit() -> None:
    texts = (
        "江阴某港埠公司船舶火灾应急预案",
        "应急组织",
        "码头应急指挥小组",
        "Site Commander 应急总指挥：港埠公司经理",
        "Deputy Site Commander 副总指挥：调度室主任",
    )
    blocks = [
        Block(kind="paragraph", text=texts[0], paragraph=0),
        Block(kind="heading", text=texts[1], paragraph=1, heading_level=1),
        Block(kind="heading", text=texts[2], paragraph=2, heading_level=2),
        *[Block(kind="paragraph", text=t, paragraph=n) for n, t in enumerate(texts[3:], start=3)],
    ]
    rewritten = drop_post_line_glosses(blocks)
    draft = PlanDraft(rewritten)
    extract_fields(draft, outline(rewritten, title_paragraph=0))
    roles = {(r["title"], r["holder"]) for u in draft.data["org_units"] for r in u["roles"]}
    assert ("应急总指挥", "港埠公司经理") in roles
    assert ("副总指挥", "调度室主任") in roles


def test_a_level_heading_with_its_grade_in_a_bracket_keeps_the_whole_title_as_name() -> None:
    texts = (
        "江阴某码头油品装卸事故应急预案",
        "第四章 应急响应",
        "第十一条 一般溢油险情（三级响应）",
        "溢油量在50升以下时，由码头调度长指挥。关闭输油臂阀门，铺设围油栏。",
        "第十二条 较大溢油事故（二级响应）",
        "溢油进入江面时，由副总指挥指挥。请求海事部门支援。",
    )
    blocks = [
        Block(kind="paragraph", text=texts[0], paragraph=0),
        Block(kind="heading", text=texts[1], paragraph=1, heading_level=1),
        Block(kind="heading", text=texts[2], paragraph=2, heading_level=2),
        Block(kind="paragraph", text=texts[3], paragraph=3),
        Block(kind="heading", text=texts[4], paragraph=4, heading_level=2),
        Block(kind="paragraph", text=texts[5], paragraph=5),
    ]
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks, title_paragraph=0))
    names = {r["level"]: r["name"] for r in draft.data["response_levels"]}
    assert names == {"三级": "一般溢油险情（三级响应）", "二级": "较大溢油事故（二级响应）"}


# plans-robust21b: the organisation families round 21's development plans showed, on other wording.


def _org(*lines: str) -> dict[str, tuple[str | None, list[str], list[tuple[str, str | None]]]]:
    """The org units the rules read from a small plan: a line "#…" is a level-1 heading, "##…" level 2."""
    blocks = []
    for n, line in enumerate(lines):
        level = len(line) - len(line.lstrip("#"))
        kind = "heading" if level else "paragraph"
        blocks.append(Block(kind=kind, text=line.lstrip("#"), paragraph=n, heading_level=level or None))
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks, title_paragraph=0))
    return {
        u["name"]: (u["parent"], u["duties"], [(r["title"], r["holder"]) for r in u["roles"]])
        for u in draft.data["org_units"]
    }


def test_two_groups_named_in_one_clause_each_lead_their_own_clause() -> None:
    units = _org(
        "江阴某医院火灾应急预案",
        "#二、应急组织",
        "医院成立火灾应急领导小组，由院长任组长。",
        "领导小组下设通讯保障组及后勤供应组，通讯保障组由信息科科长任组长，负责应急通信畅通；"
        "后勤供应组由总务科科长任组长，总务科副科长任副组长，负责物资供应。",
    )
    assert units["通讯保障组"] == ("火灾应急领导小组", ["负责应急通信畅通"], [("组长", "信息科科长")])
    assert units["后勤供应组"] == (
        "火灾应急领导小组",
        ["负责物资供应"],
        [("组长", "总务科科长"), ("副组长", "总务科副科长")],
    )
    assert units["火灾应急领导小组"][2] == [("组长", "院长")]


def test_counted_squads_are_the_teams_and_each_squad_leader_is_their_post() -> None:
    units = _org(
        "江阴某水厂停水事故应急预案",
        "#3 应急组织",
        "##3.1 应急指挥部",
        "总指挥：厂长",
        "##3.2 应急抢修队",
        "应急抢修队分两个班。甲班班长由电工组长担任，负责配电设备抢修；乙班班长由管工组长担任，负责管网抢修。",
    )
    assert units["甲班"] == ("应急抢修队", ["负责配电设备抢修"], [("班长", "电工组长")])
    assert units["乙班"] == ("应急抢修队", ["负责管网抢修"], [("班长", "管工组长")])


def test_a_category_like_heading_names_the_group_its_text_leads() -> None:
    units = _org(
        "江阴某商场踩踏事故应急预案",
        "#2 组织机构",
        "##2.1 应急领导小组",
        "组长：总经理",
        "##2.2 专项工作组",
        "专项工作组由营运部经理任组长，负责现场疏导和秩序维护。",
        "##2.3 工作组",
        "各工作组按分工开展处置。",
    )
    assert units["专项工作组"] == ("应急领导小组", ["负责现场疏导和秩序维护"], [("组长", "营运部经理")])
    assert "工作组" not in units  # the bare category word names no group
    assert units["应急领导小组"][2] == [("组长", "总经理")]


def test_a_committee_named_only_as_the_subject_of_xiashe_is_the_parent_of_its_group() -> None:
    units = _org(
        "江阴某机械厂机械伤害事故应急预案",
        "#2 组织机构",
        "##2.1 应急救援指挥部",
        "总指挥：厂长",
        "##2.2 善后",
        "厂安全委员会下设善后处置小组（由人事科、财务科人员组成），人事科科长任组长，负责伤亡人员善后。",
    )
    assert units["安全委员会"] == (None, [], [])
    assert units["善后处置小组"] == ("安全委员会", ["负责伤亡人员善后"], [("组长", "人事科科长")])
    assert units["应急救援指挥部"][2] == [("总指挥", "厂长")]


def test_warning_colours_stated_one_per_clause_of_a_paragraph() -> None:
    from plans.rules_warning_clauses import inline_warning

    assert inline_warning("红色预警为水库水位超过校核洪水位；") == ("红色", "水库水位超过校核洪水位")
    assert inline_warning("发布橙色预警的条件是24小时降雨量超过100毫米") == (
        "橙色",
        "24小时降雨量超过100毫米",
    )
    assert inline_warning("第五条 黄色预警信号为河道水位超过警戒水位。") == ("黄色", "河道水位超过警戒水位")
    assert inline_warning("其中，蓝色预警：气象台发布大风消息") == ("蓝色", "气象台发布大风消息")
    assert inline_warning("红色预警为一级预警") is None  # grades the colour, states no criteria
    assert inline_warning("收到红色预警后立即上报") is None


def test_a_paragraph_of_colour_clauses_gives_four_warning_levels() -> None:
    blocks = [
        Block(kind="paragraph", text="江阴某水库防汛应急预案", paragraph=0),
        Block(kind="heading", text="三、预警", paragraph=1, heading_level=1),
        Block(
            kind="paragraph",
            text="预警由高到低分为一级、二级、三级、四级，依次以红色、橙色、黄色、蓝色标示。红色预警为水库水位超过校核洪水位；"
            "橙色预警为水位超过设计洪水位；黄色预警为水位超过汛限水位；蓝色预警为气象台发布暴雨消息。",
            paragraph=2,
        ),
    ]
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks, title_paragraph=0))
    assert [(w["level"], w["color"], w["criteria"]) for w in draft.data["warning_levels"]] == [
        ("一级", "红色", "水库水位超过校核洪水位"),
        ("二级", "橙色", "水位超过设计洪水位"),
        ("三级", "黄色", "水位超过汛限水位"),
        ("四级", "蓝色", "气象台发布暴雨消息"),
    ]


def test_a_level_title_set_as_body_text_still_opens_its_level() -> None:
    texts = (
        "江阴某燃气公司管网事故应急预案",
        "第四章 应急响应",
        "第十条 一般管网险情（三级响应）",
        "低压支管漏气时，由抢修班长指挥。关闭支管阀门。",
        "第十一条 较大管网事故（二级响应）",
        "中压干管漏气时，由分管副总经理指挥。疏散周边住户。",
    )
    blocks = [
        Block(kind="paragraph", text=texts[0], paragraph=0),
        Block(kind="heading", text=texts[1], paragraph=1, heading_level=1),
        *[Block(kind="paragraph", text=t, paragraph=n) for n, t in enumerate(texts[2:], start=2)],
    ]
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks, title_paragraph=0))
    levels = {r["level"]: (r["name"], r["trigger"], r["commander"]) for r in draft.data["response_levels"]}
    assert levels["三级"] == ("一般管网险情（三级响应）", "低压支管漏气", "抢修班长")
    assert levels["二级"][0] == "较大管网事故（二级响应）"


def test_a_contact_list_label_is_no_part_of_the_first_contact() -> None:
    from plans.rules_contacts import contact_before

    assert contact_before("紧急联系：厂长周明，电话") == {"name": "周明", "role": "厂长", "org": ""}
    assert contact_before("联系方式：安全科科长李强，手机") == {
        "name": "李强",
        "role": "科长",
        "org": "安全科",
    }


def test_the_sentences_after_the_command_are_the_level_measures() -> None:
    from plans.rules_level_headings import measures_after_command

    assert measures_after_command("支管漏气时，由抢修班长指挥。关闭支管阀门，通知用户停气。") == [
        "关闭支管阀门",
        "通知用户停气",
    ]
    assert measures_after_command("干管断裂时，由总指挥统一指挥。疏散住户，设置警戒；报请市燃气办支援。") == [
        "疏散住户，设置警戒",
        "报请市燃气办支援",
    ]
    assert measures_after_command("干管断裂时，由总指挥指挥。主要措施：a；b") == []  # a labelled list
    assert measures_after_command("干管断裂时，由总指挥指挥。") == []


def test_a_company_fire_team_under_its_own_heading_has_no_parent() -> None:
    units = _org(
        "江阴某印刷厂火灾事故应急预案",
        "#2 应急组织",
        "##2.1 应急领导小组",
        "组长：厂长",
        "##2.2 专职消防队",
        "专职消防队编为两个班。一班班长由印刷车间主任担任，负责车间灭火；二班班长由仓库保管员担任，负责纸库灭火。",
    )
    assert units["专职消防队"][0] is None
    assert units["一班"][0] == "专职消防队" and units["二班"][0] == "专职消防队"
