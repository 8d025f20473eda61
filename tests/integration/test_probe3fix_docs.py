"""The API docs pages work on a closed network: nothing they load comes from outside the server."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW

# src="..." / href="..." / url: '...' in the page: every asset or spec the browser will fetch.
_REFS = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("docs")
    store = FalkorGraphStore(data / "graph")
    settings = Settings(data_dir=data, env="test", api={"web_dist": data / "dist"})
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW)
    with TestClient(create_app(container=container)) as c:
        yield c


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_page_names_no_external_url_and_its_assets_load(client: TestClient, page: str) -> None:
    r = client.get(page)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "http://" not in r.text and "https://" not in r.text and "//cdn" not in r.text
    refs = [a or b for a, b in _REFS.findall(r.text)]
    assert any(ref.endswith(".js") for ref in refs), refs  # the page does load a local bundle
    for ref in refs:
        assert ref.startswith("/"), ref
        asset = client.get(ref)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 0


def test_swagger_page_loads_its_stylesheet_and_the_spec(client: TestClient) -> None:
    html = client.get("/docs").text
    refs = [a or b for a, b in _REFS.findall(html)]
    assert any(ref.endswith(".css") for ref in refs)
    assert "/openapi.json" in refs
    assert client.get("/openapi.json").json()["info"]["title"].startswith("SafeCloud")
