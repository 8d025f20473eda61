"""Layout families from the plans-robust10 outside-author plans, one rule each on small synthetic inputs
worded differently from the corpus: post cards (岗位应急处置卡) named by the heading above, by a 岗位 row
or by a merged title row, a member listing of posts split by a 岗位 | 人员 | 职责 table, "组员为…" and
"成员单位包括…" listings, warning colours listed after 分为 and closed by a comma, a unit's room in a
contact line, a category heading over "（1）X组：…" paragraphs, duty clauses that run on after 负责,
and 沙 as stock."""

from __future__ import annotations

from plans.draft import PlanDraft
from plans.pipeline import extract_fields
from plans.rules_post_cards import post_of
from plans.rules_resources import resource_type
from plans.sections import outline
from plans.table_text import aligned_tables, expand_key_value_tables
from tests.support.plan_draft import org_unit as _unit
from tests.support.plan_draft import unit_roles as _roles
from tests.unit.plan_import.test_extractors import blocks_of


def run(lines: list[str | list[list[str]]]) -> PlanDraft:
    """The pipeline's rule order over the blocks ``import_plan`` would see."""
    blocks = aligned_tables(expand_key_value_tables(blocks_of(lines)))
    draft = PlanDraft(blocks)
    extract_fields(draft, outline(blocks))
    return draft


def _role(draft: PlanDraft, unit: str, holder: str) -> dict[str, object]:
    return next(r for r in _unit(draft, unit)["roles"] if r["holder"] == holder)


_TEAM = "仓库成立叉车事故应急处置小组，组长由仓储主管担任，成员为叉车司机、理货员和门卫。"


def test_a_card_named_by_the_heading_above_gives_its_post_duties_and_contacts() -> None:
    draft = run(
        [
            "二、应急组织机构与职责",
            _TEAM,
            "（一）叉车司机应急处置卡",
            [
                ["危险因素", "货物坠落砸伤周边人员"],
                ["处置步骤", "1.立即停车并拉起手刹；2.放下货叉；3.呼叫理货员设置隔离区"],
                ["安全提醒", "不得在货叉下方站人"],
                ["联系电话", "仓储主管：13912340001；急救：120"],
            ],
        ]
    )
    name = "叉车事故应急处置小组"
    # the listing splits into one 成员 role per post once a post has its card
    assert _roles(draft, name) == [
        ("组长", "仓储主管"),
        ("成员", "叉车司机"),
        ("成员", "理货员"),
        ("成员", "门卫"),
    ]
    assert _role(draft, name, "叉车司机")["duties"] == [
        "立即停车并拉起手刹",
        "放下货叉",
        "呼叫理货员设置隔离区",
    ]
    assert [(c["role"], c["phone"]) for c in draft.data["contacts"]] == [
        ("仓储主管", "13912340001"),
        ("急救", "120"),
    ]


def test_a_card_with_a_title_row_or_a_post_row_stays_a_grid_and_names_its_post() -> None:
    draft = run(
        [
            "二、应急组织机构与职责",
            _TEAM,
            [
                ["门卫岗位处置卡", "门卫岗位处置卡"],
                ["应急任务", "打开大门；引导救护车进入库区"],
                ["报警电话", "仓储主管：13912340001"],
            ],
            [
                ["岗位", "仓储主管"],
                ["处置要点", "①赶到现场指挥②决定是否送医"],
                ["联络方式", "公司安环部：0510-86771234"],
            ],
        ]
    )
    name = "叉车事故应急处置小组"
    assert _role(draft, name, "门卫")["duties"] == ["打开大门", "引导救护车进入库区"]
    # the post a role is held by: the 组长's card
    assert _role(draft, name, "仓储主管")["duties"] == ["赶到现场指挥", "决定是否送医"]
    assert {c["phone"]: c["org"] for c in draft.data["contacts"]}["0510-86771234"] == "公司安环部"
    assert not any(
        r["title"] in ("应急任务", "处置要点") for u in draft.data["org_units"] for r in u["roles"]
    )


