"""``OpenAIChatModel``: the one ChatModel adapter for vLLM, the llama.cpp server and cloud endpoints.

All three speak OpenAI's ``POST /v1/chat/completions`` (JSON or SSE) and ``GET /v1/models``; they
differ only in how a JSON schema constrains decoding, which ``_constraint`` picks per backend:

* ``llama_cpp`` — ``response_format={"type": "json_object", "schema": <schema>}`` (llama.cpp turns
  the schema into a grammar);
* ``vllm`` — ``structured_outputs={"json": <schema>}`` (vLLM ≥ 0.10.2). Older servers only know
  ``guided_json=<schema>``, and vLLM 0.12 removed that field; both silently ignore fields they do not
  know, so the field cannot be found by trial. ``vllm_structured_param="auto"`` (the default) asks
  ``GET /version`` once and picks ``guided_json`` below 0.10.2; pass the name to skip the probe;
* ``openai`` (cloud) — ``response_format={"type": "json_schema", "json_schema": {...,
  "strict": false}}`` (strict mode would reject ordinary Pydantic schemas with optional fields).

Whatever the backend, the answer is validated by Pydantic and re-asked on failure
(``agents.llm.structured``).

HTTP client: ``httpx2`` (imported as such), already a pinned dependency of the project, rather than
the ``openai`` SDK. The SDK would add its own retry loop, timeouts and exception tree on top of the
httpx it wraps, and hides the per-backend request fields behind ``extra_body``; the five requests we
make are short enough to write against the HTTP client directly with our own timeouts, retries,
SSE parsing and Chinese errors. (``openai`` still arrives through ``langchain-openai`` for the
LangChain bridge; nothing here imports it.)

Resilience: connect and read timeouts on every request (``timeout_s`` is the read timeout, i.e. the
longest silence between bytes); at most ``max_concurrency`` requests in flight (a waiting caller
gives up after ``timeout_s`` with ``LLMBusyError``); ``tenacity`` retries connection failures, 429
and 5xx with exponential backoff (read timeouts are not retried: the server was busy generating and
a retry would double the wait); ``allow_requests=False`` raises before any network I/O.

Reading what comes back (HTTP failures as typed errors, completion bodies, SSE events) lives in
``agents.llm.openai_protocol``; this module builds the requests and owns the client, slots and retries.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any, Literal, TypeVar

import httpx2
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from agents.llm.errors import LLMBusyError, LLMUnavailableError
from agents.llm.openai_protocol import (
    chat_result,
    check_status,
    json_body,
    retryable,
    scrub_url,
    stream_deltas,
    unavailable_error,
    version_tuple,
)
from agents.llm.structured import json_schema_for, run_structured, schema_name
from agents.llm.truncation import estimate_messages_tokens, fit_messages
from core.ai import ChatMessage, ChatResult
from core.errors import LLMError

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
Backend = Literal["llama_cpp", "vllm", "openai"]
VllmStructuredParam = Literal["auto", "structured_outputs", "guided_json"]

__all__ = ["REQUESTS_DISABLED", "Backend", "OpenAIChatModel", "VllmStructuredParam", "scrub_url"]

REQUESTS_DISABLED = "llm_requests_disabled"
_MIN_COMPLETION_TOKENS = 16


class OpenAIChatModel:
    """ChatModel over an OpenAI-compatible HTTP endpoint. Constructing it does no I/O; ``close()`` it."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        backend: Backend = "llama_cpp",
        api_key: str | None = None,
        timeout_s: float = 60.0,
        connect_timeout_s: float = 5.0,
        max_concurrency: int = 2,
        max_retries: int = 2,
        backoff_s: float = 0.5,
        backoff_max_s: float = 8.0,
        context_tokens: int = 4096,
        structured_max_tokens: int = 1024,
        allow_requests: bool = True,
        vllm_structured_param: VllmStructuredParam = "auto",
        transport: httpx2.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.backend: Backend = backend
        self.allow_requests = allow_requests
        self.context_tokens = context_tokens
        self.structured_max_tokens = structured_max_tokens
        self.max_retries = max_retries
        self._timeout_s = timeout_s
        self._backoff_s = backoff_s
        self._backoff_max_s = backoff_max_s
        self._slots = threading.Semaphore(max_concurrency)
        self._vllm_param: VllmStructuredParam = vllm_structured_param
        self._vllm_param_lock = threading.Lock()
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx2.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx2.Timeout(timeout_s, connect=min(connect_timeout_s, timeout_s)),
            transport=transport,
            trust_env=False,  # a proxy from the environment must not capture a local server
        )

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAIChatModel:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def where(self) -> str:
        return scrub_url(self.base_url)

    # -- the port --------------------------------------------------------------------------------

    def complete(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> ChatResult:
        self._check_allowed()
        body = self._body(messages, max_tokens=max_tokens, temperature=temperature)
        return self._chat(body)

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> Iterator[str]:
        self._check_allowed()  # eager: raised by the call, not by the first next()
        body = self._body(messages, max_tokens=max_tokens, temperature=temperature)
        body["stream"] = True
        return self._stream(body)

    def structured(
        self,
        messages: Sequence[ChatMessage],
        schema: type[M],
        *,
        max_retries: int = 2,
        max_tokens: int | None = None,
    ) -> M:
        """``max_tokens`` bounds one answer (default ``structured_max_tokens``): a caller that knows how
        long a valid answer can be stops a runaway generation early."""
        self._check_allowed()
        constraint = self._constraint(schema)
        budget = max_tokens or self.structured_max_tokens

        def generate(conversation: list[ChatMessage]) -> str:
            body = self._body(conversation, max_tokens=budget, temperature=0.0)
            body.update(constraint)
            return self._chat(body).text

        return run_structured(messages, schema, generate, max_retries=max_retries)

    def health(self) -> dict[str, str]:
        """Never raises: ``status`` is ``ok``, ``down`` or ``disabled``; no retries, short timeout."""
        info = {"backend": self.backend, "base_url": self.where, "model": self.model}
        if not self.allow_requests:
            return {**info, "status": "disabled"}
        started = time.perf_counter()
        try:
            response = self._client.get("/models", timeout=min(5.0, self._timeout_s))
            response.raise_for_status()
            ids = [str(m.get("id")) for m in response.json().get("data", []) if isinstance(m, dict)]
        except (httpx2.HTTPError, ValueError, AttributeError) as exc:
            return {**info, "status": "down", "error": f"{type(exc).__name__}: {exc}"}
        latency = (time.perf_counter() - started) * 1000
        status = "ok" if not ids or self.model in ids else "model_missing"
        return {**info, "status": status, "models": ",".join(ids), "latency_ms": f"{latency:.1f}"}

    # -- request building ------------------------------------------------------------------------

    def _check_allowed(self) -> None:
        if not self.allow_requests:
            raise LLMError(
                "语言模型调用已被禁用（SAFECLOUD_LLM__ALLOW_REQUESTS=false）",
                code=REQUESTS_DISABLED,
                details={"base_url": self.where},
            )

    def _body(
        self, messages: Sequence[ChatMessage], *, max_tokens: int, temperature: float
    ) -> dict[str, Any]:
        """Fit the prompt into the context window (never raises) and build the request body."""
        prompt_budget = max(self.context_tokens - max_tokens, self.context_tokens // 2)
        fit = fit_messages(messages, prompt_budget)
        if fit.changed:
            log.warning(
                "prompt over the context budget (%s tokens est., budget %s): dropped %s messages, trimmed %s",
                estimate_messages_tokens(messages),
                prompt_budget,
                fit.dropped_messages,
                fit.trimmed,
            )
        room = max(self.context_tokens - fit.estimated_tokens, _MIN_COMPLETION_TOKENS)
        return {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in fit.messages],
            "max_tokens": min(max_tokens, room),
            "temperature": temperature,
        }

    def _constraint(self, schema: type[BaseModel]) -> dict[str, Any]:
        """The request fields that make the backend decode JSON that matches ``schema``."""
        json_schema = json_schema_for(schema)
        if self.backend == "llama_cpp":
            return {"response_format": {"type": "json_object", "schema": json_schema}}
        if self.backend == "vllm":
            if self._vllm_structured_param() == "guided_json":
                return {"guided_json": json_schema}
            return {"structured_outputs": {"json": json_schema}}
        return {
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": schema_name(schema), "schema": json_schema, "strict": False},
            }
        }

    def _vllm_structured_param(self) -> VllmStructuredParam:
        with self._vllm_param_lock:
            if self._vllm_param == "auto":
                self._vllm_param = self._probe_vllm_param()
            return self._vllm_param

    def _probe_vllm_param(self) -> VllmStructuredParam:
        root = self.base_url.removesuffix("/v1")
        try:
            response = self._client.get(f"{root}/version", timeout=min(5.0, self._timeout_s))
            version = str(response.json().get("version", ""))
        except (httpx2.HTTPError, ValueError, AttributeError):
            log.info("vLLM version probe failed at %s; using structured_outputs", self.where)
            return "structured_outputs"
        param: VllmStructuredParam = (
            "guided_json" if version and version_tuple(version) < (0, 10, 2) else "structured_outputs"
        )
        log.info("vLLM %s at %s: structured output via %s", version or "?", self.where, param)
        return param

    # -- transport -------------------------------------------------------------------------------

    def _retrying(self) -> Retrying:
        def before_sleep(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.warning(
                "LLM request failed (attempt %s), retrying: %s",
                state.attempt_number,
                getattr(exc, "message", exc),
            )

        return Retrying(
            stop=stop_after_attempt(self.max_retries + 1),
            wait=wait_exponential(multiplier=self._backoff_s, max=self._backoff_max_s),
            retry=retry_if_exception(retryable),
            before_sleep=before_sleep,
            reraise=True,
        )

    def _acquire(self) -> None:
        if not self._slots.acquire(timeout=self._timeout_s):
            raise LLMBusyError(
                f"语言模型服务繁忙：{self._timeout_s:.0f} 秒内没有空闲的并发名额",
                details={"base_url": self.where},
            )

    def _unavailable(self, exc: httpx2.HTTPError) -> LLMUnavailableError:
        return unavailable_error(exc, self.where, self._timeout_s)

    def _chat(self, body: dict[str, Any]) -> ChatResult:
        started = time.perf_counter()
        data = self._retrying()(self._post_once, body)
        latency = (time.perf_counter() - started) * 1000
        result = chat_result(data, model=self.model, latency_ms=latency, where=self.where)
        log.info(
            "llm %s %s: %s+%s tokens in %.0f ms",
            self.backend,
            result.model,
            result.usage.prompt_tokens,
            result.usage.completion_tokens,
            latency,
        )
        return result

    def _post_once(self, body: dict[str, Any]) -> dict[str, Any]:
        self._acquire()
        try:
            response = self._client.post("/chat/completions", json=body)
        except httpx2.HTTPError as exc:
            raise self._unavailable(exc) from exc
        finally:
            self._slots.release()
        check_status(response, self.where)
        return json_body(response, self.where)

    def _open_stream(self, body: dict[str, Any]) -> httpx2.Response:
        """Send the request and check the status; the caller holds a slot and closes the response."""
        try:
            request = self._client.build_request("POST", "/chat/completions", json=body)
            response = self._client.send(request, stream=True)
        except httpx2.HTTPError as exc:
            raise self._unavailable(exc) from exc
        try:
            check_status(response, self.where)
        except BaseException:
            response.close()
            raise
        return response

    def _stream(self, body: dict[str, Any]) -> Iterator[str]:
        started = time.perf_counter()
        pieces = 0

        def open_with_slot() -> httpx2.Response:
            self._acquire()
            try:
                return self._open_stream(body)
            except BaseException:
                self._slots.release()
                raise

        response = self._retrying()(open_with_slot)
        try:
            for delta in stream_deltas(response, self.where):
                pieces += 1
                yield delta
        except httpx2.HTTPError as exc:
            raise self._unavailable(exc) from exc
        finally:
            response.close()
            self._slots.release()
            log.info(
                "llm %s stream: %s chunks in %.0f ms",
                self.backend,
                pieces,
                (time.perf_counter() - started) * 1000,
            )
