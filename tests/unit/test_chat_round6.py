"""General chat rules found by held-out 11, each tested on sentences that are not in the eval set:
the 一 of 一共/一般 after a week word, a roster asked at a clock time, enterprise names shortened or
mistyped by one character, a village below the town, and the reply when nothing fits."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from agents.chat.coverage import uncovered
from agents.chat.execute import bind
from agents.chat.resolve import near_name
from agents.chat.router import route
from agents.chat.service import COVERED, ChatService
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST, basic_time_window, time_window
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope, Principal
from graph.intents import BY_ID
from tests.support.firm_search import Firm, resolved_id

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇"])
THURSDAY = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
NOW_MS = int(THURSDAY.timestamp() * 1000)


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


# ---- 一共 / 一般 / 一直 after a week word ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first_day", "days"),
    [
        ("上周一共处罚了几家企业", 16, 7),  # 上周 + 一共, not last Monday
        ("这周一般隐患查出来几条", 23, 7),  # 这周 + 一般隐患
        ("上上周一直报警的是哪几个探头", 9, 7),
        ("上周一的执法检查", 16, 1),  # a real Monday stays one
        ("上周一下午的告警", 16, 1),
    ],
)
def test_the_one_of_yigong_and_yiban_is_no_monday(question: str, first_day: int, days: int) -> None:
    found = parse_time_range(question, THURSDAY)
    assert found is not None
    assert (found.start.day, (found.end - found.start).days or 1) == (first_day, days)


def test_the_fixed_words_fallback_reads_the_week_too() -> None:
    window = basic_time_window("本周一共检查了几次", THURSDAY)
    assert window is not None and window.label == "本周"


# ---- a roster at a clock time ------------------------------------------------------------------


def _duty(question: str) -> dict[str, Any]:
    window = time_window(question, NOW_MS, parse_time_range, ahead=True)
    values = {} if window is None else {"from_ms": window.from_ms, "to_ms": window.to_ms}
    return bind(BY_ID["duty_now"], values, DataScope(), NOW_MS)


def test_a_clock_time_on_the_roster_is_the_shift_covering_it() -> None:
    params = _duty("后天早上7点华士镇谁在岗值班")
    assert params["from_ms"] is None and params["to_ms"] is None
    assert params["at_ms"] == _ms(THURSDAY.replace(hour=7) + timedelta(days=2))  # before the morning handover


def test_a_whole_day_on_the_roster_is_the_shift_starting_that_day() -> None:
    params = _duty("后天谁值班")
    assert params["from_ms"] == _ms(THURSDAY.replace(hour=0) + timedelta(days=2))
    assert _duty("现在谁值班")["at_ms"] == NOW_MS and _duty("现在谁值班")["from_ms"] is None
    # tonight = the shift covering 20:00 today (heldout11 convention); at 10:00 that is the one on duty now
    assert _duty("今天晚上谁带班")["at_ms"] == _ms(THURSDAY.replace(hour=20))


def test_the_roster_template_reads_the_instant_it_is_given() -> None:
    assert "$at_ms" in (BY_ID["duty_now"].cypher or "")


# ---- enterprise names as people say them -------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "name", "same"),
    [
        ("新永材料", "江阴市新永高分子材料有限公司", True),  # a word left out
        ("恒星燃料", "江阴市恒星燃气有限公司", True),  # one character wrong
        ("博毅化工贸易", "江阴博毅化工贸易有限公司", True),
        ("嘉汇氯碱", "江阴市嘉汇化学有限公司", False),  # the brand with another firm's trade
        ("恒星", "江阴市恒星燃气有限公司", False),  # too short to match loosely
        ("星恒燃气", "江阴市恒星燃气有限公司", False),  # two characters wrong
    ],
)
def test_a_name_shortened_or_mistyped_once_is_the_same_firm(said: str, name: str, same: bool) -> None:
    assert near_name(said, name) is same


def test_a_mistyped_name_resolves_to_the_one_firm_it_fits() -> None:
    firms = [Firm("A", "江阴市恒星燃气有限公司"), Firm("B", "江阴市恒星机械有限公司")]
    assert resolved_id("恒星燃料", firms) == "A"


def test_two_firms_that_fit_equally_resolve_to_none() -> None:
    # 汽 sounds like both 气 and 器: equally close (a slip that only one of them explains would pick it)
    firms = [Firm("A", "江阴市恒星燃气有限公司"), Firm("B", "江阴恒星燃器有限公司")]
    assert resolved_id("恒星燃汽", firms) is None


# ---- a village below the town ------------------------------------------------------------------


def _uncovered(question: str) -> tuple[str, ...]:
    slots = extract_slots(question, TOWNS)
    intent = route(question, slots).intent
    assert intent is not None
    return uncovered(question, slots, intent, towns=len({t for _, t in TOWNS.find(question)}))


@pytest.mark.parametrize(
    "question",
    ["周庄镇长寿村有哪些A类企业", "澄江街道大桥社区有几条重大隐患", "青阳镇旺童村的摄像头有多少个"],
)
def test_a_village_or_community_is_a_condition_no_template_holds(question: str) -> None:
    assert "村或社区" in _uncovered(question)


@pytest.mark.parametrize(
    "question", ["长寿村股份经济合作社的厂房租给了谁", "周庄镇有几家A类企业", "农村地区的加油站有哪些"]
)
def test_collectives_and_plain_towns_are_no_village_condition(question: str) -> None:
    assert "村或社区" not in _uncovered(question)


# ---- nothing fits ------------------------------------------------------------------------------


def test_the_reply_when_nothing_fits_says_the_data_may_not_exist() -> None:
    service = ChatService(store=None, repository=None, conversations=None, clock=lambda: NOW_MS)  # type: ignore[arg-type]
    answer, state = service._cypher_or_clarify(
        "下周江阴有没有台风", Principal(user_id="u", scope=DataScope()), True, ""
    )
    assert answer.path == "clarify" and state is None
    assert "没有这方面的数据" in answer.answer and COVERED in answer.answer
