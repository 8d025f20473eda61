"""Composition root: Settings → adapters → services → app. Nothing else builds clients."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from api.settings import FalkorSettings, Neo4jSettings, Settings
from core.errors import ConfigError
from core.ports import GraphStore
from graph.repository import SafetyGraphRepository


def _falkor(settings: Settings) -> GraphStore:
    from graph.falkor_graph_store import FalkorGraphStore

    assert isinstance(settings.graph, FalkorSettings)
    return FalkorGraphStore(settings.graph_dir, query_timeout_ms=settings.graph.query_timeout_ms)


def _neo4j(settings: Settings) -> GraphStore:
    from graph.neo4j_graph_store import Neo4jGraphStore

    g = settings.graph
    assert isinstance(g, Neo4jSettings)
    return Neo4jGraphStore(
        g.uri,
        user=g.user,
        password=g.password.get_secret_value() if g.password else None,
        database=g.database,
        query_timeout_s=g.query_timeout_s,
    )


GRAPH_STORES: dict[str, Callable[[Settings], GraphStore]] = {"falkordb": _falkor, "neo4j": _neo4j}


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass
class Container:
    settings: Settings
    graph: GraphStore
    repository: SafetyGraphRepository
    clock: Callable[[], int] = field(default=now_ms)


def build_graph_store(settings: Settings) -> GraphStore:
    factory = GRAPH_STORES.get(settings.graph.kind)
    if factory is None:  # pragma: no cover - the discriminated union already refuses this
        raise ConfigError(f"未知的图引擎：{settings.graph.kind}")
    return factory(settings)


def build_container(settings: Settings | None = None, *, clock: Callable[[], int] = now_ms) -> Container:
    settings = settings or Settings()
    store = build_graph_store(settings)
    return Container(settings=settings, graph=store, repository=SafetyGraphRepository(store), clock=clock)
