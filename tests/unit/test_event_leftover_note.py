"""A word the rules could not place, said twice, is named once: in the note shown when the language
model is down and in what the model is asked (the note listed "焦糊味、焦糊味" once per mention)."""

from __future__ import annotations

import json
from datetime import datetime

from agents.events.query_parser import EventQueryParser
from agents.llm.fake_chat_model import FakeChatModel
from agents.nlp.timeexpr import CST
from core.ai import ChatMessage
from core.errors import LLMError
from tests.support.event_gazetteer import demo_gazetteer

NOW = datetime(2026, 3, 2, 9, 15, tzinfo=CST)
SENTENCE = "城东有焦糊味，华士镇有焦糊味"


def test_a_repeated_unknown_word_is_named_once_when_the_model_is_down() -> None:
    def down(_m: list[ChatMessage]) -> str:
        raise LLMError("语言模型服务不可用", code="llm_unavailable")

    outcome = EventQueryParser(demo_gazetteer(), chat_model=FakeChatModel(down)).parse(SENTENCE, NOW)

    note = next(w for w in outcome.warnings if "未能识别" in w)
    assert note.split("：", 1)[1].split("、").count("焦糊味") == 1, note


def test_the_model_is_asked_about_a_repeated_word_once() -> None:
    asked: list[str] = []

    def answer(messages: list[ChatMessage]) -> str:
        asked.append(messages[-1].content)
        return json.dumps({"items": [{"word": "焦糊味", "field": "event_type", "value": "烟雾"}]})

    outcome = EventQueryParser(demo_gazetteer(), chat_model=FakeChatModel(answer)).parse(SENTENCE, NOW)

    assert outcome.filter.event_types == ["烟雾"]
    words = next(line for line in asked[0].splitlines() if line.startswith("需要判断的词"))
    assert words.split("：", 1)[1].split("、") == ["焦糊味"], asked[0]
