"""Round 30 of event search (holdout55 dev; holdout56 held out): time said the way duty rooms say it. The first
measurement found two general causes, tested here on wording other than the sets:

* an evening word with a small hour (昨晚两点多, 前天夜里一点) was read as an afternoon hour of that day; it is the
  small hours after that evening, the next calendar day (``agents.nlp.timeexpr``, ``SMALL_HOURS``);
* a bare weekday with a part of the day (周三晚上) said on that weekday before the part began was read as tonight,
  a range in the future; it is the latest such part that has begun, last week's (``agents.nlp.timeexpr``).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at, time_span

TUESDAY_MORNING = at(9, 15, 10, 0)  # Tuesday 15 September 2026


def _filter(text: str, now: datetime = TUESDAY_MORNING) -> EventFilter:
    return EventQueryParser(demo_gazetteer()).parse(text, now).filter


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("前天夜里一点 烟雾", (at(9, 14, 1), at(9, 14, 2))),
        ("上周五深夜三点多", (at(9, 12, 3), at(9, 12, 4))),
        ("昨天晚上四点左右", (at(9, 15, 4), at(9, 15, 5))),
        ("昨晚十一点到一点", (at(9, 14, 23), at(9, 15, 1))),
        ("夜里三点", (at(9, 15, 3), at(9, 15, 4))),
    ],
)
def test_an_evening_word_with_a_small_hour_is_after_midnight(
    text: str, span: tuple[datetime, datetime]
) -> None:
    assert time_span(text, TUESDAY_MORNING) == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("昨晚八点", (at(9, 14, 20), at(9, 14, 21))),
        ("晚上五点", (at(9, 14, 17), at(9, 14, 18))),  # 晚上五点 is still 17:00
        ("前天晚上十二点", (at(9, 14, 0), at(9, 14, 1))),  # midnight, as before
    ],
)
def test_evening_hours_keep_their_reading(text: str, span: tuple[datetime, datetime]) -> None:
    assert time_span(text, TUESDAY_MORNING) == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("周二晚上", (at(9, 8, 18), at(9, 9, 0))),  # tonight has not begun: last Tuesday's evening
        ("礼拜二下午三点", (at(9, 8, 15), at(9, 8, 16))),
        ("周一晚上", (at(9, 14, 18), at(9, 15, 0))),  # yesterday's, as before
        ("周二上午", (at(9, 15, 6), at(9, 15, 12))),  # begun today: today's
        ("本周二晚上", (at(9, 15, 18), at(9, 16, 0))),  # this week said: this week's, even ahead
    ],
)
def test_a_bare_weekday_with_a_part_not_begun_is_last_weeks(
    text: str, span: tuple[datetime, datetime]
) -> None:
    assert time_span(text, TUESDAY_MORNING) == span


def test_the_small_hours_reach_the_search_filter() -> None:
    flt = _filter("前天夜里两点多 城东 有人翻墙")
    assert (flt.time_from, flt.time_to) == (at(9, 14, 2), at(9, 14, 3))
    assert [t.value for t in flt.event_types] == ["人员闯入"]


# Probes in other wording after holdout56's second measurement (outside every set): 一两 was read as the number 12
# (最近一两天 = twelve days; holdout56's 凌晨一两点 showed it, so that set no longer measures it cleanly), 十一二点
# after an evening word gave no time, and written-style windows (三天来, 这半个月, 上半个月) were not understood.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("最近一两天 烟雾", (at(9, 13, 10), TUESDAY_MORNING)),
        ("一两个小时前", (at(9, 15, 8), TUESDAY_MORNING)),
        ("下午一两点", (at(9, 14, 13), at(9, 14, 15))),
        ("晚上十一二点", (at(9, 14, 23), at(9, 15, 1))),
        ("十一二点", (at(9, 14, 11), at(9, 14, 13))),  # alone still 11:00–13:00
        ("两天来", (at(9, 13, 10), TUESDAY_MORNING)),
        ("一个星期来 华士", (at(9, 8, 10), TUESDAY_MORNING)),
        ("36小时来", (at(9, 13, 22), TUESDAY_MORNING)),
        ("这半个月", (at(8, 31, 10), TUESDAY_MORNING)),
        ("上半个月", (at(9, 1), at(9, 16))),
    ],
)
def test_one_or_two_and_written_windows(text: str, span: tuple[datetime, datetime]) -> None:
    assert time_span(text, TUESDAY_MORNING) == span


def test_how_often_and_a_month_are_no_window() -> None:
    assert time_span("两天来一次 巡检", TUESDAY_MORNING) is None
    assert time_span("3月来", TUESDAY_MORNING) == (at(3, 1), at(4, 1))  # March, not the last three months


NATIONAL_DAY = at(10, 4, 15, 0)  # Sunday 4 October 2026, during 国庆


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("国庆那几天 华士 烟雾", (at(10, 1), at(10, 8))),  # the holiday's days, not 近3天
        ("五一这五天", (at(5, 1), at(5, 6))),
        ("放假期间 着火", (at(10, 1), at(10, 8))),  # no holiday named: the latest begun
        ("节假日期间", (at(10, 1), at(10, 8))),
        ("这几天", (at(10, 1, 15), NATIONAL_DAY)),  # no holiday said: still 近3天
    ],
)
def test_a_holidays_days_and_a_bare_holiday_period(text: str, span: tuple[datetime, datetime]) -> None:
    assert time_span(text, NATIONAL_DAY) == span


def test_a_night_hour_said_just_after_midnight_is_last_nights() -> None:
    assert time_span("夜里两点", at(12, 1, 0, 30)) == (at(11, 30, 2), at(11, 30, 3))
