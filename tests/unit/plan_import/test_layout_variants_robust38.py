"""Layout families from the plans-robust38 round (round 37's two plans as development data), on small synthetic
inputs worded differently from the corpus: tables without a header row (levels, self-labelled group cells, stock,
contacts), a bare level label with labelled fields ("Ⅱ级（厂区级）：启动条件：…；指挥：…；措施：a，b"), a post table
after a duty desk the body set up, a post in a contact table's 单位 column, a VHF report, 落水 as 淹溺."""

from __future__ import annotations

from typing import Any

from tests.support.plan_draft import extract_blocks, numbered_blocks


def _plan(*items: tuple[str, Any]) -> dict[str, Any]:
    return extract_blocks(numbered_blocks(("p", "江阴澄南物流有限公司仓库火灾事故专项应急预案"), *items))


def _level(data: dict[str, Any], level: str) -> dict[str, Any]:
    return next(r for r in data["response_levels"] if r["level"] == level)


def _unit(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(u for u in data["org_units"] if u["name"] == name)


def test_headerless_level_rows_keep_the_first_level_and_give_trigger_and_commander() -> None:
    data = _plan(
        ("h1", "3 响应分级"),
        ("p", "本公司仓库火灾应急响应分为三级响应和二级响应："),
        ("table", [["三级响应", "单个货架起火，员工可以扑灭", "仓库主管"],
                   ["二级响应", "火势蔓延到整个库区，或有人员受伤", "总经理"]]),
    )  # fmt: skip
    three, two = _level(data, "三级"), _level(data, "二级")
    assert (three["trigger"], three["commander"]) == ("单个货架起火，员工可以扑灭", "仓库主管")
    assert (two["trigger"], two["commander"]) == ("火势蔓延到整个库区，或有人员受伤", "总经理")


def test_headerless_self_labelled_group_rows_give_every_group_its_roles_and_duties() -> None:
    data = _plan(
        ("h1", "2 组织机构及职责"),
        ("p", "公司成立应急领导小组，组长：总经理；副组长：仓储部经理。"),
        ("p", "领导小组下设3个应急小组："),
        ("table", [["警戒组", "组长：保卫科科长", "成员：门卫、保安", "职责：封锁仓库出入口；引导消防车辆"],
                   ["抢险组", "组长：仓储部经理", "成员：叉车班", "职责：转移未着火货物；关闭防火卷帘"]]),
    )  # fmt: skip
    guard = _unit(data, "警戒组")
    assert [(r["title"], r["holder"]) for r in guard["roles"]] == [
        ("组长", "保卫科科长"),
        ("成员", "门卫、保安"),
    ]
    assert guard["duties"] == ["封锁仓库出入口", "引导消防车辆"]
    assert ("组长", "仓储部经理") in [(r["title"], r["holder"]) for r in _unit(data, "抢险组")["roles"]]


def test_headerless_stock_and_contact_rows_keep_their_first_row() -> None:
    data = _plan(
        ("h1", "5 应急保障"),
        ("table", [["推车式灭火器", "8具", "一号库门口", "仓储部"], ["消防水带", "12盘", "消防器材室", "保卫科"]]),
        ("h1", "6 联系方式"),
        ("table", [["仓储部经理", "沈佳伟", "13812345678"], ["保卫科科长", "何勇", "13987654321"]]),
    )  # fmt: skip
    stock = {r["name"]: (r["quantity"], r["unit"], r["holder"]) for r in data["resources"]}
    assert stock["推车式灭火器"] == (8, "具", "仓储部")
    assert stock["消防水带"] == (12, "盘", "保卫科")
    people = {(c["name"], c["role"], c["phone"]) for c in data["contacts"]}
    assert ("沈佳伟", "仓储部经理", "13812345678") in people
    assert ("何勇", "保卫科科长", "13987654321") in people


def test_a_headed_table_keeps_its_header() -> None:
    data = _plan(
        ("h1", "6 联系方式"),
        ("table", [["职务", "姓名", "电话"], ["仓储部经理", "沈佳伟", "13812345678"]]),
    )  # fmt: skip
    assert [(c["name"], c["role"]) for c in data["contacts"]] == [("沈佳伟", "仓储部经理")]


def test_bare_level_label_with_labelled_fields_is_a_level_measures_split_at_commas() -> None:
    data = _plan(
        ("h1", "四、分级响应"),
        ("p", "Ⅱ级（厂区级）：启动条件：储罐区发生泄漏，厂内力量可以控制；指挥：生产副总，消防队到场后移交指挥；"
              "措施：关闭罐区进出料阀门，启动喷淋系统，疏散下风向人员。"),
        ("p", "Ⅰ级（社会级）：启动条件：泄漏物进入长江或造成人员死亡；指挥：总经理；措施：请求江阴市消防救援支队支援，"
              "通知沿江企业。"),
    )  # fmt: skip
    two = _level(data, "二级")
    assert two["name"] == "Ⅱ级（厂区级）"
    assert two["trigger"] == "储罐区发生泄漏，厂内力量可以控制"
    assert two["commander"] == "生产副总"
    assert two["actions"] == ["关闭罐区进出料阀门", "启动喷淋系统", "疏散下风向人员"]
    assert _level(data, "一级")["actions"] == ["请求江阴市消防救援支队支援", "通知沿江企业"]


def test_a_grading_paragraph_without_a_commander_field_is_no_level() -> None:
    data = _plan(
        ("h1", "1 总则"),
        ("p", "Ⅲ级：事故情形：轻微泄漏；影响范围：本车间。"),
    )
    assert data["response_levels"] == []


def test_post_table_after_a_duty_desk_fills_the_body_not_the_desk() -> None:
    data = _plan(
        ("h1", "二、应急组织机构"),
        ("p", "公司成立火灾事故应急指挥部，以总经理为总指挥。"),
        ("p", "应急指挥部下设调度中心，调度中心是应急指挥部的日常值守机构，负责接警和通知。"),
        ("p", "各应急岗位及职责见下表："),
        ("table", [["岗位", "担任人", "应急职责"], ["疏散引导员", "各楼层主管", "引导员工撤离；清点人数"]]),
    )  # fmt: skip
    hq = _unit(data, "火灾事故应急指挥部")
    assert ("疏散引导员", "各楼层主管") in [(r["title"], r["holder"]) for r in hq["roles"]]
    assert _unit(data, "调度中心")["roles"] == []


def test_a_duty_desk_described_before_its_duty_keeps_the_duty() -> None:
    data = _plan(
        ("h1", "二、应急组织机构"),
        ("p", "公司成立防汛防台应急指挥部，以总经理为总指挥。"),
        ("p", "应急指挥部下设值守中心，值守中心是指挥部的常设办事机构，汛期24小时值班，负责收集雨情、水情信息。"),
    )  # fmt: skip
    assert _unit(data, "值守中心")["duties"] == ["负责收集雨情、水情信息"]


def test_a_post_in_the_unit_column_of_a_contact_table_is_the_role() -> None:
    data = _plan(
        ("h1", "六、联系方式"),
        ("table", [["单位", "联系人", "电话"], ["副总指挥", "邵文杰", "13706161234"], ["澄南街道办事处", "值班室", "0510-86012345"]]),
    )  # fmt: skip
    people = {c["phone"]: (c["name"], c["role"], c["org"]) for c in data["contacts"]}
    assert people["13706161234"] == ("邵文杰", "副总指挥", "")
    assert people["0510-86012345"][2] == "澄南街道办事处"


def test_vhf_report_has_channel_vhf_and_falling_overboard_is_drowning() -> None:
    data = _plan(
        ("h1", "一、适用范围"),
        ("p", "本预案适用于本公司趸船作业时发生的船员落水事故。"),
        ("h1", "三、信息报告"),
        ("p", "值班水手发现险情后，立即通过VHF 16频道报告江阴海事局，并在10分钟内电话报告船长。"),
    )  # fmt: skip
    channels = {r["to"]: r["channel"] for r in data["reporting"]}
    assert channels.get("江阴海事局") == "VHF"
    assert "淹溺" in data["accident_types"]


def test_a_clause_paragraph_under_a_numbered_duty_heading_is_the_bodys_duties() -> None:
    data = _plan(
        ("h1", "2 组织机构及职责"),
        ("h2", "2.1 应急领导小组"),
        ("p", "组长：陆文华（总经理）；副组长：沈佳伟（仓储部经理）；成员：各部门负责人。"),
        ("h3", "2.1.1 领导小组职责"),
        ("p", "审批应急响应的启动；调度各部门人员和车辆；向澄南街道办事处报告。"),
    )  # fmt: skip
    group = next(u for u in data["org_units"] if u["name"].endswith("领导小组"))
    assert group["duties"] == ["审批应急响应的启动", "调度各部门人员和车辆", "向澄南街道办事处报告"]


def _boxed_rows(page: Any, rows: list[list[str]], top: float) -> None:
    """Draw each cell as its own box (as the corpus renderer and many exporters do) and write its text."""
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            box = (60 + c * 150, top + r * 24, 60 + (c + 1) * 150, top + (r + 1) * 24)
            page.draw_rect(box, color=(0, 0, 0), width=0.5)
            page.insert_text((box[0] + 4, box[1] + 16), text, fontname="china-s", fontsize=10)


def test_a_table_row_alone_on_the_next_page_continues_the_table() -> None:
    import pymupdf

    from plans.pdf_parser import parse_pdf

    doc = pymupdf.open()
    first = doc.new_page()
    first.insert_text((60, 60), "6.1 仓库联系人", fontname="china-s", fontsize=12)
    _boxed_rows(first, [["仓储部经理", "沈佳伟", "13812345678"], ["保卫科科长", "何勇", "13987654321"]], 760)
    second = doc.new_page()
    _boxed_rows(second, [["叉车班班长", "徐刚", "13706160001"]], 60)
    second.insert_text((60, 120), "6.2 外部联系电话", fontname="china-s", fontsize=12)
    blocks = parse_pdf(doc.tobytes()).blocks
    tables = [b.cells for b in blocks if b.kind == "table"]
    assert tables == [
        [
            ["仓储部经理", "沈佳伟", "13812345678"],
            ["保卫科科长", "何勇", "13987654321"],
            ["叉车班班长", "徐刚", "13706160001"],
        ]
    ]
