"""The plan API over embedded FalkorDB with the fixture city, a fake importer and an in-memory search
index: one app for the plan API test modules (each module gets its own data folder)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from agents.search.service import SearchService
from api.app import create_app
from api.bootstrap import Container, build_chat
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, entities
from tests.support.sample_plans import FakeImporter, MemoryIndex


@contextmanager
def plan_api_client(data: Path, importer: FakeImporter, **settings: Any) -> Iterator[TestClient]:
    """A test client of the whole app (chat included, LLM off) whose plan uploads the importer reads."""
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(entities())
    config = Settings(
        data_dir=data,
        env="test",
        api={"web_dist": Path(data / "no-dist"), **settings.pop("api", {})},
        chat={"use_llm": False},
        **settings,
    )
    index = MemoryIndex()
    container = Container(
        config,
        store,
        SafetyGraphRepository(store),
        clock=lambda: NOW,
        search=SearchService(lambda: index),  # type: ignore[arg-type,return-value]
        plan_importer=importer,
    )
    container.chat = build_chat(container)  # the duty-officer chat over the same plans and index
    with TestClient(create_app(container=container)) as client:
        yield client
