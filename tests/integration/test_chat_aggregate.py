"""Rankings, thresholds and per-town counts grouped from template rows (ADR 0013) on the real embedded
FalkorDB demo city, checked against hand-written Cypher; a town officer's ranking holds only the
town's enterprises; a follow-up on "那前三家" reaches the enterprises just ranked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from agents.nlp.timeexpr import parse_time_range
from core.scope import DataScope, Principal, ScopeLevel
from evals.harness import time_params
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository, day_bounds
from ingestion.demo import generate_city

NOW = 1_764_000_000_000  # 2025-11-25 00:00 Asia/Shanghai, as the other chat integration tests
CITY = Principal(user_id="u-city", scope=DataScope())
LINGANG = Principal(user_id="u-lg", scope=DataScope(level=ScopeLevel.TOWN, town="临港经济开发区"))
OPEN_HAZARDS_PER_ENTERPRISE = """MATCH (e:Enterprise)-[:HAS_HAZARD]->(h:Hazard)
WHERE h.status IN ['待整改', '整改中'] {town} RETURN e.id AS id, e.town AS town, count(h) AS n"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorGraphStore]:
    s = FalkorGraphStore(tmp_path_factory.mktemp("aggregate") / "graph")
    s.connect()
    migrate(s)
    GraphLoader(s).load(generate_city(20261125, 1000, day_bounds(NOW)[0]))  # the demo city
    yield s
    s.close()


def chat(store: FalkorGraphStore) -> ChatService:
    return ChatService(store=store, repository=SafetyGraphRepository(store),
                       conversations=ConversationStore(store, lambda: NOW), clock=lambda: NOW,
                       time_parser=parse_time_range)  # fmt: skip


def top_with_ties(rows: list[dict[str, Any]], n: int) -> set[str]:
    ranked = sorted(rows, key=lambda r: -r["n"])
    cut = ranked[min(n, len(ranked)) - 1]["n"]
    return {str(r["id"]) for r in ranked if r["n"] >= cut}


def test_a_town_officers_ranking_holds_only_the_towns_enterprises(store: FalkorGraphStore) -> None:
    question = "未整改隐患数量排前五的企业是哪些"
    everywhere = chat(store).ask(question, CITY)
    assert everywhere.path == "aggregate" and {r["town"] for r in everywhere.rows} - {"临港经济开发区"}
    r = chat(store).ask(question, LINGANG)
    assert r.path == "aggregate" and r.rows
    assert {row["town"] for row in r.rows} == {"临港经济开发区"}
    gold = store.read(OPEN_HAZARDS_PER_ENTERPRISE.format(town="AND e.town = '临港经济开发区'"), {})
    assert {row["enterprise_id"] for row in r.rows} == top_with_ties(gold, 5)
    for cite in r.citations:  # no step lets another town's row through, cited rows included
        assert cite.params["scope_town"] == "临港经济开发区"
        assert all(row["town"] == "临港经济开发区" for row in cite.rows if "town" in row)
    other = chat(store).ask("周庄镇隐患最多的三家企业", LINGANG)
    assert other.path == "refusal" and not other.rows


def test_a_threshold_and_a_per_town_sum_equal_the_hand_written_queries(store: FalkorGraphStore) -> None:
    r = chat(store).ask("未整改的隐患有4条及以上的企业有哪些", CITY)
    gold = store.read(OPEN_HAZARDS_PER_ENTERPRISE.format(town=""), {})
    assert r.path == "aggregate" and {row["enterprise_id"] for row in r.rows} == {
        str(g["id"]) for g in gold if g["n"] >= 4}  # fmt: skip
    r = chat(store).ask("今年每个镇街被罚了多少钱", CITY)
    sums = store.read(
        """MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(p:Penalty) WHERE p.decided_at >= $year_start
        AND p.decided_at < $now RETURN e.town AS town, sum(p.amount_yuan) AS n""",
        time_params(NOW),
    )
    assert r.path == "aggregate" and {(row["town"], row["n"]) for row in r.rows} == {
        (g["town"], int(g["n"])) for g in sums}  # fmt: skip


def test_a_follow_up_on_the_top_three_reaches_the_enterprises_just_ranked(store: FalkorGraphStore) -> None:
    service = chat(store)
    first = service.ask("没整改的隐患最多的前三家企业", CITY)
    assert first.path == "aggregate"
    ranked = {row["enterprise_id"] for row in first.rows}
    then = service.ask("那前三家里有没有被罚过款的", CITY, conversation_id=first.conversation_id)
    penalised = {str(r["id"]) for r in store.read(
        "MATCH (e:Enterprise)-[:RECEIVED_PENALTY]->(:Penalty) RETURN DISTINCT e.id AS id", {})}  # fmt: skip
    assert then.path == "template" and then.intent == "penalty_list"
    assert {row["enterprise_id"] for row in then.rows} == ranked & penalised
