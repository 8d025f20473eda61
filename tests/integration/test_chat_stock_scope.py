"""Low-stock materials are a town's own reserve: a town officer sees only their own town's warehouses,
an enterprise user none, a city user every town's (chat round 30; the template had no scope predicate).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from core.scope import DataScope, Principal, ScopeLevel
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, C, entities
from tests.support.fixture_stock import stock_entities


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorGraphStore]:
    s = FalkorGraphStore(tmp_path_factory.mktemp("stock") / "graph")
    s.connect()
    migrate(s)
    assert GraphLoader(s).load([*entities(), *stock_entities()]).rejected == []
    yield s
    s.close()


def _ask(store: FalkorGraphStore, question: str, scope: DataScope) -> tuple[set[str], str]:
    chat = ChatService(
        store=store, repository=SafetyGraphRepository(store),
        conversations=ConversationStore(store, lambda: NOW), clock=lambda: NOW,
    )  # fmt: skip
    answered = chat.ask(question, Principal(user_id=f"u-{scope.level}-{scope.town}", scope=scope))
    return {str(r.get("id")) for r in answered.rows}, answered.answer


@pytest.mark.parametrize("question", ["哪些物资库存不够了", "应急物资有没有低于最低储备的"])
def test_town_officer_sees_only_own_town_stock(store: FalkorGraphStore, question: str) -> None:
    ids, answer = _ask(store, question, DataScope(level=ScopeLevel.TOWN, town="临港经济开发区"))
    assert ids == {"MAT-LINGANG-A"}
    assert "华士" not in answer
    ids, answer = _ask(store, question, DataScope(level=ScopeLevel.TOWN, town="华士镇"))
    assert ids == {"MAT-HUASHI-A"}
    assert "临港" not in answer


def test_town_officer_naming_another_town_gets_nothing_of_it(store: FalkorGraphStore) -> None:
    ids, answer = _ask(store, "临港缺哪些应急物资", DataScope(level=ScopeLevel.TOWN, town="华士镇"))
    assert "MAT-LINGANG-A" not in ids and "防化手套" not in answer


def test_enterprise_user_sees_no_town_reserve(store: FalkorGraphStore) -> None:
    ids, answer = _ask(
        store, "库存不足的应急物资有哪些", DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=C)
    )
    assert not ids & {"MAT-LINGANG-A", "MAT-HUASHI-A"}
    assert "防化手套" not in answer and "救生衣" not in answer


def test_city_user_still_sees_every_town(store: FalkorGraphStore) -> None:
    ids, _ = _ask(store, "哪些物资库存不够了", DataScope())
    assert ids == {"MAT-LINGANG-A", "MAT-HUASHI-A"}
