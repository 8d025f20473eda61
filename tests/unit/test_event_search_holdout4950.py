"""Round 28 of event search (holdout49 dev; holdout50 held out): a month of ordinary traffic. The first
measurement found only two general causes, tested here on wording other than the sets:

* a day.month date with a dot (28.2) read as no time; when the first number cannot be a month it is day.month
  (``agents.nlp.dotted_dates``), as 28/2 already was;
* a future word saying when the answer will be used (后天汇报要用 …) took the time away from the period said with
  it; it is no filter (``agents.events.purpose_times``).

Plus what must not change: month.day with both numbers at most 12, decimals (readings, thresholds, distances,
coordinates), a future word said alone (still its calendar day, ADR 0010)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.purpose_times import purpose_time_spans
from agents.events.query_parser import EventQueryParser
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at, time_span

FRIDAY_NOON = at(3, 13, 12, 10)  # Friday 13 March 2026


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("28.2 冒烟", (at(2, 28), at(3, 1))),
        ("15.1 着火", (at(1, 15), at(1, 16))),
        ("14.2 9:30 人员闯入", (at(2, 14, 9, 30), at(2, 14, 10, 30))),
        ("16.2-18.2 液位", (at(2, 16), at(2, 19))),
        ("31.12 烟雾", (at(12, 31, year=2025), at(1, 1))),  # the latest not after today
    ],
)
def test_day_dot_month_dates(text: str, span: tuple[datetime, datetime]) -> None:
    assert time_span(text, FRIDAY_NOON) == span


def test_month_dot_day_stays_month_first() -> None:
    assert time_span("3.2 烟雾", FRIDAY_NOON) == (at(3, 2), at(3, 3))
    assert time_span("2.11 烟雾", FRIDAY_NOON) == (at(2, 11), at(2, 12))


@pytest.mark.parametrize(
    "text",
    [
        "温度到了28.5度",
        "压力超过 16.8",
        "浓度>13.5 的",
        "储罐液位 22.4%",
        "东经120.3 北纬31.9",
        "北緯 23.6",
        "罐区 18.5米 以内",
        "31.4 烟雾",
    ],
)
def test_decimals_are_not_dates(text: str) -> None:
    assert time_span(text, FRIDAY_NOON) is None


def _filter(text: str, now: datetime) -> EventFilter:
    return EventQueryParser(demo_gazetteer()).parse(text, now).filter


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("后天汇报要用 上周 华士 烟雾", at(3, 2), at(3, 9)),
        ("下周一局里要看 这个月 着火的", at(3, 1), at(4, 1)),
        ("明天下午三点开例会 昨天 抽烟", at(3, 12), at(3, 13)),
        ("下个月迎检 去年 人员受伤", at(1, 1, year=2025), at(1, 1)),
    ],
)
def test_a_future_purpose_leaves_the_past_period(text: str, start: datetime, end: datetime) -> None:
    flt = _filter(text, FRIDAY_NOON)
    assert (flt.time_from, flt.time_to) == (start, end)


def test_a_future_purpose_alone_gives_no_time() -> None:
    flt = _filter("明天领导开会要用 华士 火焰", FRIDAY_NOON)
    assert flt.time_from is None and flt.time_to is None
    assert flt.towns == ["华士镇"]


def test_a_future_word_alone_keeps_its_day() -> None:
    flt = _filter("明天 华士 火焰", FRIDAY_NOON)
    assert (flt.time_from, flt.time_to) == (at(3, 14), at(3, 15))


def test_purpose_spans_cover_the_future_word_and_its_purpose_only() -> None:
    text = "明天开会要用 上个月 冒烟"
    (span,) = purpose_time_spans(text)
    assert text[span[0] : span[1]] == "明天开会要用"
    assert purpose_time_spans("明天 冒烟 上个月") == []


# Probes after the held-out measurement (outside every set): a purpose said to someone, a handover purpose,
# English future and "before last" words, 这N周/这N个月 as rolling windows.


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("明天得给局长汇报 上周 冒烟", at(3, 2), at(3, 9)),
        ("明早交班要用 昨晚 告警", at(3, 12, 18), at(3, 13)),
    ],
)
def test_purposes_said_to_someone_or_at_handover(text: str, start: datetime, end: datetime) -> None:
    flt = _filter(text, FRIDAY_NOON)
    assert (flt.time_from, flt.time_to) == (start, end)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tomorrow 烟雾", (at(3, 14), at(3, 15))),
        ("tomorrow afternoon 抽烟", (at(3, 14, 12), at(3, 14, 18))),
        ("the day after tomorrow 液位", (at(3, 15), at(3, 16))),
        ("the week before last 着火", (at(2, 23), at(3, 2))),
        ("month before last 温度", (at(1, 1), at(2, 1))),
        ("这两周 冒烟", (at(2, 27, 12, 10), FRIDAY_NOON)),
        ("这三个礼拜 有人闯入", (at(2, 20, 12, 10), FRIDAY_NOON)),
        ("这两个月 压力", (at(1, 13, 12, 10), FRIDAY_NOON)),
    ],
)
def test_probe_time_words(text: str, span: tuple[datetime, datetime]) -> None:
    assert time_span(text, FRIDAY_NOON) == span


def test_this_one_week_and_this_month_stay_calendar_periods() -> None:
    assert time_span("这一周 冒烟", FRIDAY_NOON) == (at(3, 9), at(3, 16))
    assert time_span("这个月 冒烟", FRIDAY_NOON) == (at(3, 1), at(4, 1))
