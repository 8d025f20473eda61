"""Layout families from the plans-robust24 round, one rule each on small synthetic inputs worded
differently from the corpus: groups a body other than the heading names sets up in one sentence
("综合办下设A组、B组和C组"), a group name closed by 。 before its posts, floor posts under a group
("F2层巡查员：…"), "协助120…" in a duty, equipment counted in 门, a room in a contact table's 职务 column,
and a hospital or school as the cover's issuer."""

from __future__ import annotations

from typing import Any

from plans.rules_contact_person_cell import split_person_cell
from plans.rules_floor_posts import floor_post
from plans.rules_org_group_lists import listed_groups, name_stop_as_colon
from tests.support.plan_draft import extracted as _plan


def _parents(data: dict[str, Any]) -> dict[str, str | None]:
    return {u["name"]: u["parent"] for u in data["org_units"]}


def _roles(data: dict[str, Any]) -> dict[str, set[tuple[str, str | None]]]:
    return {u["name"]: {(r["title"], r["holder"]) for r in u["roles"]} for u in data["org_units"]}


def test_groups_listed_after_xiashe_are_named_unless_the_heading_sets_them_up() -> None:
    assert listed_groups("综合办下设通讯联络组、抢修组及安置组。") == ["通讯联络组", "抢修组", "安置组"]
    assert listed_groups("救援队下设一分队和二分队。", except_subject="救援队") == []
    assert listed_groups("办公室负责值守和通知。") == []


def test_a_group_name_closed_by_a_full_stop_before_its_posts_reads_as_its_label() -> None:
    assert name_stop_as_colon("（2）抢修组。组长：维修班长") == "（2）抢修组：组长：维修班长"
    assert name_stop_as_colon("抢修组。负责抢修") == "抢修组。负责抢修"  # no post follows: a sentence


def test_groups_an_office_sets_up_under_a_gathering_heading_sit_under_the_office() -> None:
    data = _plan(
        ("p", "某热电厂氨水泄漏事故专项应急预案"),
        ("h1", "二、应急组织机构及职责"),
        ("h2", "（一）应急领导小组"),
        ("p", "公司成立应急领导小组，由厂长任组长，副厂长任副组长。"),
        ("h2", "（二）值守办公室"),
        ("p", "领导小组下设值守办公室，设在安环科，安环科科长兼任主任。"),
        ("h2", "（三）专业处置小组"),
        ("p", "值守办公室下设堵漏组、洗消组和联络组。"),
        ("p", "（1）堵漏组。组长：检修主任；组员：管道工。主要任务：关闭泄漏点上游阀门；更换垫片。"),
        ("p", "（2）洗消组。组长：化验室主任。主要任务：用清水稀释泄漏氨水。"),
        ("p", "（3）联络组。组长：办公室主任。主要任务：通知周边单位。"),
    )
    parents = _parents(data)
    assert "专业处置小组" not in parents
    assert parents["堵漏组"] == parents["洗消组"] == parents["联络组"] == "值守办公室"
    assert ("组员", "管道工") in _roles(data)["堵漏组"]


def test_a_floor_post_line_gives_title_word_and_holder() -> None:
    assert floor_post("F2层巡查员：蒋华（保安队长）") == ("F2层巡查员", "巡查员", "蒋华（保安队长）")
    assert floor_post("六至八层疏散员：孙悦") == ("六至八层疏散员", "疏散员", "孙悦")
    assert floor_post("2层设有疏散楼梯两部。") is None


def test_floor_posts_go_to_the_group_that_names_the_post_word() -> None:
    data = _plan(
        ("p", "某写字楼火灾应急预案"),
        ("h1", "2 组织机构"),
        ("p", "指挥部下设灭火组和疏散组。"),
        ("p", "疏散组：组长由物业经理担任，组员为各楼层巡查员。负责引导租户撤离。"),
        ("p", "灭火组：组长由工程主管担任。负责扑救初起火灾。"),
        ("p", "1层巡查员：钱進（前台主管）"),
        ("p", "2—3层巡查员：邹红"),
    )
    roles = _roles(data)
    assert {("1层巡查员", "钱進（前台主管）"), ("2—3层巡查员", "邹红")} <= roles["疏散组"]
    assert not any(title.endswith("巡查员") for title, _ in roles["灭火组"])


def test_a_duty_that_works_with_120_is_no_contact() -> None:
    data = _plan(
        ("p", "某纺织厂机械伤害事故现场处置方案"),
        ("h1", "2 应急组织"),
        ("p", "救护组：组长由车间主任担任。负责包扎止血；协助120接运伤员。"),
        ("h1", "5 联系方式"),
        ("p", "厂值班电话：0510-86001234"),
    )
    assert [c["phone"] for c in data["contacts"]] == ["0510-86001234"]


def test_equipment_counted_in_men_is_a_resource() -> None:
    data = _plan(
        ("p", "某油库火灾应急预案"),
        ("h1", "6 应急保障"),
        ("p", "库区配备移动式泡沫炮3门、消防水带20盘，由消防班负责保养。"),
    )
    found = {(r["name"], r["quantity"], r["unit"]) for r in data["resources"]}
    assert ("移动式泡沫炮", 3, "门") in found


def test_a_room_in_the_post_column_beside_a_round_the_clock_cell_is_the_org() -> None:
    assert split_person_cell({"name": "24小时值守", "role": "消防控制室", "org": ""}) == {
        "name": "", "role": "24小时值守", "org": "消防控制室",
    }  # fmt: skip
    # a post in that column stays the role
    assert split_person_cell({"name": "24小时值班", "role": "值班长", "org": ""}) == {
        "name": "", "role": "值班长",
    }  # fmt: skip


def test_a_hospital_or_school_on_the_cover_is_the_issuer() -> None:
    for issuer in ("江阴市澄东人民医院", "江阴市南闸实验小学", "江阴职业技术学院"):
        data = _plan(("p", "学生宿舍火灾事故应急预案"), ("p", issuer), ("p", "2025年3月"), ("h1", "1 总则"))
        assert data["issuing_unit"] == issuer
