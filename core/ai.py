"""Shapes shared by the AI ports (chat model, embedder, search index). I/O free."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ChatMessage(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


class ChatUsage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ChatResult(BaseModel):
    text: str
    model: str
    usage: ChatUsage = Field(default_factory=ChatUsage)
    latency_ms: float = 0.0
    prompt_id: str | None = None  # "<task>/v<N>" when the call came from a versioned prompt


class SearchDoc(BaseModel):
    """A document to index: ``text`` is embedded and tokenised; ``payload`` is stored and filterable."""

    id: str
    text: str
    payload: dict[str, Any] = Field(default_factory=dict)


class SearchHit(BaseModel):
    id: str
    score: float
    payload: dict[str, Any] = Field(default_factory=dict)
