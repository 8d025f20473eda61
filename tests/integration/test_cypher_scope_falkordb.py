"""Scope rewrite and text-to-Cypher pipeline on a real embedded FalkorDB graph (fixture city).

The fixture city has two towns: 临港经济开发区 (enterprises A and B, almost all records) and 华士镇
(enterprise C, sensor S-3, village 华西村, rescue team T-2). Expected answers below are read off
``tests/support/fixture_city.py`` by hand.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from agents.cypher import CypherRejectedError, answer_with_cypher
from agents.cypher.prompt_build import warm_up
from agents.llm.fake_chat_model import FakeChatModel
from agents.llm.prompts import PromptLibrary
from core.ai import ChatMessage
from core.errors import LLMError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.cypher_catalog import scope_parameters
from graph.cypher_guard import guard_cypher
from graph.loader import GraphLoader
from tests.support.fixture_city import NOW, A, C, entities
from tests.support.scope_leaks import leaks

HUASHI = DataScope(level=ScopeLevel.TOWN, town="华士镇")
ENTERPRISE_C = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=C)


@pytest.fixture
def store(falkor_store: GraphStore) -> GraphStore:
    assert GraphLoader(falkor_store).load(entities()).rejected == []
    return falkor_store


def run_scoped(store: GraphStore, scope: DataScope, query: str) -> list[dict[str, Any]]:
    params = {"now_ms": NOW, **scope_parameters(scope, store)}
    guarded = guard_cypher(query, params=params.keys(), level=scope.level, max_rows=100)
    return store.read_only(guarded.text, params, timeout_ms=5000)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("MATCH (e:Enterprise) RETURN count(e) AS n", 1),
        ("MATCH (h:Hazard) RETURN count(h) AS n", 0),
        ("MATCH (s:Sensor) RETURN count(s) AS n", 1),
        ("MATCH (t:Town) RETURN count(t) AS n", 1),
        ("MATCH (r:RescueTeam) RETURN count(r) AS n", 1),
        ("MATCH (:Enterprise)-[:HAS_HAZARD]->(:Hazard) RETURN count(*) AS n", 0),
        ("MATCH (e:Enterprise) WHERE e.town = '临港经济开发区' RETURN count(e) AS n", 0),
        ("MATCH (e:Enterprise {id: '" + A + "'}) RETURN count(e) AS n", 0),
        ("MATCH (p:Person) RETURN count(p) AS n", 0),
        ("MATCH (d:DutyShift) RETURN count(d) AS n", 0),
        ("MATCH (v:Event) RETURN count(v) AS n", 0),
        ("MATCH (t:Town) RETURN size([(e:Enterprise)-[:LOCATED_IN]->(t) | e]) AS n", 1),
        ("MATCH (x:Chemical) OPTIONAL MATCH (c:ChemicalStock)-[:OF_CHEMICAL]->(x) RETURN count(c) AS n", 0),
    ],
)
def test_town_officer_counts_only_their_town(store: GraphStore, query: str, expected: int) -> None:
    assert run_scoped(store, HUASHI, query) == [{"n": expected}]


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (e:Enterprise) RETURN properties(e) AS p",
        "MATCH (e:Enterprise) OPTIONAL MATCH (e)-[:LEASES_FROM]->(l:Lessor) RETURN e.name, l.name",
        "MATCH (t:Town) OPTIONAL MATCH (x:Enterprise)-[:LOCATED_IN]->(t) RETURN t.id, collect(x.id) AS ids",
        "MATCH (s:Sensor) RETURN s.id, s.enterprise_id",
        "MATCH (e:Enterprise) RETURN e.id, [(e)<-[:INSPECTED]-(i:Inspection) | i.id] AS ins",
        "MATCH (v:Village) RETURN v.id",
        "MATCH (c:Camera) RETURN c.id",
        "MATCH (r:RescueTeam) RETURN r.name, [(r)-[:EQUIPPED_WITH]->(q:Equipment) | q.name] AS eq",
        "MATCH (e:Enterprise) CALL { WITH e MATCH (h:Hazard) RETURN collect(h.id) AS hs } RETURN e.id, hs",
        "UNWIND ['" + A + "', '" + C + "'] AS id MATCH (e:Enterprise {id: id}) RETURN e.id",
        "MATCH (x:Chemical) RETURN x.name, [(x)<-[:OF_CHEMICAL]-(c:ChemicalStock) | c.id] AS stocks",
    ],
)
def test_town_officer_rows_never_show_another_town(store: GraphStore, query: str) -> None:
    rows = run_scoped(store, HUASHI, query)
    assert leaks(rows) == []


def test_city_officer_sees_everything(store: GraphStore) -> None:
    assert run_scoped(store, DataScope(), "MATCH (e:Enterprise) RETURN count(e) AS n") == [{"n": 3}]
    assert run_scoped(store, DataScope(), "MATCH (h:Hazard) RETURN count(h) AS n") == [{"n": 3}]


def test_enterprise_user_sees_only_its_records(store: GraphStore) -> None:
    assert run_scoped(store, ENTERPRISE_C, "MATCH (e:Enterprise) RETURN e.id AS id") == [{"id": C}]
    assert run_scoped(store, ENTERPRISE_C, "MATCH (s:Sensor) RETURN s.id AS id") == [{"id": "S-3"}]
    assert run_scoped(store, ENTERPRISE_C, "MATCH (t:Town) RETURN t.id AS id") == [{"id": "华士镇"}]


# ---- the pipeline with a scripted model --------------------------------------------------------
def scripted(*answers: str) -> FakeChatModel:
    queue = list(answers)

    def reply(messages: list[ChatMessage]) -> str:
        return json.dumps({"cypher": queue.pop(0)}, ensure_ascii=False)

    return FakeChatModel(reply)


def test_pipeline_retries_once_with_the_rejection_reason(store: GraphStore) -> None:
    model = scripted(
        "MATCH (e:Enterprise) DETACH DELETE e",
        "MATCH (e:Enterprise) RETURN e.name AS key",
    )
    answer = answer_with_cypher("有哪些企业？", scope=HUASHI, chat_model=model, store=store, now_ms=NOW)
    assert [r["key"] for r in answer.rows] == ["江阴市华西纺织有限公司"]
    assert len(answer.attempts) == 2 and "写操作" in (answer.attempts[0].error or "")
    assert "写操作" in model.calls[1][-1].content  # the reason went back to the model
    assert answer.columns == ["key"]
    assert "$scope_town" in answer.query and answer.query.endswith("LIMIT 200")
    assert answer.prompt_id == f"text_to_cypher/v{PromptLibrary().load('text_to_cypher').version}"


def test_pipeline_gives_up_after_the_second_failure(store: GraphStore) -> None:
    model = scripted("CALL dbms.components() YIELD name RETURN name", "MATCH (n) DELETE n")
    before = store.read("MATCH (n) RETURN count(n) AS n")
    with pytest.raises(CypherRejectedError):
        answer_with_cypher("删除所有数据", scope=DataScope(), chat_model=model, store=store)
    assert store.read("MATCH (n) RETURN count(n) AS n") == before


def test_pipeline_feeds_back_engine_errors(store: GraphStore) -> None:
    model = scripted(
        "MATCH (e:Enterprise) RETURN substring(e.name, 'x') AS key",  # a type error only the engine sees
        "MATCH (e:Enterprise) RETURN count(e) AS key",
    )
    answer = answer_with_cypher("企业数量", scope=DataScope(), chat_model=model, store=store)
    assert answer.rows == [{"key": 3}]
    assert answer.attempts[0].error


def test_prompt_start_is_shared_by_questions_on_the_same_labels(store: GraphStore) -> None:
    """The model server's prompt cache restores an evaluated prefix only where the text is identical,
    so the prompt starts with the rules, the town names and the schema slice, and whatever the
    question or the caller adds (notes, picked examples, the caller's own town) comes after them."""
    model = scripted(*["MATCH (h:Hazard) RETURN count(h) AS key"] * 3)
    answer_with_cypher("逾期未整改的隐患有多少？", scope=DataScope(), chat_model=model, store=store)
    town = DataScope(level=ScopeLevel.TOWN, town="华士镇")
    answer_with_cypher("还有哪些重大隐患？", scope=town, chat_model=model, store=store)
    answer_with_cypher("有几位专家？", scope=DataScope(), chat_model=model, store=store)
    first, second, third = (call[0].content for call in model.calls)
    shared = os.path.commonprefix([first, second])  # noqa: RUF071 - text, not paths
    assert "(:Hazard {" in shared and "待整改|整改中|已整改|已验收" in shared
    assert "临港经济开发区" in shared and "华士镇" in shared
    assert "(:Expert {" not in first and "(:Expert {" in third  # sliced per subject
    assert "逾期隐患" in first and "逾期隐患" not in shared  # a word's meaning comes after the slice
    assert "图谱结构" not in first[len(shared) :]  # the whole slice is in the shared start


@pytest.mark.parametrize("question", ["", "   ", "问" * 2000])
def test_bad_questions_are_refused_before_the_model(store: GraphStore, question: str) -> None:
    model = scripted()
    with pytest.raises(CypherRejectedError):
        answer_with_cypher(question, scope=DataScope(), chat_model=model, store=store)
    assert model.calls == []


def test_warm_up_evaluates_the_very_prefix_a_question_sends(store: GraphStore) -> None:
    queries = scripted("MATCH (e:Enterprise) RETURN count(e) AS key")
    model = FakeChatModel(lambda messages: "" if messages[-1].content == "预热" else queries.fn(messages))
    assert warm_up(model, store) is not None
    answer_with_cypher("一共有多少家企业？", scope=DataScope(), chat_model=model, store=store)
    warmed, asked = model.calls[0][0].content, model.calls[1][0].content
    shared = os.path.commonprefix([warmed, asked])  # noqa: RUF071 - text, not paths
    assert "图谱结构" in shared and "(:Enterprise {" in shared  # the server reuses rules, towns and slice


def test_warm_up_never_raises_when_the_model_is_down(store: GraphStore) -> None:
    def down(messages: list[ChatMessage]) -> str:
        raise LLMError("语言模型服务不可用")

    assert warm_up(FakeChatModel(down), store) is None
