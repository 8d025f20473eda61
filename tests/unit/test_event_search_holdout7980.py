"""Round 42 of event search (holdout79 dev; holdout80 held out): a leader's transcribed voice message, a report quoting
several places with a negation, dates in other written forms and levels/statuses in many wordings, with round 41's
open words (a hotline's 转办, 入梅是D). Every case is in other wording than the eval lines (ADR 0010, events42)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from agents.nlp.almanac_days import plum_rains
from agents.nlp.calendar_days import CST
from tests.support.event_gazetteer import demo_gazetteer


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


HOTLINE_CASES = [
    # A hotline handing a citizen's call on is how the report came in (人工上报), not the event's 已派发.
    "政务热线转交：月城镇有人受伤，昨天",
    "市长热线交办单 周庄 冒烟",
    "12345热线转过来的 青阳 可燃气体泄漏",
    "便民热线工单：华士镇 火焰 今天",
]


@pytest.mark.parametrize("text", HOTLINE_CASES)
def test_a_hotline_hand_over_is_a_manual_report_and_no_status(parser: EventQueryParser, text: str) -> None:
    f = parser.parse(text, at(2026, 11, 26, 14)).filter
    assert [s.value for s in f.sources] == ["人工上报"]
    assert f.statuses == []


def test_a_hand_over_said_as_the_events_state_is_still_dispatched(parser: EventQueryParser) -> None:
    f = parser.parse("已转办的 周庄 烟雾 本周", at(2026, 11, 26, 14)).filter
    assert [s.value for s in f.statuses] == ["已派发"]
    assert f.sources == []


def test_plum_rain_season_with_its_start_said_after_the_edge_word(parser: EventQueryParser) -> None:
    f = parser.parse("去年入梅在6月15号，梅雨季里青阳的火焰", at(2026, 11, 20, 9)).filter
    end = plum_rains(2025)
    assert end is not None
    assert f.time_from == at(2025, 6, 15)
    assert f.time_to == datetime.combine(end[1], datetime.min.time(), CST)


def test_plum_rain_season_said_first_and_its_start_said_last(parser: EventQueryParser) -> None:
    f = parser.parse("梅雨季期间华士的烟雾，入梅是6月14日", at(2026, 8, 3, 10)).filter
    end = plum_rains(2026)
    assert end is not None
    assert f.time_from == at(2026, 6, 14)
    assert f.time_to == datetime.combine(end[1], datetime.min.time(), CST)
    assert [t.value for t in f.event_types] == ["烟雾"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("双11 华士 火焰", at(2026, 11, 11)),
        ("去年双十二 周庄 冒烟", at(2025, 12, 12)),
        ("双十二那天 澄江", at(2025, 12, 12)),
    ],
)
def test_shopping_days_name_their_date(parser: EventQueryParser, text: str, day: datetime) -> None:
    f = parser.parse(text, at(2026, 11, 20, 9)).filter
    assert (f.time_from, f.time_to) == (day, day + (at(2026, 1, 2) - at(2026, 1, 1)))


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("今年年底前 申港 火焰", at(2027, 1, 1)),
        ("月底前 城东 烟雾", at(2026, 12, 1)),
        ("上个月月底前 顾山", at(2026, 12, 1)),
    ],
)
def test_by_the_end_of_a_year_or_month_has_no_start(
    parser: EventQueryParser, text: str, until: datetime
) -> None:
    f = parser.parse(text, at(2026, 12, 3, 9)).filter
    assert f.time_from is None
    assert f.time_to == until


def test_before_a_period_begins_is_unchanged(parser: EventQueryParser) -> None:
    # 之前 after a period is still "before it begins" (本月之前), not the deadline idiom 月底前.
    f = parser.parse("本月之前 城东 烟雾", at(2026, 12, 3, 9)).filter
    assert (f.time_from, f.time_to) == (None, at(2026, 12, 1))


def test_a_listed_town_negated_afterwards_leaves_the_list(parser: EventQueryParser) -> None:
    f = parser.parse("月城、青阳和璜土三个镇 不包括青阳 可燃气体泄漏", at(2026, 11, 26, 14)).filter
    assert sorted(f.towns) == sorted(["月城镇", "璜土镇"])


def test_a_negated_town_not_listed_is_still_dropped(parser: EventQueryParser) -> None:
    outcome = parser.parse("除了华士以外 周庄 冒烟", at(2026, 11, 26, 14))
    assert outcome.filter.towns == ["周庄镇"]
    assert any("华士" in w for w in outcome.warnings)
