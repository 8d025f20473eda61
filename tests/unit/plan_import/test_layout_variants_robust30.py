"""Layout families from the plans-robust30 round, on small synthetic inputs worded differently from the
corpus: a body set up under a heading that names it by the short name the sentence gives it
("（以下简称…）" / "（简称…）"), so the heading, the full name and the short name are one body."""

from __future__ import annotations

from typing import Any

from tests.support.plan_draft import extract_blocks, numbered_blocks


def _org(*blocks: tuple[str, object]) -> dict[str, dict[str, Any]]:
    data = extract_blocks(numbered_blocks(("p", "江阴某某应急预案"), ("h1", "二、组织体系"), *blocks))
    return {u["name"]: u for u in data["org_units"]}


def test_a_heading_with_the_short_name_and_the_defining_sentence_are_one_body() -> None:
    units = _org(
        ("h2", "（一）园区应急指挥部"),
        ("p", "管委会成立江阴高新区危险化学品事故应急指挥部（以下简称园区指挥部），总指挥由管委会主任担任，"
              "副总指挥由分管副主任担任，成员由各部门负责人组成。"),
        ("h2", "（二）园区指挥部办公室"),
        ("p", "园区指挥部办公室设在安监局，由安监局局长兼任办公室主任。"),
    )  # fmt: skip
    full = "江阴高新区危险化学品事故应急指挥部"
    assert "园区应急指挥部" not in units
    assert [(r["title"], r["holder"]) for r in units[full]["roles"]] == [
        ("总指挥", "管委会主任"), ("副总指挥", "分管副主任"), ("成员", "各部门负责人"),
    ]  # fmt: skip
    assert units[full]["parent"] is None
    office = next(u for name, u in units.items() if name.endswith("办公室"))
    assert office["parent"] == full


def test_a_heading_that_the_short_name_abbreviates_is_the_same_body() -> None:
    # "村应急领导小组" over "…（简称村领导小组）": the short name drops a word of the heading
    units = _org(
        ("h2", "2.1 村应急领导小组"),
        ("p", "村委会成立长山村防汛防台应急领导小组（简称村领导小组），组长由村党总支书记担任，副组长由村主任担任。"),
    )  # fmt: skip
    full = "长山村防汛防台应急领导小组"
    assert set(units) == {full}
    assert [(r["title"], r["holder"]) for r in units[full]["roles"]] == [
        ("组长", "村党总支书记"), ("副组长", "村主任"),
    ]  # fmt: skip


def test_a_body_whose_short_name_is_not_the_heading_stays_under_it() -> None:
    # the heading's body sets up a different one: "现场指挥部" is not what "2.1 应急指挥部" names
    units = _org(
        ("h2", "2.1 应急指挥部"),
        ("p", "公司成立生产安全事故应急指挥部，总指挥由总经理担任。"),
        ("p", "事故发生后，应急指挥部设立事故现场指挥部（以下简称现场指挥部），指挥长由生产副总担任。"),
    )  # fmt: skip
    assert "事故现场指挥部" in units or "现场指挥部" in units
    hq = next(name for name in units if "现场" not in name)
    field = next(u for name, u in units.items() if "现场" in name)
    assert field["parent"] == hq
