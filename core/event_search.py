"""Shapes of one-sentence event search: the editable filter, result rows, history and suggestions.

The filter is what the parser produced from a sentence AND what a user sends back after editing
its chips, so it validates its own values (canonical vocabularies, sane radius, ordered times).
``time_to`` is exclusive; times serialise as ISO 8601 with ``+08:00``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.errors import ValidationError
from core.vocab import EventLevel, EventSource, EventStatus, EventType

CST = timezone(timedelta(hours=8), "Asia/Shanghai")
MAX_RADIUS_M = 20_000


class PlaceFilter(BaseModel):
    """A village, road, enterprise or camera; with ``radius_m`` the events within that distance of
    it (not for roads: a road is the enterprises on it)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["village", "road", "enterprise", "camera"]
    id: str = Field(min_length=1, max_length=100)
    name: str = Field(default="", max_length=200)
    town: str | None = None
    radius_m: int | None = Field(default=None, ge=10, le=MAX_RADIUS_M)


class EventFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    time_from: datetime | None = None
    time_to: datetime | None = None
    time_text: str | None = Field(default=None, max_length=100)  # the words the time came from
    towns: list[str] = Field(default_factory=list, max_length=20)
    places: list[PlaceFilter] = Field(default_factory=list, max_length=20)
    event_types: list[EventType] = Field(default_factory=list)
    levels: list[EventLevel] = Field(default_factory=list)
    statuses: list[EventStatus] = Field(default_factory=list)
    sources: list[EventSource] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list, max_length=5)  # matched in the description
    leftovers: list[str] = Field(default_factory=list, max_length=50)  # words nothing understood

    @field_validator("time_from", "time_to", mode="before")
    @classmethod
    def _not_a_number(cls, v: object) -> object:
        # Pydantic would read 20260101 as seconds since 1970: a date typed as a number is a mistake.
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            raise ValueError("时间应为 ISO 8601 字符串，例如 2025-11-01T08:00:00+08:00")
        return v

    @field_validator("time_from", "time_to")
    @classmethod
    def _in_shanghai(cls, v: datetime | None) -> datetime | None:
        if v is None:
            return None
        return v.replace(tzinfo=CST) if v.tzinfo is None else v.astimezone(CST)

    @model_validator(mode="after")
    def _ordered(self) -> EventFilter:
        if self.time_from and self.time_to and self.time_from >= self.time_to:
            raise ValueError("开始时间必须早于结束时间")
        return self

    def is_empty(self) -> bool:
        """True when nothing would narrow the search."""
        return not (
            self.time_from or self.time_to or self.towns or self.places or self.event_types
            or self.levels or self.statuses or self.sources or self.keywords
        )  # fmt: skip


def nothing_understood(sentence: str, flt: EventFilter) -> bool:
    """True when a non-blank sentence gave no condition and holds nothing the parser read as a
    search word: only unknown words (leftovers), or no word at all (emoji, punctuation, digits).
    "所有事件" / "最近的告警" also give an empty filter but every word was understood ("all events"),
    so they still list events; a blank sentence keeps listing the newest events too."""
    if not sentence.strip() or not flt.is_empty():
        return False
    return bool(flt.leftovers) or not any(ch.isalpha() for ch in sentence)


EMPTY_SENTENCE = "请提供一句话描述要搜索的事件，例如“昨天下午城东的烟雾告警”"


def require_sentence(sentence: str | None) -> str:
    """The sentence of a search that is kept in the history (``POST /search`` without a filter, and
    ``safecloud events search``): a blank one is refused with one code and message on both, where
    the CLI had listed every event as an answer and kept nothing. ``GET /search?q=`` with a blank
    ``q`` still lists the newest events: the console's empty search box browses with it."""
    if not (sentence or "").strip():
        raise ValidationError(EMPTY_SENTENCE, code="empty_sentence")
    return sentence or ""


NOT_UNDERSTOOD = (
    "没有看懂“{q}”：其中没有可识别的时间、地点、类型、级别或状态，未列出事件。可以这样问：{examples}"
)


class EventRow(BaseModel):
    id: str
    occurred_at: datetime
    town: str
    event_type: str
    level: str
    status: str
    source: str
    description: str
    place: str  # enterprise or camera name, else the town
    enterprise_id: str | None = None
    camera_id: str | None = None
    sensor_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    distance_m: float | None = None  # to the nearest radius place, when the filter has one


class EventSearchResult(BaseModel):
    sentence: str | None = None
    filter: EventFilter
    results: list[EventRow]
    total: int
    page: int = 1
    size: int = 20
    used_llm: bool = False
    warnings: list[str] = Field(default_factory=list)  # Chinese notes for the user
    latency_ms: float = 0.0
    # False when nothing in the sentence was understood: no events are listed, ``hint`` says so
    # and ``examples`` are sentences the box does understand (see ``nothing_understood``).
    understood: bool = True
    hint: str | None = None
    examples: list[str] = Field(default_factory=list)


class HistoryItem(BaseModel):
    id: str
    sentence: str
    filter: EventFilter | None
    total: int
    created_at: datetime


class Suggestion(BaseModel):
    text: str
    source: Literal["history", "popular", "template"]
    score: float
