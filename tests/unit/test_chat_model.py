"""OpenAIChatModel against a real HTTP server on 127.0.0.1 serving canned OpenAI-style answers
(``tests.support.chat_models.StubServer``), and the factory that picks its endpoint. FakeChatModel
and the prompt fitting without HTTP: ``test_fake_chat_model.py``; both models run the same
structured-output loop (``agents.llm.structured``).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from agents.llm import build_chat_model
from agents.llm.config import DEFAULT_MODELS
from agents.llm.errors import LLMTimeoutError, LLMUnavailableError
from agents.llm.extraction import PlanFacts
from agents.llm.openai_chat_model import OpenAIChatModel, scrub_url
from agents.llm.truncation import TRUNCATION_MARK, estimate_tokens
from api.settings import LlmSettings, Settings
from core.ai import ChatMessage
from core.errors import ConfigError, LLMError
from core.ports import ChatModel
from tests.support.chat_models import MODEL, Level, Reply, StubServer, answer, serve_stub, user


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with serve_stub() as server:
        yield server


@pytest.fixture
def make_model(stub: StubServer) -> Iterator[Any]:
    models: list[OpenAIChatModel] = []

    def make(**kwargs: Any) -> OpenAIChatModel:
        options: dict[str, Any] = {
            "base_url": stub.url,
            "model": MODEL,
            "timeout_s": 2.0,
            "backoff_s": 0.001,
            "backoff_max_s": 0.01,
        }
        options.update(kwargs)
        model = OpenAIChatModel(**options)
        models.append(model)
        return model

    yield make
    for model in models:
        model.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- complete / stream ---------------------------------------------------------------------------


def test_complete_returns_text_usage_latency_and_sends_the_request(stub: StubServer, make_model: Any) -> None:
    stub.replies.append(answer("启动二级响应", prompt_tokens=21, completion_tokens=5))
    result = make_model().complete(user("问题"), max_tokens=64, temperature=0.3)
    assert result.text == "启动二级响应"
    assert result.model == MODEL
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (21, 5)
    assert result.latency_ms > 0
    sent = stub.requests[0]
    assert sent["model"] == MODEL
    assert sent["messages"] == [
        {"role": "system", "content": "你是助手。"},
        {"role": "user", "content": "问题"},
    ]
    assert (sent["max_tokens"], sent["temperature"]) == (64, 0.3)
    assert "stream" not in sent and "response_format" not in sent


def test_stream_yields_the_sse_deltas_in_order(stub: StubServer, make_model: Any) -> None:
    chunks = ["你好", "，", "世界"]
    events = [json.dumps({"choices": [{"index": 0, "delta": {"role": "assistant"}}]})]
    events += [json.dumps({"choices": [{"index": 0, "delta": {"content": c}}]}) for c in chunks]
    events += [json.dumps({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}), "[DONE]"]
    stub.replies.append(Reply(sse=events))
    model = make_model()
    assert list(model.stream(user("问好"))) == chunks
    assert stub.requests[0]["stream"] is True
    # the slot was released: a second call goes through with max_concurrency=2 both free
    assert model.complete(user("再问")).text == "默认回答"


@pytest.mark.parametrize("status", [500, 503, 429])
def test_transient_status_is_retried_then_succeeds(stub: StubServer, make_model: Any, status: int) -> None:
    stub.replies.extend([Reply(status=status, body={"error": "busy"}), answer("好了")])
    assert make_model(max_retries=2).complete(user("问")).text == "好了"
    assert len(stub.requests) == 2


def test_transient_errors_exhaust_retries_with_a_retryable_error(stub: StubServer, make_model: Any) -> None:
    stub.replies.extend(Reply(status=502, body={}) for _ in range(3))
    with pytest.raises(LLMUnavailableError) as info:
        make_model(max_retries=2).complete(user("问"))
    assert info.value.retryable and info.value.details["status"] == 502
    assert "暂时不可用" in info.value.message
    assert len(stub.requests) == 3


def test_client_error_is_an_llm_error_and_not_retried(stub: StubServer, make_model: Any) -> None:
    stub.replies.append(Reply(status=400, body={"error": {"message": "bad field"}}))
    with pytest.raises(LLMError) as info:
        make_model(max_retries=2).complete(user("问"))
    assert not isinstance(info.value, LLMUnavailableError)
    assert info.value.details["status"] == 400 and "bad field" in str(info.value.details["body"])
    assert len(stub.requests) == 1


def test_server_down_raises_a_chinese_retryable_error_without_hanging() -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    with OpenAIChatModel(base_url=url, model=MODEL, max_retries=1, backoff_s=0.001, timeout_s=1.0) as model:
        started = time.perf_counter()
        with pytest.raises(LLMUnavailableError) as info:
            model.complete(user("问"))
        assert time.perf_counter() - started < 1.0
        assert info.value.code == "llm_unavailable" and info.value.retryable
        assert "无法连接语言模型服务" in info.value.message and url in info.value.message
        assert model.health()["status"] == "down"


def test_slow_server_raises_a_timeout_error_and_is_not_retried(stub: StubServer, make_model: Any) -> None:
    # The reply comes far later than the timeout, so "gave up before it" holds on a loaded CI box too.
    stub.replies.append(Reply(delay=3.0, body=answer("太晚了").body))
    started = time.perf_counter()
    with pytest.raises(LLMTimeoutError) as info:
        make_model(timeout_s=0.15, max_retries=2).complete(user("问"))
    assert time.perf_counter() - started < 2.5
    assert info.value.code == "llm_timeout" and not info.value.retryable
    assert "秒内没有响应" in info.value.message
    assert len(stub.requests) == 1


def test_concurrency_is_bounded_by_max_concurrency(stub: StubServer, make_model: Any) -> None:
    stub.replies.extend(Reply(delay=0.15, body=answer("ok").body) for _ in range(4))
    model = make_model(max_concurrency=2)
    threads = [threading.Thread(target=model.complete, args=(user("问"),)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(stub.requests) == 4
    assert stub.max_in_flight == 2


# -- structured output ---------------------------------------------------------------------------


def test_structured_reasks_after_invalid_json_and_returns_the_model(
    stub: StubServer, make_model: Any
) -> None:
    stub.replies.extend([answer("我认为是二级"), answer('```json\n{"level": 2, "name": "二级"}\n```')])
    result = make_model(backend="llama_cpp").structured(user("级别？"), Level, max_retries=2)
    assert result == Level(level=2, name="二级")
    first, second = stub.requests
    assert first["response_format"] == {"type": "json_object", "schema": Level.model_json_schema()}
    assert first["temperature"] == 0.0
    assert second["messages"][-2] == {"role": "assistant", "content": "我认为是二级"}
    assert "不是合法的 JSON" in second["messages"][-1]["content"]


def test_structured_answer_length_is_the_callers_bound_when_given(stub: StubServer, make_model: Any) -> None:
    stub.replies.extend([answer('{"level": 1, "name": "一级"}'), answer('{"level": 3, "name": "三级"}')])
    model = make_model(backend="llama_cpp")
    model.structured(user("级别？"), Level, max_tokens=96)
    model.structured(user("级别？"), Level)
    assert [r["max_tokens"] for r in stub.requests] == [96, model.structured_max_tokens]


def test_structured_invalid_forever_raises_naming_the_field(stub: StubServer, make_model: Any) -> None:
    bad = '{"level": "很高", "name": "二级"}'
    stub.replies.extend(answer(bad) for _ in range(3))
    with pytest.raises(LLMError) as info:
        make_model().structured(user("级别？"), Level, max_retries=2)
    assert info.value.code == "llm_invalid_output"
    assert "level" in info.value.message and "Level" in info.value.message
    assert info.value.details["fields"] == ["level"] and info.value.details["attempts"] == 3
    assert len(stub.requests) == 3
    assert "level:" in stub.requests[1]["messages"][-1]["content"]  # the re-ask names the field


def test_structured_normalises_plan_facts_from_a_small_model_answer(
    stub: StubServer, make_model: Any
) -> None:
    stub.replies.append(
        answer(
            '{"response_levels": ["Ⅱ级", "2级"], "organisations": ["市应急管理局"],'
            ' "dates": ["2024年3月1日"], "counts": [{"value": "三十", "unit": "名", "subject": "消防员"}]}'
        )
    )
    facts = make_model().structured(user("句子"), PlanFacts)
    assert facts.response_levels == ["二级"]
    assert facts.dates == ["2024-03-01"]
    assert facts.counts[0].value == 30


@pytest.mark.parametrize(
    ("backend", "vllm_param", "version", "key"),
    [
        ("vllm", "structured_outputs", "0.11.0", "structured_outputs"),
        ("vllm", "auto", "0.11.2", "structured_outputs"),
        ("vllm", "auto", "0.9.2", "guided_json"),
        ("vllm", "guided_json", "0.11.0", "guided_json"),
        ("openai", "auto", "", "response_format"),
    ],
)
def test_schema_constraint_per_backend(
    stub: StubServer, make_model: Any, backend: str, vllm_param: str, version: str, key: str
) -> None:
    stub.version = version
    stub.replies.append(answer('{"level": 1, "name": "一级"}'))
    make_model(backend=backend, vllm_structured_param=vllm_param).structured(user("级别？"), Level)
    sent = stub.requests[0]
    schema = Level.model_json_schema()
    expected = {
        "structured_outputs": {"json": schema},
        "guided_json": schema,
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "Level", "schema": schema, "strict": False},
        },
    }[key]
    assert sent[key] == expected
    assert {"structured_outputs", "guided_json", "response_format"} & set(sent) == {key}


# -- kill switch, truncation, health, factory ----------------------------------------------------


def test_kill_switch_refuses_before_any_network_io(stub: StubServer, make_model: Any) -> None:
    model = make_model(allow_requests=False)
    calls: list[Callable[[], object]] = [
        lambda: model.complete(user("问")),
        lambda: model.stream(user("问")),  # raised by the call itself, not by iteration
        lambda: model.structured(user("问"), Level),
    ]
    for call in calls:
        with pytest.raises(LLMError) as info:
            call()
        assert info.value.code == "llm_requests_disabled"
        assert "已被禁用" in info.value.message
    assert model.health()["status"] == "disabled"
    assert stub.requests == []


def test_oversize_prompt_keeps_system_and_last_user_and_drops_history(
    stub: StubServer, make_model: Any
) -> None:
    history = [ChatMessage(role="system", content="规则。")]
    for i in range(20):
        history.append(ChatMessage(role="user", content=f"第{i}个问题" + "安全" * 40))
        history.append(ChatMessage(role="assistant", content="回答" * 40))
    history.append(ChatMessage(role="user", content="最后的问题"))
    make_model(context_tokens=512).complete(history, max_tokens=128)
    sent = stub.requests[0]["messages"]
    assert sent[0] == {"role": "system", "content": "规则。"}
    assert sent[-1] == {"role": "user", "content": "最后的问题"}
    assert 2 < len(sent) < len(history)
    assert any("第19个问题" in m["content"] for m in sent)  # the newest history survives
    assert not any("第0个问题" in m["content"] for m in sent)


def test_oversize_last_user_message_is_trimmed_at_the_tail(stub: StubServer, make_model: Any) -> None:
    long_text = "开头" + "应急预案正文" * 2000
    make_model(context_tokens=1024).complete(user(long_text), max_tokens=256)
    sent = stub.requests[0]["messages"]
    assert sent[0]["content"] == "你是助手。"
    assert sent[1]["content"].startswith("开头") and sent[1]["content"].endswith(TRUNCATION_MARK)
    assert estimate_tokens(sent[1]["content"]) <= 1024 - 256
    assert stub.requests[0]["max_tokens"] <= 256


def test_health_reports_ok_with_the_served_models(stub: StubServer, make_model: Any) -> None:
    port: ChatModel = make_model()  # the adapter satisfies the port (checked by mypy)
    health = port.health()
    assert health["status"] == "ok" and health["models"] == MODEL and health["backend"] == "llama_cpp"


def test_scrub_url_hides_credentials() -> None:
    assert scrub_url("http://user:secret@llm.internal:8000/v1") == "http://llm.internal:8000/v1"
    assert scrub_url("http://127.0.0.1:8088/v1") == "http://127.0.0.1:8088/v1"


def test_build_chat_model_defaults_to_the_embedded_llama_server() -> None:
    settings = Settings(llm=LlmSettings(size="0.5b", port=9123, allow_requests=False))
    model = build_chat_model(settings)
    assert isinstance(model, OpenAIChatModel)
    with model:
        assert model.base_url == "http://127.0.0.1:9123/v1"
        assert model.model == DEFAULT_MODELS["0.5b"] == "qwen2.5-coder-0.5b-instruct"
        assert model.allow_requests is False
    with build_chat_model(LlmSettings()) as model_15:  # the group alone works too
        assert model_15.model == "qwen2.5-coder-1.5b-instruct"


def test_build_chat_model_for_vllm_needs_a_url_and_a_model_name() -> None:
    with pytest.raises(ConfigError):
        build_chat_model(LlmSettings(backend="vllm"))
    with pytest.raises(ConfigError):
        build_chat_model(LlmSettings(backend="vllm", base_url="http://vllm.internal:8000/v1"))
    with build_chat_model(
        LlmSettings(backend="vllm", base_url="http://vllm.internal:8000/v1/", model="qwen2.5-7b")
    ) as model:
        assert (model.backend, model.base_url, model.model) == (
            "vllm",
            "http://vllm.internal:8000/v1",
            "qwen2.5-7b",
        )


def test_langchain_bridge_uses_the_same_endpoint_and_honours_the_kill_switch() -> None:
    from agents.llm.langchain_bridge import langchain_chat_model

    with pytest.raises(LLMError) as info:
        langchain_chat_model(Settings(llm=LlmSettings(allow_requests=False)))
    assert info.value.code == "llm_requests_disabled"
    chat = langchain_chat_model(LlmSettings(port=9124, size="0.5b", timeout_s=12.0, max_retries=1))
    assert chat.openai_api_base == "http://127.0.0.1:9124/v1"  # type: ignore[attr-defined]
    assert chat.model_name == "qwen2.5-coder-0.5b-instruct"  # type: ignore[attr-defined]
    assert (chat.request_timeout, chat.max_retries) == (12.0, 1)  # type: ignore[attr-defined]
