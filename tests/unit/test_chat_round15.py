"""General chat rules found by held-out 29 (a leader's briefing, an auditor's cut-off dates, a grid
worker's voice input), each tested on sentences that are not in the eval set: a clause that only
says why the caller asks, 截至X with the current period after it, whole words written by voice input
with homophones, 逾期 slipped by one same-sound character, and a leader's "最突出的问题"."""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.chat.purpose_clause import without_purpose_clause
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question
from agents.chat.timewords import CST, time_window
from agents.chat.wordslips import fix_word_slips
from agents.nlp.timeexpr import parse_time_range

TOWNS = Gazetteer.from_towns(["顾山镇", "申港街道", "城东街道", "华士镇", "周庄镇", "临港经济开发区"])
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=CST)  # a Thursday morning
NOW_MS = int(NOW.timestamp() * 1000)


def _intent(question: str) -> str | None:
    text = normalise_question(question)
    return route(text, extract_slots(text, TOWNS)).intent


# ---- a clause that says why the caller asks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("下午要向局长汇报，临港有几家加油站", "临港有几家加油站"),
        ("上午开调度会：顾山镇逾期隐患有哪些", "顾山镇逾期隐患有哪些"),
        ("申港这个月罚了多少钱，周会要用", "申港这个月罚了多少钱"),
        ("全市有几家规上企业，汇报材料用", "全市有几家规上企业"),
    ],
)
def test_a_briefing_clause_is_dropped(question: str, asked: str) -> None:
    assert without_purpose_clause(question) == asked


@pytest.mark.parametrize(
    "question",
    ["上周通报的隐患，哪些还没整改", "汇报过的事件有几起", "哪些企业要汇报，名单发我", "今天下午开会"],
)
def test_a_clause_that_asks_something_stays(question: str) -> None:
    assert without_purpose_clause(question) == question


def test_the_time_of_the_meeting_does_not_date_the_records() -> None:
    window = time_window(
        normalise_question("中午要给书记汇报，全市没整改的重大隐患有几条"), NOW_MS, parse_time_range
    )
    assert window is None


# ---- 截至X, then the period it falls in -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        (
            "截至前天，今年一共罚了多少钱",
            datetime(2026, 1, 1, tzinfo=CST),
            datetime(2026, 11, 25, tzinfo=CST),
        ),
        (
            "截止到昨天，本季度查出几条重大隐患",
            datetime(2026, 10, 1, tzinfo=CST),
            datetime(2026, 11, 26, tzinfo=CST),
        ),
        ("截至11月20日本月检查了几次", datetime(2026, 11, 1, tzinfo=CST), datetime(2026, 11, 21, tzinfo=CST)),
    ],
)
def test_a_cut_off_then_the_current_period_runs_from_the_period_start(
    question: str, start: datetime, end: datetime
) -> None:
    found = parse_time_range(question, NOW)
    assert found is not None
    assert (found.start, found.end, found.open_start) == (start, end, False)


def test_a_cut_off_alone_still_has_no_start() -> None:
    found = parse_time_range("截至前天有几条隐患", NOW)
    assert found is not None and found.open_start and found.end == datetime(2026, 11, 25, tzinfo=CST)


def test_a_period_ending_before_the_cut_off_is_not_its_frame() -> None:
    found = parse_time_range("截至昨天，上个月发现的隐患", NOW)
    assert found is not None and found.start != datetime(2026, 10, 1, tzinfo=CST)


# ---- voice input: whole words written with homophones -------------------------------------------------


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("临港那边射象头有几个不在线", "临港那边摄像头有几个不在线"),
        ("加油站的传敢器", "加油站的传感器"),
        ("申港有哪些于期没整改的", "申港有哪些逾期没整改的"),
        ("城东的危线源", "城东的危险源"),
    ],
)
def test_a_word_written_with_homophones_is_that_word(said: str, meant: str) -> None:
    assert fix_word_slips(said) == meant


@pytest.mark.parametrize("text", ["预期什么时候整改完", "我们预期下周完成", "摄像头", "传感器"])
def test_real_words_stay(text: str) -> None:
    assert fix_word_slips(text) == text


def test_voice_slips_reach_the_right_template() -> None:
    assert _intent("周庄镇有没有射象头离线") == "cameras_offline"
    assert _intent("申港街道有哪些于期的隐患") == "overdue_hazards"


# ---- a leader's "最突出的问题" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["顾山镇现在主要问题有哪些", "申港街道问题最突出的是什么", "临港比较大的问题是啥"]
)
def test_the_main_problems_of_a_town_are_its_overview(question: str) -> None:
    assert _intent(question) == "town_overview"


def test_problems_of_a_kind_keep_their_template() -> None:
    assert _intent("华士镇有哪些重大隐患问题没整改") == "hazard_list"


# ---- after the held-out 30 measurement: what to watch with the noun said, 失信 slipped ------------------


@pytest.mark.parametrize(
    "question", ["申港今天需要留意的地方有哪些", "华士镇要注意的事是什么", "城东最该关注的方面有啥"]
)
def test_what_to_watch_with_a_noun_is_the_overview(question: str) -> None:
    assert _intent(question) == "town_overview"


def test_serious_dishonesty_slipped_by_one_sound_is_read() -> None:
    assert fix_word_slips("顾山有没有严重失新的企业") == "顾山有没有严重失信的企业"
    assert extract_slots(normalise_question("顾山有没有严重失新的企业"), TOWNS).dishonest
