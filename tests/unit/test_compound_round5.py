"""General chat rules of compound round 5, each tested on sentences that are not in the eval set
(compound_holdout5): a time said between two separators goes with the condition after it; 或 between two
conditions is a union; a follow-up replaces one value of the question before it; insurance, environmental
permits and work injuries are data the graph lacks."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat import compound, compound_run
from agents.chat.composed_followup import PERIOD, restate
from agents.chat.coverage import uncovered
from agents.chat.either_conditions import either_group, or_between
from agents.chat.models import TurnState
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from agents.chat.unanswerable import unanswerable
from agents.chat.value_swap import swapped
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope
from tests.unit.test_chat_compound import FakeStore, _ent

TOWNS = Gazetteer.from_towns(["澄江街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇", "璜土镇"])
NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)
YEAR_START = int(datetime(2026, 1, 1, tzinfo=CST).timestamp() * 1000)
MONTH_START = int(datetime(2026, 11, 1, tzinfo=CST).timestamp() * 1000)


def _plan(question: str) -> compound.Plan | None:
    slots = extract_slots(question, TOWNS)
    decision = route(question, slots, has_enterprise=False)
    assert decision.intent is not None
    missing = uncovered(question, slots, decision.intent)
    return compound.plan(question, slots, missing, TOWNS, NOW_MS, parse_time_range)


def _steps(p: compound.Plan | None) -> list[tuple[str, bool]]:
    assert p is not None
    return [(c.intent, c.negated) for c in p.conditions]


# ---- a time between two separators belongs to the next condition ------------------------------------


def test_a_time_before_a_second_conjunction_word_goes_with_the_next_condition() -> None:
    p = _plan("有四级重大危险源、本月又被执法检查过的企业是哪些")
    assert _steps(p) == [("hazard_source_enterprises", False), ("inspection_list", False)]
    assert p is not None
    source, inspection = p.conditions
    assert "from_ms" not in source.values and inspection.values["from_ms"] == MONTH_START


def test_three_conditions_with_a_time_before_又_are_all_composed() -> None:
    p = _plan("传感器有掉线的、今年还被罚过款，并且有重大隐患没整改的企业有几家")
    assert _steps(p) == [("sensors_offline", False), ("penalty_list", False), ("hazard_list", False)]
    assert p is not None and p.final == "enterprise_count"
    assert p.conditions[1].values["from_ms"] == YEAR_START


# ---- 或 between two conditions ------------------------------------------------------------------------


def test_or_between_two_conditions_makes_them_alternatives() -> None:
    p = _plan("周庄镇有摄像头离线或者今年被检查过的企业有哪些")
    assert _steps(p) == [("cameras_offline", False), ("inspection_list", False)]
    assert p is not None and p.either == (0, 1) and p.attributes["town"] == "周庄镇"


def test_or_inside_one_condition_is_no_union() -> None:
    assert or_between("存有液氨或者液氯的企业", []) == []
    hits = [(0, 3, "重大危险源"), (8, 10, "行政处罚")]
    assert or_between("二级或三级重大危险源", hits[:1]) == []
    assert either_group(hits, [(5, 7)]) == (0, 1)
    assert either_group([(0, 2, "a"), (4, 6, "b"), (9, 11, "c"), (14, 16, "d")], [(2, 3), (12, 13)]) is None


def test_a_union_is_intersected_with_the_other_conditions_and_said_as_either() -> None:
    store = FakeStore({
        "hazard_source_enterprises": [{"id": e} for e in ("E1", "E2", "E3")],
        "penalty_list": [{"enterprise_id": "E1"}],
        "hazard_list": [{"enterprise_id": e} for e in ("E2", "E4")],
        "enterprise_list": _ent("E1", "E2"),
    })  # fmt: skip
    p = _plan("有重大危险源的企业当中，被处罚过或者还有重大隐患没整改的是哪些")
    assert _steps(p) == [
        ("hazard_source_enterprises", False),
        ("penalty_list", False),
        ("hazard_list", False),
    ]
    assert p is not None and p.either == (1, 2)
    done = compound_run.run_plan(p, DataScope(), store, NOW_MS)
    assert done.ids == ["E1", "E2"]  # E3 meets neither alternative, E4 has no hazard source
    answer, _ = compound_run.reply("q", done)
    assert answer.query == "hazard_source_enterprises ∩ (penalty_list ∪ hazard_list) → enterprise_list"
    assert "满足其一" in answer.answer and "同时满足" not in answer.answer


def test_a_negated_alternative_is_not_composed() -> None:
    assert _plan("从没被检查过或者有逾期隐患的企业有哪些") is None


# ---- a follow-up replaces one value -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "follow_up", "restated"),
    [
        (
            "有四级重大危险源而且有逾期隐患的企业有几家",
            "把四级换成二级看看",
            "有二级重大危险源而且有逾期隐患的企业有几家",
        ),
        ("本月被检查过、又有重大隐患的企业", "统计时间换成上个月", "上个月被检查过、又有重大隐患的企业"),
        ("华士镇上周被罚过的纺织企业", "将华士镇改为青阳镇吧", "青阳镇上周被罚过的纺织企业"),
        (
            "本月被检查过、又有重大隐患的企业",
            "把重大换成逾期没整改的",
            None,
        ),  # another condition: a new question
        ("今年被检查过、去年又被罚过的企业", "时间改成上个月", None),  # two periods: which one?
        ("华士镇有逾期隐患的企业", "把澄江换成周庄", None),  # not said before
        ("那些今年被罚过的企业", "那换成去年呢", None),  # a lead word is no old value
    ],
)
def test_a_follow_up_replaces_one_value(earlier: str, follow_up: str, restated: str | None) -> None:
    assert swapped(follow_up, earlier, PERIOD) == restated


def test_a_replaced_value_restates_the_earlier_question_for_the_planner() -> None:
    before = TurnState(question="有四级重大危险源、今年又被处罚过的企业", composed=True)
    again = restate("把四级改成三级呢", before, TOWNS)
    assert again == "有三级重大危险源、今年又被处罚过的企业"
    p = _plan(again)
    assert p is not None and p.conditions[0].values["mhs_level"] == 3


# ---- data the graph does not hold ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("哪些有重大危险源的企业还没投保安责险", "保险"),
        ("排污许可证过期的企业有几家", "环保手续"),
        ("今年出过职业病的化工企业", "工伤"),
    ],
)
def test_insurance_permits_and_injuries_are_declined_naming_them(question: str, missing: str) -> None:
    reply = unanswerable(question)
    assert reply is not None and missing in reply


@pytest.mark.parametrize("question", ["江阴市润德环保科技有限公司有几条隐患", "环保设备厂有哪些"])
def test_a_firm_named_环保_is_not_declined(question: str) -> None:
    assert unanswerable(question) is None
