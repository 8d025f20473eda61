"""The event-search LLM fallback against the real embedded llama.cpp server (0.5B).

Behaviour only (quality lives in ``evals/event_search.py``): a sentence with a word the rules do not
know reaches the model through the real adapter, and whatever the model answers, the filter holds
only closed-vocabulary values and the rules' own findings stay.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from agents.events.gazetteer import Gazetteer
from agents.events.query_parser import EventQueryParser
from agents.llm.llama_server import ServerConfig
from agents.llm.openai_chat_model import OpenAIChatModel
from agents.nlp.timeexpr import CST
from core.vocab import EventLevel, EventSource, EventStatus, EventType
from tests.integration.conftest import ASSET

pytestmark = pytest.mark.llm

NOW = datetime(2026, 3, 2, 9, 15, tzinfo=CST)


def test_leftover_words_go_to_the_model_and_come_back_normalised(server: ServerConfig) -> None:
    gazetteer = Gazetteer.from_rows(towns=[{"name": "城东街道", "lat": 31.9, "lon": 120.3}])
    model = OpenAIChatModel(base_url=server.base_url, model=ASSET.name, timeout_s=60, max_retries=0)
    try:
        outcome = EventQueryParser(gazetteer, chat_model=model).parse(
            "昨天城东有焦糊味", NOW
        )  # a smell the rules do not place
    finally:
        model.close()
    f = outcome.filter
    assert outcome.used_llm, outcome.warnings
    assert f.towns == ["城东街道"] and f.time_text == "昨天"
    assert set(f.event_types) <= set(EventType) and set(f.levels) <= set(EventLevel)
    assert set(f.statuses) <= set(EventStatus) and set(f.sources) <= set(EventSource)
