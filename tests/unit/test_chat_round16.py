"""General chat rules found by compound dev 3 (chat-robust16), each tested on sentences that are not in
the eval set: a follow-up after a composed answer that changes one period, town or attribute; two
categories joined by 或; "最多的N家"; per-town counts of enterprises said with 分别; an inspection
negated after its noun or with 一次都; and tenants (承租, 租厂房) without a landlord named."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat import aggregate, compound
from agents.chat.answer import describe_filters
from agents.chat.composed_followup import echo, restate
from agents.chat.coverage import uncovered
from agents.chat.either import either_categories
from agents.chat.models import TurnState
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from agents.nlp.timeexpr import parse_time_range

TOWNS = Gazetteer.from_towns(
    ["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇", "璜土镇"]
)
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
NOW_MS = int(NOW.timestamp() * 1000)
MONTH_START = int(datetime(2026, 11, 1, tzinfo=CST).timestamp() * 1000)


def _composed(question: str) -> TurnState:
    return TurnState(question=question, key_kind="enterprise", composed=True)


# ---- a follow-up that changes one condition of a composed question ----------------------------------


@pytest.mark.parametrize(
    ("earlier", "follow_up", "restated"),
    [
        ("本月被罚过又有重大隐患没整改的机械企业", "那上个月呢", "上个月被罚过又有重大隐患没整改的机械企业"),
        (
            "今年被检查过、还有逾期隐患的加油站有几家",
            "改成前年的",
            "前年被检查过、还有逾期隐患的加油站有几家",
        ),
        ("上周被查过又被罚过的企业", "换成本周被罚的呢", None),  # one period for two events, the other unsaid
        (
            "今年被检查过但近30天没有被罚过的企业",
            "换成去年被检查的呢",
            "去年被检查过但近30天没有被罚过的企业",
        ),
        ("有重大危险源又被罚过的企业有几家", "只看B类的", "有重大危险源又被罚过的B类企业有几家"),
        ("有重大危险源又被罚过的冶金企业", "换成建材企业呢", "有重大危险源又被罚过的建材企业"),
        ("被罚过又有逾期隐患的纺织企业", "只要规上的", "被罚过又有逾期隐患的规上纺织企业"),
        ("被罚过又有逾期隐患的纺织企业", "那璜土的呢", "璜土镇被罚过又有逾期隐患的纺织企业"),
        ("城东街道被罚过又有逾期隐患的企业", "换成周庄", "周庄镇被罚过又有逾期隐患的企业"),
    ],
)
def test_one_condition_is_changed_in_the_earlier_question(
    earlier: str, follow_up: str, restated: str | None
) -> None:
    assert restate(follow_up, _composed(earlier), TOWNS) == restated


@pytest.mark.parametrize(
    "follow_up",
    ["那去年的重大隐患呢", "都是哪些", "它们的法人是谁", "其中哪些没被检查过", "这些企业在哪", "好的谢谢"],
)
def test_other_follow_ups_are_left_to_the_usual_handling(follow_up: str) -> None:
    assert restate(follow_up, _composed("今年被罚过又有逾期隐患的机械企业"), TOWNS) is None


def test_only_a_composed_turn_is_restated() -> None:
    template_turn = TurnState(question="今年被罚过的企业有哪些", intent="penalty_list", key_kind="enterprise")
    assert restate("换成去年呢", template_turn, TOWNS) is None
    assert restate("换成去年呢", None, TOWNS) is None


def test_the_answer_says_which_question_it_answered() -> None:
    assert "今年被罚过的机械企业" in echo("那今年呢", "今年被罚过的机械企业")
    assert echo("同一句", "同一句") == ""


# ---- two categories joined by 或 -----------------------------------------------------------------


def test_two_categories_joined_by_or_are_one_attribute_with_both_values() -> None:
    found = either_categories("机械或者建材企业里今年被罚过的")
    assert found is not None and found.categories == ["机械", "建材"]
    assert len(found.text) == len("机械或者建材企业里今年被罚过的") and "机械" not in found.text
    assert either_categories("华士或者周庄的企业") is None  # two towns: not categories
    assert either_categories("罚款3次或以上的企业") is None


def _plan(question: str) -> compound.Plan | None:
    slots = extract_slots(question, TOWNS)
    intent = route(question, slots).intent
    assert intent is not None
    missing = uncovered(question, slots, intent, towns=len({t for _, t in TOWNS.find(question)}))
    return compound.plan(question, slots, missing, TOWNS, NOW_MS, parse_time_range)


def test_the_planner_filters_on_both_categories() -> None:
    p = _plan("医药或者一般化工企业中有重大危险源又被罚过的有哪些")
    assert p is not None and p.attributes["category_group"] == ["医药", "一般化工"]
    assert "category" not in p.attributes
    assert describe_filters({"category_group": ["医药", "一般化工"]}) == "医药或一般化工"


def test_the_aggregation_step_filters_on_both_categories() -> None:
    question = "建材或机械企业中罚款最多的前两家"
    p = aggregate.plan(question, extract_slots(question, TOWNS), TOWNS, NOW_MS, parse_time_range)
    assert p is not None and p.attributes["category_group"] == ["建材", "机械"] and p.top == 2


# ---- rankings and per-town counts -----------------------------------------------------------------


def test_the_number_after_a_superlative_is_the_top_n() -> None:
    question = "冶金企业里离线传感器最多的五家"
    p = aggregate.plan(question, extract_slots(question, TOWNS), TOWNS, NOW_MS, parse_time_range)
    assert p is not None and p.top == 5


def test_per_town_enterprise_counts_said_with_fenbie_are_composed() -> None:
    p = _plan("各镇街高新技术企业里被罚过的分别有多少家")
    assert p is not None and p.final == "enterprise_count_by_town"


# ---- an inspection negated after its noun, or with 一次都 -----------------------------------------------


@pytest.mark.parametrize(
    "question", ["城东街道的医药企业，本月检查也没有过的有几家", "本月一次也没被检查过的纺织企业有哪些"]
)
def test_never_inspected_in_a_period(question: str) -> None:
    p = _plan(question)
    assert p is not None
    (inspection,) = p.conditions
    assert inspection.intent == "inspection_list" and inspection.negated
    assert inspection.values["from_ms"] == MONTH_START


# ---- tenants without a landlord named ---------------------------------------------------------------


def test_tenant_words_mean_every_tenant() -> None:
    p = _plan("青阳镇在租别人厂房的企业里，有逾期隐患的是哪些")
    assert p is not None
    assert [c.intent for c in p.conditions] == ["lease_tenants", "overdue_hazards"]


def test_landlord_words_without_a_landlord_mean_the_landlord_firms() -> None:
    # refused until compound round 4, which made the landlord firms a set (lessor_list, agents.chat.lease_sides)
    p = _plan("青阳镇出租厂房给别人的企业里，有逾期隐患的是哪些")
    assert p is not None
    assert [c.intent for c in p.conditions] == ["lessor_list", "overdue_hazards"]
