"""Layout families from the plans-robust28 round, one rule each on small synthetic inputs worded differently
from the corpus: a 签发日期 on a cover that also has a sign-off table, a level's "响应负责人：" line, a heading
that names a body by its tier over the sentence that sets the body up, a tier body that "接受X指挥", an arrow
chain whose steps carry their time limit in a bracket after the recipient."""

from __future__ import annotations

from typing import Any

from plans.outline_text import arrow_steps
from tests.support.plan_draft import extract_blocks, numbered_blocks


def test_the_signing_date_is_the_issue_date_not_a_sign_off_cell() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某纺织有限公司触电事故专项应急预案"),
            ("table", [["编制", "审核", "批准"], ["张三", "李四", "王五"], ["2024年3月2日", "2024年3月9日", "2024年3月15日"]]),
            ("p", "签发日期：2024年3月20日"),
            ("h1", "1 总则"),
            ("p", "为做好触电事故应急处置，制定本预案。"),
        )
    )  # fmt: skip
    assert data["issued_at"] == "2024-03-20"
    dated = extract_blocks(
        numbered_blocks(
            ("p", "江阴某纺织有限公司触电事故专项应急预案"),
            ("p", "江阴某纺织有限公司　2024年4月8日签发"),
            ("h1", "1 总则"),
            ("p", "为做好触电事故应急处置，制定本预案。"),
        )
    )
    assert dated["issued_at"] == "2024-04-08"


def test_the_one_in_charge_of_a_response_is_its_commander() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某仓储有限公司火灾事故专项应急预案"),
            ("h1", "4 应急响应"),
            ("h2", "4.1 一级响应"),
            ("p", "启动条件：仓库整体过火或有人员被困。"),
            ("p", "处置负责人：公司总经理"),
            ("p", "处置措施：全员疏散；请求消防支援"),
        )
    )
    level = next(r for r in data["response_levels"] if r["level"] == "一级")
    assert level["commander"] == "公司总经理"
    assert level["trigger"] == "仓库整体过火或有人员被困"


def test_a_heading_naming_the_body_by_its_tier_gives_way_to_the_name_it_is_set_up_under() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某印染有限公司泄漏事故专项应急预案"),
            ("h1", "2 应急组织机构及职责"),
            ("h2", "2.1 厂级应急领导小组"),
            ("p", "公司成立泄漏事故应急领导小组，组长由总经理担任。"),
            ("h2", "2.2 车间级处置小组"),
            ("p", "各车间成立车间级处置小组，组长：车间主任。"),
            ("h2", "2.3 岗位处置组"),
            ("p", "各岗位设岗位处置组，服从车间级处置小组的统一指挥。组长：当班班长。"),
        )
    )
    units = {u["name"]: u for u in data["org_units"]}
    assert "泄漏事故应急领导小组" in units and "厂级应急领导小组" not in units
    assert units["车间级处置小组"]["parent"] == "泄漏事故应急领导小组"
    assert units["岗位处置组"]["parent"] == "车间级处置小组"  # the text puts it one step lower


def test_a_sibling_heading_without_an_order_clause_stays_beside_the_others() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某印染有限公司泄漏事故专项应急预案"),
            ("h1", "2 应急组织机构及职责"),
            ("h2", "2.1 应急领导小组"),
            ("p", "公司成立应急领导小组，组长由总经理担任。"),
            ("h2", "2.2 抢险组"),
            ("p", "抢险组由设备部组成，负责堵漏。"),
            ("h2", "2.3 警戒组"),
            ("p", "警戒组由保卫部组成，负责警戒，配合抢险组指挥交通。"),
        )
    )
    units = {u["name"]: u for u in data["org_units"]}
    assert units["警戒组"]["parent"] == "应急领导小组"  # "配合抢险组" is no chain of command


def test_an_arrow_chain_with_the_limit_after_each_recipient_is_one_report_per_step() -> None:
    assert arrow_steps("岗位人员→值班班长（立即）→生产部经理（15分钟内）→厂长（30分钟内电话）。") == (
        "岗位人员；立即报告值班班长；15分钟内报告生产部经理；30分钟内电话报告厂长。"
    )
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某化工有限公司中毒事故专项应急预案"),
            ("h1", "3 信息报告"),
            ("p", arrow_steps("岗位人员→值班班长（立即）→生产部经理（15分钟内）→厂长（30分钟内电话）。")),
        )
    )
    rules = {(r["time_limit_minutes"], r["to"], r["channel"]) for r in data["reporting"]}
    assert {(0, "值班班长", None), (15, "生产部经理", None), (30, "厂长", "电话")} <= rules
    # an arrow chain without any time limit is the order of reporting, left as written
    assert arrow_steps("发现人→班组长→车间主任") == "发现人→班组长→车间主任"


