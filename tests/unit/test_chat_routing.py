"""Deterministic chat pieces: slot extraction, rule routing, time words, answer checks."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat.answer import templated_answer, unsupported_facts
from agents.chat.resources_asked import resource_requests
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST, basic_time_window
from graph.intents import BY_ID, INTENTS

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "云亭街道"])


def intent_of(question: str) -> str | None:
    slots = extract_slots(question, TOWNS)
    return route(question, slots).intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("澄江街道现在谁值班？", "duty_now"),
        ("临港有哪些一级重大危险源企业？", "hazard_source_enterprises"),
        ("全市重大危险源清单", "hazard_source_list"),
        ("各级重大危险源分别有多少", "hazard_source_count_by_level"),
        ("逾期未整改的重大隐患有哪些？", "overdue_hazards"),
        ("哪个街道未整改隐患最多", "hazard_count_by_town"),
        ("云亭街道有多少条重大隐患", "hazard_count"),
        ("华士镇待整改的隐患", "hazard_list"),
        ("离华士镇最近的危化救援队和专家？", "nearest_resources"),
        ("昨天下午城东的烟雾告警", "events_recent"),
        ("本周各类告警分别有多少", "event_count_by_type"),
        ("澄星化工的法人是谁", "enterprise_profile"),
        ("今天有哪些动火作业", "special_operations"),
        ("哪个镇的危化企业最多", "enterprise_count_by_town"),
        ("周庄镇有多少家纺织企业", "enterprise_count"),
        ("粉尘涉爆企业名单", "enterprise_list"),
        ("哪些传感器离线了", "sensors_offline"),
        ("今天哪些传感器在报警", "sensors_alarming"),
        ("城东离线的监控", "cameras_offline"),
        ("华士镇有多少个摄像头", "camera_count"),
        ("今年一共罚了多少钱", "penalty_total"),
        ("临港的行政处罚记录", "penalty_list"),
        ("本月执法检查次数", "inspection_count"),
        ("上周检查了哪些企业", "inspection_list"),
        ("澄星化工厂里有哪些厂中厂", "lessees_of_lessor"),
        ("红色等级的厂中厂出租方", "lessor_list"),
        ("华士镇整体情况怎么样", "town_overview"),
        ("重大风险点有哪些", "risk_points"),
        ("哪些应急物资库存不足", "materials_low_stock"),
        ("危化品泄漏应该启动哪个预案", "plan_for"),
        ("江阴市嘉汇化学有限公司存了哪些危化品", "enterprise_chemicals"),
    ],
)
def test_rules_route_frequent_questions(question: str, intent: str) -> None:
    assert intent_of(question) == intent


def test_gibberish_has_no_intent() -> None:
    assert intent_of("啊啊啊哦哦哦") is None


def test_catalogue_has_at_least_25_scoped_intents() -> None:
    assert len(INTENTS) >= 25
    for intent in INTENTS:
        if intent.cypher is not None:
            assert "$scope_town" in intent.cypher or "scope_town" in intent.cypher, intent.id
            assert "$scope_enterprise" in intent.cypher, intent.id


def test_slots_use_closed_vocabularies_and_town_aliases() -> None:
    s = extract_slots("临港有哪些一级重大危险源企业？", TOWNS)
    assert (s.town, s.mhs_level, s.enterprise_mention) == ("临港经济开发区", 1, None)
    s = extract_slots("城东昨天的冒烟报警", TOWNS)
    assert (s.town, s.event_type) == ("城东街道", "烟雾")
    s = extract_slots("马家镇有哪些企业", TOWNS)
    assert s.unknown_town == "马家镇" and s.town is None
    s = extract_slots("B类粉尘企业", TOWNS)
    assert (s.responsibility_class, s.key_domain) == ("B", "粉尘涉爆")


def test_enterprise_mentions_keep_full_names_and_skip_function_words() -> None:
    s = extract_slots("离华士镇江阴市澄星化工有限公司最近的危化救援队", TOWNS)
    assert s.enterprise_mention == "江阴市澄星化工有限公司" and s.enterprise_mention_strong
    assert extract_slots("逾期未整改的重大隐患有哪些？", TOWNS).enterprise_mention is None
    assert extract_slots("周庄镇有多少家纺织企业", TOWNS).enterprise_mention is None


def test_resource_requests_keep_each_kind_asked_for() -> None:
    assert resource_requests("最近的危化救援队和专家") == [("team", "危化"), ("expert", None)]


def test_time_words_are_asia_shanghai_days() -> None:
    now = datetime(2026, 11, 25, 10, 0, tzinfo=CST)
    w = basic_time_window("昨天下午的告警", now)
    assert w is not None
    start = datetime.fromtimestamp(w.from_ms / 1000, tz=CST)
    end = datetime.fromtimestamp(w.to_ms / 1000, tz=CST)
    assert (start.day, start.hour, end.hour) == (24, 12, 18)
    w = basic_time_window("近三天", now)
    assert w is not None and w.to_ms - w.from_ms == 3 * 86_400_000
    assert basic_time_window("重大危险源", now) is None


def test_templated_answer_says_nothing_found_with_the_conditions() -> None:
    text = templated_answer(BY_ID["hazard_list"], [], {"town": "华士镇", "hazard_level": "重大"})
    assert text.startswith("没有查到") and "华士镇" in text and "重大" in text


def test_llm_phrasing_check_catches_invented_numbers_and_names() -> None:
    rows = [{"name": "江阴市澄星化工有限公司", "n": 3}]
    assert unsupported_facts("江阴市澄星化工有限公司有 3 处", rows, "") == []
    bad = unsupported_facts("1. 共 7 处，另有江阴市虚构化工有限公司", rows, "")
    assert bad[0] == "7" and "虚构化工" in bad[1] and len(bad) == 2
