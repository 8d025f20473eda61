"""Round 39 of event search (holdout73 dev; holdout74 held out): a subsystem operator's and a night-shift leader's
sentences and round 38's open words. Every case is in other wording than the eval lines (ADR 0010 amendment events39)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from agents.events.query_parser import EventQueryParser
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import time_span as span
from tests.support.shanghai_time import ymd as at


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


NOW = at(2026, 12, 10, 9)
AFTER_SPRING_FESTIVAL = at(2027, 3, 1, 10)  # 春节 2027 was 6 February
BEFORE_SPRING_FESTIVAL = at(2026, 12, 10, 9)

EVE_CASES = [
    # 去年 counts back from the eve 今年 names: after 春节 that is the eve just past (4 February 2027).
    ("去年的小年夜 城东", AFTER_SPRING_FESTIVAL, (at(2026, 2, 15, 18), at(2026, 2, 16))),
    ("前年小年夜 城东", AFTER_SPRING_FESTIVAL, (at(2025, 1, 27, 18), at(2025, 1, 28))),
    # Before 春节 今年小年夜 is the coming one in this calendar year, so 去年 is the one in calendar 2025.
    ("去年小年夜 城东", BEFORE_SPRING_FESTIVAL, (at(2025, 1, 27, 18), at(2025, 1, 28))),
]


@pytest.mark.parametrize(("text", "now", "expected"), EVE_CASES, ids=[c[0] for c in EVE_CASES])
def test_last_years_little_new_years_eve(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected


def hm(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return at(2026, month, day, hour) + timedelta(minutes=minute)


AFTERNOON = hm(12, 9, 15, 20)  # a Wednesday
MORNING = hm(12, 9, 9, 30)

BARE_RANGE_CASES = [
    # Its afternoon reading has begun: today's afternoon, past or running.
    ("两点到两点半 城东 冒烟", AFTERNOON, (at(2026, 12, 9, 14), hm(12, 9, 14, 30))),
    ("三点一刻到四点 祝塘", AFTERNOON, (hm(12, 9, 15, 15), at(2026, 12, 9, 16))),
    ("一点到三点 周庄 火焰", AFTERNOON, (at(2026, 12, 9, 13), at(2026, 12, 9, 15))),
    # Not yet begun in the afternoon, or placed by a part of the day or a day word: as before.
    ("三点到五点 城东", MORNING, (at(2026, 12, 9, 3), at(2026, 12, 9, 5))),
    ("两点到四点 申港", hm(12, 9, 22, 30), (at(2026, 12, 9, 2), at(2026, 12, 9, 4))),  # said at night
    ("四点到五点 城东", AFTERNOON, (at(2026, 12, 9, 4), at(2026, 12, 9, 5))),
    ("凌晨两点到四点 城东", AFTERNOON, (at(2026, 12, 9, 2), at(2026, 12, 9, 4))),
    ("昨天 两点到三点 城东", AFTERNOON, (at(2026, 12, 8, 2), at(2026, 12, 8, 3))),
]


@pytest.mark.parametrize(("text", "now", "expected"), BARE_RANGE_CASES, ids=[c[0] for c in BARE_RANGE_CASES])
def test_bare_clock_range_is_the_latest_begun(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected


PLUM_RAINS_CASES = [
    # Both days said with the season: the 入梅 day → the day before 出梅, not the almanac's window.
    ("今年六月二十号入梅七月十五号出梅 梅雨季 城东", at(2026, 8, 1, 9), (at(2026, 6, 20), at(2026, 7, 15))),
    ("去年是6月12号入梅，7月3号出梅的 黄梅天里 华士", at(2026, 8, 1, 9), (at(2025, 6, 12), at(2025, 7, 3))),
]


@pytest.mark.parametrize(("text", "now", "expected"), PLUM_RAINS_CASES, ids=[c[0] for c in PLUM_RAINS_CASES])
def test_plum_rain_season_with_its_days_said(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("青阳 maoyan 昨天", ["烟雾"]), ("周庄 minghuo", ["火焰"]), ("chouyan 城东", ["抽烟"])],
)
def test_event_words_in_pinyin(parser: EventQueryParser, text: str, expected: list[str]) -> None:
    assert [t.value for t in parser.parse(text, NOW).filter.event_types] == expected
