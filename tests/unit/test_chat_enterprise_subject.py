"""Questions that ask for the number of enterprises, or their spread over towns, qualified by one
thing (offline sensors, an operation, a penalty): the rule picks the thing's template, which would count
the things. The coverage check marks them, the compound planner answers with the enterprises, and a
list of enterprises ("哪几家") stays with the thing's template."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat import compound
from agents.chat.coverage import ENTERPRISES_ASKED, declined_answer, only_enterprises_asked, uncovered
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST, time_window
from agents.nlp.timeexpr import parse_time_range

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇"])
NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)


def _missing(question: str) -> tuple[str, tuple[str, ...]]:
    slots = extract_slots(question, TOWNS)
    intent = route(question, slots).intent
    assert intent is not None
    return intent, uncovered(question, slots, intent, towns=len({t for _, t in TOWNS.find(question)}))


@pytest.mark.parametrize(
    "question",
    ["周庄镇有多少家企业的摄像头掉线了", "全市几家单位有传感器在报警", "今天在搞吊装作业的单位分布在哪些镇"],
)
def test_a_count_or_spread_of_enterprises_over_a_thing_template_is_marked(question: str) -> None:
    intent, missing = _missing(question)
    assert intent != "enterprise_count" and ENTERPRISES_ASKED in missing


@pytest.mark.parametrize(
    "question",
    ["上周被罚的是哪几家", "青阳镇有哪些企业传感器离线", "今年罚了多少钱", "华士镇有几个传感器离线"],
)
def test_a_list_of_enterprises_or_a_count_of_things_is_not_marked(question: str) -> None:
    assert ENTERPRISES_ASKED not in _missing(question)[1]


def test_the_planner_answers_with_the_enterprises() -> None:
    question = "周庄镇有多少家企业的摄像头掉线了"
    slots = extract_slots(question, TOWNS)
    _, missing = _missing(question)
    p = compound.plan(question, slots, missing, TOWNS, NOW_MS, parse_time_range)
    assert p is not None and [c.intent for c in p.conditions] == ["cameras_offline"]
    assert p.final == "enterprise_count" and p.attributes["town"] == "周庄镇"
    spread = "今天在搞吊装作业的单位分布在哪些镇"
    p = compound.plan(
        spread, extract_slots(spread, TOWNS), _missing(spread)[1], TOWNS, NOW_MS, parse_time_range
    )
    assert p is not None and p.final == "enterprise_count_by_town"
    assert [c.intent for c in p.conditions] == ["special_operations"]


def test_the_mark_alone_is_no_reason_to_decline_and_is_not_named_in_a_decline() -> None:
    assert only_enterprises_asked((ENTERPRISES_ASKED,))
    assert not only_enterprises_asked((ENTERPRISES_ASKED, "行政处罚"))
    assert ENTERPRISES_ASKED not in declined_answer("sensors_offline", (ENTERPRISES_ASKED, "行政处罚"))


def test_an_operation_under_way_is_now_not_the_whole_day() -> None:
    ongoing = time_window("此刻正在进行盲板抽堵作业的有几家", NOW_MS, parse_time_range, ahead=True)
    assert ongoing is not None and (ongoing.from_ms, ongoing.to_ms) == (NOW_MS, NOW_MS + 1)
    day = time_window("今天正在动火的有几家", NOW_MS, parse_time_range, ahead=True)
    assert day is not None and day.to_ms - day.from_ms == 86_400_000  # a day word wins
    assert time_window("正在整改的隐患", NOW_MS, parse_time_range) is None  # records: no schedule
