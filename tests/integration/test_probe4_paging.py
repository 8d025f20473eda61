"""Probe round 4: a page number past any list is refused in Chinese, not wrapped around.

The graph reads ``skip = (page - 1) * size`` as a 64-bit integer: ``GET /api/v1/enterprises?page=
99999999999999999999`` overflowed it and answered with the first page's firms labelled as that page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.support.fixture_city_app import fixture_city_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with fixture_city_app(tmp_path_factory.mktemp("probe4-paging")) as (client, _):
        yield client


@pytest.mark.parametrize("path", ["/api/v1/enterprises", "/api/v1/plans"])
@pytest.mark.parametrize("page", ["99999999999999999999", "9223372036854775807", "1000001"])
def test_a_page_number_beyond_the_ceiling_is_refused_in_chinese(
    client: TestClient, path: str, page: str
) -> None:
    r = client.get(path, params={"page": page})
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid_request" and "page" in r.json()["message"]
    assert "应小于或等于 1000000" in r.json()["message"]


def test_the_last_allowed_page_is_empty_not_the_first(client: TestClient) -> None:
    first = client.get("/api/v1/enterprises", params={"page": 1}).json()
    assert first["items"]  # the fixture city has firms
    far = client.get("/api/v1/enterprises", params={"page": 1_000_000, "size": 200})
    assert far.status_code == 200 and far.json()["items"] == [] and far.json()["total"] == first["total"]
