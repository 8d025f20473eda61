"""The general causes the seventeenth event-search set (holdout17 dev; holdout18 held out; the sets are
checked in test_event_search_datasets.py) showed, each tested here on wording other than the sentence
that revealed it: a date with 以前/之前 (an open start), 上月同期/今年同期, 早 after a weekday, a holiday with
节后/之后; the risk scale (高/中/低风险), a direction after 等级/级别, spans of numbered levels (一到三级); a broken
detector or gauge that is no event; an enterprise by its 字号 and clipped trade, and a 字号 two
enterprises share told apart by the rest of the word; plus what must not change."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.device_faults import device_fault_spans
from agents.events.modifiers import level_spans
from agents.events.query_parser import EventQueryParser
from agents.nlp.timeexpr import CST, parse_time_range
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at

# Wednesday 16 December 2026, 11:40; a Monday morning; a Thursday after the October holiday.
WEDNESDAY = datetime(2026, 12, 16, 11, 40, tzinfo=CST)
MONDAY = datetime(2026, 12, 7, 8, 30, tzinfo=CST)
AFTER_OCTOBER = datetime(2026, 10, 15, 17, 0, tzinfo=CST)
MARCH_31 = datetime(2027, 3, 31, 9, 0, tzinfo=CST)

ENTERPRISES = [
    {"id": "E-BOLT", "name": "江阴市宏泰紧固件制造有限公司", "town": "南闸街道", "lat": 31.8, "lon": 120.3},
    {"id": "E-DYE", "name": "江阴宏泰印染有限公司", "town": "祝塘镇", "lat": 31.7, "lon": 120.4},
    {"id": "E-PIPE", "name": "江阴市锦安管业科技有限公司", "town": "璜土镇", "lat": 31.9, "lon": 120.1},
]


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer(ENTERPRISES, []))


# ---- time ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("11月20日以前的告警", at(11, 20)),
        ("2026年12月1日之前", at(12, 1)),
        ("这个月3号以前", at(12, 3)),
        ("9号之前 有没有冒烟", at(12, 9)),
        ("11月28日前", at(11, 28)),
    ],
)
def test_a_date_with_before_has_no_start(text: str, end: datetime) -> None:
    found = parse_time_range(text, WEDNESDAY)
    assert found is not None and found.open_start and found.end == end


def test_days_ago_without_a_month_stays_days_ago() -> None:
    for text in ("3日前", "4天前"):
        found = parse_time_range(text, WEDNESDAY)
        assert found is not None and not found.open_start and found.end - found.start == at(1, 2) - at(1, 1)


def test_the_open_start_reaches_the_filter_as_no_start(parser: EventQueryParser) -> None:
    flt = parser.parse("12月2日以前 城东 火警", WEDNESDAY).filter
    assert flt.time_from is None and flt.time_to == at(12, 2)


def test_same_period_last_month_runs_to_now_a_month_back() -> None:
    found = parse_time_range("上个月同期的泄漏", WEDNESDAY)
    assert found is not None and (found.start, found.end) == (at(11, 1), at(11, 16, 11, 40))
    clamped = parse_time_range("上月同期", MARCH_31)  # February has no 31st
    assert clamped is not None and clamped.end == at(2, 28, 9, year=2027)


def test_same_period_this_year_is_this_month() -> None:
    found = parse_time_range("今年的同期", WEDNESDAY)
    assert found is not None and (found.start, found.end) == (at(12, 1), at(1, 1, year=2027))


@pytest.mark.parametrize("text", ["周六早", "礼拜天早 有人抽烟"])
def test_early_alone_after_a_weekday_is_its_morning(text: str) -> None:
    found = parse_time_range(text, MONDAY)
    assert found is not None and found.start.hour == 6 and found.end.hour == 9


def test_early_in_other_words_is_not_a_morning() -> None:
    found = parse_time_range("昨天早些时候", MONDAY)
    assert found is not None and (found.start, found.end) == (at(12, 6), at(12, 7))


@pytest.mark.parametrize("text", ["国庆假期过后", "国庆节之后", "国庆后 临港"])
def test_after_a_holiday_starts_the_day_after_it(text: str) -> None:
    found = parse_time_range(text, AFTER_OCTOBER)
    assert found is not None and (found.start, found.end) == (at(10, 8), AFTER_OCTOBER)


def test_since_a_holiday_still_starts_on_it() -> None:
    found = parse_time_range("国庆以来", AFTER_OCTOBER)
    assert found is not None and found.start == at(10, 1)


# ---- levels -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("中等风险的告警", {"黄色"}),
        ("低风险", {"蓝色"}),
        ("重大风险", {"红色"}),
        ("较大风险", {"橙色"}),
        ("高风险", {"红色", "橙色"}),
        ("橙色级别及以上", {"红色", "橙色"}),
        ("黄色等级以下", {"黄色", "蓝色"}),
        ("2至4级的", {"橙色", "黄色", "蓝色"}),
        ("Ⅰ-Ⅲ级", {"红色", "橙色", "黄色"}),
    ],
)
def test_spoken_levels(parser: EventQueryParser, text: str, levels: set[str]) -> None:
    assert set(parser.parse(text, WEDNESDAY).filter.levels) == levels


def test_a_level_span_needs_the_level_unit() -> None:
    assert level_spans("三到四个人") == [] and level_spans("十一到十二级") == []
    assert level_spans("四到三级") == [(0, 4, ["黄色", "蓝色"])]


# ---- device faults ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["可燃气体探测器故障 璜土", "液位计失灵", "温感又坏了", "探头不亮了"])
def test_a_broken_device_is_no_event(parser: EventQueryParser, text: str) -> None:
    flt = parser.parse(text, WEDNESDAY).filter
    assert flt.event_types == [] and flt.sources == []


def test_an_alarm_without_a_fault_is_still_an_alarm(parser: EventQueryParser) -> None:
    assert parser.parse("烟雾报警", WEDNESDAY).filter.event_types == ["烟雾"]
    assert device_fault_spans("压力超限报警") == []


# ---- enterprises --------------------------------------------------------------------------------
def test_a_clipped_trade_after_the_name_is_the_enterprise(parser: EventQueryParser) -> None:
    flt = parser.parse("锦安管业 硫化氢", WEDNESDAY).filter
    assert [p.id for p in flt.places] == ["E-PIPE"]


def test_a_shared_trade_name_is_told_apart_by_the_rest(parser: EventQueryParser) -> None:
    assert [p.id for p in parser.parse("宏泰印染 冒烟", WEDNESDAY).filter.places] == ["E-DYE"]
    assert [p.id for p in parser.parse("宏泰紧固件 着火", WEDNESDAY).filter.places] == ["E-BOLT"]


def test_a_conjunction_before_a_clipped_name_joins_two(parser: EventQueryParser) -> None:
    flt = parser.parse("宏泰印染和锦安管业 有人受伤", WEDNESDAY).filter
    assert {p.id for p in flt.places} == {"E-DYE", "E-PIPE"}
