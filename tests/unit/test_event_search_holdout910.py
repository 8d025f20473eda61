"""The general causes the ninth event-search set (holdout9 dev; holdout10 held out; the sets are
checked in test_event_search_datasets.py) showed are fixed: each is tested here on wording other than the
sentence that revealed it (voice input writing towns, enterprises and vocabulary words with other
characters of the same sound, report-style times — 截至目前 before the phrase, 上一自然月, 本年度第N季度,
a clock time right after a weekday — a second clause that narrows the first, and 核实为误报)."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.query_parser import EventQueryParser
from agents.events.sound_alikes import SoundAlikes
from agents.nlp.timeexpr import CST, parse_time_range
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer

THURSDAY = datetime(2026, 3, 5, 8, 30, tzinfo=CST)


def t(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=CST)


# ---- time grammar: report style ----------------------------------------------------------------
TIME_CASES = [
    ("截止现在本季度", t(2026, 1, 1), THURSDAY),  # 截至目前 said before the phrase
    ("截至当前，今年", t(2026, 1, 1), THURSDAY),
    ("上一自然周", t(2026, 2, 23), t(2026, 3, 2)),  # 自然 = calendar, which these already are
    ("本自然月", t(2026, 3, 1), t(2026, 4, 1)),
    ("本年度第一季度", t(2026, 1, 1), t(2026, 4, 1)),
    ("2025年度", t(2025, 1, 1), t(2026, 1, 1)),
    ("上周三零时以后", t(2026, 2, 25), t(2026, 2, 26)),  # the numeral after a weekday is a clock time
    ("周二十点到十二点", t(2026, 3, 3, 10), t(2026, 3, 3, 12)),
]


@pytest.mark.parametrize(("text", "start", "end"), TIME_CASES, ids=[c[0] for c in TIME_CASES])
def test_report_style_times(text: str, start: datetime, end: datetime) -> None:
    r = parse_time_range(text, THURSDAY)
    assert r is not None and (r.start, r.end) == (start, end)


def test_a_weekday_alone_still_keeps_its_numeral() -> None:
    r = parse_time_range("周一", THURSDAY)
    assert r is not None and (r.start, r.end) == (t(2026, 3, 2), t(2026, 3, 3))


# ---- the parser ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    enterprises = [
        {"id": "E1", "name": "江阴市汇宝纺织有限公司", "town": "周庄镇", "lat": 31.8, "lon": 120.4},
        {"id": "E2", "name": "江阴市金鹏化工有限公司", "town": "临港经济开发区", "lat": 31.9, "lon": 120.2},
    ]
    return EventQueryParser(demo_gazetteer(enterprises))


def parse(p: EventQueryParser, text: str) -> EventFilter:
    return p.parse(text, THURSDAY).filter


@pytest.mark.parametrize(
    ("text", "town"),
    [("化石那边冒烟了", "华士镇"), ("然后那个古山有没有告警", "顾山镇"), ("就是岳城的火情", "月城镇"), ("深港 抽烟", "申港街道")],
)  # fmt: skip
def test_voice_input_writes_a_town_as_another_word_of_the_same_sound(
    parser: EventQueryParser, text: str, town: str
) -> None:
    assert parse(parser, text).towns == [town]


def test_a_duty_word_that_sounds_like_a_town_is_that_word(parser: EventQueryParser) -> None:
    f = parse(parser, "今天 全市 有人离岗")
    assert f.towns == [] and "离岗" in f.leftovers


@pytest.mark.parametrize(
    ("text", "field", "values"),
    [
        ("液味报警", "event_types", ["液位异常"]),
        ("返光衣没穿的", "event_types", ["未穿反光衣"]),
        ("烟务告警", "event_types", ["烟雾"]),
        ("已处直的", "statuses", ["已处置"]),
    ],
)
def test_a_vocabulary_word_one_same_sound_character_away(
    parser: EventQueryParser, text: str, field: str, values: list[str]
) -> None:
    assert getattr(parse(parser, text), field) == values


def test_an_ordinary_word_never_stands_for_a_vocabulary_word(parser: EventQueryParser) -> None:
    f = parse(parser, "食品 商人 以及")  # 视频, 伤人, 一级 by sound only
    assert (f.sources, f.event_types, f.levels) == ([], [], [])


def test_an_enterprise_name_written_with_same_sound_characters(parser: EventQueryParser) -> None:
    assert [p.id for p in parse(parser, "会宝纺织 冒烟").places] == ["E1"]
    assert [p.id for p in parse(parser, "那个金朋化工有没有漏气").places] == ["E2"]


def test_sound_alikes_need_one_unique_target() -> None:
    sounds = SoundAlikes(["华士", "花市镇"], [], ["烟雾"])
    assert sounds.match("华市") == "华士" and sounds.match("华士") is None
    assert sounds.split("就是眼雾") == [("就是", None), ("眼雾", "烟雾")]


# ---- two clauses, the second narrowing the first -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨天华士和周庄的火情，仅看周庄", {"towns": ["周庄镇"], "event_types": ["火焰"]}),
        ("上周的误报和正报 其中正报的", {"statuses": ["正报"]}),
        ("本月全市的告警 只要红色的", {"levels": ["红色"]}),
        ("今天城东的烟雾和火焰，只查烟雾", {"towns": ["城东街道"], "event_types": ["烟雾"]}),
    ],
)
def test_a_second_clause_replaces_only_the_fields_it_names(
    parser: EventQueryParser, text: str, expected: dict[str, list[str]]
) -> None:
    f = parse(parser, text)
    for name, values in expected.items():
        assert getattr(f, name) == values
    assert f.time_from is not None


def test_the_time_of_a_narrowing_clause_counts_when_the_first_has_none(parser: EventQueryParser) -> None:
    f = parse(parser, "城东的告警 只看昨天的")
    assert (f.towns, f.time_from, f.time_to) == (["城东街道"], t(2026, 3, 4), t(2026, 3, 5))


def test_a_sentence_starting_with_only_is_one_clause(parser: EventQueryParser) -> None:
    f = parse(parser, "只看城东的烟雾")
    assert (f.towns, f.event_types) == (["城东街道"], ["烟雾"])


@pytest.mark.parametrize("text", ["经核查为误报的火情", "确认是误报的火情", "已认定为误报的火情"])
def test_a_verdict_after_a_verifying_verb_is_the_status(parser: EventQueryParser, text: str) -> None:
    f = parse(parser, text)
    assert (f.statuses, f.event_types) == (["误报"], ["火焰"])
