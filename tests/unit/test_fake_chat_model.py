"""FakeChatModel, the ChatModel of the unit tests (``fn(messages) -> str``): the same structured-output
loop as the HTTP adapter (``agents.llm.structured``) without a server; and what both send: prompts
fitted to the context window, schemas a grammar converter can take.
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from agents.llm.fake_chat_model import FakeChatModel
from agents.llm.truncation import estimate_tokens, fit_messages
from core.ai import ChatMessage
from core.errors import LLMError
from core.ports import ChatModel
from tests.support.chat_models import Level, user


def test_fit_messages_never_crashes_even_when_the_system_prompt_alone_is_too_long() -> None:
    msgs = [ChatMessage(role="system", content="规" * 5000), ChatMessage(role="user", content="问" * 5000)]
    fit = fit_messages(msgs, 400)
    assert fit.trimmed and fit.estimated_tokens <= 400
    assert [m.role for m in fit.messages] == ["system", "user"]
    assert fit.messages[1].content.startswith("问")
    assert fit_messages([], 10).messages == []
    assert fit_messages(msgs, 0).messages[1].content == ""  # no room at all: empty, not an exception


def test_estimate_tokens_counts_cjk_denser_than_ascii() -> None:
    assert estimate_tokens("应急管理局") == 4  # 5 / 1.5 → 4
    assert estimate_tokens("abcdef") == 2
    assert estimate_tokens("") == 0


# -- FakeChatModel: the same structured logic without HTTP ----------------------------------------


def test_fake_complete_and_stream_come_from_fn() -> None:
    fake = FakeChatModel(lambda msgs: f"收到{len(msgs)}条：{msgs[-1].content}", chunk_chars=2)
    port: ChatModel = fake  # the fake satisfies the port (checked by mypy)
    assert port is fake
    result = fake.complete(user("你好"))
    assert result.text == "收到2条：你好" and result.model == "fake"
    assert result.usage.prompt_tokens > 0 and result.usage.completion_tokens > 0
    assert "".join(fake.stream(user("你好"))) == "收到2条：你好"
    assert next(iter(fake.stream(user("ab")))) == "收到"
    assert len(fake.calls) == 3 and fake.health()["status"] == "ok"


def test_fake_structured_reasks_with_the_validation_error() -> None:
    answers = iter(['{"level": "二", "name": "二级"}', '{"level": 2, "name": "二级"}'])
    fake = FakeChatModel(lambda _msgs: next(answers))
    assert fake.structured(user("级别？"), Level) == Level(level=2, name="二级")
    assert len(fake.calls) == 2
    feedback = fake.calls[1][-1]
    assert feedback.role == "user" and "level" in feedback.content
    assert fake.calls[1][-2] == ChatMessage(role="assistant", content='{"level": "二", "name": "二级"}')
    assert fake.calls[1][:2] == user("级别？")  # the original conversation is kept, not accumulated


def test_fake_structured_gives_up_after_max_retries_naming_missing_fields() -> None:
    fake = FakeChatModel(lambda _msgs: '{"level": 1}')
    with pytest.raises(LLMError) as info:
        fake.structured(user("级别？"), Level, max_retries=1)
    assert info.value.code == "llm_invalid_output" and "name" in info.value.message
    assert len(fake.calls) == 2


def test_fake_structured_with_zero_retries_asks_once() -> None:
    fake = FakeChatModel(lambda _msgs: "not json")
    with pytest.raises(LLMError) as info:
        fake.structured(user("级别？"), Level, max_retries=0)
    assert "不是合法的 JSON" in info.value.message and info.value.details["fields"] == []
    assert len(fake.calls) == 1


def test_decoding_schema_drops_limits_that_grammar_converters_unroll() -> None:
    # llama.cpp's grammar converter dies on `maxLength: 4000` ("exceeds sane defaults"); Pydantic
    # still enforces the limits on the answer, so the server must never see them.
    from agents.llm.structured import json_schema_for

    class Inner(BaseModel):
        pattern: str = Field(max_length=10, pattern=r"^\d+$")

    class Answer(BaseModel):
        cypher: str = Field(min_length=1, max_length=4000)
        items: list[Inner] = Field(min_length=1, max_length=5)

    schema = json_schema_for(Answer)
    text = str(schema)
    for keyword in ("maxLength", "minLength", "maxItems", "minItems", "'pattern': '"):
        assert keyword not in text
    assert set(schema["$defs"]["Inner"]["properties"]) == {"pattern"}  # a field named like a keyword stays
    assert schema["required"] == ["cypher", "items"]
