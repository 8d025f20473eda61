"""Round 36 of event search (holdout67 dev; holdout68 held out): the nines of winter (数九), 小年夜 as Wu speech says
it (the eve before 除夕), 龙抬头 / 二月二 and 寒衣节 as lunar festivals, and a verdict verb without 是 (确认误报).
Every case is in other wording than the eval lines (ADR 0010/0011 amendments events36)."""

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


TIME_CASES = [
    # 冬至 2025 = 21 December: 一九 21–29 December, 二九 30 December → 7 January, 五九 26 January → 3 February
    ("二九 华士 烟雾", at(2026, 1, 10), (at(2025, 12, 30), at(2026, 1, 8))),
    ("五九天里 青阳", at(2026, 2, 1), (at(2026, 1, 26), at(2026, 2, 4))),
    ("六九期间 周庄 温度", at(2026, 2, 10), (at(2026, 2, 4), at(2026, 2, 13))),
    # a nine not yet begun this winter is last winter's
    ("七九 申港", at(2026, 12, 30), (at(2026, 2, 13), at(2026, 2, 22))),
    ("数九天 利港 着火", at(2026, 1, 5), (at(2025, 12, 21), at(2026, 3, 12))),
    ("进九至今 新桥", at(2026, 1, 5, 9), (at(2025, 12, 21), at(2026, 1, 5, 9))),
    # 小年夜 = the day before 除夕, evening: 除夕 2027 = 5 February, 除夕 2026 = 16 February
    ("小年夜 长泾 火焰", at(2027, 2, 20), (at(2027, 2, 4, 18), at(2027, 2, 5))),
    ("小年夜以来 云亭", at(2026, 2, 17, 8), (at(2026, 2, 15, 18), at(2026, 2, 17, 8))),
    # 去年 counts back from the eve 今年小年夜 names (4 February 2027 after 春节): ADR 0010 amendment events39
    # replaced events36's lunar-year reading, which named that same eve.
    ("去年的小年夜 璜土", at(2027, 6, 1), (at(2026, 2, 15, 18), at(2026, 2, 16))),
    # 龙抬头 = 二月初二: 2026 on 20 March, 2027 on 9 March; 寒衣 = 十月初一: 2026 on 9 November
    ("龙抬头 顾山", at(2026, 6, 1), day(2026, 3, 20)),
    ("二月二那天 月城 烟雾", at(2027, 4, 1), day(2027, 3, 9)),
    ("龙抬头到现在 南闸", at(2026, 3, 22, 10), (at(2026, 3, 20), at(2026, 3, 22, 10))),
    ("寒衣节当天 夏港", at(2026, 12, 1), day(2026, 11, 9)),
    ("寒衣节那天夜里 澄江", at(2026, 12, 1), (at(2026, 11, 9, 18), at(2026, 11, 10))),
]


@pytest.mark.parametrize(("text", "now", "expected"), TIME_CASES, ids=[c[0] for c in TIME_CASES])
def test_winter_nines_and_festival_days(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2月2日 华士", day(2026, 2, 2)),  # a Gregorian date stays one (the latest 2 February)
        ("二月二十号 华士", day(2026, 2, 20)),
        ("近三十九天", (at(2026, 12, 12, 10), at(2027, 1, 20, 10))),  # 39 days said in full
        ("近八九天", (at(2027, 1, 11, 10), at(2027, 1, 20, 10))),  # eight or nine days, not the eighth nine
    ],
)
def test_dates_that_only_look_like_the_new_words(text: str, expected: tuple[datetime, datetime]) -> None:
    assert span(text, at(2027, 1, 20, 10)) == expected


@pytest.mark.parametrize("text", ["九九乘法表", "小年夜饭 订了", "衣服 寒衣 捐赠"])
def test_words_that_are_no_such_time(text: str) -> None:
    assert span(text, at(2027, 1, 20, 10)) is None


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("申港 确认了误报的 火焰", ["误报"]),
        ("已经核实误报 青阳", ["误报"]),
        ("确认过是正报的 抽烟", ["正报"]),
        ("待研判误报 华士", ["待研判", "误报"]),  # two statuses, 研判 is no verdict verb after 待
    ],
)
def test_a_verdict_verb_without_shi(parser: EventQueryParser, text: str, statuses: list[str]) -> None:
    assert parser.parse(text, at(2026, 12, 4, 9)).filter.statuses == statuses
