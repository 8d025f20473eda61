"""A higher level's paragraph that builds on the level below ("在Ⅲ级响应的基础上") names that lower level
only as a reference: its commander is the higher level's, never the lower one's (planguide10 round; worded
unlike the corpus plan that revealed it)."""

from __future__ import annotations

from tests.support.plan_draft import extract_blocks, numbered_blocks


def _levels() -> dict[str, dict]:
    data = extract_blocks(
        numbered_blocks(
            ("p", "某街道危险化学品事故应急预案"),
            ("h1", "5　应急响应"),
            ("h2", "5.1　三级响应"),
            (
                "p",
                "发生危险化学品少量泄漏，企业无法自行控制时，启动三级响应。由街道应急办主任负责指挥，采取以下措施：",
            ),
            ("p", "（1）街道应急办派员赶赴现场；"),
            ("p", "（2）协调周边企业提供堵漏器材。"),
            ("h2", "5.2　二级响应"),
            (
                "p",
                "发生危险化学品大量泄漏或者火灾时，启动二级响应。由街道指挥部副指挥长负责指挥，在三级响应的基础上，采取以下措施：",
            ),
            ("p", "（1）成立现场指挥部；"),
            ("p", "（2）疏散下风向群众。"),
        )
    )
    return {r["level"]: r for r in data["response_levels"]}


def test_lower_level_keeps_its_own_commander() -> None:
    levels = _levels()
    assert levels["三级"]["commander"] == "街道应急办主任"
    assert levels["二级"]["commander"] == "街道指挥部副指挥长"
