"""Duty-officer chat: ``POST /api/v1/chat`` (SSE or JSON) and per-user conversations."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from agents.chat.models import ChatAnswer, ConversationDetail, ConversationSummary
from agents.chat.service import ChatService
from api.deps import ContainerDep, PrincipalDep
from core.errors import ConfigError

router = APIRouter(prefix="/api/v1/chat", tags=["chat"])


class ChatRequest(BaseModel):
    question: str = Field(max_length=20_000, description="中文问题；超过 500 字会被礼貌拒绝")
    conversation_id: str | None = None
    stream: bool = Field(True, description="true: text/event-stream (meta, token, citations, done)")
    use_llm: bool = True


def _service(c: ContainerDep) -> ChatService:
    if c.chat is None:
        raise ConfigError("智能问答未启用", code="chat_disabled")
    return c.chat  # type: ignore[no-any-return]


def _sse(events: Iterator[tuple[str, dict[str, object]]]) -> Iterator[str]:
    for name, data in events:
        yield f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


@router.post("", response_model=ChatAnswer)
def chat(body: ChatRequest, c: ContainerDep, p: PrincipalDep) -> ChatAnswer | StreamingResponse:
    service = _service(c)
    result = service.ask(body.question, p, conversation_id=body.conversation_id, use_llm=body.use_llm)
    if not body.stream:
        return result
    return StreamingResponse(
        _sse(service.events(result)), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


@router.get("/conversations", response_model=list[ConversationSummary])
def conversations(
    c: ContainerDep,
    p: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=200, description="每页条数")] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000, description="跳过前若干条（下一页从已显示条数开始）")] = 0,
) -> list[ConversationSummary]:
    """Newest first, ``limit`` at a time; fewer than ``limit`` back means the last page."""
    return _service(c).conversations.list(p.user_id, limit=limit, offset=offset)


@router.get("/conversations/{conversation_id}", response_model=ConversationDetail)
def conversation(conversation_id: str, c: ContainerDep, p: PrincipalDep) -> ConversationDetail:
    return _service(c).conversations.get(p.user_id, conversation_id)


@router.delete("/conversations/{conversation_id}", status_code=204)
def delete_conversation(conversation_id: str, c: ContainerDep, p: PrincipalDep) -> None:
    _service(c).conversations.delete(p.user_id, conversation_id)
