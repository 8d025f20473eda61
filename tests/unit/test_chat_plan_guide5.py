"""Planguide5 round: plan and incident questions at a road or site the graph does not hold still reach
``plan_for`` (the unknown-place refusal is for records questions placed there)."""

from __future__ import annotations

import pytest

from agents.chat.places import unknown_place
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question

TOWNS = Gazetteer.from_towns(["华士镇", "周庄镇", "申港街道", "澄江街道"])


@pytest.mark.parametrize(
    "question",
    [
        "沿江高速上一辆油罐车侧翻起火，先做什么",
        "人民路上一辆货车撞倒了骑车的人，按什么预案处置",
        "小朋友上学路上被电动车撞了，有没有对应的预案",
        "中山公园发生踩踏事故了，谁指挥",
    ],
)
def test_a_plan_question_at_a_road_the_graph_lacks_is_routed_not_refused(question: str) -> None:
    slots = extract_slots(question, TOWNS)
    assert unknown_place(question, slots) is None
    assert route(normalise_question(question), slots).intent == "plan_for"


@pytest.mark.parametrize("question,place", [("滨江大道附近有什么危险源", "滨江大道"), ("和平路上有几家加油站", "和平路")])
def test_a_records_question_at_such_a_road_is_still_named_back(question: str, place: str) -> None:
    assert unknown_place(question, extract_slots(question, TOWNS)) == place
