"""Round 25 of event search (holdout45 dev; holdout46 held out): round 24's leftovers and new families. The general
causes its first measurement showed are tested here on wording other than the sets:

* N个来小时前 (``agents.nlp.rough_times``) gave no time; it is the rolling N hours up to now;
* M点前后 + a span (前后半小时, 前后二十分钟, 前后一个小时) read as the hour; it is the span around M:00;
* 天快亮的时候 (天快要亮, 天蒙蒙亮那会儿) gave no time; it is 04:00–06:00;
* 截止到 a clock time ended at the end of its hour; it ends at the clock (``time_open_ends``);
* 到目前为止 / 直到现在为止 before a period kept the period's end; it ends at now (``time_patterns``);
* a bare detector tag (TT-2101 报警) and an interlock (联锁动作) gave no source; both are 物联阈值
  (``agents.events.detector_tags``, ``vocab``);
* 一带 after a village put the 附近 radius on it; it is the village itself (``modifiers``);
* an enterprise's street address (长寿路12号) was the road and, with a house number up to 31, a day of the month;
  it is the enterprise when one enterprise has that address (``gazetteer.street_address``,
  ``agents.nlp.house_numbers``).

Plus what must not change: 八点前后 alone (its hour), 截止到 a day (its end), 凌晨到现在, a tag after its detector's
name (可燃气体探头 GD-301: the type, no source), an event number, 附近 (1000 m), a radius after 一带, a bare 12号, and
an address two enterprises share (the road)."""

from __future__ import annotations

from typing import Any

import pytest

from agents.events.query_parser import EventQueryParser
from agents.nlp.timeexpr import parse_time_range
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at, time_span

THURSDAY_EVENING = at(3, 12, 19, 40)  # Thursday 12 March 2026
ENTERPRISES: list[dict[str, Any]] = [
    {"id": "E-HT", "name": "江阴市恒通机械有限公司", "town": "周庄镇", "lat": 31.8, "lon": 120.4,
     "address": "江阴市周庄镇长寿路12号"},
    {"id": "E-LD", "name": "江阴市立达纺织有限公司", "town": "华士镇", "lat": 31.8, "lon": 120.4,
     "address": "江阴市华士镇澄杨路8号1号厂房"},
    {"id": "E-HS", "name": "江阴市宏盛塑业有限公司", "town": "华士镇", "lat": 31.8, "lon": 120.4,
     "address": "江阴市华士镇澄杨路8号2号厂房"},
]  # fmt: skip


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer(ENTERPRISES))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("三个来钟头以前 冒烟", (at(3, 12, 16, 40), THURSDAY_EVENING)),
        ("一个来小时之前 液位", (at(3, 12, 18, 40), THURSDAY_EVENING)),
        ("早上七点前后二十分钟 抽烟", (at(3, 12, 6, 40), at(3, 12, 7, 20))),
        ("今天下午三点前后一个小时 烟雾", (at(3, 12, 14), at(3, 12, 16))),
        ("前天晚上十一点前后半个小时", (at(3, 10, 22, 30), at(3, 10, 23, 30))),
        ("天快要亮的时候 着火", (at(3, 12, 4), at(3, 12, 6))),
        ("天快亮了那会儿 压力", (at(3, 12, 4), at(3, 12, 6))),  # a probe after holdout46
        ("半个来小时以前 烟雾", (at(3, 12, 19, 10), THURSDAY_EVENING)),  # a probe after holdout46
        ("前天天蒙蒙亮那会儿 有人翻墙", (at(3, 10, 4), at(3, 10, 6))),
        ("直到现在为止 这个季度 烟雾", (at(1, 1), THURSDAY_EVENING)),
        ("到目前为止今年 红色", (at(1, 1), THURSDAY_EVENING)),
    ],
)
def test_rough_times_and_up_to_now_before_a_period(text: str, span: tuple) -> None:
    assert time_span(text, THURSDAY_EVENING) == span


def test_rough_forms_leave_the_plain_ones_alone() -> None:
    assert time_span("八点前后 温度", THURSDAY_EVENING) == (at(3, 12, 8), at(3, 12, 9))
    assert time_span("凌晨到现在 冒烟", THURSDAY_EVENING) == (at(3, 12), THURSDAY_EVENING)
    assert time_span("两个多小时以前 着火", THURSDAY_EVENING) == (at(3, 12, 16, 40), THURSDAY_EVENING)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("截至今天下午四点半 红色", at(3, 12, 16, 30)),
        ("截止到昨天夜里十一点为止 抽烟", at(3, 11, 23)),
        ("截止到今天早上八点钟 误报", at(3, 12, 8)),
        ("截止到昨天晚上 抽烟", at(3, 12)),  # no clock: the end of what it names
        ("截至前天 烟雾", at(3, 11)),
    ],
)
def test_a_deadline_at_a_clock_is_that_instant(text: str, end: object) -> None:
    found = parse_time_range(text, THURSDAY_EVENING)
    assert found is not None and found.open_start
    assert found.end == end


def test_bare_detector_tags_and_interlocks_are_instrument_alarms(parser: EventQueryParser) -> None:
    tagged = parser.parse("TT-2101 报警 前天", THURSDAY_EVENING).filter
    assert (tagged.sources, tagged.event_types) == (["物联阈值"], [])
    assert tagged.time_from == at(3, 10)
    assert parser.parse("pt3105报了 城东", THURSDAY_EVENING).filter.sources == ["物联阈值"]
    assert parser.parse("联锁动作 临港 本周", THURSDAY_EVENING).filter.sources == ["物联阈值"]
    named = parser.parse("可燃气体探头 GD-301 报警", THURSDAY_EVENING).filter
    assert (named.sources, named.event_types) == ([], ["可燃气体泄漏"])
    numbered = parser.parse("事件编号EV-20260301-00012 烟雾", THURSDAY_EVENING).filter
    assert numbered.sources == []


def test_yidai_is_the_village_itself(parser: EventQueryParser) -> None:
    def radius(text: str) -> int | None:
        places = parser.parse(text, THURSDAY_EVENING).filter.places
        assert [p.id for p in places] == ["顾山镇/红豆村"]
        return places[0].radius_m

    assert radius("顾山红豆村一带 着火") is None
    assert radius("红豆村附近 着火") == 1000
    assert radius("红豆村一带两公里 着火") == 2000


def test_a_street_address_is_the_enterprise_there(parser: EventQueryParser) -> None:
    found = parser.parse("长寿路12号 昨天 抽烟", THURSDAY_EVENING).filter
    assert [(p.kind, p.id) for p in found.places] == [("enterprise", "E-HT")]
    assert (found.time_from, found.time_to) == (at(3, 11), at(3, 12))
    shared = parser.parse("澄杨路8号 冒烟", THURSDAY_EVENING).filter  # two enterprises there: the road
    assert [(p.kind, p.id) for p in shared.places] == [("road", "澄杨路")]
    assert shared.time_from is None
    assert time_span("12号 抽烟", THURSDAY_EVENING) == (at(3, 12), at(3, 13))