def test_a_post_column_or_a_leaders_charge_column_is_not_the_contacts_unit() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某建材有限公司生产安全事故综合应急预案"),
            ("h1", "6 应急联系方式"),
            ("table", [["应急职务", "姓名", "单位及职务", "联系电话"], ["总指挥", "周强", "厂长", "13900000001"]]),
            ("table", [["职务", "姓名", "分管部门", "手机"], ["副院长", "孙琳", "医务科、护理部", "13900000002"]]),
            ("table", [["职务", "姓名", "部门", "手机"], ["安全员", "钱进", "安全科", "13900000003"]]),
        )
    )  # fmt: skip
    by_phone = {c["phone"]: c for c in data["contacts"]}
    assert (by_phone["13900000001"]["role"], by_phone["13900000001"]["org"]) == ("总指挥", "")
    assert (by_phone["13900000002"]["role"], by_phone["13900000002"]["org"]) == ("副院长", "")
    assert by_phone["13900000003"]["org"] == "安全科"  # a plain 部门 column still is the unit


def _tree_plan(*lines: str) -> dict[str, dict[str, Any]]:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某物流有限公司生产安全事故综合应急预案"),
            ("h1", "2 组织机构及职责"),
            ("p", "组织机构图如下："),
            *(("p", line) for line in lines),
            ("h2", "2.1 应急领导小组"),
            ("p", "公司成立应急领导小组，组长由总经理担任。"),
            *(
                item
                for n, body in enumerate(("安全办公室", "现场指挥部", "灭火组", "疏散组", "救护组"), start=2)
                for item in (("h2", f"2.{n} {body}"), ("p", f"{body}负责本专业应急工作。"))
            ),
        )
    )
    return {u["name"]: u for u in data["org_units"]}


def test_a_text_tree_places_each_body_under_the_node_it_hangs_from_even_without_indentation() -> None:
    units = _tree_plan(
        "应急领导小组", "├─ 安全办公室", "└─ 现场指挥部", "├─ 灭火组", "├─ 疏散组", "└─ 救护组"
    )
    assert units["安全办公室"]["parent"] == "应急领导小组"
    assert {units[g]["parent"] for g in ("灭火组", "疏散组", "救护组")} == {"现场指挥部"}


def test_a_text_tree_with_bars_and_a_category_node() -> None:
    units = _tree_plan(
        "应急领导小组",
        "├─ 现场指挥部",
        "│　├─ 灭火组",
        "│　└─ 疏散组",
        "├─ 专业小组",  # a category: its items hang from the body above it
        "│　└─ 救护组",
        "└─ 安全办公室",
    )
    assert units["灭火组"]["parent"] == units["疏散组"]["parent"] == "现场指挥部"
    assert units["救护组"]["parent"] == "应急领导小组"
    assert units["安全办公室"]["parent"] == "应急领导小组"


def test_the_keeper_clause_after_listed_shelters_is_no_shelter() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "璜土镇地质灾害应急预案"),
            ("h1", "5 应急保障"),
            ("p", "镇应急避难场所设在璜土中学操场和石庄村文化广场，由镇社会事业局负责管理。"),
        )
    )
    shelters = {(r["name"], r["holder"]) for r in data["resources"] if r["type"] == "避难场所"}
    assert shelters == {("璜土中学操场", "镇社会事业局"), ("石庄村文化广场", "镇社会事业局")}


def test_first_aid_kits_barrier_tape_and_fire_blankets_are_stock() -> None:
    from plans.rules_resources import resource_type

    assert [resource_type(n) for n in ("急救包", "医用药箱", "警示带", "灭火毯")] == ["物资"] * 4
    assert resource_type("急救车") == "装备"  # a vehicle stays equipment


def test_a_line_announcing_the_organisation_chart_is_no_duty() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某电子有限公司生产安全事故综合应急预案"),
            ("h1", "2 应急组织机构及职责"),
            ("p", "公司成立应急救援指挥部，下设抢险组和疏散组。组织体系见下图："),
            ("p", "指挥部职责：组织开展事故救援；协调外部支援。"),
        )
    )
    hq = next(u for u in data["org_units"] if u["name"] == "应急救援指挥部")
    assert hq["duties"] == ["组织开展事故救援", "协调外部支援"]  # "组织开展…" is still a duty


def test_stock_counted_by_length_is_a_resource_a_distance_is_not() -> None:
    data = extract_blocks(
        numbered_blocks(
            ("p", "江阴某热电有限公司高处坠落现场处置方案"),
            ("h1", "4 应急物资"),
            ("p", "现场配有安全绳50米、消防水带100米，由运行班长负责保管。疏散距离不少于300米。"),
        )
    )
    stock = {(r["name"], r["quantity"], r["unit"], r["holder"]) for r in data["resources"]}
    assert stock == {("安全绳", 50, "米", "运行班长"), ("消防水带", 100, "米", "运行班长")}
