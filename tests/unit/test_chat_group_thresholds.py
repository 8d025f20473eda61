"""Per-group counts cut by a bound (chat round 39, chat-2813's family): "风险点超过100个的镇街",
"纺织企业十家以上的镇街" — each town's number against the bound, from template rows. Sentences are not
the eval lines."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat import aggregate
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range

TOWNS = Gazetteer.from_towns(["华士镇", "月城镇", "云亭街道", "临港经济开发区"])
NOW_MS = int(datetime(2026, 11, 26, 22, 0, tzinfo=CST).timestamp() * 1000)


def _plan(question: str) -> aggregate.AggregatePlan | None:
    return aggregate.plan(question, extract_slots(question, TOWNS), TOWNS, NOW_MS, parse_time_range)


@pytest.mark.parametrize(
    ("question", "intent", "threshold"),
    [
        ("风险点超过80个的镇街有哪些", "risk_points", (">", 80.0)),
        ("逾期隐患不少于十条的镇街", "overdue_hazards", (">=", 10.0)),
        ("企业数量超过70家的镇街", "enterprise_list", (">", 70.0)),
        ("化工企业三家以上的镇街有哪些", "enterprise_list", (">=", 3.0)),
    ],
)
def test_a_bound_on_each_towns_number(question: str, intent: str, threshold: tuple[str, float]) -> None:
    got = _plan(question)
    assert got is not None and got.group == "town" and got.measure.intent == intent
    assert got.threshold == threshold and got.top is None


def test_firms_counted_per_town_keep_the_category_said() -> None:
    got = _plan("化工企业三家以上的镇街有哪些")
    assert got is not None and got.measure.values.get("category_group")  # 化工: the hazardous-chemicals group
    assert aggregate.counted_intent(got) == "enterprise_count_by_town"


@pytest.mark.parametrize(
    "question",
    [
        "罚款超过3万元的镇街",  # one penalty or the town's total? not guessed
        "隐患超过5条的企业最多的镇街",  # a bound on each firm, then a ranking of towns
        "企业数最多的镇街",  # no bound: the enterprise_count_by_town template's question
    ],
)
def test_what_is_not_a_bound_on_the_group_is_not_planned_so(question: str) -> None:
    got = _plan(question)
    assert got is None or got.threshold is None or got.group == "enterprise"
