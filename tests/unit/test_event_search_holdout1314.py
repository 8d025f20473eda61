"""The general causes the thirteenth event-search set (holdout13 dev; holdout14 held out; the sets are
checked in test_event_search_datasets.py) showed are fixed: each is tested here on wording other than the
sentence that revealed it (a barrier named inside the climbing verb; an e-bike that blocks a route; a
vocabulary word typed with one wrong character, mended before negations read it; a clipped closing verb;
有毒 alone; a camera whose town is said apart from its spot; a factory's gate that shares a name with a
neighbourhood; a report's MM-DD date before a clock time)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from agents.events.site_parts import gate_spans
from agents.events.vocab_slips import VocabSlips
from agents.nlp.timeexpr import CST, parse_time_range
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer

THURSDAY = datetime(2026, 10, 29, 16, 30, tzinfo=CST)
OPEN = ["待研判", "正报", "已派发"]
ALL_BUT_FALSE = ["待研判", "正报", "已派发", "已处置"]


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    enterprises = [
        {"id": "E1", "name": "江阴市汇宝纺织有限公司", "town": "周庄镇", "lat": 31.8, "lon": 120.4}
    ]
    cameras = [
        {"id": "CAM-P03-0004", "name": "城东沿江堤防004号", "town": "城东街道", "lat": 31.9, "lon": 120.3},
        {"id": "CAM-P12-0010", "name": "周庄小区消防通道010号", "town": "周庄镇", "lat": 31.8, "lon": 120.4},
    ]
    return EventQueryParser(demo_gazetteer(enterprises, cameras))


def parse(p: EventQueryParser, text: str) -> EventFilter:
    return p.parse(text, THURSDAY).filter


# ---- climbing a barrier, an e-bike in the way ------------------------------------------------------
@pytest.mark.parametrize("text", ["昨晚有人爬过了护栏", "翻院墙进厂的", "有陌生人翻铁门", "爬上墙头进来了"])
def test_a_barrier_inside_the_climbing_verb_is_an_intrusion(parser: EventQueryParser, text: str) -> None:
    flt = parse(parser, text)
    assert flt.event_types == ["人员闯入"]
    assert flt.leftovers == []


def test_an_e_bike_blocking_a_route_is_not_in_a_lift(parser: EventQueryParser) -> None:
    assert parse(parser, "电瓶车挡住了安全出口").event_types == ["消防通道占用"]
    assert parse(parser, "有人把电动车推进电梯").event_types == ["电瓶车进电梯"]


# ---- vocabulary words with one wrong character ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "types", "statuses"),
    [
        ("城东 烟物", ["烟雾"], []),
        ("华士 安全貌", ["未戴安全帽"], []),
        ("压力超线 已派法", ["压力超限"], ["已派发"]),
        ("火焰 误保的不算", ["火焰"], ALL_BUT_FALSE),  # the mended word is what the negation takes back
    ],
)
def test_a_slipped_vocabulary_word_is_read_where_it_stands(
    parser: EventQueryParser, text: str, types: list[str], statuses: list[str]
) -> None:
    flt = parse(parser, text)
    assert flt.event_types == types
    assert sorted(flt.statuses) == sorted(statuses)
    assert flt.leftovers == []


def test_common_words_particles_and_there_is_are_never_mended() -> None:
    common = {"以及": 30775, "增加": 5000, "红色": 900, "等级": 3000}
    slips = VocabSlips(
        ["一级", "假的", "有火", "等级低", "烟雾"], lambda w: w in {"红色"}, lambda w: common.get(w, 0)
    )
    for text, tokens in [
        ("以及", [("以及", 0, 2)]),
        ("增加的", [("增加", 0, 2), ("的", 2, 3)]),
        ("有货", [("有", 0, 1), ("货", 1, 2)]),
        ("红色等级的", [("红色", 0, 2), ("等级", 2, 4), ("的", 4, 5)]),
    ]:
        assert slips.mend(text, tokens) == text
    assert slips.mend("烟务", [("烟", 0, 1), ("务", 1, 2)]) == "烟雾"


def test_rare_words_may_stand_for_a_vocabulary_word(parser: EventQueryParser) -> None:
    assert parse(parser, "周庄 火眼").event_types == ["火焰"]  # 火眼 is in jieba, but rare


# ---- clipped and bare words -------------------------------------------------------------------------
def test_a_clipped_closing_verb_is_not_closed_yet(parser: EventQueryParser) -> None:
    assert sorted(parse(parser, "还没处的火情").statuses) == sorted(OPEN)


def test_toxic_said_alone(parser: EventQueryParser) -> None:
    assert parse(parser, "城东有毒报警").event_types == ["有毒气体超标"]


# ---- a camera's town said apart, a factory's gate --------------------------------------------------------
@pytest.mark.parametrize("text", ["城东 沿江堤防4号", "城东的沿江堤防004", "周庄 小区消防通道10号摄像头"])
def test_a_camera_whose_town_is_said_apart(parser: EventQueryParser, text: str) -> None:
    flt = parse(parser, text)
    assert [p.kind for p in flt.places] == ["camera"]
    assert flt.towns == []


@pytest.mark.parametrize("text", ["公司东门那边冒烟", "本厂 东门口 有人闯进来", "汇宝纺织东门的抽烟"])
def test_a_gate_after_a_factory_is_not_the_neighbourhood(parser: EventQueryParser, text: str) -> None:
    assert all(p.kind != "village" for p in parse(parser, text).places)


def test_a_gate_said_alone_is_still_the_neighbourhood(parser: EventQueryParser) -> None:
    assert [p.name for p in parse(parser, "东门那边冒烟").places] == ["东门社区"]
    assert list(gate_spans("东门社区", lambda _w: False)) == []
    assert list(gate_spans("我们厂的北门", lambda _w: False)) == [(4, 6)]


# ---- a report's MM-DD date ----------------------------------------------------------------------------
def test_month_day_with_a_hyphen_before_a_clock_time() -> None:
    r = parse_time_range("10-28 09时", THURSDAY)
    assert r is not None and (r.start, r.end) == (
        datetime(2026, 10, 28, 9, tzinfo=CST),
        datetime(2026, 10, 28, 10, tzinfo=CST),
    )
    r = parse_time_range("9-30 21:40 发现", THURSDAY)
    assert r is not None and r.start == datetime(2026, 9, 30, 21, 40, tzinfo=CST)


def test_an_hour_range_with_a_hyphen_is_no_date() -> None:
    r = parse_time_range("10-12点", THURSDAY)
    assert r is None or (r.start.month == 10 and r.start.day == THURSDAY.day)
