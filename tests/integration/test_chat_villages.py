"""The village filter of the enterprise templates on both engines, and through the chat service on the
fixture city (华西村 in 华士镇, enterprise C): a town officer of another town is refused."""

from __future__ import annotations

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.execute import bind
from agents.chat.service import ChatService
from core.ports import GraphStore
from core.scope import DataScope, Principal, ScopeLevel
from graph.intents import BY_ID
from graph.loader import GraphLoader
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, C, entities

CITY = DataScope()
LINGANG = DataScope(level=ScopeLevel.TOWN, town="临港经济开发区")


@pytest.fixture
def store(graph_store: GraphStore) -> GraphStore:
    assert GraphLoader(graph_store).load(entities()).rejected == []
    return graph_store


@pytest.mark.parametrize("intent_id", ["enterprise_list", "enterprise_count", "enterprise_count_by_town"])
def test_the_village_filter_narrows_every_enterprise_set_template(store: GraphStore, intent_id: str) -> None:
    intent = BY_ID[intent_id]
    rows = store.read(intent.cypher or "", bind(intent, {"village": "华士镇/华西村"}, CITY, NOW))
    other = store.read(intent.cypher or "", bind(intent, {"village": "华士镇/没有的村"}, CITY, NOW))
    if intent_id == "enterprise_list":
        assert [r["id"] for r in rows] == [C] and other == []
    elif intent_id == "enterprise_count":
        assert rows == [{"n": 1}] and other == [{"n": 0}]
    else:
        assert rows == [{"town": "华士镇", "n": 1}] and other == []
    scoped = store.read(intent.cypher or "", bind(intent, {"village": "华士镇/华西村"}, LINGANG, NOW))
    assert scoped in ([], [{"n": 0}])  # the scope predicate still holds


def test_a_village_count_through_the_chat_and_another_town_s_officer(falkor_store: GraphStore) -> None:
    assert GraphLoader(falkor_store).load(entities()).rejected == []
    chat = ChatService(
        store=falkor_store,
        repository=SafetyGraphRepository(falkor_store),
        conversations=ConversationStore(falkor_store, lambda: NOW),
        clock=lambda: NOW,
    )
    r = chat.ask("华西村一共有几家厂", Principal(user_id="c", scope=CITY))
    assert r.intent == "enterprise_count" and r.rows == [{"n": 1}]
    denied = chat.ask("华西村有哪些企业", Principal(user_id="l", scope=LINGANG))
    assert denied.path == "refusal" and "无权" in denied.answer and not denied.rows
