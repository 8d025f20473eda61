"""Round 21 of event search (holdout37 dev; holdout38 held out) was read right at the first measurement; the
general causes below were found by probes written after it, outside every set, and are tested here on wording
other than the probes and the sets:

* severity negated or softened (不严重的, 没那么紧急) read as the severe levels: jieba kept 严重的 whole and left
  the negation apart, so the mild levels (黄色+蓝色) were inverted;
* 一般 joined to another level (严重的或者一般的, 一般和红色), right after another field's 的 (还没核实的一般的)
  or said as 一般性 was no level;
* 不属于 / 并非 / 并不是 before a status or source did not negate it (不属于误报的 read as 误报);
* a bare 派 after a negation (还没派的) was no status.

Plus what must not change: a plain 严重的 stays the severe levels, 一般 as an adverb or a kind of enterprise stays
no level, and 派人去了 stays 已派发."""

from __future__ import annotations

import pytest

from agents.events.query_parser import EventQueryParser
from core.event_search import EventFilter
from tests.support.event_gazetteer import demo_gazetteer
from tests.support.shanghai_time import at

NOW = at(12, 9, 10, 30)
SEVERE, MILD = ["红色", "橙色"], ["黄色", "蓝色"]
ALL_LEVELS = ["红色", "橙色", "黄色", "蓝色"]


@pytest.fixture(scope="module")
def parser() -> EventQueryParser:
    return EventQueryParser(demo_gazetteer())


def parsed(parser: EventQueryParser, text: str) -> EventFilter:
    return parser.parse(text, NOW).filter


def levels(parser: EventQueryParser, text: str) -> set[str]:
    return {str(v) for v in parsed(parser, text).levels}


def statuses(parser: EventQueryParser, text: str) -> set[str]:
    return {str(v) for v in parsed(parser, text).statuses}


@pytest.mark.parametrize(
    "text",
    [
        "申港 本周 不严重的火情",
        "没那么紧急的 泄漏 云亭",
        "不是很急的 城东 今天",
        "并不严重的冒烟 月城",
        "顾山 不算太严重的",
    ],
)
def test_negated_or_softened_severity_is_the_mild_levels(parser: EventQueryParser, text: str) -> None:
    assert levels(parser, text) == set(MILD)


@pytest.mark.parametrize("text", ["申港 本周 严重的火情", "云亭 紧急的 泄漏"])
def test_plain_severity_stays_the_severe_levels(parser: EventQueryParser, text: str) -> None:
    assert levels(parser, text) == set(SEVERE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("青阳 昨天 紧急的和一般的", ALL_LEVELS),
        ("一般或者红色的 火焰 申港", ["红色", *MILD]),
        ("利港 一般性的 泄漏", MILD),
        ("本周 一般性事件 夏港", MILD),
        ("夏港 已派发的一般的 泄漏", MILD),
    ],
)
def test_general_joined_to_a_level_or_said_as_yibanxing(
    parser: EventQueryParser, text: str, expected: list[str]
) -> None:
    assert levels(parser, text) == set(expected)


@pytest.mark.parametrize("text", ["一般几点有人抽烟 城东", "一般的化工企业 冒烟"])
def test_general_as_an_adverb_or_a_kind_of_enterprise_is_no_level(
    parser: EventQueryParser, text: str
) -> None:
    assert levels(parser, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("南闸 上周 不属于已处置的", {"待研判", "正报", "误报", "已派发"}),
        ("并非误报的 冒烟 周庄", {"待研判", "正报", "已派发", "已处置"}),
        ("华士 并不是误报的 火焰", {"待研判", "正报", "已派发", "已处置"}),
    ],
)
def test_bushuyu_and_bingfei_negate_a_status(parser: EventQueryParser, text: str, expected: set[str]) -> None:
    assert statuses(parser, text) == expected


def test_bushuyu_negates_a_source(parser: EventQueryParser) -> None:
    assert {str(v) for v in parsed(parser, "不属于视频报的 城东 冒烟").sources} == {"物联阈值", "人工上报"}


@pytest.mark.parametrize("text", ["璜土 未派的 火焰", "青阳 今天 还没派的"])
def test_a_bare_pai_after_a_negation_is_not_sent_yet(parser: EventQueryParser, text: str) -> None:
    assert statuses(parser, text) == {"待研判", "正报"}


def test_sending_someone_stays_dispatched(parser: EventQueryParser) -> None:
    assert statuses(parser, "青阳 冒烟 派人去了") == {"已派发"}
