"""The LLM fallback of the event-search parser: what do the leftover words mean?

The model is asked for one meaning per leftover word (``prompts/event_search_slots``), and
``grounded`` keeps an item only when its word was asked about and its value is a key of the closed
vocabulary tables or the gazetteer: a small model that re-reads the whole sentence cannot add
values nobody said (ADR 0011).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field

from agents.events.gazetteer import Gazetteer
from agents.events.vocab import EVENT_TYPE_WORDS, LEVEL_WORDS, SOURCE_WORDS, STATUS_WORDS
from core.ports import ChatModel
from core.vocab import EventType

WordField = Literal["event_type", "level", "status", "source", "town", "place", "none"]


class WordMeaning(BaseModel):
    word: str = Field(max_length=50)  # one of the leftover words, as given
    field: WordField = "none"
    value: str = Field(default="", max_length=100)


class LeftoverMeanings(BaseModel):
    """The LLM's reading of each leftover word; only words that were asked about are used."""

    items: list[WordMeaning] = Field(default_factory=list, max_length=20)


_TABLES: dict[str, dict[str, Any]] = {
    "event_type": EVENT_TYPE_WORDS,
    "level": LEVEL_WORDS,
    "status": STATUS_WORDS,
    "source": SOURCE_WORDS,
}


def ask_for_meanings(model: ChatModel, prompts: Any, sentence: str, leftovers: list[str]) -> LeftoverMeanings:
    """One structured call; raises ``SafeCloudError`` (LLM down, invalid output) for the caller."""
    from agents.llm.prompts import PromptLibrary, structured_prompt

    rendered = (prompts or PromptLibrary()).render(
        "event_search_slots",
        sentence=sentence,
        leftovers="、".join(leftovers),
        event_types="、".join(e.value for e in EventType),
    )
    return structured_prompt(model, rendered, LeftoverMeanings, max_retries=1)


def grounded(
    meanings: LeftoverMeanings, leftovers: list[str], gazetteer: Gazetteer
) -> Iterator[tuple[str, str, str]]:
    """(word, field, value) for the usable items; ``value`` is a key of the field's table (town
    alias, place name or vocabulary word)."""
    asked = set(leftovers)
    for item in meanings.items:
        word, value = item.word.strip(), item.value.strip()
        if word not in asked or not value or item.field == "none":
            continue
        known = (
            gazetteer.towns
            if item.field == "town"
            else gazetteer.places
            if item.field == "place"
            else _TABLES[item.field]
        )
        if value in known:
            yield word, item.field, value
