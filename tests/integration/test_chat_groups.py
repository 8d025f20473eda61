"""Per-village and per-行业 counts (chat round 38): the enterprises' village and category read on both
engines, and a grouped count through the chat service on the fixture city, scope kept."""

from __future__ import annotations

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from core.ports import GraphStore
from core.scope import DataScope, Principal, ScopeLevel
from graph.enterprise_groups import enterprise_groups
from graph.loader import GraphLoader
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, B, C, entities

CITY = DataScope()
LINGANG = DataScope(level=ScopeLevel.TOWN, town="临港经济开发区")
OPEN_BY_CATEGORY = """MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) WHERE h.status IN ['待整改','整改中']
RETURN e.category AS category, count(h) AS n"""


@pytest.fixture
def store(graph_store: GraphStore) -> GraphStore:
    assert GraphLoader(graph_store).load(entities()).rejected == []
    return graph_store


def test_each_enterprise_s_village_and_category_under_the_caller_s_scope(store: GraphStore) -> None:
    assert enterprise_groups(store, [A, B, C, "no-such-id"], "category", CITY) == {
        A: "危化品生产",
        B: "机械",
        C: "纺织",
    }
    assert enterprise_groups(store, [A, B, C], "village", CITY) == {
        C: "华士镇/华西村"
    }  # the others have none
    assert enterprise_groups(store, [A, B, C], "category", LINGANG) == {A: "危化品生产", B: "机械"}
    assert enterprise_groups(store, [], "category", CITY) == {}
    with pytest.raises(ValueError):
        enterprise_groups(store, [A], "town", CITY)


def test_a_per_category_count_through_the_chat_matches_the_graph(falkor_store: GraphStore) -> None:
    assert GraphLoader(falkor_store).load(entities()).rejected == []
    chat = ChatService(
        store=falkor_store,
        repository=SafetyGraphRepository(falkor_store),
        conversations=ConversationStore(falkor_store, lambda: NOW),
        clock=lambda: NOW,
    )
    r = chat.ask("分行业统计一下没整改完的隐患各有几条", Principal(user_id="c", scope=CITY))
    want = {(row["category"], row["n"]) for row in falkor_store.read(OPEN_BY_CATEGORY, {})}
    assert r.path == "aggregate" and {(row["category"], row["n"]) for row in r.rows} == want
    assert all(f"{c} {n} 条" in r.answer for c, n in want)
    town = chat.ask("分行业统计一下没整改完的隐患各有几条", Principal(user_id="l", scope=LINGANG))
    assert {row["category"] for row in town.rows} <= {"危化品生产", "机械"}  # the officer's own town only
