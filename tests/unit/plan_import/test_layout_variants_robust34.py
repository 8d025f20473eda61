"""Layout families from the plans-robust34 round, on small synthetic inputs worded differently from the
corpus: a "◆ X组　组长：… 成员：…" line followed by a "工作任务：a；b" paragraph,
an office sentence that names its 主任 after its duty, warning colours matched to thresholds with 分别对应, a
contact table with one column per person, 火警 / 急救 in a 单位 column, and kit listed in a team table's cell."""

from __future__ import annotations

from tests.support.plan_draft import extract_blocks, numbered_blocks


def _data(*blocks: tuple[str, object]) -> dict:
    return extract_blocks(numbered_blocks(*blocks))


def _unit(data: dict, name: str) -> dict:
    return next(u for u in data["org_units"] if u["name"] == name)


def _roles(data: dict, unit: str) -> dict[str, str | None]:
    return {r["title"]: r["holder"] for r in _unit(data, unit)["roles"]}


_ORG = (
    ("p", "江阴某商贸有限公司火灾事故专项应急预案"),
    ("h1", "二、组织机构及职责"),
    ("p", "公司成立火灾事故应急指挥部，组成如下："),
    ("p", "总指挥：钱立群（董事长）"),
    ("p", "副总指挥：沙晓东（生产副总）"),
    ("p", "指挥部职责：批准启动应急响应；调动公司应急资源。"),
    ("p", "指挥部办公室设在安环部，负责应急值守和信息汇总，办公室主任由安环部经理顾海兼任。"),
    ("p", "指挥部下设两个小组："),
    ("p", "◆ 抢险灭火组　组长：承志刚（设备部经理）　成员：设备部员工"),
    ("p", "工作任务：扑救初起火灾；关闭着火区域电源。"),
    ("p", "◆ 疏散警戒组　组长：缪红（行政部经理）　成员：保安队"),
    ("p", "工作任务：引导员工撤离；在厂门口设置警戒。"),
)  # fmt: skip


def test_task_paragraph_after_a_group_line_gives_that_groups_duties() -> None:
    data = _data(*_ORG)
    assert _unit(data, "抢险灭火组")["duties"] == ["扑救初起火灾", "关闭着火区域电源"]
    assert _unit(data, "疏散警戒组")["duties"] == ["引导员工撤离", "在厂门口设置警戒"]
    assert "扑救初起火灾" not in _unit(data, "火灾事故应急指挥部")["duties"]


def test_office_duty_stops_before_the_sentence_naming_its_head() -> None:
    data = _data(*_ORG)
    assert _unit(data, "指挥部办公室")["duties"] == ["负责应急值守和信息汇总"]


def test_warning_colours_matched_to_thresholds_take_each_threshold_as_criteria() -> None:
    data = _data(
        ("p", "江阴某水厂防汛应急预案"),
        ("h1", "三、预警"),
        (
            "p",
            "水位预警由低到高分为蓝色、黄色、橙色、红色四级，分别对应警戒水位以上0.2米、0.5米、0.8米和1米。",
        ),
    )
    crit = {w["color"]: w["criteria"] for w in data["warning_levels"]}
    assert crit == {"蓝色": "0.2米", "黄色": "0.5米", "橙色": "0.8米", "红色": "1米"}


def test_contact_table_with_one_column_per_person() -> None:
    data = _data(
        ("p", "江阴某物流有限公司综合应急预案"),
        ("h1", "附件　应急联系表"),
        ("table", [
            ["职务", "总指挥", "副总指挥", "安全员"],
            ["姓名", "钱立群", "沙晓东", "陶可"],
            ["联系电话", "13912345670", "13812345671", "0510-86001234"],
        ]),
    )  # fmt: skip
    got = {c["phone"]: (c["name"], c["role"], c["org"]) for c in data["contacts"]}
    assert got["13912345670"] == ("钱立群", "总指挥", "")
    assert got["0510-86001234"] == ("陶可", "安全员", "")
    assert len(got) == 3


def test_public_numbers_in_a_unit_column_are_roles() -> None:
    data = _data(
        ("p", "江阴某化工有限公司综合应急预案"),
        ("h1", "附件　外部联系电话"),
        (
            "table",
            [["单位名称", "联系电话"], ["急救", "120"], ["火警", "119"], ["利港派出所", "0510-86601110"]],
        ),
    )
    got = {c["phone"]: (c["role"], c["org"]) for c in data["contacts"]}
    assert got["120"] == ("急救", "") and got["119"] == ("火警", "")
    assert got["0510-86601110"] == ("", "利港派出所")


def test_kit_listed_in_a_team_table_cell_is_held_by_that_team() -> None:
    data = _data(
        ("p", "江阴某码头有限公司综合应急预案"),
        ("h1", "六、应急保障"),
        ("table", [["队伍", "队员人数", "装备"], ["码头消防队", "12人", "消防水带20盘、空气呼吸器4具"]]),
    )
    held = {r["name"]: (r["holder"], r["quantity"]) for r in data["resources"]}
    assert held["码头消防队"] == (None, 12)
    assert held["消防水带"] == ("码头消防队", 20) and held["空气呼吸器"] == ("码头消防队", 4)


def test_loudspeakers_are_equipment_and_barrier_tape_is_stock() -> None:
    data = _data(
        ("p", "江阴某商场综合应急预案"),
        ("h1", "六、应急保障"),
        ("table", [["队伍", "人数", "配备器材"], ["安保队", "9人", "手持喇叭3个、隔离带100米"]]),
    )
    kinds = {r["name"]: r["type"] for r in data["resources"]}
    assert kinds["手持喇叭"] == "装备" and kinds["隔离带"] == "物资"


def test_public_number_in_a_table_with_a_post_column_stays_the_unit() -> None:
    data = _data(
        ("p", "江阴某镇危险化学品事故专项应急预案"),
        ("h1", "附件　联系方式"),
        ("table", [["单位", "职务", "电话"], ["镇消防救援站", "站长", "0510-86860119"], ["火警", "", "119"]]),
    )
    got = {c["phone"]: (c["role"], c["org"]) for c in data["contacts"]}
    assert got["119"] == ("", "火警")
