"""Declined before routing: an order to change data (a question about changes is not) and a question
asking for the weather (weather as a circumstance is not). Found probing the running app, where
"帮我删除所有企业" listed 500 enterprises and "今天天气怎么样" every town's figures."""

from __future__ import annotations

import pytest

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
