"""Round 40 of event search (holdout75 dev; holdout76 held out): descriptions pasted from a subsystem's 事件描述
field and a 网格员's report. Every case is in other wording than the eval lines (ADR 0010, events40)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import ymd as at


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


NOW = at(2026, 11, 5, 9)

EVENING_CASES = [
    # 晚 glued to a dotted month.day is that evening, with or without a place glued after it.
    ("10.28晚 月城 火焰", (at(2026, 10, 28, 18), at(2026, 10, 29))),
    ("网格员反映10.30晚申港镇申南村有人抽烟", (at(2026, 10, 30, 18), at(2026, 10, 31))),
    ("11.1晚 长泾 冒烟", (at(2026, 11, 1, 18), at(2026, 11, 2))),
    # After a full-width colon, as a report template pastes it.
    ("巡查记录：10.29晚月城镇沿山村有人翻墙", (at(2026, 10, 29, 18), at(2026, 10, 30))),
]


@pytest.mark.parametrize(("text", "expected"), EVENING_CASES, ids=[c[0] for c in EVENING_CASES])
def test_dotted_date_with_evening(
    parser: EventQueryParser, text: str, expected: tuple[datetime, datetime]
) -> None:
    f = parser.parse(text, NOW).filter
    assert (f.time_from, f.time_to) == expected


def test_a_measured_value_before_evening_stays_a_number(parser: EventQueryParser) -> None:
    # 液位达到10.3 is a reading: the 晚 after it names no evening of 3 October.
    f = parser.parse("液位达到10.3晚 申港 液位异常", NOW).filter
    assert f.time_from != at(2026, 10, 3, 18)
