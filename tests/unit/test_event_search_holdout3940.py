"""Round 22 of event search (holdout39 dev; holdout40 held out): hard sentences typed by a tired duty officer or
dictated by voice. The general causes its first measurement showed are tested here on wording other than the sets:

* times said against shift and work hours (白班/早班, 交班/接班 with 前N小时 or 以后, 下班前N小时, 上班以来, X收假以后)
  were no time or the whole day (``agents.nlp.shift_times``);
* a direction between a place and a distance (往北两公里, 南面800米) hid the radius, and 靠近 X was no 附近;
* a composed event phrase after a negation (不是冒烟的, 除了冒黑烟和着火以外的) was asked for instead of taken out;
* a pungent smell with no gas named (气味刺鼻, 味儿特别呛) was no type;
* a value taken back as it was said (城东 不对 澄江) stayed beside the corrected one.

Plus what must not change: 早班车/交班记录 are no time, a direction alone names the place with no radius, a negation
said afterwards about other words (误报的不算 冒烟) leaves the phrase asked for, and a named gas decides its kind."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at, time_span

WEDNESDAY = at(12, 9, 10, 30)
ALL_TYPES = {
    "烟雾", "火焰", "未戴安全帽", "消防通道占用", "未穿反光衣", "人员闯入", "电瓶车进电梯", "抽烟", "温度超限",
    "压力超限", "液位异常", "可燃气体泄漏", "有毒气体超标", "泄漏报告", "火情报告", "人员受伤",
}  # fmt: skip


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    enterprises = [
        {"id": "E1", "name": "江阴市汇宝纺织有限公司", "town": "周庄镇", "lat": 31.8, "lon": 120.4},
    ]
    return EventQueryParser(demo_gazetteer(enterprises))


def parsed(parser: EventQueryParser, text: str, now: datetime = WEDNESDAY) -> EventFilter:
    return parser.parse(text, now).filter


def types(parser: EventQueryParser, text: str) -> set[str]:
    return {str(v) for v in parsed(parser, text).event_types}


@pytest.mark.parametrize(
    ("text", "now", "span"),
    [
        ("交接班前半小时", WEDNESDAY, (at(12, 9, 7, 30), at(12, 9, 8))),  # the 08:00 handover came last
        ("交班前两小时", at(12, 9, 6, 30), (at(12, 8, 18), at(12, 8, 20))),  # before 08:00: last night's
        ("夜里交班以后", at(12, 9, 21, 15), (at(12, 9, 20), at(12, 9, 21, 15))),
        ("昨晚交班前1个小时", WEDNESDAY, (at(12, 8, 19), at(12, 8, 20))),
        ("夜班交班后到现在", WEDNESDAY, (at(12, 9, 8), WEDNESDAY)),
        ("上周五早班", WEDNESDAY, (at(12, 4, 8), at(12, 4, 20))),
        ("昨天白班期间", WEDNESDAY, (at(12, 8, 8), at(12, 8, 20))),
        ("白班的时候", at(12, 9, 6, 30), (at(12, 8, 8), at(12, 8, 20))),  # today's has not begun
        ("白班的时候", WEDNESDAY, (at(12, 9, 8), at(12, 9, 20))),
        ("下班前两个小时", WEDNESDAY, (at(12, 8, 15), at(12, 8, 17))),  # no day: latest begun
        ("前天上班后一小时内", WEDNESDAY, (at(12, 7, 8), at(12, 7, 9))),
        ("今天上班至今", WEDNESDAY, (at(12, 9, 8), WEDNESDAY)),
    ],
)
def test_shift_and_work_hours(text: str, now: datetime, span: tuple[datetime, datetime]) -> None:
    assert time_span(text, now) == span


def test_holiday_back_to_work_is_after_the_holiday() -> None:
    now = at(5, 20, 9)
    assert time_span("五一收假以后", now) == time_span("五一节后", now) is not None


@pytest.mark.parametrize("text", ["早班车 冒烟", "交班记录 火情", "夜班说 有人闯入"])
def test_shift_words_that_are_no_time(text: str) -> None:
    assert time_span(text, WEDNESDAY) is None


@pytest.mark.parametrize(
    ("text", "radius"),
    [
        ("汇宝纺织往东三公里 冒烟", 3000),
        ("汇宝纺织南面800米以内 有人抽烟", 800),
        ("靠近汇宝纺织的地方 有人抽烟", 1000),
        ("汇宝纺织西侧 着火", None),  # a side alone is the place itself
    ],
)
def test_direction_and_distance_after_a_place(
    parser: EventQueryParser, text: str, radius: int | None
) -> None:
    places = parsed(parser, text).places
    assert [(p.id, p.radius_m) for p in places] == [("E1", radius)]


def test_direction_and_distance_after_a_village(parser: EventQueryParser) -> None:
    places = parsed(parser, "红光村向北1公里 烟雾").places
    assert [(p.kind, p.radius_m) for p in places] == [("village", 1000)]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("不是起火的 月城", {"火焰"}),
        ("除了冒黑烟和着火以外的 本周", {"烟雾", "火焰"}),
        ("冒烟的除外 青阳", {"烟雾"}),
    ],
)
def test_negated_composed_types_are_every_other(parser: EventQueryParser, text: str, gone: set[str]) -> None:
    assert types(parser, text) == ALL_TYPES - gone


@pytest.mark.parametrize("text", ["误报的不算 冒烟 申港", "不是误报的冒烟 申港"])
def test_a_negation_of_another_field_leaves_the_phrase(parser: EventQueryParser, text: str) -> None:
    assert types(parser, text) == {"烟雾"}


@pytest.mark.parametrize("text", ["车间里气味刺鼻", "储罐边上味儿特别呛", "仓库门口闻着呛人"])
def test_a_pungent_smell_is_a_toxic_gas(parser: EventQueryParser, text: str) -> None:
    assert types(parser, text) == {"有毒气体超标"}


def test_a_named_gas_decides_the_smell(parser: EventQueryParser) -> None:
    assert types(parser, "天然气味道很冲") == {"可燃气体泄漏"}


@pytest.mark.parametrize(
    ("text", "towns"),
    [
        ("城东 不对 澄江 冒烟", ["澄江街道"]),
        ("月城搞错了是青阳的火情", ["青阳镇"]),
        ("利港，说错了，应该是申港 今天", ["申港街道"]),
    ],
)
def test_a_corrected_value_keeps_only_the_second(
    parser: EventQueryParser, text: str, towns: list[str]
) -> None:
    assert parsed(parser, text).towns == towns


# Found by probes written after the held-out measurement (outside every set), tested on other wording again.


@pytest.mark.parametrize(
    ("text", "now", "span"),
    [
        ("上周四晚班", WEDNESDAY, (at(12, 3, 20), at(12, 4, 8))),  # 晚班 = 夜班, after a weekday too
        ("上周日夜班", WEDNESDAY, (at(12, 6, 20), at(12, 7, 8))),
        ("早班 申港", WEDNESDAY, (at(12, 9, 8), at(12, 9, 20))),  # said alone: the latest begun
        ("接班后1小时内", WEDNESDAY, (at(12, 9, 8), at(12, 9, 9))),
        ("昨天下午差不多3点", WEDNESDAY, (at(12, 8, 15), at(12, 8, 16))),  # a hedge before a clock
    ],
)
def test_more_shift_words_and_hedged_clocks(
    text: str, now: datetime, span: tuple[datetime, datetime]
) -> None:
    assert time_span(text, now) == span


def test_a_shift_as_people_is_no_time() -> None:
    assert time_span("白班的同事说", WEDNESDAY) is None


@pytest.mark.parametrize(
    ("text", "radius"),
    [
        ("汇宝纺织厂周边两公里 冒烟", 2000),  # 厂 after a short name
        ("紧挨着汇宝纺织 有人抽烟", 1000),
        ("汇宝纺织对面 冒烟", 1000),
        ("汇宝纺织往西走500米 冒烟", 500),
        ("汇宝纺织正南三公里 冒烟", 3000),
    ],
)
def test_more_near_and_direction_words(parser: EventQueryParser, text: str, radius: int) -> None:
    assert [(p.id, p.radius_m) for p in parsed(parser, text).places] == [("E1", radius)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不是冒烟起火的 今天", ALL_TYPES - {"烟雾", "火焰"}),  # two phrases under one negation
        ("食堂后面味道很重", {"有毒气体超标"}),
        ("闻到燃气味 青阳", {"可燃气体泄漏"}),
        ("消防通道被电瓶车占了", {"消防通道占用"}),  # an e-bike blocking, not one in a lift
    ],
)
def test_more_composed_types(parser: EventQueryParser, text: str, expected: set[str]) -> None:
    assert types(parser, text) == expected


@pytest.mark.parametrize("text", ["排除掉已处置的 本周", "去掉已经办结的 本周"])
def test_a_negation_carries_over_already(parser: EventQueryParser, text: str) -> None:
    assert {str(v) for v in parsed(parser, text).statuses} == {"待研判", "正报", "误报", "已派发"}


def test_a_correction_said_with_bare_not(parser: EventQueryParser) -> None:
    assert parsed(parser, "城东，不是，是澄江 火情").towns == ["澄江街道"]


@pytest.mark.parametrize("text", ["车间里有人闻到怪味", "宿舍楼有异味"])
def test_an_odd_smell_alone_is_no_type(parser: EventQueryParser, text: str) -> None:
    assert types(parser, text) == set()


def test_something_off_is_no_correction(parser: EventQueryParser) -> None:
    assert parsed(parser, "申港 不对劲 冒烟").towns == ["申港街道"]
