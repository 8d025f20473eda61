"""The conversation list pages: ``limit``/``offset`` with bounds, Chinese 422 on bad values."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from agents.chat.conversations import ConversationStore
from api.app import create_app
from api.bootstrap import Container, build_chat
from api.settings import Settings
from core.scope import DEV_PRINCIPAL
from graph.falkor_graph_store import FalkorGraphStore
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW

URL = "/api/v1/chat/conversations"
COUNT = 73  # more than one default page of 50


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("chat-pages")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    ticks = itertools.count(NOW)  # each conversation one millisecond newer than the last
    conversations = ConversationStore(store, lambda: next(ticks))
    for i in range(COUNT):
        conversations.create(DEV_PRINCIPAL.user_id, f"第{i}个问题")
    conversations.create("someone-else", "别人的会话")
    settings = Settings(
        data_dir=data, env="test", api={"web_dist": Path(data / "no-dist")}, chat={"use_llm": False}
    )
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW)
    container.chat = build_chat(container)
    with TestClient(create_app(container=container)) as c:
        yield c


def test_default_page_is_the_newest_fifty(client: TestClient) -> None:
    titles = [c["title"] for c in client.get(URL).json()]
    assert len(titles) == 50 and titles[0] == f"第{COUNT - 1}个问题"


def test_pages_walk_every_conversation_once_newest_first(client: TestClient) -> None:
    seen: list[str] = []
    while True:
        page = client.get(URL, params={"limit": 20, "offset": len(seen)}).json()
        seen += [c["title"] for c in page]
        if len(page) < 20:
            break
    assert seen == [f"第{i}个问题" for i in reversed(range(COUNT))]
    assert client.get(URL, params={"offset": COUNT}).json() == []


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 201}, {"limit": "十"}, {"offset": -1}, {"offset": 100_001}, {"offset": "1.5"}],
)
def test_bad_paging_values_are_refused_in_chinese(client: TestClient, params: dict[str, object]) -> None:
    r = client.get(URL, params=params)
    assert r.status_code == 422
    message = r.json()["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert next(iter(params)) in r.text
