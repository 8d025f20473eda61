"""The whole app over the fixture city in an embedded FalkorDB under a test's data folder: the one
builder the API test modules share (settings overrides as keyword groups, LLMs off by default).

Yields the test client and its container (a test that checks the graph after a refused write needs
both). The graph server is stopped when the block ends: module fixtures that built their own app
left one ``redis-server`` running per module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


@contextmanager
def fixture_city_app(
    data: Path,
    *,
    importer: Any = None,
    index: Any = None,
    chat: bool = True,
    raise_server_exceptions: bool = True,
    clock: Callable[[], int] = lambda: NOW,
    password_hasher: Any = None,
    peer: str = "testclient",
    **settings: Any,
) -> Iterator[tuple[TestClient, Container]]:
    """``importer``: what plan uploads read (None: the real pipeline); ``index``: an in-memory search
    index (None: enterprise search on the graph only); ``chat``: build the duty-officer chat; ``peer``:
    the socket address requests come from (a reverse proxy's, to test ``api.trusted_proxies``);
    ``settings``: Settings groups, merged over the test defaults (``api``, ``chat`` merged key by key)."""
    store = FalkorGraphStore(data / "graph")
    store.connect()
    try:
        migrate(store)
        GraphLoader(store).load(entities())
        config = Settings(
            data_dir=data,
            env="test",
            api={"web_dist": Path(data / "no-dist"), **settings.pop("api", {})},
            chat={"use_llm": False, **settings.pop("chat", {})},
            **settings,
        )
        container = Container(
            config,
            store,
            SafetyGraphRepository(store),
            clock=clock,
            search=None if index is None else SearchService(lambda: index),
            plan_importer=importer,
            **({} if password_hasher is None else {"password_hasher": password_hasher}),
        )
        if chat:
            container.chat = build_chat(container)
        with TestClient(
            create_app(container=container),
            raise_server_exceptions=raise_server_exceptions,
            client=(peer, 50000),
        ) as client:
            yield client, container
    finally:
        store.close()
