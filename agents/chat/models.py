"""Shapes of chat answers, citations and stored turns, shared by the service, the API and the CLI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Path = Literal["template", "llm_template", "compound", "aggregate", "derived", "cypher", "refusal", "clarify"]
MAX_CITED_ROWS = 50


class Citation(BaseModel):
    """Where an answer comes from: a template or Cypher query with its rows, or a plan passage."""

    kind: Literal["template", "cypher", "resource", "plan"]
    ref: str = Field(description="template id, 'text2cypher', or the plan id")
    title: str = ""
    query: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    columns: list[str] = Field(default_factory=list)
    rows: list[dict[str, Any]] = Field(default_factory=list, description=f"at most {MAX_CITED_ROWS} rows")
    row_count: int = 0
    text: str = Field("", description="plan passage text")


class ChatAnswer(BaseModel):
    answer: str
    path: Path
    intent: str | None = None
    query: str = Field("", description="template id or the executed Cypher")
    params: dict[str, Any] = Field(default_factory=dict)
    columns: list[str] = Field(default_factory=list)
    rows: list[dict[str, Any]] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    slots: dict[str, Any] = Field(default_factory=dict)
    latency_ms: float = 0.0
    conversation_id: str | None = None
    turn_id: str | None = None
    phrased_by_llm: bool = False
    notice: str = Field("", description="why the LLM was not used, or other caveats")


class TurnState(BaseModel):
    """What a follow-up needs from the previous turn."""

    question: str = ""
    intent: str | None = None
    slots: dict[str, Any] = Field(default_factory=dict)
    result_ids: list[str] = Field(default_factory=list)
    result_enterprises: list[str] = Field(default_factory=list)
    key_kind: str = ""
    # Answered by the compound planner or the aggregation step: a follow-up may change one of its
    # conditions (agents.chat.composed_followup).
    composed: bool = False
    # Refused or not understood (agents.chat.declined_turn): no anchor for the next turn's follow-up.
    declined: bool = False
    # Refused only for a place outside the caller's scope: the state is the caller's last answered
    # question, which a next turn naming the caller's own place may follow (declined_turn.own_place_anchor).
    refused_elsewhere: bool = False


class ConversationSummary(BaseModel):
    id: str
    title: str
    created_at: int
    updated_at: int
    turns: int = 0


class TurnView(BaseModel):
    id: str
    seq: int
    question: str
    answer: str
    intent: str | None = None
    path: str = ""
    created_at: int = 0
    # Where the stored answer came from, as when it was given: a reloaded conversation shows them too.
    citations: list[Citation] = Field(default_factory=list)


class ConversationDetail(ConversationSummary):
    items: list[TurnView] = Field(default_factory=list)
