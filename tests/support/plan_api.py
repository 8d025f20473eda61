"""The plan API over embedded FalkorDB with the fixture city, a fake importer and an in-memory search
index: one app for the plan API test modules (each module gets its own data folder), and the upload
and review steps those modules share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, entities
from tests.support.fixture_city_app import fixture_city_app
from tests.support.sample_plans import FakeImporter, MemoryIndex

PDF = ("plan.pdf", b"%PDF-1.7 fake", "application/pdf")


@contextmanager
def plan_api_client(data: Path, importer: FakeImporter, **settings: Any) -> Iterator[TestClient]:
    """A test client of the whole app (chat included, LLM off) whose plan uploads the importer reads."""
    with fixture_city_app(data, importer=importer, index=MemoryIndex(), **settings) as (client, _):
        yield client


def upload(client: TestClient, file: tuple[str, bytes, str] = PDF, **form: str) -> dict[str, Any]:
    """A new plan from ``file``; these tests reuse one file, so the duplicate check is waived."""
    form = {"enterprise_id": A, "allow_duplicate": "true", **form}
    r = client.post("/api/v1/plans", files={"file": file}, data=form)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def accept_all(
    client: TestClient, plan_id: str, version_id: str, decisions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    r = client.patch(
        f"/api/v1/plans/{plan_id}/review",
        params={"version_id": version_id},
        json={"decisions": decisions or [], "accept_above": 0.0},
    )
    assert r.status_code == 200, r.text
    fields = r.json()["fields"]
    pending = [{"field": f["field"], "action": "accept"} for f in fields if f["status"] == "pending"]
    r = client.patch(
        f"/api/v1/plans/{plan_id}/review", params={"version_id": version_id}, json={"decisions": pending}
    )
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


@contextmanager
def fixture_city_container(data: Path) -> Iterator[Container]:
    """The fixture city in an embedded graph under ``data`` and a container over it (no search
    index, fixed clock): what `safecloud demo plans` needs to publish sample plans."""
    store = FalkorGraphStore(data / "graph")
    store.connect()
    try:
        migrate(store)
        GraphLoader(store).load(entities())
        settings = Settings(data_dir=data, env="test")
        yield Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW, search=None)
    finally:
        store.close()
