"""General chat rules found by probing the demo city with questions typed fresh (2026-11-26), each
tested here on other sentences: a three-character town clipped to two, a list of penalties asked with
their amounts, the complement of the routed template's own subject, registration fields said of a set
of enterprises, risk-point colours said after the noun, enterprise tags, and the time a window came from."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat import compound
from agents.chat.coverage import NEGATED, uncovered
from agents.chat.execute import bind
from agents.chat.resources_asked import resource_requests
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.timewords import CST, time_window
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope
from graph.intents import BY_ID

TOWNS = Gazetteer.from_towns(["徐霞客镇", "华士镇", "城东街道", "申港街道", "临港经济开发区"])
NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)


def _slots(question: str):  # type: ignore[no-untyped-def]
    return extract_slots(normalise_question(question), TOWNS)


def _route(question: str) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS)).intent


@pytest.mark.parametrize("question", ["霞客那边今天有动火作业吗", "徐霞的隐患清单"])
def test_a_three_character_town_clipped_to_two_is_that_town(question: str) -> None:
    assert _slots(question).town == "徐霞客镇"


@pytest.mark.parametrize(
    "question,intent",
    [
        ("今年被处罚的单位都有哪些，各罚了多少", "penalty_list"),
        ("哪几家企业被罚款了，金额多少", "penalty_list"),
        ("华士镇今年罚款总额是多少", "penalty_total"),
        ("本月一共罚了多少钱", "penalty_total"),
    ],
)
def test_penalty_amounts_asked_with_a_list_get_the_list(question: str, intent: str) -> None:
    assert _route(question) == intent


@pytest.mark.parametrize(
    "question,intent,negated",
    [
        ("本月还没有被执法检查的企业有几家", "inspection_count", True),
        ("哪些单位从没受过行政处罚", "penalty_list", True),
        ("申港有哪些企业没有重大危险源", "hazard_source_enterprises", True),
        ("没整改完的隐患有哪些", "hazard_list", False),  # a status, not a complement
        ("有没有被处罚过的企业", "penalty_list", False),  # a question word, not a negation
    ],
)
def test_the_complement_of_the_templates_own_subject_is_flagged(
    question: str, intent: str, negated: bool
) -> None:
    text = normalise_question(question)
    assert (NEGATED in uncovered(text, extract_slots(text, TOWNS), intent)) is negated


def test_a_complement_alone_is_composed_as_every_enterprise_minus_the_set() -> None:
    text = normalise_question("哪些单位从没受过行政处罚")
    s = extract_slots(text, TOWNS)
    p = compound.plan(text, s, uncovered(text, s, "penalty_list"), TOWNS, NOW_MS)
    assert p is not None and [(c.intent, c.negated) for c in p.conditions] == [("penalty_list", True)]
    assert p.final == "enterprise_list"


@pytest.mark.parametrize(
    "question", ["法定代表人姓王的企业有哪些", "联系电话为空的单位", "华士镇员工超过100人的企业"]
)
def test_registration_fields_of_a_set_of_enterprises_are_not_dropped(question: str) -> None:
    text = normalise_question(question)
    assert "企业登记信息" in uncovered(text, extract_slots(text, TOWNS), "enterprise_list")


@pytest.mark.parametrize(
    "question,level", [("风险点里橙色的有哪些", "较大"), ("城东有几个风险点是蓝色的", "低")]
)
def test_a_risk_colour_said_after_the_noun(question: str, level: str) -> None:
    assert _slots(question).risk_level == level


@pytest.mark.parametrize(
    "question,tag",
    [("规模以上工业企业名单", "规上企业"), ("专精特新企业有几家", "专精特新"), ("申港的外企", "外资企业")],
)
def test_enterprise_tags(question: str, tag: str) -> None:
    assert _slots(question).tag == tag


def test_the_high_tech_zone_is_a_place_not_a_tag() -> None:
    s = _slots("高新区有哪些企业")
    assert s.tag is None and s.town == "城东街道"


def test_a_window_from_the_time_grammar_keeps_the_words_it_came_from() -> None:
    window = time_window("前天晚上八点以后的告警", NOW_MS, parse_time_range)
    assert window is not None and "前天" in window.label


def test_an_overdue_filter_is_named_in_the_answer() -> None:
    from agents.chat.answer import describe_filters

    assert describe_filters({"overdue": True, "open_only": True}) == "逾期未整改"
    assert describe_filters({"open_only": True, "town": None}) == "未整改"


@pytest.mark.parametrize(
    "question,intent",
    [("罚款在1万到3万之间的企业", "penalty_list"), ("隐患数高于全市平均的镇", "hazard_count_by_town"),
     ("处罚金额介于五千和两万的记录", "penalty_list")],
)  # fmt: skip
def test_bands_and_averages_are_conditions_no_template_expresses(question: str, intent: str) -> None:
    text = normalise_question(question)
    assert "数量门槛" in uncovered(text, extract_slots(text, TOWNS), intent)


@pytest.mark.parametrize("question", ["本街道冷链企业有几家", "华士镇的化纤公司名单", "哪些镇有电镀厂家"])
def test_a_trade_no_category_expresses_is_not_dropped(question: str) -> None:
    text = normalise_question(question)
    assert "行业关键词" in uncovered(text, extract_slots(text, TOWNS), "enterprise_list")


def test_a_trade_that_is_a_category_is_the_category() -> None:
    text = normalise_question("华士镇纺织企业有几家")
    s = extract_slots(text, TOWNS)
    assert s.category == "纺织" and "行业关键词" not in uncovered(text, s, "enterprise_count")


@pytest.mark.parametrize(
    "question,intent",
    [("纺织和机械企业一共有多少家", "enterprise_count"), ("华士镇的A类、B类企业名单", "enterprise_list"),
     ("既有有限空间又有粉尘涉爆的企业", "enterprise_list")],
)  # fmt: skip
def test_two_values_of_one_attribute_are_not_squeezed_into_one_slot(question: str, intent: str) -> None:
    text = normalise_question(question)
    assert "同一属性的多个取值" in uncovered(text, extract_slots(text, TOWNS), intent)


def test_a_category_word_inside_a_named_enterprise_is_not_a_second_value() -> None:
    text = normalise_question("华士镇澄星化工有限公司是纺织企业吗")
    s = extract_slots(text, TOWNS)
    assert "同一属性的多个取值" not in uncovered(text, s, "enterprise_list")


@pytest.mark.parametrize("question", ["申港昨天夜里有啥事没", "城东这两天有没有什么事儿", "华士今天有啥事吗"])
def test_whether_anything_happened_in_a_place_asks_for_its_events(question: str) -> None:
    assert _route(question) == "events_recent"


@pytest.mark.parametrize("question", ["我今天有什么事要办", "有啥事需要值班员做"])
def test_a_task_to_do_is_no_event(question: str) -> None:
    assert _route(question) != "events_recent"


@pytest.mark.parametrize(
    "question", ["上个月城东新增了几条隐患", "今年新上报的重大隐患有多少", "本周登记了多少隐患"]
)
def test_hazards_new_in_a_period_count_every_status(question: str) -> None:
    params = bind(BY_ID["hazard_count"], {"_question": question}, DataScope(), NOW_MS)
    assert params["open_only"] is None


def test_hazards_asked_without_a_period_word_are_the_open_ones() -> None:
    params = bind(BY_ID["hazard_count"], {"_question": "城东还有多少条隐患"}, DataScope(), NOW_MS)
    assert params["open_only"] is True


@pytest.mark.parametrize(
    "question", ["城东的物资储备点在什么位置", "离申港最近的储备库", "华士镇应急物资储备库"]
)
def test_a_stockpile_site_is_a_warehouse_not_its_materials(question: str) -> None:
    assert _slots(question).resource_kind == "warehouse"
    assert resource_requests(normalise_question(question)) == [("warehouse", None)]  # not 物资 as well


@pytest.mark.parametrize(
    "question",
    [
        "液氨泄漏以后事故信息多长时间内报告",
        "粉尘爆炸现场第一步应该做什么",
        "有人在污水池里中毒了要采取什么措施",
        "市安全生产事故应急指挥部由谁任总指挥",
    ],
)
def test_steps_reporting_and_command_of_an_accident_are_plan_questions(question: str) -> None:
    assert _route(question) == "plan_for"


@pytest.mark.parametrize("question", ["本周有没有泄漏报告", "有限空间作业企业名单"])
def test_an_event_or_a_domain_alone_is_no_plan_question(question: str) -> None:
    assert _route(question) != "plan_for"


@pytest.mark.parametrize(
    "question", ["台风登陆了谁指挥", "青阳山体滑坡了先做什么", "发生车祸怎么处置", "要是地震了怎么办"]
)
def test_a_disaster_or_road_accident_with_what_to_do_is_a_plan_question(question: str) -> None:
    assert _route(question) == "plan_for"


@pytest.mark.parametrize("question", ["今天有没有暴雨预警事件", "上周的台风报警有哪些"])
def test_a_disaster_word_alone_is_no_plan_question(question: str) -> None:
    assert _route(question) != "plan_for"
