"""Turns that ask nothing get a short reply; refused turns are no anchor (agents.chat.declined_turn)."""

from __future__ import annotations

import pytest

from agents.chat.declined_turn import after_declined, declined, small_talk
from agents.chat.models import ChatAnswer, TurnState


@pytest.mark.parametrize("text", ["谢谢", "多谢！", "好的，谢谢", "辛苦了", "thanks", "谢谢您啊"])
def test_thanks_get_a_short_polite_reply(text: str) -> None:
    assert small_talk(text) == "不客气。还需要查什么，直接问就行。"


@pytest.mark.parametrize("text", ["好的", "嗯", "嗯嗯", "收到。", "OK", "知道了", "行吧"])
def test_acknowledgements_get_a_short_reply(text: str) -> None:
    assert (small_talk(text) or "").startswith("好的。")


@pytest.mark.parametrize("text", ["？", "？？", "...", "123", "  6 ", "阿巴阿巴", "哈哈哈", "嗯嗯啊啊哦"])
def test_stray_marks_numbers_and_fillers_ask_what_to_look_up(text: str) -> None:
    reply = small_talk(text) or ""
    assert reply.startswith("抱歉，没能理解") and "例如" in reply


@pytest.mark.parametrize(
    "text",
    [
        "好多隐患没整改",
        "嗯，华士镇有几家加油站",
        "谢谢，再查一下周庄镇的隐患",
        "123号企业",
        "现在谁值班",
        "可以查值班吗",
        "",
    ],
)
def test_questions_are_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_a_refused_or_not_understood_turn_is_stored_as_declined() -> None:
    refused = ChatAnswer(answer="无权查看", path="refusal")
    assert declined(refused, None, "周庄镇隐患多少条") == TurnState(
        question="周庄镇隐患多少条", declined=True
    )
    unclear = ChatAnswer(answer="抱歉，没能理解", path="clarify")
    assert declined(unclear, None, "xx") is not None
    answered = ChatAnswer(answer="共 3 条", path="template", intent="hazard_count")
    assert declined(answered, TurnState(intent="hazard_count"), "隐患多少条") is None


@pytest.mark.parametrize("text", ["那周庄呢？", "重大的呢", "还有临港", "只看上个月"])
def test_a_headless_follow_up_after_a_declined_turn_is_asked_to_say_what_it_wants(text: str) -> None:
    got = after_declined(text, ChatAnswer(answer="抱歉，没能理解您的问题", path="clarify"))
    assert got.answer.startswith("上一个问题没有得到回答")


def test_a_full_question_after_a_declined_turn_keeps_its_answer() -> None:
    answered = ChatAnswer(answer="周庄镇，隐患共 4 条。", path="template", intent="hazard_count")
    assert after_declined("那周庄镇隐患多少条呢", answered).answer == "周庄镇，隐患共 4 条。"
