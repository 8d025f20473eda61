"""A filter sent blank is a filter left out (third product probe: ``town=" "`` listed no enterprise,
no map point and no plan, ``/audit?user_id=`` showed an empty trail, and the dispatch guide with a
blank accident type found no plan, where each should have answered as if unfiltered)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support.plan_api import plan_api_client
from tests.support.sample_plans import FakeImporter


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with plan_api_client(tmp_path_factory.mktemp("blank-filters"), FakeImporter({})) as c:
        c.post(
            "/api/v1/plans/nodes", json={"title": "江阴市总体应急预案", "plan_type": "总体"}
        )  # a write to audit
        yield c


def _size(body: Any) -> int:
    return int(body["total"]) if isinstance(body, dict) else len(body)


@pytest.mark.parametrize(
    ("path", "blank"),
    [
        ("/api/v1/enterprises", {"town": " "}),
        ("/api/v1/enterprises", {"category": "  "}),
        ("/api/v1/enterprises", {"q": "澄星", "town": " "}),
        ("/api/v1/map/enterprises", {"town": " "}),
        ("/api/v1/plans", {"town": " "}),
        ("/api/v1/audit", {"user_id": ""}),
        ("/api/v1/audit", {"user_id": "  "}),
    ],
)
def test_a_blank_filter_answers_as_if_it_were_left_out(
    client: TestClient, path: str, blank: dict[str, str]
) -> None:
    kept = {k: v for k, v in blank.items() if v.strip()}
    unfiltered = client.get(path, params=kept)
    assert unfiltered.status_code == 200 and _size(unfiltered.json()) > 0
    r = client.get(path, params=blank)
    assert r.status_code == 200, r.text
    assert _size(r.json()) == _size(unfiltered.json())


def test_the_dispatch_guide_with_blank_town_and_accident_type_is_the_unfiltered_guide(
    client: TestClient,
) -> None:
    plain = client.get("/api/v1/plans/response", params={"level": "一级"})
    blank = client.get("/api/v1/plans/response", params={"level": "一级", "town": " ", "accident_type": " "})
    assert blank.status_code == 200, blank.text
    assert blank.json() == plain.json()
