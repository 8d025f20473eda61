"""OpenAIChatModel against a real HTTP server on 127.0.0.1 serving canned OpenAI-style answers.

No model and no outside network: ``StubServer`` is ``http.server`` in a thread. FakeChatModel tests
sit at the end; both run the same structured-output loop (``agents.llm.structured``).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pydantic import BaseModel

from agents.llm import build_chat_model
from agents.llm.config import DEFAULT_MODELS
from agents.llm.errors import LLMTimeoutError, LLMUnavailableError
from agents.llm.extraction import PlanFacts
from agents.llm.fake_chat_model import FakeChatModel
from agents.llm.openai_chat_model import OpenAIChatModel, scrub_url
from agents.llm.truncation import TRUNCATION_MARK, estimate_tokens, fit_messages
from api.settings import LlmSettings, Settings
from core.ai import ChatMessage
from core.errors import ConfigError, LLMError
from core.ports import ChatModel

MODEL = "test-model"


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict → JSON; str → raw text
    sse: list[str] | None = None  # data payloads of an event stream
    delay: float = 0.0


def answer(text: str, prompt_tokens: int = 11, completion_tokens: int = 7) -> Reply:
    return Reply(
        body={
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "model": MODEL,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens},
        }
    )


@dataclass
class StubServer:
    replies: deque[Reply] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    version: str = "0.11.0"
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: object) -> None:
                pass

            def _send(self, status: int, payload: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:
                if self.path == "/v1/models":
                    body = {"object": "list", "data": [{"id": MODEL, "object": "model"}]}
                elif self.path == "/version":
                    body = {"version": stub.version}
                else:
                    self._send(404, b"{}", "application/json")
                    return
                self._send(200, json.dumps(body).encode(), "application/json")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                request = json.loads(self.rfile.read(length))
                with stub.lock:
                    stub.requests.append(request)
                    reply = stub.replies.popleft() if stub.replies else answer("默认回答")
                    stub.in_flight += 1
                    stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
                try:
                    time.sleep(reply.delay)
                    if reply.sse is not None:
                        self.send_response(reply.status)
                        self.send_header("Content-Type", "text/event-stream")
                        self.send_header("Connection", "close")
                        self.end_headers()
                        for data in reply.sse:
                            self.wfile.write(f"data: {data}\n\n".encode())
                            self.wfile.flush()
                        self.close_connection = True
                    elif isinstance(reply.body, str):
                        self._send(reply.status, reply.body.encode(), "text/plain")
                    else:
                        self._send(reply.status, json.dumps(reply.body or {}).encode(), "application/json")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first (timeout tests)
                finally:
                    with stub.lock:
                        stub.in_flight -= 1

        return Handler


@pytest.fixture
def stub() -> Iterator[StubServer]:
    server_state = StubServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), server_state.handler())
    server.daemon_threads = True
    server_state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield server_state
    server.shutdown()
    server.server_close()
    thread.join(timeout=2)


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


def user(text: str) -> list[ChatMessage]:
    return [ChatMessage(role="system", content="你是助手。"), ChatMessage(role="user", content=text)]


class Level(BaseModel):
    level: int
    name: str


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
    stub.replies.append(Reply(delay=0.6, body=answer("太晚了").body))
    started = time.perf_counter()
    with pytest.raises(LLMTimeoutError) as info:
        make_model(timeout_s=0.15, max_retries=2).complete(user("问"))
    assert time.perf_counter() - started < 0.5
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
    from pydantic import BaseModel, Field

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
