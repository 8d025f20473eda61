"""Layout families from the plans-robust32 round, on small synthetic inputs worded differently from the
corpus: a 岗位 | 职责 table whose rows are bare titles, an organisation as a nested numbered list, levels
only in prose paragraphs, "姓名—职务—电话" contact lines, measures as 一是…二是…, reporting limits in words,
a team in running text with its kit after the head count."""

from __future__ import annotations

from tests.support.plan_draft import extract_blocks, numbered_blocks


def _data(*blocks: tuple[str, object]) -> dict:
    return extract_blocks(numbered_blocks(*blocks))


def _roles(data: dict, unit: str) -> dict[str, tuple[str | None, list[str]]]:
    found = next(u for u in data["org_units"] if u["name"] == unit)
    return {r["title"]: (r["holder"], r["duties"]) for r in found["roles"]}


def test_a_post_duty_table_of_bare_titles_puts_each_rows_duties_on_that_post() -> None:
    data = _data(
        ("p", "江阴某五金制品有限公司火灾事故专项应急预案"),
        ("h1", "2 应急组织机构及职责"),
        ("p", "公司成立火灾事故应急领导小组，由董事长任组长，分管生产的副总经理任副组长，各车间主任为组员。"),
        ("table", [["岗位", "职责"], ["组长", "宣布启动应急响应；调配救援力量"], ["副组长", "协助组长指挥现场"]]),
    )  # fmt: skip
    roles = _roles(data, "火灾事故应急领导小组")
    assert roles["组长"] == ("董事长", ["宣布启动应急响应", "调配救援力量"])
    assert roles["副组长"][1] == ["协助组长指挥现场"]
