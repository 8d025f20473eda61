"""Round 44 of event search (holdout83 dev; holdout84 held out): a calendar date said with 前后 / 左右 / 上下 is that
date ± 3 days (± N with 前后N天), where "18日前后" used to read as "18 days ago". Holidays, solar terms, clock times,
a bare 前 and N天前 keep their readings. Every case is in other wording than the eval lines (events44)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from agents.events.query_parser import EventQueryParser
from agents.nlp.calendar_days import CST
from agents.nlp.timeexpr import parse_time_range
from tests.support.event_gazetteer import demo_gazetteer


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


DATE_WINDOW_CASES = [
    # date ± 3 days, the date the latest not after today unless a year or month is said
    ("帮我看下4月9日前后的火灾 璜土", at(2026, 11, 2, 9), at(2026, 4, 6), at(2026, 4, 13)),
    ("9号前后 周庄 冒烟", at(2026, 11, 2, 9), at(2026, 10, 6), at(2026, 10, 13)),
    ("1号左右 青阳 有人翻墙", at(2026, 11, 2, 9), at(2026, 10, 29), at(2026, 11, 5)),
    ("3月1日上下 申港 可燃气体", at(2027, 3, 20, 9), at(2027, 2, 26), at(2027, 3, 5)),
    ("12月30号前后 华士 火焰", at(2027, 1, 2, 9), at(2026, 12, 27), at(2027, 1, 3)),
    ("2025年7月20日左右 新桥 抽烟", at(2026, 11, 2, 9), at(2025, 7, 17), at(2025, 7, 24)),
    ("去年8月3号前后 长泾 烟雾", at(2026, 11, 2, 9), at(2025, 7, 31), at(2025, 8, 7)),
    ("上个月15号左右 祝塘 液位", at(2026, 11, 2, 9), at(2026, 10, 12), at(2026, 10, 19)),
    ("10/8前后 夏港 未戴安全帽", at(2026, 11, 2, 9), at(2026, 10, 5), at(2026, 10, 12)),
    # a span said after it overrides the three days
    ("9月9日前后各5天 云亭 压力超限", at(2026, 11, 2, 9), at(2026, 9, 4), at(2026, 9, 15)),
    ("9月9日左右3天 云亭 压力超限", at(2026, 11, 2, 9), at(2026, 9, 6), at(2026, 9, 13)),
    ("十月十号前后一周 城东 有毒气体", at(2026, 11, 2, 9), at(2026, 10, 3), at(2026, 10, 18)),
    # a lunar date, written out as its Gregorian day (农历十月初三 2026 = 11 November)
    ("农历十月初三前后 利港 火焰", at(2026, 12, 1, 9), at(2026, 11, 8), at(2026, 11, 15)),
]


@pytest.mark.parametrize(("text", "now", "start", "end"), DATE_WINDOW_CASES)
def test_a_date_with_around_is_a_window_of_days(
    parser: EventQueryParser, text: str, now: datetime, start: datetime, end: datetime
) -> None:
    f = parser.parse(text, now).filter
    assert (f.time_from, f.time_to) == (start, end)


KEPT_READING_CASES = [
    # holidays keep their span, solar terms their day, clock times their hour, a bare 前 no start, N天前 its day
    ("五一节前后", at(2026, 11, 2, 9), at(2026, 5, 1), at(2026, 5, 6)),
    ("冬至前后", at(2027, 1, 2, 9), at(2026, 12, 22), at(2026, 12, 23)),
    ("昨天十点前后", at(2026, 11, 2, 9), at(2026, 11, 1, 10), at(2026, 11, 1, 11)),
    ("9天前", at(2026, 11, 2, 9), at(2026, 10, 24), at(2026, 10, 25)),
    ("18号", at(2026, 11, 2, 9), at(2026, 10, 18), at(2026, 10, 19)),
]


@pytest.mark.parametrize(("text", "now", "start", "end"), KEPT_READING_CASES)
def test_other_around_words_keep_their_reading(
    text: str, now: datetime, start: datetime, end: datetime
) -> None:
    found = parse_time_range(text, now)
    assert found is not None
    assert (found.start, found.end) == (start, end)


def test_a_date_with_a_bare_before_stays_open_ended() -> None:
    found = parse_time_range("10月20日前 澄江 烟雾", at(2026, 11, 2, 9))
    assert found is not None and found.open_start
    assert found.end == at(2026, 10, 20)


def test_commuting_after_a_date_is_not_around() -> None:
    found = parse_time_range("18号上下班的时候", at(2026, 11, 20, 9))
    assert found is not None
    assert found.start.date() == at(2026, 11, 18).date()
    assert found.end - found.start <= timedelta(days=1)


def test_an_impossible_date_with_around_gives_no_window() -> None:
    found = parse_time_range("2月30日前后", at(2026, 11, 2, 9))
    assert found is None or found.end - found.start < timedelta(days=7)


def test_the_window_keeps_the_words_typed_as_its_span() -> None:
    found = parse_time_range("查一下6月5号左右的", at(2026, 11, 2, 9))
    assert found is not None
    assert found.text == "6月5号左右"
