"""Round 37 of event search (holdout69 dev; holdout70 held out): 当天 / 次日 after a named date, and 小事 as a
level said in words, alone (the mild levels) or dropped with 就算了 (the others).
Every case is in other wording than the eval lines (ADR 0010/0011 amendments events37)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import time_span as span
from tests.support.shanghai_time import whole_day as day
from tests.support.shanghai_time import ymd as at


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


NOW = at(2026, 12, 10, 9)

TIME_CASES = [
    # 当天 after a date is that day, not the day up to now
    ("12月3号当天 青阳 烟雾", day(2026, 12, 3)),
    ("十二月三日当日的火焰", day(2026, 12, 3)),
    ("8号当天 月城", day(2026, 12, 8)),
    # 次日 and its synonyms: the day after, whole or the part said
    ("12月3日的第二天 周庄", day(2026, 12, 4)),
    ("12月3日翌日 华士 抽烟", day(2026, 12, 4)),
    ("11月30号次日上午 申港", (at(2026, 12, 1, 6), at(2026, 12, 1, 12))),
    ("12月31日次日 澄江", day(2026, 1, 1)),  # no year: last 31 December, so 1 January this year
    ("2025年12月31日次日 澄江", day(2026, 1, 1)),
    ("9号隔天晚上 利港", (at(2026, 12, 10, 18), at(2026, 12, 11))),
    ("20号次日 新桥", day(2026, 11, 21)),  # 20 December is still to come: November's 20th
]


@pytest.mark.parametrize(("text", "expected"), TIME_CASES, ids=[c[0] for c in TIME_CASES])
def test_same_day_and_next_day_after_a_date(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("当天 华士", day(2026, 12, 10)),  # 当天 alone keeps its earlier reading
        ("12月3日 华士", day(2026, 12, 3)),
        ("国庆当天 华士", day(2026, 10, 1)),  # a holiday's 当天 is the grammar's own
    ],
)
def test_readings_the_rule_leaves_alone(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("城东 上个月 的小事情", ["黄色", "蓝色"]),
        ("青阳 有没有什么小事 抽烟", ["黄色", "蓝色"]),
        ("璜土 烟雾 小事情就算了", ["红色", "橙色"]),
        ("周庄 火焰 蓝色的算了", ["红色", "橙色", "黄色"]),
        ("利港 误报的就算了 烟雾", []),  # a status dropped, no level
    ],
)
def test_small_matters_and_dropping_them(parser: EventQueryParser, text: str, levels: list[str]) -> None:
    assert parser.parse(text, NOW).filter.levels == levels


def test_dropped_status_with_suanle(parser: EventQueryParser) -> None:
    statuses = parser.parse("利港 误报的就算了 烟雾", NOW).filter.statuses
    assert statuses == ["待研判", "正报", "已派发", "已处置"]
