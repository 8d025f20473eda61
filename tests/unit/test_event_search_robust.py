"""Place names and words the third held-out set (events-robust) showed missing, each tested on a
sentence other than the one that revealed it."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.gazetteer import station_aliases, town_aliases
from agents.events.query_parser import EventQueryParser
from agents.nlp.timeexpr import CST
from core.event_search import EventFilter
from ingestion.demo.geography import TOWNS, village_id
from tests.support.event_gazetteer import demo_gazetteer

NOW = datetime(2026, 3, 2, 9, 15, tzinfo=CST)
STATION = "91320281MA0000001X"
PRIVATE_STATION = "91320281MA0000002X"
WEICHENG = "91320281MA0000003X"


def _enterprise(uscc: str, name: str, town: str) -> dict[str, object]:
    return {
        "id": uscc,
        "name": name,
        "town": town,
        "lat": 31.9,
        "lon": 120.3,
        "address": f"江阴市{town}澄杨路1号",
    }


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    gazetteer = demo_gazetteer(
        enterprises=[
            _enterprise(STATION, "中国石化销售股份有限公司江苏无锡江阴顾山万兴加油站", "顾山镇"),
            _enterprise(PRIVATE_STATION, "江阴市申港申新益铖加油站有限公司", "申港街道"),
            _enterprise(WEICHENG, "江阴市伟诚铝业有限公司", "华士镇"),
        ],
    )
    return EventQueryParser(gazetteer)


def parse(p: EventQueryParser, text: str) -> EventFilter:
    return p.parse(text, NOW).filter


def _towns() -> dict[str, str]:
    out: dict[str, str] = {}
    for t in TOWNS:
        out[t.name] = t.name
        for alias in town_aliases(t.name):
            out.setdefault(alias, t.name)
    return out


def test_station_aliases_drop_the_town_and_keep_the_trade_name() -> None:
    towns = _towns()
    assert station_aliases("周庄三房巷辰尚加油站", towns) == ["三房巷辰尚加油站", "辰尚加油站"]
    assert station_aliases("新桥新桥加油站", towns) == ["新桥加油站"]  # never a bare 加油站
    assert station_aliases("兴澄特钢", towns) == []


def test_station_named_without_its_town(parser: EventQueryParser) -> None:
    f = parse(parser, "万兴加油站周边 可燃气体")
    assert [(p.id, p.radius_m) for p in f.places] == [(STATION, 1000)]
    f = parse(parser, "益铖加油站 今天 漏气")
    assert [p.id for p in f.places] == [PRIVATE_STATION]


def test_registered_name_without_the_city_keeps_its_radius(parser: EventQueryParser) -> None:
    f = parse(parser, "伟诚铝业有限公司周边1公里 明火")
    assert [(p.id, p.radius_m) for p in f.places] == [(WEICHENG, 1000)]
    assert f.leftovers == []


def test_park_named_without_its_last_character(parser: EventQueryParser) -> None:
    f = parse(parser, "物流园 电瓶车")
    assert [p.id for p in f.places] == [village_id("临港经济开发区", "物流园区")]
    f = parse(parser, "申夏港 有毒气体")
    assert [p.id for p in f.places] == [village_id("临港经济开发区", "申夏港区")]


def test_a_shared_village_name_is_narrowed_to_the_town_said(parser: EventQueryParser) -> None:
    f = parse(parser, "夏港滨江社区上周的抽烟")
    assert f.towns == ["夏港街道"]
    assert [p.id for p in f.places] == [village_id("夏港街道", "滨江社区")]
    f = parse(parser, "滨江社区 抽烟")  # no town said: both
    assert len(f.places) == 2


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("新桥 高温", "event_types", ["温度超限"]),
        ("有害气体 临港", "event_types", ["有毒气体超标"]),
        ("VOC 超标", "event_types", ["有毒气体超标"]),
        ("已核实的火情", "statuses", ["正报"]),
        ("假警报 本周", "statuses", ["误报"]),
        ("智能分析报的", "sources", ["视频算法"]),
    ],
)
def test_more_duty_officer_words(parser: EventQueryParser, text: str, field: str, value: list[str]) -> None:
    assert [str(v) for v in getattr(parse(parser, text), field)] == value
