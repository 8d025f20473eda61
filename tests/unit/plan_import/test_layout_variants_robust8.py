"""Layout families from the plans-robust7 held-out pair, one rule each on small synthetic inputs: a
response level named by its accident class and a colon (trigger, commander and measures in one
paragraph), a bare 办公室 set up by a body ("X下设办公室"), per-person duty lists under "<title>：<holder>"
header lines, an inline contact whose post is named after its department, counters and protective
gear in running-text stock, and a time limit that governs no report."""

from __future__ import annotations

from tests.support.plan_draft import org_unit as _unit
from tests.unit.plan_import.test_layout_variants_robust7 import run


def test_a_level_named_by_its_accident_class_carries_trigger_commander_and_measures() -> None:
    draft = run([
        "一、应急响应",
        "（1）较大事故：造成2人以上死亡的事故。由副主任在上级统一领导下组织指挥。主要措施：封闭道路；疏散群众。",
        "（2）一般事故：造成1人死亡的事故。由值班领导组织指挥。主要措施：派员赶赴现场。",
    ])  # fmt: skip
    levels = {lv["level"]: lv for lv in draft.data["response_levels"]}
    assert levels["三级"]["name"] == "较大事故"
    assert levels["三级"]["trigger"] == "造成2人以上死亡的事故"
    assert levels["三级"]["commander"] == "副主任"
    assert levels["三级"]["actions"] == ["封闭道路", "疏散群众"]
    assert (levels["四级"]["commander"], levels["四级"]["actions"]) == ("值班领导", ["派员赶赴现场"])


def test_an_accident_grading_paragraph_without_a_commander_is_no_level() -> None:
    draft = run(["一、总则", "（1）较大事故：造成2人以上死亡的事故。", "（2）一般事故：造成1人死亡的事故。"])
    assert draft.data["response_levels"] == []


def test_a_bare_office_is_named_after_the_body_that_sets_it_up() -> None:
    draft = run([
        "二、组织机构",
        "区成立某某事故应急指挥部（以下简称区指挥部），总指挥由区长担任。",
        "区指挥部下设办公室，设在区应急局，办公室主任由区应急局局长兼任。办公室职责：接收信息；组织演练。",
    ])  # fmt: skip
    office = _unit(draft, "区指挥部办公室")
    assert office["parent"] == "某某事故应急指挥部"
    assert office["roles"] == [{"title": "主任", "holder": "区应急局局长", "duties": []}]
    assert office["duties"] == ["接收信息", "组织演练"]
    assert [r["title"] for r in _unit(draft, "某某事故应急指挥部")["roles"]] == ["总指挥"]


def test_per_person_duty_lists_go_on_the_role_a_header_line_names() -> None:
    draft = run([
        "2 应急职责",
        "车间成立泄漏处置小组，组长由车间主任担任，成员为操作工、维修工及化验员。",
        "组长：车间主任",
        "1.赶赴现场指挥；",
        "2.决定疏散范围。",
        "成员：维修工",
        "1.关闭进料阀门。",
        "成员：化验员",
        "1.检测现场浓度。",
        "3 处置程序",
    ])  # fmt: skip
    roles = [(r["title"], r["holder"], r["duties"]) for r in _unit(draft, "泄漏处置小组")["roles"]]
    assert roles == [
        ("组长", "车间主任", ["赶赴现场指挥", "决定疏散范围"]),
        ("成员", "操作工", []),
        ("成员", "维修工", ["关闭进料阀门"]),
        ("成员", "化验员", ["检测现场浓度"]),
    ]
    assert _unit(draft, "泄漏处置小组")["duties"] == []


def test_an_inline_post_named_after_its_department_is_the_role() -> None:
    draft = run(["5 联系方式", "生产部主任王小明手机：13900000001；质检科科长李四手机：13900000002。"])
    contacts = {c["phone"]: (c["name"], c["role"], c["org"]) for c in draft.data["contacts"]}
    assert contacts["13900000001"] == ("王小明", "生产部主任", "")
    assert contacts["13900000002"] == ("李四", "科长", "质检科")  # the post repeats the unit's kind


def test_running_text_stock_counts_rods_and_lamps_and_protective_gear_is_equipment() -> None:
    draft = run(["4 应急物资", "泵房内配备防滑手套6副、操作杆3根和应急灯5盏，由泵房班长负责保管。"])
    stock = {r["name"]: (r["type"], r["quantity"], r["unit"], r["holder"]) for r in draft.data["resources"]}
    assert stock == {
        "防滑手套": ("装备", 6.0, "副", "泵房班长"),
        "操作杆": ("装备", 3.0, "根", "泵房班长"),
        "应急灯": ("装备", 5.0, "盏", "泵房班长"),
    }


def test_a_time_limit_that_governs_no_report_is_no_rule() -> None:
    draft = run(["3 应急处置", "发现险情后，现场人员立即呼救，并立即报告班长。"])
    assert draft.data["reporting"] == [{"time_limit_minutes": 0, "to": "班长", "channel": None}]
