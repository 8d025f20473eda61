"""A model-written query nested too deep is refused in Chinese, never answered with a stack trace."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest

from agents.cypher import CypherRejectedError, answer_with_cypher
from agents.cypher import pipeline as cypher_pipeline
from agents.llm.fake_chat_model import FakeChatModel
from core.scope import DataScope, ScopeLevel
from graph.cypher_cursor import MAX_NESTING
from graph.cypher_guard import guard_cypher


class EmptyStore:
    """Answers every read with no rows and remembers what reached it."""

    kind = "falkordb"

    def __init__(self) -> None:
        self.ran: list[str] = []

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return []

    def read_only(self, query: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int) -> list[Any]:
        self.ran.append(query)
        return []


def _ask(cypher: str, store: EmptyStore) -> Any:
    model = FakeChatModel(lambda messages: json.dumps({"cypher": cypher}))
    return answer_with_cypher(
        "统计一下", scope=DataScope(level=ScopeLevel.TOWN, town="周庄镇"), chat_model=model, store=store,  # type: ignore[arg-type]
        max_rows=20, timeout_ms=1000,
    )  # fmt: skip


@pytest.mark.parametrize(
    "deep",
    [
        "RETURN " + "[" * 200 + "0" + "]" * 200 + " AS n",  # lists in lists
        "MATCH (h:Hazard) WHERE " + "(" * 400 + "h.level = '重大'" + ")" * 400 + " RETURN h.id AS n",
        "RETURN "
        + "{k: " * (MAX_NESTING + 1)
        + "0"
        + "}" * (MAX_NESTING + 1)
        + " AS n",  # one level too many
    ],
)
def test_brackets_nested_past_the_limit_are_refused_before_the_walk(deep: str) -> None:
    with pytest.raises(CypherRejectedError) as info:
        guard_cypher(deep, params={"now_ms"})
    assert "嵌套过深" in info.value.reason


def test_ordinary_nesting_still_passes() -> None:
    query = (
        "MATCH (e:Enterprise) WHERE ((e.employees > 10 AND (e.scale IN ['大型', '中型']))) RETURN e.name AS n"
    )
    assert "LIMIT" in guard_cypher(query, params={"now_ms"}).text
    at_limit = "RETURN " + "(" * MAX_NESTING + "1" + ")" * MAX_NESTING + " AS n"
    guard_cypher(at_limit, params={"now_ms"})


def test_the_pipeline_refuses_a_deep_query_and_nothing_runs() -> None:
    store = EmptyStore()
    with pytest.raises(CypherRejectedError) as info:
        _ask("RETURN " + "(" * 600 + "2" + ")" * 600 + " AS n", store)
    assert "嵌套过深" in info.value.message and store.ran == []


def test_a_recursion_anywhere_in_the_guard_becomes_a_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_deep(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(cypher_pipeline, "guard_cypher", too_deep)
    store = EmptyStore()
    with pytest.raises(CypherRejectedError) as info:
        _ask("MATCH (e:Enterprise) RETURN e.name AS n", store)
    assert "过于复杂" in info.value.message and store.ran == []
