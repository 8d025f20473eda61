"""Round 38 of event search (holdout71 dev; holdout72 held out): voice-dictated sentences and round 37's open words —
次日 after a holiday or a weekday, the day of an undated event (事发当天), 入梅 / 出梅 on a day the speaker gives,
今年小年夜 said after 春节, and 这两个钟头 / 最近这一个礼拜 as rolling windows.
Every case is in other wording than the eval lines (ADR 0010/0011 amendments events38)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from agents.events.query_parser import EventQueryParser
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import time_span as span
from tests.support.shanghai_time import whole_day as day
from tests.support.shanghai_time import ymd as at


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


NOW = at(2026, 12, 10, 9)  # a Thursday
SUMMER = at(2026, 7, 20, 10)

NEXT_DAY_CASES = [
    ("五一次日 城东", day(2026, 5, 2)),
    ("端午节的翌日 华士", day(2026, 6, 20)),
    ("春节次日 周庄", day(2026, 2, 18)),  # 春节当天 is 初一 (17 February 2026)
    ("去年国庆隔天 申港", day(2025, 10, 2)),
    ("上周二次日 璜土", day(2026, 12, 2)),
    ("礼拜一第二天 月城", day(2026, 12, 8)),  # a bare weekday is the latest not after today
    ("星期六后一天 青阳", day(2026, 12, 6)),  # Saturday 5 December
]


@pytest.mark.parametrize(("text", "expected"), NEXT_DAY_CASES, ids=[c[0] for c in NEXT_DAY_CASES])
def test_next_day_after_a_holiday_or_a_weekday(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国庆期间 华士", (at(2026, 10, 1), at(2026, 10, 8))),
        ("上周二 璜土", day(2026, 12, 1)),
        ("12月3日次日 澄江", day(2026, 12, 4)),
    ],
)
def test_readings_the_next_day_rule_leaves_alone(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, NOW) == expected


@pytest.mark.parametrize("text", ["出事那天 周庄 火焰", "案发当日 青阳的烟雾", "嗯事发的当天 新桥 抽烟"])
def test_the_day_of_an_undated_event_is_no_time(parser: EventQueryParser, text: str) -> None:
    flt = parser.parse(text, NOW).filter
    assert (flt.time_from, flt.time_to) == (None, None)
    assert flt.towns  # the other fields stand


def test_a_date_said_before_the_event_day_stays(parser: EventQueryParser) -> None:
    flt = parser.parse("12月3日出事当天 青阳 烟雾", NOW).filter
    assert (flt.time_from, flt.time_to) == day(2026, 12, 3)


def test_fire_on_its_day_keeps_its_type(parser: EventQueryParser) -> None:
    assert "火焰" in parser.parse("着火当天 长泾", NOW).filter.event_types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这三个钟头 新桥", (NOW - timedelta(hours=3), NOW)),
        ("这两个小时 华士 烟雾", (NOW - timedelta(hours=2), NOW)),
        ("最近这一个星期 祝塘", (NOW - timedelta(days=7), NOW)),
        ("近这1周 云亭", (NOW - timedelta(days=7), NOW)),
        ("这一个礼拜 华士", (at(2026, 12, 7), at(2026, 12, 14))),  # without 最近 still the calendar week
    ],
)
def test_windows_said_with_zhe(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("入梅是六月十九号 入梅以来 利港", (at(2026, 6, 19), SUMMER)),
        ("6月22日入梅的，入梅到现在 夏港", (at(2026, 6, 22), SUMMER)),
        ("今年6月15日就入梅了 入梅以后 青阳", (at(2026, 6, 15), SUMMER)),
        ("去年是6月24号出梅的 出梅以后", (at(2025, 6, 24), SUMMER)),
        ("出梅是7月12号 顾山", day(2026, 7, 12)),
        ("6月19号入梅那天 月城", day(2026, 6, 19)),
    ],
)
def test_plum_rains_on_the_day_the_speaker_gives(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, SUMMER) == expected


def test_plum_rains_without_a_day_keep_the_almanac() -> None:
    assert span("入梅以来 利港", SUMMER) == (at(2026, 6, 11), SUMMER)  # the first 丙 day after 芒种 2026


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("今年小年夜里 城东", at(2027, 3, 1, 10), (at(2027, 2, 4, 18), at(2027, 2, 5))),  # after 春节 2027
        ("今年的小年夜 华士", NOW, (at(2026, 2, 15, 18), at(2026, 2, 16))),  # the one in calendar 2026
        (
            "今年小年夜 华士",
            at(2027, 1, 20, 10),
            (at(2027, 2, 4, 18), at(2027, 2, 5)),
        ),  # before it: the coming one
        ("小年夜 华士", at(2027, 3, 1, 10), (at(2027, 2, 4, 18), at(2027, 2, 5))),
    ],
)
def test_this_years_little_new_years_eve(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected
