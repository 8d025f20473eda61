"""Layouts from plans written after the importer was tuned (plans-robust round): response levels in
"Ⅰ级响应。…时启动，由…指挥。主要措施：" articles and ①②③ table cells, 领导小组 departments, offices
"设在" a section, groups set up by the office, "…为成员", roles tables naming the people, 座机 and
（0510） phone numbers. Small synthetic inputs, one rule each."""

from __future__ import annotations

from plans.draft import PlanDraft
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import response_level as _level
from tests.support.plan_draft import unit_roles as _roles
from tests.unit.plan_import.test_extractors import run


def test_level_table_actions_numbered_with_circled_digits_in_one_cell() -> None:
    draft = run(
        [
            "3 应急响应",
            [
                ["级别", "启动条件", "响应措施"],
                ["一级", "发生人员死亡的", "①全体成员赶赴现场；②组织疏散③请求增援"],
            ],
        ]
    )
    assert _level(draft, "一级")["actions"] == ["全体成员赶赴现场", "组织疏散", "请求增援"]


def test_commanders_of_several_levels_in_one_sentence_after_the_table() -> None:
    draft = run(
        [
            "3 应急响应",
            [["级别", "启动条件"], ["一级", "发生人员死亡的"], ["二级", "发生泄漏的"]],
            "一级响应由园区指挥部总指挥组织指挥；二级响应由指挥部办公室主任组织指挥。",
        ]
    )
    first, second = _level(draft, "一级"), _level(draft, "二级")
    assert (first["trigger"], first["commander"]) == ("发生人员死亡的", "园区指挥部总指挥")
    assert second["commander"] == "指挥部办公室主任"


def test_level_article_with_trigger_commander_and_measures() -> None:
    draft = run(
        [
            "第四章　应急响应",
            "第十二条　Ⅰ级响应。发生重大设备事故时启动，由领导小组组长统一指挥。主要措施：成员赶赴现场；保护现场。",
        ]
    )
    level = _level(draft, "一级")
    assert (level["name"], level["trigger"], level["commander"]) == (
        "Ⅰ级响应",
        "发生重大设备事故时启动",
        "领导小组组长",
    )
    assert level["actions"] == ["成员赶赴现场", "保护现场"]


def test_commander_sentence_under_a_level_heading_keeps_the_whole_post() -> None:
    draft = run(
        [
            "四、分级响应",
            "（一）三级响应",
            "启动条件：过火面积1公顷以下的。",
            "由街道指挥部副总指挥指挥，主要措施如下：",
            "(1)扑火队30分钟内到达火场；",
        ]
    )
    level = _level(draft, "三级")
    assert level["commander"] == "街道指挥部副总指挥"
    assert level["actions"] == ["扑火队30分钟内到达火场"]


def test_contact_table_with_mobile_and_desk_phone_columns() -> None:
    draft = run(
        [
            "5 应急联系方式",
            [["姓名", "职务", "手机", "座机"], ["王明", "车间主任", "13906160000", "0510-86215501"]],
        ]
    )
    assert {(c["name"], c["phone"]) for c in draft.data["contacts"]} == {
        ("王明", "13906160000"),
        ("王明", "0510-86215501"),
    }


def test_contact_table_with_section_and_head_columns_and_a_bracketed_area_code() -> None:
    draft = run(
        ["附件　应急联络表", [["科室", "负责人", "联系电话"], ["安全监察科", "殷强", "（0510）86012235"]]]
    )
    assert draft.data["contacts"] == [
        {"name": "殷强", "role": "", "org": "安全监察科", "phone": "0510-86012235"}
    ]


def test_written_report_inherits_the_recipient_of_the_call() -> None:
    draft = run(["三、信息报告", "办公室接报后，应在30分钟内电话报告市指挥部办公室，1小时内报送书面报告。"])
    assert [(r["time_limit_minutes"], r["to"], r["channel"]) for r in draft.data["reporting"]] == [
        (30, "市指挥部办公室", "电话"),
        (60, "市指挥部办公室", "书面"),
    ]


def test_department_leading_group_posts_and_inline_numbered_duties() -> None:
    draft = run(
        [
            "第二章　组织机构与职责",
            "第四条　市市场监管局成立设备事故应急领导小组（以下简称领导小组）。组长由局长担任；成员由办公室、监察科负责人组成。",
            "第五条　领导小组的主要职责：（一）决定启动应急响应；（二）组织事故调查。",
        ]
    )
    assert [u["name"] for u in draft.data["org_units"]] == ["设备事故应急领导小组"]
    assert _roles(draft, "设备事故应急领导小组") == [("组长", "局长"), ("成员", "办公室、监察科负责人")]
    assert _unit(draft, "设备事故应急领导小组")["duties"] == ["决定启动应急响应", "组织事故调查"]


def test_office_introduced_by_where_it_sits() -> None:
    draft = run(
        [
            "第二章　组织机构与职责",
            "第四条　市市场监管局成立设备事故应急领导小组。组长由局长担任。",
            "第六条　领导小组办公室设在监察科，办公室主任由监察科科长兼任。办公室负责应急值守；组织应急演练。",
        ]
    )
    office = _unit(draft, "领导小组办公室")
    assert office["parent"] == "设备事故应急领导小组"
    assert office["roles"] == [{"title": "主任", "holder": "监察科科长", "duties": []}]
    assert office["duties"] == ["负责应急值守", "组织应急演练"]


