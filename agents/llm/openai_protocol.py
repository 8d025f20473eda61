"""The OpenAI-compatible wire format as ``OpenAIChatModel`` reads it: HTTP failures as our typed
Chinese errors, a completion body as a ``ChatResult``, an SSE stream as text deltas.

Functions over one response each, with no client, slot or retry state of their own: the adapter
(``openai_chat_model``) owns the connection, the concurrency slots and the retry loop, and decides
when these run. ``where`` is the endpoint as shown to users (``scrub_url``: no credentials).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx2

from agents.llm.errors import LLMTimeoutError, LLMUnavailableError
from core.ai import ChatResult, ChatUsage
from core.errors import LLMError

log = logging.getLogger(__name__)

# Statuses a busy or restarting server answers; worth another try after a backoff.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def scrub_url(url: str) -> str:
    """``url`` without user:password, for logs and error messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def version_tuple(text: str) -> tuple[int, ...]:
    nums: list[int] = []
    for part in text.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        nums.append(int(digits))
        if digits != part:  # "2rc1" → stop after 2
            break
    return tuple(nums)


def retryable(exc: BaseException) -> bool:
    return isinstance(exc, LLMUnavailableError) and exc.retryable


def unavailable_error(exc: httpx2.HTTPError, where: str, timeout_s: float) -> LLMUnavailableError:
    """A transport failure: a read timeout (not retried) or an unreachable server (retried)."""
    details: dict[str, object] = {"base_url": where, "error": f"{type(exc).__name__}: {exc}"}
    if isinstance(exc, httpx2.ReadTimeout):
        return LLMTimeoutError(f"语言模型服务 {where} 在 {timeout_s:g} 秒内没有响应", details=details)
    return LLMUnavailableError(f"无法连接语言模型服务 {where}，请确认服务已启动", details=details)


def check_status(response: httpx2.Response, where: str) -> None:
    """Raise for an HTTP error status: retryable for ``RETRY_STATUSES``, final otherwise."""
    if response.status_code < 400:
        return
    try:
        response.read()
        snippet = response.text[:500]
    except httpx2.HTTPError:
        snippet = ""
    details: dict[str, object] = {"base_url": where, "status": response.status_code, "body": snippet}
    if response.status_code in RETRY_STATUSES:
        raise LLMUnavailableError(f"语言模型服务暂时不可用（HTTP {response.status_code}）", details=details)
    raise LLMError(f"语言模型服务拒绝了请求（HTTP {response.status_code}）", details=details)


def json_body(response: httpx2.Response, where: str) -> dict[str, Any]:
    """The response's JSON object; anything else is an ``LLMError``."""
    try:
        payload = response.json()
    except ValueError as exc:  # JSONDecodeError
        raise LLMError(
            "语言模型服务返回的不是 JSON", details={"base_url": where, "body": response.text[:500]}
        ) from exc
    if not isinstance(payload, dict):
        raise LLMError("语言模型服务返回了无法识别的响应", details={"base_url": where})
    return payload


def chat_result(data: dict[str, Any], *, model: str, latency_ms: float, where: str) -> ChatResult:
    """A ``/chat/completions`` body as a ``ChatResult`` (``model`` when the body names none)."""
    try:
        choice = data["choices"][0]
        text = choice["message"].get("content") or ""
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise LLMError(
            "语言模型服务返回了无法识别的响应", details={"base_url": where, "body": str(data)[:500]}
        ) from exc
    usage = data.get("usage") or {}
    return ChatResult(
        text=text,
        model=str(data.get("model") or model),
        usage=ChatUsage(
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
        ),
        latency_ms=latency_ms,
    )


def stream_deltas(response: httpx2.Response, where: str) -> Iterator[str]:
    """The content deltas of a streamed completion, until ``[DONE]``; an error event raises."""
    for data in sse_data(response):
        if data == "[DONE]":
            return
        try:
            event = json.loads(data)
        except ValueError:
            log.warning("skipping a malformed SSE event from %s", where)
            continue
        if not isinstance(event, dict):
            continue
        if event.get("error"):
            raise LLMError("语言模型服务在流式输出中报告错误", details={"error": event["error"]})
        for choice in event.get("choices") or []:
            delta = (choice.get("delta") or {}).get("content")
            if delta:
                yield delta


def sse_data(response: httpx2.Response) -> Iterator[str]:
    """The ``data`` payload of each server-sent event (multi-line data joined with newlines)."""
    lines: list[str] = []
    for line in response.iter_lines():
        if not line:
            if lines:
                yield "\n".join(lines)
                lines = []
            continue
        if line.startswith("data:"):
            lines.append(line[5:].removeprefix(" "))
    if lines:
        yield "\n".join(lines)
