"""Every write through the API is audited: who, what, outcome and a hash of the body — and reads are not."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from core.audit import AuditEntry
from core.errors import ValidationError
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import entities


@pytest.fixture(scope="module")
def app_and_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container]]:
    data = tmp_path_factory.mktemp("audit")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load([e for e in entities() if e.label == "Town"])  # town scopes must name a town
    settings = Settings(data_dir=data, env="test", api={"web_dist": Path(data / "no-dist")})
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: 1_700_000_000_000)
    app = create_app(container=container)

    # Probe endpoints stand in for any write route: the middleware must not depend on which one.
    @app.post("/api/v1/_probe/ok", status_code=201)
    def ok(payload: dict[str, str]) -> dict[str, str]:
        return payload

    @app.delete("/api/v1/_probe/refused")
    def refused() -> None:
        raise ValidationError("不允许")

    @app.post("/api/v1/_probe/broken")
    def broken() -> None:
        raise RuntimeError("a bug in a route")

    with TestClient(app) as client:
        yield client, container


def _trail(client: TestClient) -> list[dict[str, object]]:
    r = client.get("/api/v1/audit", params={"limit": 100})
    assert r.status_code == 200
    return r.json()


def test_writes_are_audited_with_caller_outcome_and_body_hash(
    app_and_store: tuple[TestClient, Container],
) -> None:
    client, _ = app_and_store
    body = '{"name": "澄江"}'.encode()
    town = {"X-SafeCloud-Town": quote("澄江街道")}
    assert (
        client.post(
            "/api/v1/_probe/ok?x=1", content=body, headers={**town, "content-type": "application/json"}
        ).status_code
        == 201
    )
    assert client.delete("/api/v1/_probe/refused").status_code == 422
    trail = _trail(client)
    deleted, posted = trail[0], trail[1]
    assert posted["method"] == "POST" and posted["path"] == "/api/v1/_probe/ok" and posted["query"] == "x=1"
    assert (
        posted["status"] == 201
        and posted["scope"] == "town:澄江街道"
        and posted["user_id"] == "dev-scoped:town:澄江街道"
    )
    assert posted["body_sha256"] == hashlib.sha256(body).hexdigest() and posted["body_bytes"] == len(body)
    assert deleted["method"] == "DELETE" and deleted["status"] == 422 and deleted["user_id"] == "dev"


def test_reads_are_not_audited(app_and_store: tuple[TestClient, Container]) -> None:
    client, _ = app_and_store
    before = len(_trail(client))
    client.get("/api/v1/enterprises")
    client.get("/healthz")
    assert len(_trail(client)) == before


def test_only_city_users_read_the_trail(app_and_store: tuple[TestClient, Container]) -> None:
    client, _ = app_and_store
    r = client.get("/api/v1/audit", headers={"X-SafeCloud-Town": quote("华士镇")})
    assert r.status_code == 403 and "市级" in r.json()["message"]


def test_a_failing_audit_store_is_logged_not_raised(
    app_and_store: tuple[TestClient, Container], caplog: pytest.LogCaptureFixture
) -> None:
    client, container = app_and_store

    class Broken:
        def record(self, entry: AuditEntry) -> None:
            raise RuntimeError("disk full")

        def recent(self, **_: object) -> list[AuditEntry]:
            return []

    saved, container.audit = container.audit, Broken()
    try:
        with caplog.at_level(logging.ERROR, logger="api.audit"):
            assert client.post("/api/v1/_probe/ok", json={"a": "b"}).status_code == 201
    finally:
        container.audit = saved
    assert any("AUDIT RECORD LOST" in r.getMessage() for r in caplog.records)


def test_an_unexpected_error_is_a_chinese_json_500_and_audited(
    app_and_store: tuple[TestClient, Container], caplog: pytest.LogCaptureFixture
) -> None:
    """The console parses every error body as JSON; Starlette's default is plain text."""
    client, _ = app_and_store
    lenient = TestClient(client.app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="api.errors"):
        r = lenient.post("/api/v1/_probe/broken")
    assert r.status_code == 500
    assert r.json() == {"code": "internal_error", "message": "服务器内部错误，请稍后重试", "details": {}}
    assert "a bug in a route" not in r.text and "a bug in a route" in caplog.text
    assert (_trail(client)[0]["path"], _trail(client)[0]["status"]) == ("/api/v1/_probe/broken", 500)