def test_posts_given_as_person_then_post_and_members_before_the_title() -> None:
    draft = run(
        [
            "二、组织指挥体系",
            "（一）街道森林防灭火指挥部",
            "街道办事处主任任总指挥，分管副主任任副总指挥，街道党政办、派出所主要负责人为成员。",
            "（二）街道指挥部办公室",
            "应急办主任任办公室主任。",
        ]
    )
    assert _roles(draft, "街道森林防灭火指挥部") == [
        ("总指挥", "街道办事处主任"),
        ("副总指挥", "分管副主任"),
        ("成员", "街道党政办、派出所主要负责人"),
    ]
    assert _roles(draft, "街道指挥部办公室") == [("主任", "应急办主任")]


def test_groups_sit_under_the_unit_that_sets_them_up() -> None:
    draft = run(
        [
            "二、组织指挥体系",
            "（一）街道森林防灭火指挥部",
            "（二）街道指挥部办公室",
            "（三）工作组",
            "发生火灾后，街道指挥部办公室牵头组建以下工作组。",
            "1.扑火救援组",
            "职责：负责火场扑救；负责开设隔离带。",
            "三、信息报告",
        ]
    )
    group = _unit(draft, "扑火救援组")
    assert group["parent"] == "街道指挥部办公室"
    assert group["duties"] == ["负责火场扑救", "负责开设隔离带"]


def test_group_table_with_lead_and_supporting_units_under_a_category_heading() -> None:
    draft = run(
        [
            "2 组织体系",
            "2.1 园区危险化学品事故应急指挥部",
            "2.2 专业工作组",
            "园区指挥部下设2个专业工作组，组成和职责如下表。",
            [
                ["工作组", "牵头单位", "配合单位", "职责"],
                ["抢险处置组", "消防大队", "安监局、事故企业", "负责灭火；负责洗消"],
            ],
        ]
    )
    assert "专业工作组" not in [u["name"] for u in draft.data["org_units"]]
    group = _unit(draft, "抢险处置组")
    assert group["parent"] == "园区危险化学品事故应急指挥部"
    assert _roles(draft, "抢险处置组") == [("牵头单位", "消防大队"), ("配合单位", "安监局、事故企业")]
    assert group["duties"] == ["负责灭火", "负责洗消"]


def test_roles_table_names_the_person_the_text_gave_as_a_post() -> None:
    draft = run(
        [
            "2、应急组织与职责",
            "车间成立粉尘爆炸现场应急处置组，由车间主任任组长，人员和职责如下表。",
            [
                ["应急职务", "姓名", "应急职责"],
                ["组长", "蒋平", "全面指挥现场处置"],
                ["组员", "承远", "切断电源"],
                ["组员", "黄萍", "组织撤离"],
            ],
        ]
    )
    assert [u["name"] for u in draft.data["org_units"]] == ["粉尘爆炸现场应急处置组"]
    assert _roles(draft, "粉尘爆炸现场应急处置组") == [("组长", "蒋平"), ("组员", "承远"), ("组员", "黄萍")]
    assert _unit(draft, "粉尘爆炸现场应急处置组")["roles"][0]["duties"] == ["全面指挥现场处置"]


def test_scope_sentence_without_a_heading_and_a_department_title() -> None:
    draft = run(
        [
            "江阴市市场监督管理局特种设备事故应急预案",
            "第一章　总则",
            "第二条　本预案适用于本市行政区域内电梯、起重机械发生的坠落、泄漏事故的应急处置。",
        ]
    )
    assert draft.data["plan_type"] == "部门"
    assert draft.data["scope"] == "本预案适用于本市行政区域内电梯、起重机械发生的坠落、泄漏事故的应急处置。"
    assert "泄漏" in draft.data["accident_types"]


def test_a_storage_place_holds_a_resource_only_when_it_is_a_body() -> None:
    draft = run(
        [
            "4、应急物资",
            [
                ["物资名称", "数量", "存放位置"],
                ["干粉灭火器", "12具", "车间东墙"],
                ["消防水带", "20卷", "镇消防站"],
            ],
        ]
    )
    assert [r["holder"] for r in draft.data["resources"]] == [None, "镇消防站"]


def test_team_set_up_by_a_body_and_kept_by_it() -> None:
    from plans.rules_resources import extract_text_resources
    from plans.sections import outline
    from tests.unit.plan_import.test_extractors import blocks_of

    blocks = blocks_of(
        [
            "第五章　应急保障",
            "第十七条　江阴市检验所组建应急技术支撑队伍15人，配备探伤仪4台，由检验所负责日常维护。",
        ]
    )
    draft = PlanDraft(blocks)
    extract_text_resources(draft, outline(blocks))
    assert [(r["name"], r["quantity"], r["holder"]) for r in draft.data["resources"]] == [
        ("应急技术支撑队伍", 15.0, "江阴市检验所"),
        ("探伤仪", 4.0, "江阴市检验所"),
    ]
