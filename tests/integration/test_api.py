"""The HTTP API over a real embedded FalkorDB loaded with the hand-made fixture city."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, A, B, entities


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("api")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(entities())
    settings = Settings(data_dir=data, env="test", api={"web_dist": Path(data / "no-dist")})
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW)
    with TestClient(create_app(container=container)) as c:
        yield c


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "graph": "falkordb"}


def test_enterprise_search_and_detail(client: TestClient) -> None:
    body = client.get("/api/v1/enterprises", params={"q": "化工", "size": 5}).json()
    assert body["total"] == 1 and body["items"][0]["uscc"] == A
    detail = client.get(f"/api/v1/enterprises/{A}").json()
    assert detail["name"] == "江阴市澄星化工有限公司" and detail["category_group"] == "危化"


def test_invalid_credit_code_is_422_naming_the_check(client: TestClient) -> None:
    bad = A[:-1] + ("0" if A[-1] != "0" else "1")
    r = client.get(f"/api/v1/enterprises/{bad}/portrait")
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "invalid_uscc" and body["details"]["check"] == "check_char"
    assert "校验" in body["message"]


def test_unknown_enterprise_is_404_in_chinese(client: TestClient) -> None:
    from core.standards.uscc import make_uscc

    r = client.get(f"/api/v1/enterprises/{make_uscc('9', '1', '320281', 'MA1YYYY9')}")
    assert (
        r.status_code == 404
        and r.json()["code"] == "enterprise_not_found"
        and "未找到" in r.json()["message"]
    )


def test_portrait_keeps_the_ui_contract(client: TestClient) -> None:
    p = client.get(f"/api/v1/enterprises/{A}/portrait").json()
    assert set(p) == {
        "enterprise",
        "people",
        "things",
        "management",
        "environment",
        "monitoring",
        "performance",
    }
    assert p["performance"]["class_history"] == [{"year": 2024, "class": "B"}, {"year": 2025, "class": "A"}]
    assert p["management"]["hazards_overdue"] == 1
    assert p["environment"]["lessees"][0]["uscc"] == B


def test_town_stats_and_scope_headers(client: TestClient) -> None:
    s = client.get("/api/v1/towns/临港经济开发区/stats").json()
    assert s["enterprises_total"] == 2 and s["special_operations_today"] == 1
    denied = client.get("/api/v1/towns/临港经济开发区/stats", headers={"X-SafeCloud-Town": quote("华士镇")})
    assert denied.status_code == 403 and denied.json()["code"] == "out_of_scope"
    assert client.get("/api/v1/towns/不存在/stats").status_code == 404


def test_lessor_network_map_and_nearest(client: TestClient) -> None:
    net = client.get(f"/api/v1/lessors/{A}/network").json()
    assert net["lessees"][0]["uscc"] == B
    points = client.get("/api/v1/map/enterprises", params={"town": "华士镇"}).json()
    assert [p["town"] for p in points] == ["华士镇"]
    near = client.get(
        "/api/v1/resources/nearest", params={"lat": 31.93, "lon": 120.17, "type": "team"}
    ).json()
    assert near[0]["id"] == "T-1"


@pytest.mark.parametrize(
    ("params", "field"),
    [({"lat": 10, "lon": 120.2}, "lat"), ({"lat": 31.9, "lon": "东"}, "lon"), ({"lat": 31.9}, "lon")],
)
def test_nearest_rejects_bad_coordinates(client: TestClient, params: dict[str, object], field: str) -> None:
    r = client.get("/api/v1/resources/nearest", params=params)
    assert r.status_code == 422 and r.json()["code"] == "invalid_request" and field in r.json()["message"]


def test_unknown_api_path_is_json_404(client: TestClient) -> None:
    r = client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/v1/enterprises",
        "/api/v1/enterprises/{uscc}/portrait",
        "/api/v1/towns/{name}/stats",
        "/api/v1/lessors/{lessor_id}/network",
        "/api/v1/resources/nearest",
        "/readyz",
    ):
        assert p in paths


def test_town_scope_header_narrows_search(client: TestClient) -> None:
    body = client.get("/api/v1/enterprises", headers={"X-SafeCloud-Town": quote("华士镇")}).json()
    assert body["total"] == 1 and body["items"][0]["town"] == "华士镇"


def test_vocabularies_list_the_closed_sets(client: TestClient) -> None:
    v = client.get("/api/v1/vocabularies").json()
    assert "危化品生产" in v["categories"] and len(v["categories"]) == 15
    assert v["event_statuses"] == ["待研判", "正报", "误报", "已派发", "已处置"]


def test_map_points_are_bounded_and_can_be_asked_for_by_bbox(client: TestClient) -> None:
    every = client.get("/api/v1/map/enterprises")
    assert every.headers["X-SafeCloud-Truncated"] == "false" and len(every.json()) >= 3
    one = client.get("/api/v1/map/enterprises", params={"limit": 1})
    assert len(one.json()) == 1 and one.headers["X-SafeCloud-Truncated"] == "true"
    # only the 华士 firm lies east of 120.3
    east = client.get("/api/v1/map/enterprises", params={"bbox": "120.3,31.7,120.6,31.9"}).json()
    assert [p["town"] for p in east] == ["华士镇"]
    for bad in ("120.3,31.7,120.6", "a,b,c,d", "120.6,31.7,120.3,31.9"):
        r = client.get("/api/v1/map/enterprises", params={"bbox": bad})
        assert r.status_code == 422 and r.json()["code"] == "invalid_bbox" and "bbox" in r.json()["message"]
    too_many = client.get("/api/v1/map/enterprises", params={"limit": 100_000})
    assert too_many.status_code == 422
