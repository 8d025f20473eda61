"""Layout families from the plans-robust23 round, one rule each on small synthetic inputs worded
differently from the corpus: posts on "职务 — 姓名 — 手机" lines, a group's leader after a space
("抢修组：组长 周强（电工）"), person cells of contact tables that hold a post or a duty ("副科长 王芳",
"刘伟（站长）", "24小时值班"), 现场指挥长 as a title, and a clause that only names a level."""

from __future__ import annotations

from typing import Any

from plans.rules_contact_person_cell import split_person_cell
from plans.rules_contacts import contact_before
from plans.rules_level_self_trigger import names_only_the_level
from plans.rules_post_lines import dash_line_contact, dash_post_line
from tests.support.plan_draft import extracted as _plan


def _roles(data: dict[str, Any]) -> dict[str, set[tuple[str, str | None]]]:
    return {u["name"]: {(r["title"], r["holder"]) for r in u["roles"]} for u in data["org_units"]}


def test_a_dash_post_line_gives_post_holder_and_number() -> None:
    assert dash_post_line("队　长 — 沈磊（车间主任） — 13771234567") == (
        "队长",
        "沈磊（车间主任）",
        "13771234567",
    )
    assert dash_post_line("联络员 – 顾敏") == ("联络员", "顾敏", None)
    # a sentence with a dash is no post line
    assert dash_post_line("疏散路线：一号门—二号门，由保安引导。") is None
    assert dash_post_line("2024-2025年度演练计划") is None


def test_the_number_on_a_dash_line_reaches_the_person_and_the_body_in_brackets() -> None:
    assert dash_line_contact("业主代表 — 蒋文（江阴澄阳置业有限公司） — ") == {
        "name": "蒋文", "role": "业主代表", "org": "江阴澄阳置业有限公司",
    }  # fmt: skip
    assert dash_line_contact("副队长 — 钱亮（班长） — ") == {"name": "钱亮", "role": "副队长", "org": ""}
    assert dash_line_contact("联系电话：") is None


def test_dash_lines_are_posts_of_the_body_set_up_above_them() -> None:
    data = _plan(
        ("p", "某物流园仓储火灾应急预案"),
        ("h1", "二、应急组织机构"),
        ("p", "物流园成立仓储火灾应急工作小组，成员名单如下："),
        ("p", "队　长 — 沈磊（仓储部经理） — 13771234567"),
        ("p", "现场联络员 — 顾敏（江阴澄运物流有限公司） — 15961234567"),
        ("p", "成　员 — 各库区主管"),
    )
    roles = _roles(data)["仓储火灾应急工作小组"]
    assert ("队长", "沈磊（仓储部经理）") in roles
    assert ("现场联络员", "顾敏（江阴澄运物流有限公司）") in roles
    assert ("成员", "各库区主管") in roles
    contacts = {(c["name"], c["role"], c["org"], c["phone"]) for c in data["contacts"]}
    assert ("沈磊", "队长", "", "13771234567") in contacts
    assert ("顾敏", "现场联络员", "江阴澄运物流有限公司", "15961234567") in contacts


def test_a_group_leader_written_after_a_space_is_the_groups_post() -> None:
    data = _plan(
        ("p", "某水厂停水应急预案"),
        ("h1", "2 组织机构"),
        ("p", "水厂成立停水事件应急领导小组，厂长任组长。领导小组下设两个小组："),
        ("p", "抢修组：组长 周强（机修班长），组员为机修班全体人员。负责管网抢修；恢复供水。"),
        ("p", "（2）后勤组：副组长　吴芳（办公室文员）。负责调运应急水车。"),
    )
    roles = _roles(data)
    assert ("组长", "周强（机修班长）") in roles["抢修组"]
    assert ("副组长", "吴芳（办公室文员）") in roles["后勤组"]


def test_person_cells_that_hold_a_post_or_a_duty_are_split() -> None:
    assert split_person_cell({"name": "副科长 王芳", "role": ""}) == {"name": "王芳", "role": "副科长"}
    assert split_person_cell({"name": "刘伟（站长）", "role": ""}) == {"name": "刘伟", "role": "站长"}
    assert split_person_cell({"name": "全天值守", "role": ""}) == {"name": "", "role": "全天值守"}
    # a 职务 column's post is kept; a bare name, 值班员 and 值班室 stay names
    assert split_person_cell({"name": "刘伟（站长）", "role": "队长"}) == {"name": "刘伟", "role": "队长"}
    assert split_person_cell({"name": "值班员", "role": ""}) == {}
    assert split_person_cell({"name": "值班室", "role": ""}) == {}
    assert split_person_cell({"name": "王芳", "role": ""}) == {}


def test_a_representative_before_a_name_is_the_post() -> None:
    assert contact_before("监理单位代表 许峰：") == {"name": "许峰", "role": "监理单位代表", "org": ""}


def test_an_on_site_commander_appointed_in_a_sentence_keeps_the_full_title() -> None:
    data = _plan(
        ("p", "某化工码头泄漏应急预案"),
        ("h1", "2 组织机构"),
        ("p", "公司成立应急指挥部，总经理任总指挥。"),
        ("p", "事故发生后设立现场指挥部，储运部经理任现场指挥长，安全主管任现场副指挥长。"),
    )
    roles = _roles(data)["现场指挥部"]
    assert ("现场指挥长", "储运部经理") in roles
    assert ("现场副指挥长", "安全主管") in roles


def test_a_clause_that_only_names_a_level_is_no_trigger() -> None:
    assert names_only_the_level("发生一级响应")
    assert names_only_the_level("启动Ⅱ级应急响应")
    assert names_only_the_level("进入三级（车间级）响应")
    assert not names_only_the_level("发生一级响应范围内的火灾")
    assert not names_only_the_level("储罐区发生泄漏")
