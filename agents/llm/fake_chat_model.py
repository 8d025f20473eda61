"""``FakeChatModel(fn)``: a ChatModel whose answers come from ``fn(messages) -> str``. No I/O.

For unit tests of logic that uses a model (STYLE 16): ``structured`` runs the very same
parse/validate/re-ask loop as ``OpenAIChatModel`` (``agents.llm.structured.run_structured``), so a
test with a fake proves the adapter's behaviour except the HTTP part.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from pydantic import BaseModel

from agents.llm.structured import run_structured
from agents.llm.truncation import estimate_messages_tokens, estimate_tokens
from core.ai import ChatMessage, ChatResult, ChatUsage

M = TypeVar("M", bound=BaseModel)


class FakeChatModel:
    """Every call is recorded in ``calls`` (the messages as sent, re-asks included)."""

    def __init__(self, fn: Callable[[list[ChatMessage]], str], *, model: str = "fake", chunk_chars: int = 4):
        self.fn = fn
        self.model = model
        self.chunk_chars = max(chunk_chars, 1)
        self.calls: list[list[ChatMessage]] = []

    def _answer(self, messages: Sequence[ChatMessage]) -> str:
        conversation = list(messages)
        self.calls.append(conversation)
        return self.fn(conversation)

    def complete(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> ChatResult:
        started = time.perf_counter()
        text = self._answer(messages)
        return ChatResult(
            text=text,
            model=self.model,
            usage=ChatUsage(
                prompt_tokens=estimate_messages_tokens(messages), completion_tokens=estimate_tokens(text)
            ),
            latency_ms=(time.perf_counter() - started) * 1000,
        )

    def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0
    ) -> Iterator[str]:
        text = self._answer(messages)
        return iter([text[i : i + self.chunk_chars] for i in range(0, len(text), self.chunk_chars)])

    def structured(
        self,
        messages: Sequence[ChatMessage],
        schema: type[M],
        *,
        max_retries: int = 2,
        max_tokens: int | None = None,
    ) -> M:
        return run_structured(messages, schema, self._answer, max_retries=max_retries)

    def health(self) -> dict[str, str]:
        return {"status": "ok", "backend": "fake", "model": self.model}
