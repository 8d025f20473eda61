"""Probe round 3: a plan's status changes are a compare-and-set (found by retiring a plan while another
officer disabled it: both answered 200 and the plan was 未启用 again, not 已废止; an enable that lost
the same race left a 已废止 plan 已启用 with its facts back in the graph).

The race is made deterministic by letting the other officer's request land between the check a
request makes and its write (the version read that sits between them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from core.scope import DEV_PRINCIPAL
from tests.support.plan_api import accept_all, plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan

NAMES = [f"race{i}.pdf" for i in range(8)]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with plan_api_client(
        tmp_path_factory.mktemp("probe3-races"), FakeImporter(dict.fromkeys(NAMES, chemical_plan()))
    ) as c:
        yield c


def _service(client: TestClient) -> Any:
    return client.app.state.container.plans.service  # type: ignore[attr-defined]


def _plan(client: TestClient, name: str, *, enabled: bool) -> tuple[str, str]:
    up = upload(client, (name, b"%PDF-1.7 " + name.encode(), "application/pdf"))
    plan_id, version_id = up["plan_id"], up["version_id"]
    accept_all(client, plan_id, version_id)
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/publish").status_code == 200
    if not enabled:
        assert client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/disable").status_code == 200
    return plan_id, version_id


def _meanwhile(monkeypatch: pytest.MonkeyPatch, client: TestClient, other: Callable[[Any], object]) -> None:
    """Run ``other`` (another officer's request) right after the next version read."""
    svc = _service(client)
    real = svc.version

    def version_then_other(*args: Any, **kwargs: Any) -> Any:
        v = real(*args, **kwargs)
        monkeypatch.setattr(svc, "version", real)
        other(svc)
        return v

    monkeypatch.setattr(svc, "version", version_then_other)


def _plan_view(client: TestClient, plan_id: str) -> dict[str, Any]:
    return client.get(f"/api/v1/plans/{plan_id}").json()  # type: ignore[no-any-return]


def test_a_disable_that_lost_the_race_to_a_retire_leaves_the_plan_retired(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id, version_id = _plan(client, NAMES[0], enabled=True)
    _meanwhile(monkeypatch, client, lambda svc: svc.retire(DEV_PRINCIPAL, plan_id))
    r = client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/disable")
    assert r.status_code == 409, r.text
    assert r.json()["code"] == "plan_state_changed" and "刷新" in r.json()["message"]
    assert _plan_view(client, plan_id)["status"] == "已废止"


def test_an_enable_that_lost_the_race_to_a_retire_writes_no_facts(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_id, version_id = _plan(client, NAMES[1], enabled=False)
    _meanwhile(monkeypatch, client, lambda svc: svc.retire(DEV_PRINCIPAL, plan_id))
    r = client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/enable")
    assert r.status_code == 409, r.text
    view = _plan_view(client, plan_id)
    assert (view["status"], view["enabled_version_id"]) == ("已废止", None)
    facts = client.get(f"/api/v1/plans/{plan_id}/facts").json()
    assert not facts.get("levels"), facts  # the retired plan's levels did not come back
    versions = client.get(f"/api/v1/plans/{plan_id}/versions").json()
    assert not any(v["enabled"] for v in versions)


def test_a_retire_after_a_disable_still_retires(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sequential changes are not conflicts: each request reads the status it changes."""
    plan_id, version_id = _plan(client, NAMES[2], enabled=True)
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/disable").status_code == 200
    assert client.delete(f"/api/v1/plans/{plan_id}").json()["status"] == "已废止"
    assert client.post(f"/api/v1/plans/{plan_id}/restore").json()["status"] == "未启用"
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/enable").status_code == 200
    assert _plan_view(client, plan_id)["status"] == "已启用"
