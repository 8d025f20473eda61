"""The village filter of the records held per enterprise (hazards, hazard sources, inspections,
penalties, sensors, special operations, risk points) on both engines (chat round 36), and through
the chat service on the fixture city: 华西村 holds enterprise C only, so its records are C's."""

from __future__ import annotations

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.execute import bind
from agents.chat.service import ChatService
from core.models import Hazard, Inspection, Penalty, RiskPoint, Sensor, SpecialOperation
from core.models.base import Entity
from core.ports import GraphStore
from core.scope import DataScope, Principal, ScopeLevel
from graph.intents import BY_ID
from graph.loader import GraphLoader
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import DAY, NOW, B, C, entities

CITY = DataScope()
LINGANG = DataScope(level=ScopeLevel.TOWN, town="临港经济开发区")
HUASHI = DataScope(level=ScopeLevel.TOWN, town="华士镇")
VILLAGE = "华士镇/华西村"


def _village_records() -> list[Entity]:
    """C's own records; enterprise A (临港, no village) holds one of each kind but a risk point, B's."""
    return [
        Inspection(id="INS-C", enterprise_id=C, agency_id="D-CITY", inspected_at=NOW - 3 * DAY, findings=1),
        Hazard(
            id="H-C",
            enterprise_id=C,
            description="车间配电箱未上锁",
            level="一般",
            source="执法",
            status="待整改",
            found_at=NOW - 3 * DAY,
            deadline=NOW - DAY,
            inspection_id="INS-C",
        ),
        Penalty(
            id="P-C",
            enterprise_id=C,
            inspection_id="INS-C",
            organ="江阴市华士镇综合行政执法局",
            facts="安全培训记录不全",
            basis="《中华人民共和国安全生产法》第九十七条",
            decision="罚款",
            amount_yuan=8000,
            decided_at=NOW - 2 * DAY,
        ),
        Sensor(
            id="S-C",
            enterprise_id=C,
            name="定型机温度",
            sensor_type="温度",
            unit="℃",
            threshold_high=200,
            online=False,
            last_seen=NOW - DAY,
        ),
        SpecialOperation(
            id="SO-C",
            enterprise_id=C,
            op_type="高处",
            location="车间屋面",
            starts_at=NOW + 3_600_000,
            ends_at=NOW + 7_200_000,
        ),
        RiskPoint(id="RP-C", enterprise_id=C, name="定型车间", risk_level="较大"),
        RiskPoint(id="RP-B", enterprise_id=B, name="除尘器", risk_level="较大"),
    ]


@pytest.fixture
def store(graph_store: GraphStore) -> GraphStore:
    assert GraphLoader(graph_store).load([*entities(), *_village_records()]).rejected == []
    return graph_store


# intent → (the key its rows give for 华西村, a slot value the template needs to list anything)
CASES: dict[str, tuple[object, dict[str, object]]] = {
    "hazard_list": (["H-C"], {"open_only": True}),
    "overdue_hazards": (["H-C"], {}),
    "hazard_count": ([{"n": 1}], {"open_only": True}),
    "hazard_count_by_town": ([{"town": "华士镇", "n": 1}], {"open_only": True}),
    "inspection_list": (["INS-C"], {}),
    "inspection_count": ([{"n": 1}], {}),
    "penalty_list": (["P-C"], {}),
    "penalty_total": ([{"n": 1, "amount_yuan": 8000}], {}),
    "sensors_offline": (["S-C"], {}),
    "special_operations": (["SO-C"], {}),
    "risk_points": (["RP-C"], {}),
}


def _read(store: GraphStore, intent_id: str, values: dict[str, object], scope: DataScope) -> list[dict]:
    intent = BY_ID[intent_id]
    rows = store.read(intent.cypher or "", bind(intent, values, scope, NOW))
    if intent.shape == "list":
        return [r["id"] for r in rows]  # type: ignore[return-value]
    return [{k: (int(v) if isinstance(v, float) else v) for k, v in r.items()} for r in rows]


@pytest.mark.parametrize("intent_id", sorted(CASES))
def test_the_village_filter_narrows_each_record_template(store: GraphStore, intent_id: str) -> None:
    expected, extra = CASES[intent_id]
    assert _read(store, intent_id, {**extra, "village": VILLAGE}, CITY) == expected
    everywhere = _read(store, intent_id, extra, CITY)
    assert everywhere != expected  # A's records in 临港 are there without the filter
    nowhere = _read(store, intent_id, {**extra, "village": "华士镇/没有的村"}, CITY)
    assert nowhere in ([], [{"n": 0}], [{"n": 0, "amount_yuan": None}], [{"n": 0, "amount_yuan": 0}])
    scoped = _read(store, intent_id, {**extra, "village": VILLAGE}, LINGANG)
    assert scoped in ([], [{"n": 0}], [{"n": 0, "amount_yuan": None}], [{"n": 0, "amount_yuan": 0}])


def test_village_hazards_and_penalties_through_the_chat(falkor_store: GraphStore) -> None:
    assert GraphLoader(falkor_store).load([*entities(), *_village_records()]).rejected == []
    chat = ChatService(
        store=falkor_store,
        repository=SafetyGraphRepository(falkor_store),
        conversations=ConversationStore(falkor_store, lambda: NOW),
        clock=lambda: NOW,
    )
    officer = Principal(user_id="h", scope=HUASHI)
    open_hazards = chat.ask("华西村还剩几条隐患没整改", officer)
    assert open_hazards.intent == "hazard_count" and open_hazards.rows == [{"n": 1}]
    fined = chat.ask("华西村的企业被罚过款没有", Principal(user_id="c", scope=CITY))
    assert fined.intent == "penalty_list" and [r["id"] for r in fined.rows] == ["P-C"]
    denied = chat.ask("华西村有哪些隐患没整改", Principal(user_id="l", scope=LINGANG))
    assert denied.path == "refusal" and not denied.rows
