"""The built console as the API serves it: real files, deep links, and missing bundles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW

INDEX = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>'


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("web")
    dist = data / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX, encoding="utf-8")
    (dist / "assets" / "index-abc123.js").write_text("export {}", encoding="utf-8")
    store = FalkorGraphStore(data / "graph")
    settings = Settings(data_dir=data, env="test", api={"web_dist": dist})
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW)
    with TestClient(create_app(container=container)) as c:
        yield c


def test_a_deep_link_gets_the_page_revalidated_on_each_load(client: TestClient) -> None:
    for path in ("/", "/plans/PLN-1/review", "/towns"):
        r = client.get(path)
        assert r.status_code == 200 and r.text == INDEX and r.headers["cache-control"] == "no-cache"


def test_a_bundle_is_served_as_a_file(client: TestClient) -> None:
    r = client.get("/assets/index-abc123.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]


@pytest.mark.parametrize("path", ["/assets/index-old999.js", "/assets/style-old.css", "/logo.png"])
def test_a_missing_bundle_of_an_older_build_is_404_not_the_page(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and r.json()["code"] == "not_found"
