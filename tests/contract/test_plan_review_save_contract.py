"""Saving a review is a compare-and-set on ``PlanVersion.review_rev``, on every engine.

Two connections (two API workers) save against the revision they read, over and over, at the same
time: every save that reports success must have advanced the revision by exactly one (none written
over another), and the save leaves no property behind but the review and its revision."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from core.ports import GraphStore
from graph.falkor_graph_store import FalkorGraphStore
from graph.migrations import migrate
from graph.neo4j_graph_store import Neo4jGraphStore
from graph.plan_repository import PlanGraphRepository

SAVES_PER_WORKER = 15


@pytest.fixture(params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def stores(request: pytest.FixtureRequest) -> Iterator[tuple[GraphStore, GraphStore]]:
    first: Any = request.getfixturevalue("falkor_session" if request.param == "falkordb" else "neo4j_session")
    first.drop_all()
    migrate(first)
    second: Any = (
        FalkorGraphStore(first.data_dir) if request.param == "falkordb" else Neo4jGraphStore(first.uri)
    )
    second.connect()
    repo = PlanGraphRepository(first)
    repo.create_plan({"id": "PLN-R", "title": "华士镇防汛防台专项预案", "plan_type": "专项", "status": "未启用",
                      "created_at": 1, "chunk_count": 0})  # fmt: skip
    repo.create_version("PLN-R", {"id": "PV-R", "plan_id": "PLN-R", "seq": 1, "version_no": "1.0",
                                  "issue_status": "待审核", "enabled": False, "created_at": 1,
                                  "created_by": "t", "document": "{}", "review": "{}"})  # fmt: skip
    yield first, second
    second.close()


def _rev(repo: PlanGraphRepository) -> int:
    return int(repo.get_version("PLN-R", "PV-R")["review_rev"])  # type: ignore[index]


def test_concurrent_review_saves_never_overwrite_each_other(stores: tuple[GraphStore, GraphStore]) -> None:
    repos = [PlanGraphRepository(s) for s in stores]
    start = threading.Barrier(2)

    def worker(n: int) -> int:
        repo, won = repos[n], 0
        start.wait(timeout=30)
        for i in range(SAVES_PER_WORKER):
            seen = _rev(repo)
            review = f'{{"worker{n}-{i}": "accepted"}}'
            won += repo.save_review("PV-R", "{}", review, i, expected_rev=seen)
        return won

    with ThreadPoolExecutor(2) as pool:
        wins = sum(pool.map(worker, (0, 1)))
    assert wins >= SAVES_PER_WORKER  # with two workers at least one side wins every round
    assert _rev(repos[0]) == wins  # each success is one step: no save was written over another


def test_a_save_on_a_stale_revision_writes_nothing(stores: tuple[GraphStore, GraphStore]) -> None:
    repo = PlanGraphRepository(stores[0])
    assert repo.save_review("PV-R", "{}", '{"a": "accepted"}', 5, expected_rev=0)
    assert not repo.save_review("PV-R", "{}", '{"a": "rejected"}', 6, expected_rev=0)
    v = repo.get_version("PLN-R", "PV-R")
    assert v is not None and v["review"] == '{"a": "accepted"}' and v["review_rev"] == 1
    keys = stores[0].read("MATCH (v:PlanVersion {id: 'PV-R'}) RETURN keys(v) AS k")[0]["k"]
    assert "review_lock" not in keys


def test_migration_8_drops_the_old_review_lock_flag(stores: tuple[GraphStore, GraphStore]) -> None:
    store = stores[0]
    store.write("MATCH (v:PlanVersion {id: 'PV-R'}) SET v.review_lock = true")  # as the old save left it
    store.write("MATCH (m:SchemaMigration {id: 8}) DELETE m")
    assert migrate(store) == [8]
    keys = store.read("MATCH (v:PlanVersion {id: 'PV-R'}) RETURN keys(v) AS k")[0]["k"]
    assert "review_lock" not in keys and "review" in keys
