"""A data scope must name a real town or enterprise (third product probe: a town header with a typo,
or ``--town 火星镇`` on the CLI, saw empty lists and got the city's duty roster, with no word of why)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.scope_check import ScopeCheck
from core.scope import DataScope, ScopeLevel
from tests.support.fixture_city import A
from tests.support.plan_api import plan_api_client
from tests.support.sample_plans import FakeImporter


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with plan_api_client(tmp_path_factory.mktemp("scope-exists"), FakeImporter({})) as c:
        yield c


@pytest.mark.parametrize(
    "path", ["/api/v1/enterprises", "/api/v1/towns", "/api/v1/plans", "/api/v1/events/search/history"]
)
def test_a_town_scope_with_a_typo_is_refused_in_chinese(client: TestClient, path: str) -> None:
    r = client.get(path, headers={"X-SafeCloud-Town": quote("华士")})  # the officer meant 华士镇
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "unknown_scope"
    assert r.json()["message"].startswith("数据范围中的镇街“华士”不存在")


def test_an_enterprise_scope_that_is_not_registered_is_refused(client: TestClient) -> None:
    r = client.post(
        "/api/v1/chat",
        json={"question": "我们公司有哪些隐患？", "stream": False},
        headers={"X-SafeCloud-Enterprise": "91320281000000000X"},
    )
    assert r.status_code == 422 and r.json()["code"] == "unknown_scope"
    assert "91320281000000000X" in r.json()["message"]


def test_real_scopes_still_answer(client: TestClient) -> None:
    assert (
        client.get("/api/v1/towns", headers={"X-SafeCloud-Town": quote("华士镇")}).json()[0]["name"]
        == "华士镇"
    )
    assert client.get("/api/v1/enterprises", headers={"X-SafeCloud-Enterprise": A}).json()["total"] == 1


class CountingLookups:
    def __init__(self, towns: set[str]) -> None:
        self.towns = towns
        self.calls = 0

    def town_exists(self, town: str) -> bool:
        self.calls += 1
        return town in self.towns

    def enterprise_town(self, enterprise_id: str) -> str | None:
        self.calls += 1
        return None


def test_a_found_town_is_remembered_and_a_missing_one_is_asked_again() -> None:
    lookups = CountingLookups({"华士镇"})
    check = ScopeCheck(lookups)
    town = DataScope(level=ScopeLevel.TOWN, town="华士镇")
    check.check(town)
    check.check(town)
    assert lookups.calls == 1
    later = DataScope(level=ScopeLevel.TOWN, town="新开发区")
    with pytest.raises(Exception, match="新开发区"):
        check.check(later)
    lookups.towns.add("新开发区")  # a town added while the server runs is accepted at once
    check.check(later)
    check.check(DataScope())  # the city scope needs no lookup
    assert lookups.calls == 3
