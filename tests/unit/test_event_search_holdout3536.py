"""The general causes the thirty-fifth event-search set (holdout35 dev; holdout36 held out) showed, tested here
on wording other than the sentences that revealed them:

* a distance opening the sentence and closed by a bare 内 (两公里内 X) gave no radius (以内 did);
* a named gas beside a generic gas alarm (硫化氢 气体报警) gave both gas kinds: the phrase 气体 + alarm word
  now yields to the named gas, as a kind-less gas word already did;
* a person's report through a channel (微信群, 打电话) was no source.
* a clock numeral right after a lunar day (初一零点) was read into the day (初10), so the day moved.

Plus what must not change: a generic gas alarm alone gives both kinds; 火警电话 is no source."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from agents.nlp.timeexpr import parse_time_range
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at

NOW = at(11, 26, 15)
ENTERPRISES = [
    {"id": "E-ALLOY", "name": "江阴市恒瑞合金材料有限公司", "town": "申港街道", "lat": 31.8, "lon": 120.2},
]


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer(ENTERPRISES))


def parsed(parser: EventQueryParser, text: str) -> EventFilter:
    return parser.parse(text, NOW).filter


@pytest.mark.parametrize(("text", "metres"), [("四公里内 恒瑞合金 着火", 4000), ("八百米内 恒瑞合金", 800)])
def test_a_distance_with_a_bare_nei_opening_the_sentence(
    parser: EventQueryParser, text: str, metres: int
) -> None:
    assert [p.radius_m for p in parsed(parser, text).places] == [metres]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("恒瑞合金 氨气的气体报警", "有毒气体超标"), ("丙烷 气体报警 申港", "可燃气体泄漏")],
)
def test_a_named_gas_decides_a_generic_gas_alarm(parser: EventQueryParser, text: str, kind: str) -> None:
    assert parsed(parser, text).event_types == [kind]


def test_a_generic_gas_alarm_alone_stays_both_kinds(parser: EventQueryParser) -> None:
    assert set(parsed(parser, "申港 气体报警").event_types) == {"可燃气体泄漏", "有毒气体超标"}


@pytest.mark.parametrize("text", ["工作群里报上来的 恒瑞合金 冒烟", "有人打电话来 申港 着火"])
def test_a_report_through_a_channel_is_a_manual_report(parser: EventQueryParser, text: str) -> None:
    assert parsed(parser, text).sources == ["人工上报"]


def test_a_fire_phone_number_is_no_source(parser: EventQueryParser) -> None:
    assert parsed(parser, "恒瑞合金 火警电话").sources == []


# Thursday 11 February 2027 09:00 = 正月初六 (春节 2027 = 6 February).
AFTER_NEW_YEAR = at(2, 11, 9, year=2027)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("正月初一零点到四点", (at(2, 6, year=2027), at(2, 6, 4, year=2027))),
        ("初二一点以后", (at(2, 7, 1, year=2027), at(2, 8, year=2027))),
    ],
)
def test_a_clock_numeral_right_after_a_lunar_day(text: str, expected: tuple[datetime, datetime]) -> None:
    found = parse_time_range(text, AFTER_NEW_YEAR)
    assert found is not None and (found.start, found.end) == expected
