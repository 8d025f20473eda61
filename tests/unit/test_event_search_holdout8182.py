"""Round 43 of event search (holdout81 dev; holdout82 held out): SMS typos, cameras and radii, weekdays across a week
boundary, type lists and negated types, with round 42's open words: named periods said with 期间/大促 (618, 春运,
双十二) and a town excluded before the list searched. Every case is in other wording than the eval lines (events43)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from agents.nlp.calendar_days import CST
from tests.support.event_gazetteer import demo_gazetteer


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


SHOPPING_DAY_CASES = [
    # A one-day shopping festival said as a season is still its day, the latest begun.
    ("双十二购物节期间 青阳 烟雾", at(2026, 12, 20, 9), at(2026, 12, 12), at(2026, 12, 13)),
    ("双11大促那几天 周庄 火焰", at(2026, 11, 30, 9), at(2026, 11, 11), at(2026, 11, 12)),
    ("618前后 新桥 抽烟", at(2026, 7, 2, 9), at(2026, 6, 18), at(2026, 6, 19)),
    ("今年618大促 华士 人员受伤", at(2026, 9, 1, 9), at(2026, 6, 18), at(2026, 6, 19)),
    ("618当天 临港 可燃气体", at(2026, 3, 1, 9), at(2025, 6, 18), at(2025, 6, 19)),
    ("双十一前后 璜土 火焰", at(2026, 12, 1, 9), at(2026, 11, 11), at(2026, 11, 12)),
]


@pytest.mark.parametrize(("text", "now", "start", "end"), SHOPPING_DAY_CASES)
def test_a_shopping_festival_said_as_a_season_is_its_day(
    parser: EventQueryParser, text: str, now: datetime, start: datetime, end: datetime
) -> None:
    f = parser.parse(text, now).filter
    assert (f.time_from, f.time_to) == (start, end)
    assert f.leftovers == []


@pytest.mark.parametrize("text", ["618号罐区 液位异常", "618米以内 火焰", "编号6180的 火焰"])
def test_618_as_a_number_is_no_time(parser: EventQueryParser, text: str) -> None:
    f = parser.parse(text, at(2026, 11, 30, 9)).filter
    assert f.time_from is None and f.time_to is None


SPRING_TRAVEL_CASES = [
    # 春运 = the 40 days from 15 days before 春节 (初一): 2026's 春节 is 17 February, 2027's 6 February.
    ("春运期间 澄江 火情", at(2027, 2, 20, 9), at(2027, 1, 22), at(2027, 3, 3)),
    ("春运 璜土 人员受伤", at(2027, 1, 10, 9), at(2026, 2, 2), at(2026, 3, 14)),
    ("去年春运的时候 月城 烟雾", at(2027, 1, 10, 9), at(2026, 2, 2), at(2026, 3, 14)),
]


@pytest.mark.parametrize(("text", "now", "start", "end"), SPRING_TRAVEL_CASES)
def test_the_spring_travel_season_is_forty_days_around_the_new_year(
    parser: EventQueryParser, text: str, now: datetime, start: datetime, end: datetime
) -> None:
    f = parser.parse(text, now).filter
    assert (f.time_from, f.time_to) == (start, end)


EXCLUDED_BEFORE_LIST_CASES = [
    # A comma ends the negated clause: the places after it are the ones searched.
    ("除了夏港，申港、利港的 火焰 本周", ["申港街道", "利港街道"]),
    ("不包括城东，澄江和南闸的烟雾", ["澄江街道", "南闸街道"]),
    ("排除华士，周庄或者新桥 有人抽烟", ["周庄镇", "新桥镇"]),
]


@pytest.mark.parametrize(("text", "towns"), EXCLUDED_BEFORE_LIST_CASES)
def test_a_town_excluded_before_a_comma_leaves_the_list_after_it(
    parser: EventQueryParser, text: str, towns: list[str]
) -> None:
    outcome = parser.parse(text, at(2026, 11, 30, 9))
    assert outcome.filter.towns == towns
    assert any("排除地点" in w for w in outcome.warnings)


@pytest.mark.parametrize(
    "text", ["除了夏港，申港以外的 火焰", "不包括城东和澄江 火焰", "除了城东、澄江的 烟雾"]
)
def test_places_joined_into_the_negation_all_go(parser: EventQueryParser, text: str) -> None:
    assert parser.parse(text, at(2026, 11, 30, 9)).filter.towns == []
