"""The general causes the twenty-fifth event-search set (holdout25 dev; holdout26 held out; the sets are
checked in test_event_search_datasets.py) showed, each tested here on wording other than the sentence
that revealed it: the words of a working day (一早/大清早, 中饭前后, 上班前/下班后, 夜班), 昨天这个时候, 工作日/
双休日, 节前/节后 with and without a holiday's name, 年中, 这阵子 (too vague: no time) and a reporting verb
between a source word and a negation said afterwards (仪表报的不要); plus what must not change."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from agents.nlp.timeexpr import CST
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at, time_span

# Thursday 10 December 2026, 14:20; Tuesday 2 February 2027 06:30; Wednesday 6 May 2026 08:40
THURSDAY = datetime(2026, 12, 10, 14, 20, tzinfo=CST)
EARLY = datetime(2027, 2, 2, 6, 30, tzinfo=CST)
AFTER_MAY_DAY = datetime(2026, 5, 6, 8, 40, tzinfo=CST)


def span(text: str, now: datetime = THURSDAY) -> tuple[datetime, datetime] | None:
    return time_span(text, now)


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer([], []))


# ---- time: the words of a working day -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("前天一大早有没有冒烟", THURSDAY, (at(12, 8, 6), at(12, 8, 9))),
        ("大清早的火焰告警", EARLY, (at(2, 2, 6, year=2027), at(2, 2, 9, year=2027))),  # today's has begun
        ("昨天清早 城东", THURSDAY, (at(12, 9, 6), at(12, 9, 9))),
        ("昨天午饭时间 抽烟", THURSDAY, (at(12, 9, 11), at(12, 9, 13))),
        ("吃中饭那会儿有人抽烟吗", THURSDAY, (at(12, 10, 11), at(12, 10, 13))),
        ("周二上班之前", THURSDAY, (at(12, 8), at(12, 8, 8))),
        ("下班以后 温度报警", THURSDAY, (at(12, 9, 17), at(12, 10))),  # today's starts after now
        ("上周五下班之后", THURSDAY, (at(12, 4, 17), at(12, 5))),
        ("昨晚夜班 有人闯入", THURSDAY, (at(12, 9, 20), at(12, 10, 8))),
        ("夜班的时候 液位异常", EARLY, (at(2, 1, 20, year=2027), at(2, 2, 8, year=2027))),
        ("上周三夜班期间", THURSDAY, (at(12, 2, 20), at(12, 3, 8))),
    ],
)
def test_working_day_words(text: str, now: datetime, expected: tuple[datetime, datetime]) -> None:
    assert span(text, now) == expected


def test_a_night_shift_that_speaks_is_no_time() -> None:
    assert span("夜班说有人报了火警", THURSDAY) is None
    assert span("夜班的同事说城东冒烟", THURSDAY) is None


# ---- time: the same hour of another day ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前天这个时候 华士", (at(12, 8, 14), at(12, 8, 15))),
        ("上周四这个点 抽烟", (at(12, 3, 14), at(12, 3, 15))),
        ("昨天的这会儿", (at(12, 9, 14), at(12, 9, 15))),
    ],
)
def test_this_hour_on_another_day(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text) == expected


def test_this_hour_alone_is_no_time() -> None:
    assert span("这个时候有人在吗", THURSDAY) is None


# ---- time: workdays and weekends ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("上个星期的工作日 烟雾", THURSDAY, (at(11, 30), at(12, 5))),
        ("这个礼拜工作日", THURSDAY, (at(12, 7), at(12, 12))),
        ("工作日里 火焰", THURSDAY, (at(12, 7), at(12, 12))),  # this week's, though its Friday is to come
        ("上周的双休日", THURSDAY, (at(12, 5), at(12, 7))),
        ("双休 有人受伤吗", THURSDAY, (at(12, 5), at(12, 7))),  # the latest weekend begun
    ],
)
def test_workdays_and_weekends(text: str, now: datetime, expected: tuple[datetime, datetime]) -> None:
    assert span(text, now) == expected


def test_workdays_of_a_month_are_the_month_alone() -> None:
    # a filter is one range: 本月工作日 cannot drop the weekends, so the month is the search
    assert span("本月工作日 烟雾", THURSDAY) == (at(12, 1), at(1, 1, year=2027))


# ---- time: before and after a holiday, the middle of the year -------------------------------------------
@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("五一节前 华士", AFTER_MAY_DAY, (at(4, 24), at(5, 1))),
        ("端午前 火焰", THURSDAY, (at(6, 12), at(6, 19))),
        ("劳动节前七天", AFTER_MAY_DAY, (at(4, 24), at(5, 1))),
        ("节后 有人抽烟", AFTER_MAY_DAY, (at(5, 6), AFTER_MAY_DAY)),  # 五一 (1–5 May) ended
        ("节前 冒烟", AFTER_MAY_DAY, (at(4, 24), at(5, 1))),
        ("节前的一周 泄漏", EARLY, (at(12, 25), at(1, 1, year=2027))),  # 元旦 is the latest begun
        ("年中 温度超限", THURSDAY, (at(6, 1), at(8, 1))),
    ],
)
def test_holidays_and_the_middle_of_the_year(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected


def test_what_must_not_change() -> None:
    assert span("春节前后", EARLY) == (at(2, 16), at(2, 23))  # the span of the latest 春节 begun (2026's)
    assert span("国庆之前 烟雾", THURSDAY) == span("国庆以前 烟雾", THURSDAY)  # 之前 is before_period's
    assert span("今年中秋 火焰", THURSDAY) == (at(9, 25), at(9, 28))  # 年中 inside 今年中秋 is no 年中
    assert span("全年中 火焰最多的是哪个镇", THURSDAY) is None  # during the whole year: no 年中
    assert span("前天下午", THURSDAY) == (at(12, 8, 12), at(12, 8, 18))
    assert span("这几天 冒烟", THURSDAY) == (at(12, 7, 14, 20), THURSDAY)


def test_vague_stretches_are_no_time() -> None:
    assert span("这段时间 城东 火焰", THURSDAY) is None
    assert span("这阵子老是有人抽烟", THURSDAY) is None


# ---- sources: a reporting verb before a negation said afterwards -----------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城东 火焰 传感器报上来的不算", ["视频算法", "人工上报"]),
        ("华士 抽烟 探头报的别算", ["物联阈值", "人工上报"]),
        ("临港 泄漏 网格上报的不要", ["视频算法", "物联阈值"]),
        ("澄江 烟雾 仪表报的", ["物联阈值"]),  # no negation: the source itself
    ],
)
def test_a_reporting_verb_belongs_to_its_source(
    parser: EventQueryParser, text: str, expected: list[str]
) -> None:
    flt = parser.parse(text, THURSDAY).filter
    assert sorted(s.value for s in flt.sources) == sorted(expected)
