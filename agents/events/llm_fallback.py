"""The LLM fallback of the event-search parser: what do the leftover words mean?

The model is asked for one meaning per leftover word (``prompts/event_search_slots``), and
``grounded`` keeps an item only when its word was asked about and its value is a key of the closed
vocabulary tables or the gazetteer: a small model that re-reads the whole sentence cannot add
values nobody said (ADR 0011).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field

from agents.events.findings import Found, unique
from agents.events.gazetteer import Gazetteer, Place
from agents.events.vocab import EVENT_TYPE_WORDS, LEVEL_WORDS, SOURCE_WORDS, STATUS_WORDS
from core.errors import SafeCloudError
from core.ports import ChatModel
from core.vocab import EventType

log = logging.getLogger(__name__)

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


def fill_from_model(
    model: ChatModel,
    prompts: Any,
    gazetteer: Gazetteer,
    found: Found,
    sentence: str,
    notes: list[str],
    add_place: Callable[[Found, Place, str], None],
) -> bool:
    """Ask ``model`` about ``found.leftovers`` and put the grounded meanings into ``found`` (the
    parser's findings; ``add_place`` is its way of adding a place). False, with a note, when the
    model is unavailable: the rules' filter then stands."""
    found.leftovers = unique(found.leftovers)  # a word said twice is asked about and named once
    try:
        meanings = ask_for_meanings(model, prompts, sentence, found.leftovers)
    except SafeCloudError as exc:
        log.warning("event search LLM fallback unavailable: %s", exc.message)
        notes.append("语言模型暂不可用，部分词语未能识别：" + "、".join(found.leftovers))
        return False
    placed: set[str] = set()
    for word, kind, value in grounded(meanings, found.leftovers, gazetteer):
        if kind == "town":
            found.towns.append(gazetteer.towns[value])
        elif kind == "place":
            for place in gazetteer.places[value][:5]:
                add_place(found, place, "")
        elif kind == "status" and len(STATUS_WORDS[value]) > 1:
            found.status_groups.append([v.value for v in STATUS_WORDS[value]])
        else:
            buckets = {
                "event_type": found.types,
                "level": found.levels,
                "status": found.statuses,
                "source": found.sources,
            }
            buckets[kind].extend(v.value for v in _TABLES[kind][value])
        placed.add(word)
    found.leftovers = [w for w in found.leftovers if w not in placed]
    return True
