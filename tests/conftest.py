"""Shared fixtures: real graph engines (embedded FalkorDB and a Maven-built Neo4j) and a real Kafka
broker (Maven-built, ``kafka_bootstrap``).

A service that cannot start skips its tests locally with the reason, and FAILS them under
``CI=true``: CI must never pass by silently skipping an engine.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.ports import GraphStore
from graph.falkor_graph_store import FalkorGraphStore
from graph.migrations import migrate
from graph.neo4j_graph_store import Neo4jGraphStore

CI = os.environ.get("CI") == "true"
# Apps built by tests do not warm a model server up in the background (a test asks for it).
os.environ.setdefault("SAFECLOUD_CHAT__WARM_UP_LLM", "false")


def require(condition: bool, reason: str) -> None:
    """Skip locally, fail in CI."""
    if not condition:
        if CI:
            pytest.fail(f"CI=true and a required service is unavailable: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def falkor_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorGraphStore]:
    store = FalkorGraphStore(tmp_path_factory.mktemp("falkor"))
    store.connect()
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jGraphStore]:
    external = os.environ.get("SAFECLOUD_TEST_NEO4J_URI")
    if external:
        store = Neo4jGraphStore(external)
        store.connect()
        yield store
        store.close()
        return
    from tests.support.neo4j_server import neo4j_available, running_neo4j

    ok, why = neo4j_available()
    require(ok, why)
    with contextlib.ExitStack() as stack:
        try:
            uri = stack.enter_context(running_neo4j(tmp_path_factory.mktemp("neo4j")))
        except RuntimeError as exc:
            require(False, f"Neo4j did not start: {exc}")
            raise
        store = Neo4jGraphStore(uri)
        stack.callback(store.close)
        store.connect()
        yield store


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``host:port`` of a real Kafka 4.x broker: ``SAFECLOUD_TEST_KAFKA_BOOTSTRAP`` if set, else a
    single-node KRaft broker started from Maven Central jars (deploy/kafka-dev) for the session."""
    external = os.environ.get("SAFECLOUD_TEST_KAFKA_BOOTSTRAP")
    if external:
        yield external
        return
    from tests.support.kafka_server import kafka_available, running_kafka

    ok, why = kafka_available()
    require(ok, why)
    with contextlib.ExitStack() as stack:
        try:
            address = stack.enter_context(running_kafka(tmp_path_factory.mktemp("kafka")))
        except RuntimeError as exc:
            require(False, f"Kafka did not start: {exc}")
            raise
        yield address


def _fresh(store: FalkorGraphStore | Neo4jGraphStore) -> GraphStore:
    store.drop_all()
    migrate(store)
    return store


@pytest.fixture(params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def graph_store(request: pytest.FixtureRequest) -> GraphStore:
    """An empty, migrated store of each engine (the contract tests' parameter)."""
    session = "falkor_session" if request.param == "falkordb" else "neo4j_session"
    return _fresh(request.getfixturevalue(session))


@pytest.fixture
def falkor_store(falkor_session: FalkorGraphStore) -> GraphStore:
    return _fresh(falkor_session)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated SAFECLOUD_DATA_DIR for tests that build the app or the CLI."""
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SAFECLOUD_ENV", "test")
    return tmp_path / "data"
