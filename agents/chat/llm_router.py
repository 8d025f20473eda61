"""LLM fallback for routing: pick one intent id from the closed catalogue (structured output)."""

from __future__ import annotations

import logging
from typing import Literal

from pydantic import BaseModel, Field

from agents.llm.prompts import PromptLibrary, structured_prompt
from core.ports import ChatModel
from graph.intents import INTENT_IDS, INTENTS

log = logging.getLogger(__name__)

IntentChoice = Literal[(*INTENT_IDS, "none")]  # type: ignore[valid-type]


class LlmRoute(BaseModel):
    intent: IntentChoice = Field(description="one intent id from the catalogue, or none")
    town: str | None = None
    enterprise: str | None = None


def catalogue_text() -> str:
    return "\n".join(f"- {i.id}：{i.title}" for i in INTENTS)


def llm_route(model: ChatModel, question: str, previous: str = "", *, prompts: PromptLibrary) -> LlmRoute:
    """Raises ``LLMError`` (server down, invalid output after re-asks)."""
    prompt = prompts.render(
        "chat_route", catalogue=catalogue_text(), previous=previous or "无", question=question
    )
    route = structured_prompt(model, prompt, LlmRoute, max_retries=1)
    log.info("llm route %s → %s", question[:40], route.intent)
    return route
