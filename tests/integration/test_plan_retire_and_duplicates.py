"""A retired plan stays retired until it is restored, and the same file uploaded twice is one plan
(found by using the product over HTTP: enabling a version of a 已废止 plan made it 已启用 again, and a
second upload of one file became a second plan with the same facts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.support.fixture_city import A
from tests.support.plan_api import plan_api_client
from tests.support.sample_plans import FakeImporter, chemical_plan

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}


@pytest.fixture(scope="module")
def importer() -> FakeImporter:
    names = ("one.pdf", "two.pdf", "three.pdf", "again.pdf", "four.pdf", "five.pdf", "six.pdf")
    return FakeImporter({name: chemical_plan() for name in names})


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, importer: FakeImporter) -> Iterator[TestClient]:
    with plan_api_client(tmp_path_factory.mktemp("plan-retire"), importer) as c:
        yield c


def _upload(client: TestClient, name: str, data: bytes, **form: str) -> Any:
    # Each file is its own plan: one title per file (a second live plan of one title is refused).
    title = f"{chemical_plan().title}（{name}）"
    return client.post(
        "/api/v1/plans",
        files={"file": (name, data, "application/pdf")},
        data={"enterprise_id": A, "title": title, **form},
    )


def _published(client: TestClient, name: str, data: bytes) -> tuple[str, str]:
    up = _upload(client, name, data).json()
    plan_id, version_id = up["plan_id"], up["version_id"]
    client.patch(
        f"/api/v1/plans/{plan_id}/review", params={"version_id": version_id}, json={"accept_above": 0.0}
    )
    r = client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/publish")
    assert r.status_code == 200, r.text
    return plan_id, version_id


def _status(client: TestClient, plan_id: str) -> str:
    return str(client.get(f"/api/v1/plans/{plan_id}").json()["status"])


def test_a_retired_plans_versions_cannot_be_enabled_published_or_rolled_back(client: TestClient) -> None:
    plan_id, version_id = _published(client, "one.pdf", b"%PDF retired plan")
    assert client.delete(f"/api/v1/plans/{plan_id}").json()["status"] == "已废止"
    for step in ("enable", "rollback", "publish"):
        r = client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/{step}")
        assert r.status_code == 409, (step, r.text)
        assert r.json()["code"] == "plan_retired"
        assert r.json()["message"] == "预案已废止，不能启用其版本；如需恢复请先恢复预案"
    assert _status(client, plan_id) == "已废止"
    assert len(client.get(f"/api/v1/plans/{plan_id}/versions").json()) == 1  # rollback copied nothing
    assert client.get(f"/api/v1/plans/{plan_id}/facts").json()["levels"] == []


def test_restore_brings_a_retired_plan_back_as_not_enabled_then_it_can_be_enabled(
    client: TestClient,
) -> None:
    plan_id, version_id = _published(client, "two.pdf", b"%PDF restored plan")
    client.delete(f"/api/v1/plans/{plan_id}")
    assert client.post(f"/api/v1/plans/{plan_id}/restore", headers=HUASHI).status_code == 404
    r = client.post(f"/api/v1/plans/{plan_id}/restore")
    assert r.status_code == 200 and r.json()["status"] == "未启用"
    assert client.get(f"/api/v1/plans/{plan_id}/facts").json()["levels"] == []  # nothing came back unasked
    again = client.post(f"/api/v1/plans/{plan_id}/restore")
    assert again.status_code == 409 and again.json()["code"] == "plan_not_retired"
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/enable").status_code == 200
    assert _status(client, plan_id) == "已启用"


def test_restore_is_in_the_audit_trail(client: TestClient) -> None:
    plan_id, _ = _published(client, "four.pdf", b"%PDF audited restore")
    client.delete(f"/api/v1/plans/{plan_id}")
    client.post(f"/api/v1/plans/{plan_id}/restore")
    trail = client.get("/api/v1/audit", params={"limit": 20})
    assert trail.status_code == 200, trail.text  # every container has an audit log (GraphAuditLog by default)
    rows = [(e["method"], e["path"], e["status"]) for e in trail.json()]
    assert ("POST", f"/api/v1/plans/{plan_id}/restore", 200) in rows


def test_the_same_file_uploaded_twice_is_refused_naming_the_plan_that_holds_it(
    client: TestClient, importer: FakeImporter
) -> None:
    data = b"%PDF the same bytes twice"
    first = _upload(client, "three.pdf", data)
    assert first.status_code == 201, first.text
    total = client.get("/api/v1/plans", params={"size": 200}).json()["total"]
    calls = importer.calls
    r = _upload(client, "again.pdf", data, title="另一个标题")  # a new name does not make a new file
    assert r.status_code == 409 and r.json()["code"] == "plan_duplicate"
    body = r.json()
    assert body["details"]["plan_id"] == first.json()["plan_id"]
    assert first.json()["plan_id"] in body["message"] and chemical_plan().title in body["message"]
    assert importer.calls == calls  # refused before the (slow) import
    assert client.get("/api/v1/plans", params={"size": 200}).json()["total"] == total
    ok = _upload(client, "again.pdf", data, allow_duplicate="true")
    assert ok.status_code == 201 and ok.json()["plan_id"] != first.json()["plan_id"]


def test_a_duplicate_is_judged_within_the_callers_scope(client: TestClient) -> None:
    data = b"%PDF filed by an enterprise of another town"
    # 澄星化工, 临港经济开发区 (a title of its own: three.pdf's is taken by the test above)
    assert _upload(client, "three.pdf", data, title="澄星化工氯气泄漏专项应急预案").status_code == 201
    r = client.post(
        "/api/v1/plans",
        files={"file": ("three.pdf", data, "application/pdf")},
        data={"town": "华士镇"},
        headers=HUASHI,
    )
    assert r.status_code == 201, r.text  # 华士镇 cannot see the 临港 plan, so it is not told of it


def test_a_published_version_stays_as_published_after_it_is_rolled_past(client: TestClient) -> None:
    plan_id, first = _published(client, "five.pdf", b"%PDF published history")
    second = client.post(f"/api/v1/plans/{plan_id}/versions", json={"version_no": "2.0"}).json()["id"]
    client.patch(f"/api/v1/plans/{plan_id}/review", params={"version_id": second}, json={"accept_above": 0.0})
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{second}/publish").status_code == 200
    # the first version is 已发布 but no longer enabled: its content is what was published
    edit = {"decisions": [{"field": "/title", "action": "edit", "value": "发布后改过的标题"}]}
    r = client.patch(f"/api/v1/plans/{plan_id}/review", params={"version_id": first}, json=edit)
    assert r.status_code == 422 and r.json()["code"] == "version_locked" and "已发布" in r.json()["message"]
    review = client.get(f"/api/v1/plans/{plan_id}/review", params={"version_id": first}).json()
    title = next(f for f in review["fields"] if f["field"] == "/title")
    assert title["value"] == chemical_plan().title


def test_a_version_with_no_reviewed_field_is_not_published(client: TestClient) -> None:
    plan_id, first = _published(client, "six.pdf", b"%PDF live plan before an unreviewed upload")
    facts = client.get(f"/api/v1/plans/{plan_id}/facts").json()
    up = client.post(
        "/api/v1/plans",
        files={"file": ("six.pdf", b"%PDF its next version, not reviewed yet", "application/pdf")},
        data={"plan_id": plan_id, "version_no": "2.0"},
    ).json()
    r = client.post(f"/api/v1/plans/{plan_id}/versions/{up['version_id']}/publish")
    assert r.status_code == 422 and r.json()["code"] == "version_unreviewed" and "审核" in r.json()["message"]
    plan = client.get(f"/api/v1/plans/{plan_id}").json()
    assert (
        plan["enabled_version_id"] == first and client.get(f"/api/v1/plans/{plan_id}/facts").json() == facts
    )
