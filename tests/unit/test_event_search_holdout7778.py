"""Round 41 of event search (holdout77 dev; holdout78 held out): a hotline operator's call, a camera grid, a
night-shift handover and a weekly report, with round 40's open words. Every case is in other wording than the eval
lines (ADR 0010, events41)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.pinyin_words import pinyin_spellings, word_for_pinyin
from agents.events.query_parser import EventQueryParser
from agents.nlp.calendar_days import CST
from tests.support.event_gazetteer import demo_gazetteer


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


PINYIN_CASES = [
    # Any vocabulary word typed in toneless pinyin reads as the word, in any case, with the words around it.
    ("fanguangbeixin 没穿 昨天 城东", "未穿反光衣"),
    ("Diandongche 进电梯 本周", "电瓶车进电梯"),
    ("有人 zhuangshang 了 今天", "人员受伤"),
    ("yewei 报警 青阳", "液位异常"),
    ("keranqi 昨天 利港", "可燃气体泄漏"),
]


@pytest.mark.parametrize(("text", "expected"), PINYIN_CASES, ids=[c[0] for c in PINYIN_CASES])
def test_pinyin_of_a_vocabulary_word(parser: EventQueryParser, text: str, expected: str) -> None:
    f = parser.parse(text, at(2026, 11, 26, 14)).filter
    assert [t.value for t in f.event_types] == [expected]


def test_pinyin_of_a_status_word(parser: EventQueryParser) -> None:
    f = parser.parse("zuotian 华士 yichuli de", at(2026, 11, 26, 14)).filter
    assert [s.value for s in f.statuses] == ["已处置"]


def test_pinyin_table_leaves_out_short_and_ambiguous_spellings() -> None:
    # 二字 with one spelling and two meanings is left out; a three-letter spelling is too short to trust.
    table = pinyin_spellings(({"火焰": "fire", "烟雾": "smoke"}, {"火眼": "status", "红": "level"}))
    assert table == {"yanwu": "烟雾"}
    assert word_for_pinyin("hello") is None
    assert word_for_pinyin("ai") is None


def test_latin_words_keep_their_table_spelling(parser: EventQueryParser) -> None:
    f = parser.parse("iot 报的 smoke", at(2026, 11, 26, 14)).filter
    assert [s.value for s in f.sources] == ["物联阈值"]
    assert [t.value for t in f.event_types] == ["烟雾"]


SAME_PERIOD_CASES = [
    # 上周同期: last week's Monday 00:00 → now seven days back (as 上月同期 for a month).
    ("上周同期 华士 火焰", at(2026, 11, 26, 14, 20), (at(2026, 11, 16), at(2026, 11, 19, 14, 20))),
    ("上个礼拜同期的 冒烟", at(2026, 11, 29, 21), (at(2026, 11, 16), at(2026, 11, 22, 21))),
    ("上星期同一时段 申港 抽烟", at(2026, 11, 23, 8), (at(2026, 11, 16), at(2026, 11, 16, 8))),
    # 上月同期 keeps its month.
    ("上月同期 月城 火焰", at(2026, 11, 26, 14, 20), (at(2026, 10, 1), at(2026, 10, 26, 14, 20))),
]


@pytest.mark.parametrize(
    ("text", "now", "expected"), SAME_PERIOD_CASES, ids=[c[0] for c in SAME_PERIOD_CASES]
)
def test_last_week_same_period(
    parser: EventQueryParser, text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    f = parser.parse(text, now).filter
    assert (f.time_from, f.time_to) == expected


SAME_DAY_CASES = [
    # 当日 / 当天 + a part of the day, or 当晚, a few words after a date: that part of that date.
    (
        "10月30日巡查发现，当天下午周庄镇长寿路有车辆堵塞消防通道",
        (at(2026, 10, 30, 12), at(2026, 10, 30, 18)),
    ),
    ("2026年11月2日收到举报，当晚申港街道有人抽烟", (at(2026, 11, 2, 18), at(2026, 11, 3))),
    ("11月1日夜班记录 当日早上 长泾 液位异常", (at(2026, 11, 1, 6), at(2026, 11, 1, 9))),
    # Glued to the date it is the date's own (as before).
    ("11月3日当天凌晨 华士 火焰", (at(2026, 11, 3), at(2026, 11, 3, 6))),
]


@pytest.mark.parametrize(("text", "expected"), SAME_DAY_CASES, ids=[c[0] for c in SAME_DAY_CASES])
def test_same_day_after_an_earlier_date(
    parser: EventQueryParser, text: str, expected: tuple[datetime, datetime]
) -> None:
    f = parser.parse(text, at(2026, 11, 5, 9, 30)).filter
    assert (f.time_from, f.time_to) == expected


def test_same_day_keeps_the_places_between(parser: EventQueryParser) -> None:
    f = parser.parse("10月30日周庄镇接报，当日凌晨周庄村冒烟", at(2026, 11, 5, 9, 30)).filter
    assert (f.time_from, f.time_to) == (at(2026, 10, 30), at(2026, 10, 30, 6))
    assert f.towns == ["周庄镇"]
    assert [p.id for p in f.places] == ["周庄镇/周庄村"]


def test_a_range_then_same_day_is_no_restatement(parser: EventQueryParser) -> None:
    # 11月1日到11月3日: the range stands; 当天 opening after a connector names no earlier date.
    f = parser.parse("11月1日到11月3日 顾山 火焰", at(2026, 11, 5, 9, 30)).filter
    assert (f.time_from, f.time_to) == (at(2026, 11, 1), at(2026, 11, 4))


PLUM_RAIN_CASES = [
    # 梅雨季 with only 入梅 said, before or after it: the said day → the day before the almanac's 出梅 (2026: 8 July).
    ("今年6月14号入梅的，这个梅雨季 华士 液位异常", (at(2026, 6, 14), at(2026, 7, 8))),
    ("梅雨季期间祝塘的烟雾，今年是6月20日入梅", (at(2026, 6, 20), at(2026, 7, 8))),
    # only 出梅 said: the almanac's 入梅 (11 June 2026) → the day before the said day.
    ("今年是7月12号出梅的 梅雨季里 青阳 火焰", (at(2026, 6, 11), at(2026, 7, 12))),
    # neither said: the almanac's season, as before.
    ("梅雨季 青阳 火焰", (at(2026, 6, 11), at(2026, 7, 8))),
]


@pytest.mark.parametrize(("text", "expected"), PLUM_RAIN_CASES, ids=[c[0] for c in PLUM_RAIN_CASES])
def test_plum_rains_with_one_day_said(
    parser: EventQueryParser, text: str, expected: tuple[datetime, datetime]
) -> None:
    f = parser.parse(text, at(2026, 11, 27, 10)).filter
    assert (f.time_from, f.time_to) == expected


def test_plum_rains_said_first_keeps_the_fields_after(parser: EventQueryParser) -> None:
    f = parser.parse("梅雨季里新桥镇的温度超限，今年是6月16号入梅的", at(2026, 11, 27, 10)).filter
    assert f.towns == ["新桥镇"]
    assert [t.value for t in f.event_types] == ["温度超限"]
