"""Declined before routing: an order to change data (a question about changes is not) and a question
asking for the weather (weather as a circumstance is not); and "其中/它们" pointing back at an answer
that listed nothing. Found probing the running app, where "帮我删除所有企业" listed 500 enterprises,
"今天天气怎么样" every town's figures, and "其中哪家隐患最多" after no firm the city's top firm."""

from __future__ import annotations

import pytest

from agents.chat.followup import NOTHING_TO_REFER_TO, nothing_to_refer_to
from agents.chat.models import TurnState
from agents.chat.service import check_question
from agents.chat.unanswerable import NO_WEATHER, REFUSAL, weather_refusal, write_refusal


@pytest.mark.parametrize(
    "text",
    [
        "删掉周庄镇所有的隐患记录",
        "请清空告警列表",
        "麻烦修改一下青阳镇今天的带班领导",
        "帮忙新增一家加油站",
        "将申港街道的值班电话改为12345",
        "把那几家企业都删了",
    ],
)
def test_an_order_to_change_data_is_refused(text: str) -> None:
    assert write_refusal(text) == REFUSAL
    assert check_question(text) == REFUSAL  # the chat replies with it, the CLI fails with it


@pytest.mark.parametrize(
    "text",
    [
        "本月新增了多少条隐患",
        "哪些隐患已经整改完成",
        "修改过法人的企业有哪些",
        "把临港的危化企业列出来",
        "删除的告警还能查到吗",
        "清除过的隐患有几条",
    ],
)
def test_questions_about_changes_are_answered(text: str) -> None:
    assert write_refusal(text) is None


@pytest.mark.parametrize(
    "text", ["这两天天气咋样", "周末是什么天气", "明天要不要下雨吗", "下午会下雨吗", "现在气温多少"]
)
def test_asking_for_the_weather_is_declined(text: str) -> None:
    assert weather_refusal(text) == NO_WEATHER and check_question(text) == NO_WEATHER


@pytest.mark.parametrize(
    "text",
    [
        "下雨天哪些企业的有限空间作业要停",
        "大风天气有哪些高处作业",
        "最近天气干燥，看下周庄的火焰告警",
        "暴雨预警几级响应",
    ],
)
def test_weather_as_a_circumstance_is_still_a_question(text: str) -> None:
    assert check_question(text) is None


def test_picking_from_an_answer_that_listed_nothing_is_said_not_widened() -> None:
    empty = TurnState(question="青阳镇有哪些冶金企业", intent="enterprise_list", key_kind="enterprise")
    for text in (
        "其中哪家被处罚过",
        "它们的法人分别是谁",
        "这几家有没有重大危险源",
        "其中有几家是规上企业",
        "其中有逾期隐患的呢",  # another record kind of the (no) rows: not every firm in scope
        "那其中有没有被罚过款的",
    ):
        assert nothing_to_refer_to(text, empty) == NOTHING_TO_REFER_TO
    assert nothing_to_refer_to("其中整改中的呢", empty) is None  # narrows the same query: may be empty
    listed = empty.model_copy(update={"result_ids": ["E-1"], "result_enterprises": ["E-1"]})
    assert nothing_to_refer_to("其中哪家被处罚过", listed) is None
    named = TurnState(intent="hazard_list", key_kind="hazard", slots={"enterprise_id": "E-2"})
    assert nothing_to_refer_to("它们的厂房是租谁的", named) is None  # the firm the question named
    per_town = TurnState(intent="hazard_count_by_town", key_kind="town", result_ids=["华士镇"])
    assert nothing_to_refer_to("其中哪个镇最多", per_town) is None  # rows that are no enterprises
    assert (
        nothing_to_refer_to("其中哪家罚得最多", TurnState(intent="penalty_total", key_kind="count")) is None
    )
    assert nothing_to_refer_to("其中哪家", TurnState()) is None  # no previous question
