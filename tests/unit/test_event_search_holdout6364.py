"""Round 34 of event search (holdout63 dev; holdout64 held out): lunar festivals (腊八, 小年, 七夕, 重阳) as their lunar
day, the months around the flood season (汛前, 汛后), 去年冬天 said in January, N号 before a loading bay, 高新区 as
城东街道 and a person phoning on site (no source). Every case is in other wording than the eval lines (ADR 0010/0011
amendments events34)."""

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
    # lunar festivals: the lunar day, the latest not after today or of the lunar year said
    ("今年腊八 青阳 漏水", at(2027, 1, 22), day(2027, 1, 15)),
    # 小年 = 腊月二十四 in Jiangyin (the southern custom) since events35; it was 廿三 (30 January 2027) here
    # (its line said 小年那天晚上之前, the whole day then; 那天晚上 after a festival is now its evening, events35)
    ("小年那天的火警", at(2027, 2, 20), day(2027, 1, 31)),
    ("去年小年", at(2027, 2, 20), day(2027, 1, 31)),  # 去年 = the lunar year before the current one
    ("七夕节 新桥 抽烟", at(2026, 8, 10), day(2025, 8, 29)),  # this year's 七夕 (19 August) still ahead
    ("去年重阳 璜土", at(2026, 11, 2), day(2025, 10, 29)),
    ("重阳到现在", at(2026, 10, 25, 8), (at(2026, 10, 18), at(2026, 10, 25, 8))),
    # the month before and after the flood season, the latest begun or of the year said
    ("汛前 月城 液位", at(2026, 6, 3), (at(2026, 4, 1), at(2026, 5, 1))),
    ("去年汛后 华士", at(2026, 6, 3), (at(2025, 10, 1), at(2025, 11, 1))),
    ("汛期以后 周庄 压力", at(2026, 3, 2), (at(2025, 10, 1), at(2025, 11, 1))),
    # 去年冬天 inside a winter, before 立春: the winter before the current one
    ("去年冬季 城东 烟雾", at(2027, 2, 2), (at(2025, 11, 7), at(2026, 2, 4))),
    ("去年冬天 南闸", at(2026, 12, 15), (at(2025, 11, 7), at(2026, 2, 4))),
]


@pytest.mark.parametrize(("text", "now", "expected"), TIME_CASES, ids=[c[0] for c in TIME_CASES])
def test_festival_and_flood_edge_times(text: str, now: datetime, expected: tuple[datetime, datetime]) -> None:
    assert span(text, now) == expected


def test_words_built_on_a_festival_name_are_no_day() -> None:
    assert span("小年轻 在 仓库 抽烟", at(2027, 2, 20)) is None


def test_entering_the_flood_season_is_still_its_start(parser: EventQueryParser) -> None:
    assert span("入汛后 利港", at(2026, 6, 15, 9)) == (at(2026, 5, 1), at(2026, 6, 15, 9))


def test_a_numbered_loading_bay_is_no_day(parser: EventQueryParser) -> None:
    out = parser.parse("5号装车位 有人没穿反光衣", at(2026, 11, 30, 10))
    assert out.filter.time_from is None and out.filter.event_types == ["未穿反光衣"]
    out = parser.parse("2号泊位 冒烟", at(2026, 11, 30, 10))
    assert out.filter.time_from is None


def test_the_high_tech_zone_is_chengdong(parser: EventQueryParser) -> None:
    out = parser.parse("江阴高新区 本周 火焰", at(2026, 11, 30, 10))
    assert out.filter.towns == ["城东街道"]


@pytest.mark.parametrize("text", ["仓库里有人在打电话", "加油区 有人接打电话 今天"])
def test_phoning_on_site_is_no_source(parser: EventQueryParser, text: str) -> None:
    assert parser.parse(text, at(2026, 11, 30, 10)).filter.sources == []


def test_a_phoned_in_report_is_still_manual(parser: EventQueryParser) -> None:
    out = parser.parse("有人打电话反映 祝塘 漏油", at(2026, 11, 30, 10))
    assert [str(s) for s in out.filter.sources] == ["人工上报"]
