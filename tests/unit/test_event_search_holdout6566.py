"""Round 35 of event search (holdout65 dev; holdout66 held out): the dog days and plum rains by the almanac, 中元 /
七月半, the southern and northern 小年, leap lunar months, shifts named by their place in the roster (上个班次, 这个班),
the last season that has ended, English camera words with a number and towns typed as pinyin initials. Every case
is in other wording than the eval lines (ADR 0010/0011 amendments events35)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from lunar_python import Solar

from agents.events.query_parser import EventQueryParser
from agents.nlp.almanac_days import fu_periods
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import time_span as span
from tests.support.shanghai_time import whole_day as day
from tests.support.shanghai_time import ymd as at


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


TIME_CASES = [
    # 三伏 by the 庚 days: 2025's 初伏 began 20 July, 末伏 ended 18 August
    ("去年三伏天 华士 温度", at(2026, 3, 2), (at(2025, 7, 20), at(2025, 8, 19))),
    ("头伏 青阳 液位", at(2025, 9, 1), (at(2025, 7, 20), at(2025, 7, 30))),
    ("末伏那几天 周庄", at(2025, 9, 1), (at(2025, 8, 9), at(2025, 8, 19))),
    ("入伏到现在 申港", at(2025, 8, 1, 9), (at(2025, 7, 20), at(2025, 8, 1, 9))),
    ("出伏那天 新桥", at(2025, 9, 1), day(2025, 8, 19)),
    # 三伏 said in spring, before this year's has begun: last year's
    ("伏天 利港", at(2026, 4, 10), (at(2025, 7, 20), at(2025, 8, 19))),
    # 梅雨 by the almanac: 2025 入梅 6 June (the first 丙 day after 芒种), 出梅 13 July (the first 未 day after 小暑)
    ("去年梅雨期 城东 漏水", at(2026, 5, 20), (at(2025, 6, 6), at(2025, 7, 13))),
    ("黄梅季节里 夏港", at(2025, 6, 20), (at(2025, 6, 6), at(2025, 7, 13))),
    ("入梅到现在 月城", at(2025, 6, 20, 15), (at(2025, 6, 6), at(2025, 6, 20, 15))),
    ("出梅之后 顾山", at(2025, 8, 2, 10), (at(2025, 7, 13), at(2025, 8, 2, 10))),
    ("出梅当天 璜土", at(2025, 8, 2), day(2025, 7, 13)),
    # 中元 = 七月十五, the latest not after today
    ("中元 那天 长泾", at(2025, 9, 10), day(2025, 9, 6)),
    ("去年七月半 澄江", at(2026, 9, 30), day(2025, 9, 6)),
    ("鬼节到现在", at(2026, 9, 1, 8), (at(2026, 8, 27), at(2026, 9, 1, 8))),
    ("中元节那天夜里 南闸", at(2026, 9, 1), (at(2026, 8, 27, 18), at(2026, 8, 28))),
    # 小年: 廿四 in Jiangyin, 廿三 only when 北方 is said
    ("小年 云亭 火警", at(2026, 2, 20), day(2026, 2, 11)),
    ("北方小年那天 祝塘", at(2026, 2, 20), day(2026, 2, 10)),
    ("南方小年以来", at(2026, 2, 13, 9), (at(2026, 2, 11), at(2026, 2, 13, 9))),
    # leap months: 2025 has 闰六月 (25 July → 22 August), 2028 闰五月, 2023 闰二月
    ("闰6月十五 徐霞客", at(2026, 1, 5), day(2025, 8, 8)),
    ("今年闰六月里 临港", at(2025, 12, 1), (at(2025, 7, 25), at(2025, 8, 23))),
    ("闰二月初一", at(2026, 1, 5), day(2023, 3, 22)),
    # the last season that has ended (上个冬天 in December is the winter before the one begun in November)
    ("上一个冬天 华士", at(2026, 12, 20), (at(2025, 11, 7), at(2026, 2, 4))),
    ("刚过去的夏天 城东 温度", at(2026, 9, 15), (at(2026, 5, 5), at(2026, 8, 7))),
    # shifts by their place in the roster (08:00 / 20:00)
    ("上个班 青阳 烟雾", at(2026, 11, 27, 21), (at(2026, 11, 27, 8), at(2026, 11, 27, 20))),
    ("上一班次 周庄", at(2026, 11, 27, 7), (at(2026, 11, 26, 8), at(2026, 11, 26, 20))),
    ("本班 华士 火焰", at(2026, 11, 27, 7), (at(2026, 11, 26, 20), at(2026, 11, 27, 8))),
    ("这一班 利港", at(2026, 11, 27, 15), (at(2026, 11, 27, 8), at(2026, 11, 27, 20))),
]


@pytest.mark.parametrize(("text", "now", "expected"), TIME_CASES, ids=[c[0] for c in TIME_CASES])
def test_almanac_festival_leap_month_and_shift_times(
    text: str, now: datetime, expected: tuple[datetime, datetime]
) -> None:
    assert span(text, now) == expected


@pytest.mark.parametrize(
    "text",
    [
        "地势起伏 华士",
        "埋伏在厂区门口",
        "220伏特 电压 异常",
        "这班人 抽烟",
        "上一班车 到站",
        "当班的人说 冒烟",
    ],
)
def test_words_that_only_contain_a_calendar_word_are_no_such_time(text: str) -> None:
    assert span(text, at(2026, 8, 20, 10)) is None


@pytest.mark.parametrize("year", range(2020, 2031))
def test_dog_days_agree_with_the_library(year: int) -> None:
    periods = fu_periods(year)
    assert periods is not None
    for name, (first, end) in periods.items():
        if name == "三伏":
            continue
        for probe in (first, date.fromordinal(end.toordinal() - 1)):
            fu = Solar.fromYmd(probe.year, probe.month, probe.day).getLunar().getFu()
            assert fu is not None and fu.getName() == name


def test_a_camera_typed_in_english_is_the_video_source_and_no_date(parser: EventQueryParser) -> None:
    out = parser.parse("Camera 12 昨天 有人闯入", at(2026, 11, 30, 10))
    assert out.filter.sources == ["视频算法"] and out.filter.places == []
    assert (out.filter.time_from, out.filter.time_to) == day(2026, 11, 29)
    out = parser.parse("cam-5 冒烟", at(2026, 11, 30, 10))
    assert out.filter.sources == ["视频算法"] and out.filter.time_from is None
    # a camera of the city's list keeps its id
    camera = {
        "id": "CAM-P08-0003",
        "name": "月城商业综合体003号",
        "town": "月城镇",
        "lat": 31.79,
        "lon": 120.21,
    }
    out = EventQueryParser(demo_gazetteer(cameras=[camera])).parse("CAM-P08-0003 冒烟", at(2026, 11, 30, 10))
    assert [p.id for p in out.filter.places] == ["CAM-P08-0003"]


@pytest.mark.parametrize(
    ("text", "towns"),
    [("gsz 抽烟", ["顾山镇"]), ("YTJD 火焰", ["云亭街道"]), ("cjz 和 ztz 烟雾", ["长泾镇", "祝塘镇"])],
)
def test_a_town_typed_as_its_pinyin_initials(parser: EventQueryParser, text: str, towns: list[str]) -> None:
    assert parser.parse(text, at(2026, 11, 30, 10)).filter.towns == towns


def test_two_letters_are_no_town(parser: EventQueryParser) -> None:
    assert parser.parse("hs 烟雾", at(2026, 11, 30, 10)).filter.towns == []
