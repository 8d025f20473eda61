"""General chat rules found by held-out 33 (chat-robust18: counts, comparisons with the last period,
hazards being rectified, firms named …化学品, drills not held, equipment said first, places the graph
does not hold), each tested on sentences that are not in the eval set."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from agents.chat import compound, versus
from agents.chat.coverage import uncovered
from agents.chat.equipment_items import items_first
from agents.chat.models import ChatAnswer, TurnState
from agents.chat.places import unknown_place
from agents.chat.records import record_slots
from agents.chat.router import route
from agents.chat.slots import Gazetteer, enterprise_mention, extract_slots
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range
from core.scope import Principal

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "申港街道", "璜土镇"]
)
NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
YEAR_START = int(datetime(2026, 1, 1, tzinfo=CST).timestamp() * 1000)


# ---- hazards still being rectified ------------------------------------------------------------------
def test_still_being_rectified_is_the_in_progress_status() -> None:
    s = extract_slots("璜土镇还在整改的重大隐患有哪些", TOWNS)
    assert s.hazard_status == "整改中" and not s.open_only
    still_open = extract_slots("璜土镇还没整改的重大隐患有哪些", TOWNS)
    assert still_open.hazard_status is None and still_open.open_only  # both open statuses, as before


# ---- a firm whose name ends in 化学品 ----------------------------------------------------------------
def test_a_trade_name_ending_in_huaxuepin_is_the_firm() -> None:
    assert enterprise_mention("顺达化学品的法人是谁") == ("顺达化学品", True)
    assert enterprise_mention("华澄化学品还有几条隐患没整改") == ("华澄化学品", True)


def test_chemicals_said_after_a_firm_or_as_a_category_are_no_name() -> None:
    assert enterprise_mention("澄星化工存了哪些化学品") == ("澄星化工", True)
    category = enterprise_mention("全市危险化学品企业有几家")  # at most a weak guess, used only when found
    assert category is None or not category[1]
    found = enterprise_mention("嘉汇的化学品有哪些")
    assert found is None or "化学品" not in found[0]


def test_a_firm_named_huaxuepin_asked_about_hazards_is_no_chemicals_question() -> None:
    s = extract_slots("顺达化学品还有没整改完的隐患吗", TOWNS)
    assert route("顺达化学品还有没整改完的隐患吗", s, has_enterprise=True).intent == "hazard_list"


def test_what_a_firm_keeps_in_its_store_is_its_chemicals_not_a_warehouse() -> None:
    q = "澄星化工库房里存了哪些危化品"
    assert route(q, extract_slots(q, TOWNS), has_enterprise=True).intent == "enterprise_chemicals"
    near = "澄星化工最近的应急仓库"
    assert route(near, extract_slots(near, TOWNS), has_enterprise=True).intent == "nearest_resources"


# ---- rescue equipment said before the teams ---------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "items"),
    [
        ("抛投器，哪支救援队手上有", ["抛投器"]),
        ("负压救护车在哪个队", ["负压救护车"]),
        ("排烟机和移动消防炮都有的是哪些队伍", ["排烟机", "移动消防炮"]),
        ("堵漏器材组哪个队伍那边有", ["堵漏器材组"]),
    ],
)
def test_items_said_first(question: str, items: list[str]) -> None:
    assert items_first(question) == items


@pytest.mark.parametrize("question", ["华士镇有哪些救援队", "城东哪个消防队", "最近的是哪支队伍"])
def test_a_team_list_names_no_item(question: str) -> None:
    assert items_first(question) == []


def test_two_items_fill_both_equipment_slots() -> None:
    found = record_slots("排烟机和移动消防炮都有的是哪些队伍")
    assert found["equipment"] == "排烟机" and found["equipment_also"] == "移动消防炮"
    q = "负压救护车在哪个队"
    assert route(q, extract_slots(q, TOWNS)).intent == "team_equipment"


# ---- drills not held: the complement ---------------------------------------------------------------
def _plan(question: str) -> compound.Plan | None:
    slots = extract_slots(question, TOWNS)
    intent = route(question, slots).intent
    assert intent is not None
    missing = uncovered(question, slots, intent, towns=len({t for _, t in TOWNS.find(question)}))
    return compound.plan(question, slots, missing, TOWNS, NOW_MS, parse_time_range)


@pytest.mark.parametrize(
    "question",
    [
        "周庄镇今年没有组织过演练的企业有几家",
        "今年演练一次都没搞过的企业，璜土镇有哪些",
        "今年没开展过应急演练的单位",
    ],
)
def test_enterprises_without_a_drill_in_a_period(question: str) -> None:
    p = _plan(question)
    assert p is not None
    (drill,) = p.conditions
    assert drill.intent == "drill_list" and drill.negated and drill.id_column == "holder_id"
    assert drill.values["from_ms"] == YEAR_START


# ---- a road or site the graph does not hold ------------------------------------------------------------
def test_a_road_or_site_without_a_town_is_named_back() -> None:
    assert (
        unknown_place("和平路附近有没有特殊作业", extract_slots("和平路附近有没有特殊作业", TOWNS))
        == "和平路"
    )
    q = "江阴汽车站最近的消防队"
    assert unknown_place(q, extract_slots(q, TOWNS)) == "江阴汽车站"


@pytest.mark.parametrize("question", ["申港路上今天有没有吊装", "道路运输企业有几家", "华士镇线路检修作业"])
def test_roads_with_a_town_and_plain_words_are_no_unknown_place(question: str) -> None:
    assert unknown_place(question, extract_slots(question, TOWNS)) is None


# ---- 多了还是少了 --------------------------------------------------------------------------------------
def test_a_comparison_is_split_from_the_quantity() -> None:
    assert versus.comparison("城东本月罚款和上个月相比是多了还是少了") == ("城东本月罚款", "上个月")
    assert versus.comparison("华士镇这周的报警比上周多还是少") == ("华士镇这周的报警", "上周")
    assert versus.comparison("和上周比呢") is None  # the earlier period's figure only (chat-robust15)


def _fake_ask(counts: dict[str, int]) -> versus.Answer:
    def ask(
        text: str, principal: Principal, previous: TurnState | None, use_llm: bool
    ) -> tuple[ChatAnswer, Any]:
        rows = [{"n": n} for period, n in counts.items() if period in text]
        return ChatAnswer(answer="…", path="template", intent="hazard_count", rows=rows), TurnState(
            question=text
        )

    return ask


def test_both_periods_are_asked_and_set_side_by_side() -> None:
    principal = Principal(user_id="t")
    result, state = versus.answer(_fake_ask({"本月": 12, "上个月": 20}), "华士镇本月新增隐患和上个月比多了还是少了",
                                  principal, None, False)  # fmt: skip
    assert result.rows == [{"period": "本月", "n": 12}, {"period": "上个月", "n": 20}]
    assert "少了 8" in result.answer and state is not None and state.question == "华士镇本月新增隐患"


def test_a_follow_up_compares_the_previous_question() -> None:
    previous = TurnState(question="周庄镇上周发现了多少条隐患", intent="hazard_count")
    result, _ = versus.answer(_fake_ask({"上周": 7, "本周": 7}), "跟本周比是多了还是少了", Principal(user_id="t"),
                              previous, False)  # fmt: skip
    assert [r["n"] for r in result.rows] == [7, 7] and "持平" in result.answer


def test_a_count_row_gives_its_sum_when_money_is_asked() -> None:
    row = ChatAnswer(answer="", path="template", rows=[{"n": 3, "amount_yuan": 45000.0}])
    assert versus.value(row, "上个月罚了多少钱") == 45000.0 and versus.value(row, "上个月罚了几次") == 3
    listed = ChatAnswer(answer="", path="template", rows=[{"id": "E-1"}, {"id": "E-2"}])
    assert versus.value(listed, "本周报警") == 2


def test_a_drill_not_held_combines_with_another_condition() -> None:
    p = _plan(
        "近两年没搞过应急演练、有重大危险源的企业"
    )  # round 9 left this to the fallback: no drill template
    assert p is not None
    assert {(c.intent, c.negated) for c in p.conditions} == {
        ("drill_list", True),
        ("hazard_source_enterprises", False),
    }
