"""Composed multi-condition answers on the real embedded FalkorDB demo city, checked against
hand-written Cypher; a town officer's composed answer stays in the town; what the planner cannot map
still falls back to text-to-Cypher or the decline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from agents.llm.fake_chat_model import FakeChatModel
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope, Principal, ScopeLevel
from evals.harness import time_params
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository, day_bounds
from ingestion.demo import generate_city

NOW = 1_764_000_000_000  # 2025-11-25 00:00 Asia/Shanghai, as the text-to-Cypher eval
CITY = Principal(user_id="u-city", scope=DataScope())
LINGANG = Principal(user_id="u-lg", scope=DataScope(level=ScopeLevel.TOWN, town="临港经济开发区"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorGraphStore]:
    s = FalkorGraphStore(tmp_path_factory.mktemp("compound") / "graph")
    s.connect()
    migrate(s)
    GraphLoader(s).load(generate_city(20261125, 1000, day_bounds(NOW)[0]))  # the demo city
    yield s
    s.close()


def chat(store: FalkorGraphStore, **kw: Any) -> ChatService:
    return ChatService(store=store, repository=SafetyGraphRepository(store),
                       conversations=ConversationStore(store, lambda: NOW), clock=lambda: NOW,
                       time_parser=parse_time_range, **kw)  # fmt: skip


def ids(store: FalkorGraphStore, cypher: str) -> set[str]:
    return {str(r["id"]) for r in store.read(cypher, time_params(NOW))}


PENALISED_WITH_SOURCE = """MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(p:Penalty)
WHERE p.decided_at >= $year_start AND p.decided_at < $year_start + 365 * 86400000
MATCH (e)-[:HAS_HAZARD_SOURCE]->(:MajorHazardSource) {town} RETURN DISTINCT e.id AS id"""


def test_a_composed_list_equals_the_hand_written_query(store: FalkorGraphStore) -> None:
    r = chat(store).ask("今年受过罚、同时还有重大危险源的企业都有哪些", CITY)
    want = ids(store, PENALISED_WITH_SOURCE.format(town=""))
    assert r.path == "compound" and r.intent == "enterprise_list" and want
    assert {row["id"] for row in r.rows} == want and f"共查到 {len(want)} 家" in r.answer
    assert [c.ref for c in r.citations] == ["penalty_list", "hazard_source_enterprises", "enterprise_list"]
    assert r.citations[0].params["from_ms"] == time_params(NOW)["year_start"]  # 今年 is the penalty's
    assert "from_ms" not in r.citations[1].params and r.citations[2].params["enterprise_ids"] == sorted(want)


def test_a_negated_condition_is_subtracted(store: FalkorGraphStore) -> None:
    r = chat(store).ask("有离线传感器但是从没被检查过的企业有几家", CITY)
    want = ids(
        store,
        """MATCH (e:Enterprise)-[:MONITORED_BY]->(s:Sensor) WHERE s.online = false
        AND NOT (:Inspection)-[:INSPECTED]->(e) RETURN DISTINCT e.id AS id""",
    )
    assert r.path == "compound" and r.rows == [{"n": len(want)}] and f"共 {len(want)} 家" in r.answer


def test_a_town_officer_gets_only_the_town_from_every_step(store: FalkorGraphStore) -> None:
    question = "被处罚过并且有重大危险源的企业有哪些"
    everywhere = chat(store).ask(question, CITY)
    assert {row["town"] for row in everywhere.rows} - {"临港经济开发区"}  # the city answer has others
    r = chat(store).ask(question, LINGANG)
    assert r.path == "compound" and r.rows
    assert {row["town"] for row in r.rows} == {"临港经济开发区"}
    want = ids(
        store,
        """MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(:Penalty) WHERE e.town = '临港经济开发区'
        MATCH (e)-[:HAS_HAZARD_SOURCE]->(:MajorHazardSource) RETURN DISTINCT e.id AS id""",
    )
    assert {row["id"] for row in r.rows} == want
    for cite in r.citations:  # no step lets another town's row through, cited rows included
        assert cite.params["scope_town"] == "临港经济开发区"
        assert all(row["town"] == "临港经济开发区" for row in cite.rows if "town" in row)
    other = chat(store).ask("周庄镇被处罚过并且有重大危险源的企业", LINGANG)
    assert other.path == "refusal" and not other.rows


def test_what_the_planner_cannot_map_falls_back_as_before(store: FalkorGraphStore) -> None:
    # no LLM: the decline names the condition; with one, test_chat.py shows the hand-over to text-to-Cypher
    question = "单笔罚款超过5万元、还有重大危险源的企业名单"  # a threshold: no template compares amounts
    r = chat(store).ask(question, CITY)
    assert (r.path, r.rows) == ("clarify", []) and "数量门槛" in r.answer


def test_composition_comes_before_text_to_cypher_when_an_llm_is_configured(store: FalkorGraphStore) -> None:
    def never(question: str, *, scope: DataScope, chat_model: Any, store: Any, context: str = "") -> Any:
        raise AssertionError("text-to-Cypher must not run for a question the planner maps")

    model = FakeChatModel(lambda _: json.dumps({"intent": "none"}))
    r = chat(store, chat_model=model, cypher_answerer=never).ask("有逾期没整改的隐患的A类企业有几家", CITY)
    want = ids(
        store,
        """MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard) WHERE e.responsibility_class = 'A'
        AND h.status IN ['待整改', '整改中'] AND h.deadline < $now RETURN DISTINCT e.id AS id""",
    )
    assert r.path == "compound" and r.rows == [{"n": len(want)}]


def test_a_count_of_enterprises_by_their_cameras_counts_enterprises_not_cameras(
    store: FalkorGraphStore,
) -> None:
    r = chat(store).ask("祝塘镇有多少家企业的摄像头掉线了", CITY)
    want = ids(
        store,
        """MATCH (c:Camera) WHERE c.online = false AND c.town = '祝塘镇' AND c.enterprise_id IS NOT NULL
        MATCH (e:Enterprise) WHERE e.id = c.enterprise_id AND e.town = '祝塘镇' RETURN DISTINCT e.id AS id""",
    )
    cameras = store.read(
        "MATCH (c:Camera) WHERE c.online = false AND c.town = '祝塘镇' RETURN count(c) AS n", {}
    )[0]["n"]
    assert want and r.path == "compound" and r.rows == [{"n": len(want)}] and f"共 {len(want)} 家" in r.answer
    assert cameras != len(want)  # the cameras' own template would have answered another number


def test_operations_under_way_are_spread_over_towns_by_enterprise(store: FalkorGraphStore) -> None:
    r = chat(store).ask("此刻正在搞动火作业的单位分布在哪些镇", CITY)
    rows = store.read(
        """MATCH (e:Enterprise)-[:PERFORMS]->(o:SpecialOperation)
        WHERE o.op_type = '动火' AND o.starts_at <= $now AND o.ends_at > $now
        WITH DISTINCT e RETURN e.town AS town, count(e) AS n""",
        {"now": NOW},
    )
    assert r.path == "compound" and r.intent == "enterprise_count_by_town"
    assert {(x["town"], x["n"]) for x in r.rows} == {(x["town"], x["n"]) for x in rows}
