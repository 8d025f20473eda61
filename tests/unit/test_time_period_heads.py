"""The first days or months of a said period (上个月前7天, 去年前三个月, 上周前两天): the period said
before 前/头 makes it a start, while a bare 前N天 / 前N个月 stays the last N counted back from now."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.shanghai_time import at, time_span

# Thursday 26 November 2026, 15:00
THURSDAY = at(11, 26, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上月前7天的烟雾告警", (at(10, 1), at(10, 8))),
        ("上个月头七天", (at(10, 1), at(10, 8))),
        ("这个月前5天", (at(11, 1), at(11, 6))),
    ],
)
def test_first_days_of_a_month_even_seven(text: str, expected: tuple[datetime, datetime]) -> None:
    # 7/七天 after 前 had been read as the week before a holiday (节前7天) with no holiday said
    assert time_span(text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国庆节前一个礼拜", (at(9, 24), at(10, 1))),
        ("节前7天", (at(9, 24), at(10, 1))),
    ],
)
def test_the_week_before_a_holiday_still_reads(text: str, expected: tuple[datetime, datetime]) -> None:
    assert time_span(text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("去年头三个月的隐患", (at(1, 1, year=2025), at(4, 1, year=2025))),
        ("今年前6个月", (at(1, 1), at(7, 1))),
        ("2025年前两个月", (at(1, 1, year=2025), at(3, 1, year=2025))),
        ("去年前12个月", (at(1, 1, year=2025), at(1, 1))),
    ],
)
def test_first_months_of_a_year(text: str, expected: tuple[datetime, datetime]) -> None:
    assert time_span(text, THURSDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上礼拜头两天", (at(11, 16), at(11, 18))),
        ("本星期前3天", (at(11, 23), at(11, 26))),
        ("上上周前1天", (at(11, 9), at(11, 10))),
    ],
)
def test_first_days_of_a_week_from_monday(text: str, expected: tuple[datetime, datetime]) -> None:
    assert time_span(text, THURSDAY) == expected


def test_bare_counts_still_count_back_from_now() -> None:
    assert time_span("前3个月", THURSDAY) == (at(8, 26, 15), THURSDAY)
    assert time_span("前2天", THURSDAY) == (at(11, 24, 15), THURSDAY)
    assert time_span("晚上前两天", THURSDAY) != (at(11, 16), at(11, 18))  # 晚上 is no week
