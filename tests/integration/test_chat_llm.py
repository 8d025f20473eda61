"""Chat with the real bundled 0.5B model: the LLM routing fallback and checked phrasing never break a reply.

Quality is measured in ``evals/chat.py``; this only proves the wiring against a real server
(started by the fixtures in ``tests/integration/conftest.py``; skipped without llama-cpp-python locally).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from agents.llm.llama_server import ServerConfig
from agents.llm.openai_chat_model import OpenAIChatModel
from core.scope import Principal
from graph.falkor_graph_store import FalkorGraphStore
from graph.intents import INTENT_IDS
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, entities

pytestmark = pytest.mark.llm

CITY = Principal(user_id="u-llm")


@pytest.fixture(scope="module")
def chat(server: ServerConfig, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChatService]:
    store = FalkorGraphStore(Path(tmp_path_factory.mktemp("chat-llm")) / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(entities())
    model = OpenAIChatModel(
        base_url=f"http://{server.host}:{server.port}/v1", model=server.alias, timeout_s=120
    )
    yield ChatService(
        store=store,
        repository=SafetyGraphRepository(store),
        conversations=ConversationStore(store, lambda: NOW),
        clock=lambda: NOW,
        chat_model=model,
        phrase_with_llm=True,
    )
    model.close()
    store.close()


def test_llm_route_picks_a_catalogue_intent_or_asks_to_rephrase(chat: ChatService) -> None:
    r = chat.ask("今晚有事该找谁汇报", CITY)
    assert r.path in ("llm_template", "clarify")
    assert r.intent is None or r.intent in INTENT_IDS
    assert r.answer


def test_phrased_answers_only_use_the_rows(chat: ChatService) -> None:
    r = chat.ask("逾期未整改的隐患有哪些", CITY)
    assert r.intent == "overdue_hazards" and [row["id"] for row in r.rows] == ["H-1"]
    assert r.phrased_by_llm or r.notice
    assert "H-1" in r.citations[0].rows[0]["id"]