def test_card_titles_name_their_post() -> None:
    assert post_of("岗位应急处置卡（焊工）") == "焊工"
    assert post_of("3.2 焊工岗位应急处置卡") == "焊工"
    assert post_of("应急处置卡——焊工") == "焊工"
    assert post_of("焊工职责") is None


def test_members_listed_as_posts_are_split_by_a_post_table_naming_the_people() -> None:
    draft = run(
        [
            "三、组织机构及职责",
            "公司成立粉尘爆炸事故应急指挥部。",
            "总指挥：厂长",
            "成员：质检部经理、仓储部经理和保卫科长",
            [
                ["岗位", "人员", "职责"],
                ["总指挥", "赵一鸣", "全面指挥救援"],
                ["质检部经理", "钱晓东", "负责取样检测；负责通知周边单位"],
                ["仓储部经理", "孙立", "负责转移库存原料"],
                ["保卫科长", "李强", "负责设置警戒"],
            ],
        ]
    )
    name = "粉尘爆炸事故应急指挥部"
    assert _roles(draft, name) == [
        ("总指挥", "赵一鸣"),
        ("成员", "钱晓东"),
        ("成员", "孙立"),
        ("成员", "李强"),
    ]
    assert _role(draft, name, "钱晓东")["duties"] == ["负责取样检测", "负责通知周边单位"]


def test_member_listings_with_zuyuan_or_baokuo_are_one_holder() -> None:
    draft = run(
        [
            "二、组织体系",
            "街道设立防台应急指挥部，总指挥由街道主任担任，成员单位包括街道党政办、城管中队、派出所、卫生服务中心和各社区居委会。",
        ]
    )
    assert ("成员单位", "街道党政办、城管中队、派出所、卫生服务中心和各社区居委会") in _roles(
        draft, "防台应急指挥部"
    )
    draft = run(
        ["二、应急组织机构与职责", "车间成立灼烫事故处置小组，组长由车间主任担任，组员为浇注工和行车工。"]
    )
    assert ("组员", "浇注工和行车工") in _roles(draft, "灼烫事故处置小组")


def test_warning_colours_listed_after_fenwei_end_at_the_comma() -> None:
    draft = run(
        ["四、预警", "预警等级由低到高分为蓝色、黄色、橙色和红色，依次对应四级至一级。红色预警由总指挥签发。"]
    )
    assert [(w["level"], w["color"]) for w in draft.data["warning_levels"]] == [
        ("一级", "红色"),
        ("二级", "橙色"),
        ("三级", "黄色"),
        ("四级", "蓝色"),
    ]


def test_a_units_room_in_a_contact_line_is_the_org_and_a_bare_duty_room_the_role() -> None:
    draft = run(
        [
            "七、通讯联络",
            "街道安全监管办公室　电话：0510-86001234",
            "市消防救援支队值班室　电话：0510-86002345",
            "值班室　张平　0510-86003456",
        ]
    )
    got = {c["phone"]: (c["role"], c["org"]) for c in draft.data["contacts"]}
    assert got["0510-86001234"] == ("", "街道安全监管办公室")
    assert got["0510-86002345"] == ("", "市消防救援支队值班室")
    assert got["0510-86003456"][0] == "值班室"


def test_a_category_heading_over_group_paragraphs_is_not_a_unit_and_duties_run_on() -> None:
    draft = run(
        [
            "3 组织机构及职责",
            "3.1 应急指挥部",
            "公司成立储罐火灾应急指挥部。",
            "3.2 现场救援小组",
            "指挥部下设堵漏组和通讯组。",
            "（1）堵漏组：组长由设备科长担任。负责关闭泄漏点上游阀门；更换损坏的法兰垫片。",
            "（2）通讯组：组长由办公室主任担任。负责保持对外联络畅通。",
        ]
    )
    names = [u["name"] for u in draft.data["org_units"]]
    assert "现场救援小组" not in names
    assert _unit(draft, "堵漏组")["parent"] == "储罐火灾应急指挥部"
    assert _unit(draft, "堵漏组")["duties"] == ["负责关闭泄漏点上游阀门", "更换损坏的法兰垫片"]


def test_sand_is_stock() -> None:
    assert resource_type("消防沙") == "物资"
    assert resource_type("黄沙") == "物资"
