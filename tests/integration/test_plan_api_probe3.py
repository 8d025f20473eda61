"""Found by using the plan API as a plan author and as a subsystem (third product probe):

* an upload ran the (slow) import on the server's event loop: every other request waited for it;
* once uploads run side by side, the same file sent twice at once must still become one plan;
* a version registered as 已发布 could be enabled with every field rejected, taking the plan's facts
  away (publishing already refused that);
* two version creations with one number at once both passed the duplicate check;
* rolling back to one version twice made two versions with the same number;
* a plan started from a template took an issuing unit of any length.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.support.fixture_city import A
from tests.support.plan_api import plan_api_client
from tests.support.sample_plans import FakeImporter, chemical_plan

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}
NAMES = ("slow.pdf", "race.pdf", "a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf", "f.pdf")


class GatedImporter(FakeImporter):
    """An importer that waits on a gate, as a long OCR run keeps the server busy."""

    def __init__(self) -> None:
        super().__init__({name: chemical_plan() for name in NAMES})
        self.gate: threading.Event | None = None
        self.barrier: threading.Barrier | None = None

    def __call__(self, data: bytes, filename: str) -> Any:
        if self.barrier is not None:
            self.barrier.wait(timeout=10)
        if self.gate is not None:
            self.gate.wait(timeout=10)
        return super().__call__(data, filename)


@pytest.fixture(scope="module")
def importer() -> GatedImporter:
    return GatedImporter()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, importer: GatedImporter) -> Iterator[TestClient]:
    with plan_api_client(tmp_path_factory.mktemp("plan-probe3"), importer) as c:
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
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/publish").status_code == 200
    return plan_id, version_id


def test_other_requests_are_answered_while_an_upload_is_being_imported(
    client: TestClient, importer: GatedImporter
) -> None:
    importer.gate = threading.Event()
    answered: list[int] = []

    def health_then_open_gate() -> None:
        answered.append(client.get("/healthz").status_code)
        assert importer.gate is not None
        importer.gate.set()

    try:
        upload = threading.Thread(
            target=lambda: answered.append(_upload(client, "slow.pdf", b"%PDF slow").status_code)
        )
        upload.start()
        waiter = threading.Timer(0.3, health_then_open_gate)
        waiter.start()
        waiter.join(timeout=15)
        upload.join(timeout=15)
    finally:
        importer.gate = None
    # The health check came back first (it opened the gate the import was waiting on).
    assert answered == [200, 201]


def test_the_same_file_sent_twice_at_once_becomes_one_plan(
    client: TestClient, importer: GatedImporter
) -> None:
    importer.barrier = threading.Barrier(2)  # both imports run before either plan is written
    results: list[Any] = []
    try:
        threads = [
            threading.Thread(
                target=lambda: results.append(_upload(client, "race.pdf", b"%PDF twice at once"))
            )
            for _ in range(2)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=15)
    finally:
        importer.barrier = None
    assert sorted(r.status_code for r in results) == [201, 409], [r.text for r in results]
    refused = next(r for r in results if r.status_code == 409)
    assert refused.json()["code"] == "plan_duplicate"


def test_a_version_registered_as_published_with_no_verified_field_cannot_be_enabled(
    client: TestClient,
) -> None:
    plan_id, v1 = _published(client, "a.pdf", b"%PDF enable guard")
    facts = client.get(f"/api/v1/plans/{plan_id}/facts").json()
    draft = client.post(f"/api/v1/plans/{plan_id}/versions", json={"version_no": "2.0"}).json()["id"]
    fields = client.get(f"/api/v1/plans/{plan_id}/review", params={"version_id": draft}).json()["fields"]
    rejected = [{"field": f["field"], "action": "reject"} for f in fields]
    client.patch(
        f"/api/v1/plans/{plan_id}/review", params={"version_id": draft}, json={"decisions": rejected}
    )
    paper = client.post(
        f"/api/v1/plans/{plan_id}/versions",
        json={"version_no": "3.0", "issue_status": "已发布", "copy_from": draft},
    )
    assert paper.status_code == 201, paper.text
    for step in ("enable", "rollback"):
        r = client.post(f"/api/v1/plans/{plan_id}/versions/{paper.json()['id']}/{step}")
        assert r.status_code == 422, (step, r.text)
        assert r.json()["code"] == "version_unreviewed"
    assert client.get(f"/api/v1/plans/{plan_id}/facts").json() == facts  # the live version kept its facts
    assert client.get(f"/api/v1/plans/{plan_id}").json()["enabled_version_id"] == v1


def test_one_version_number_created_twice_at_once_is_one_version(client: TestClient) -> None:
    plan_id, _ = _published(client, "b.pdf", b"%PDF concurrent versions")
    codes: list[int] = []
    threads = [
        threading.Thread(
            target=lambda: codes.append(
                client.post(f"/api/v1/plans/{plan_id}/versions", json={"version_no": "2.0"}).status_code
            )
        )
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=15)
    assert sorted(codes) == [201, 422, 422, 422]
    versions = client.get(f"/api/v1/plans/{plan_id}/versions").json()
    assert sorted(v["seq"] for v in versions) == [1, 2]


def test_rolling_back_to_one_version_twice_gives_distinct_version_numbers(client: TestClient) -> None:
    plan_id, v1 = _published(client, "c.pdf", b"%PDF rollback twice")
    for _ in range(3):
        assert client.post(f"/api/v1/plans/{plan_id}/versions/{v1}/rollback").status_code == 200
    numbers = [v["version_no"] for v in client.get(f"/api/v1/plans/{plan_id}/versions").json()]
    assert len(numbers) == len(set(numbers)) == 4, numbers
    assert all(n.startswith("1.0") for n in numbers)  # each copy still names the version it restores


def test_a_plan_from_a_template_refuses_an_overlong_issuing_unit(client: TestClient) -> None:
    template = client.post(
        "/api/v1/plan-templates",
        json={"name": "有限空间模板", "modules": [{"skeleton": "总则", "title": "适用范围"}]},
    ).json()
    r = client.post(
        "/api/v1/plans/from-template",
        json={"template_id": template["id"], "title": "华士镇有限空间预案", "issuing_unit": "单" * 5000},
        headers=HUASHI,
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_request"
    assert "issuing_unit" in r.json()["message"]


def test_a_new_version_uploaded_under_a_number_in_use_is_refused_before_the_import(
    client: TestClient, importer: GatedImporter
) -> None:
    plan_id, _ = _published(client, "d.pdf", b"%PDF first upload")
    calls = importer.calls
    r = _upload(client, "d.pdf", b"%PDF second upload", plan_id=plan_id, version_no=" 1.0 ")
    assert r.status_code == 422 and r.json()["code"] == "duplicate_version_no", r.text
    assert importer.calls == calls  # refused before the (slow) import
    assert len(client.get(f"/api/v1/plans/{plan_id}/versions").json()) == 1


def test_a_new_version_uploaded_without_a_number_does_not_reuse_the_documents_one(
    client: TestClient,
) -> None:
    plan_id, _ = _published(client, "e.pdf", b"%PDF revision one")  # the document says 版本 1.0
    for body in (b"%PDF revision two", b"%PDF revision three"):
        assert _upload(client, "e.pdf", body, plan_id=plan_id).status_code == 201
    numbers = [v["version_no"] for v in client.get(f"/api/v1/plans/{plan_id}/versions").json()]
    assert len(set(numbers)) == 3 and all(n.startswith("1.0") for n in numbers), numbers


def test_a_template_name_names_one_template(client: TestClient) -> None:
    module = {"skeleton": "总则", "title": "编制目的"}
    first = client.post("/api/v1/plan-templates", json={"name": "粉尘爆炸模板", "modules": [module]})
    assert first.status_code == 201
    again = client.post("/api/v1/plan-templates", json={"name": " 粉尘爆炸模板 ", "modules": [module]})
    assert again.status_code == 409 and again.json()["code"] == "template_duplicate", again.text
    assert first.json()["id"] in again.json()["message"]
    other = client.post("/api/v1/plan-templates", json={"name": "液氨泄漏模板", "modules": [module]}).json()
    renamed = client.put(
        f"/api/v1/plan-templates/{other['id']}", json={"name": "粉尘爆炸模板", "modules": [module]}
    )
    assert renamed.status_code == 409
    kept = client.put(
        f"/api/v1/plan-templates/{first.json()['id']}", json={"name": "粉尘爆炸模板", "modules": [module] * 2}
    )
    assert kept.status_code == 200  # saving a template under its own name is no clash
    names = [t["name"] for t in client.get("/api/v1/plan-templates").json()]
    assert names.count("粉尘爆炸模板") == 1 and "液氨泄漏模板" in names


def test_a_plan_node_or_template_plan_submitted_twice_is_one_plan(client: TestClient) -> None:
    node = {"title": "华士镇防台风总体预案", "plan_type": "总体"}
    first = client.post("/api/v1/plans/nodes", json=node, headers=HUASHI)
    assert first.status_code == 201
    again = client.post(
        "/api/v1/plans/nodes", json={**node, "title": " 华士镇防台风总体预案 "}, headers=HUASHI
    )
    assert again.status_code == 409 and again.json()["code"] == "plan_title_taken", again.text
    assert first.json()["id"] in again.json()["message"]
    city = client.post("/api/v1/plans/nodes", json=node)  # the same title at another level is another plan
    assert city.status_code == 201
    template = client.post(
        "/api/v1/plan-templates",
        json={"name": "防台风模板", "modules": [{"skeleton": "总则", "title": "目的"}]},
    ).json()
    made = {"template_id": template["id"], "title": "华士镇防台风总体预案"}
    r = client.post("/api/v1/plans/from-template", json=made, headers=HUASHI)
    assert r.status_code == 409 and r.json()["code"] == "plan_title_taken"
    client.delete(f"/api/v1/plans/{first.json()['id']}", headers=HUASHI)  # a retired plan frees its title
    assert client.post("/api/v1/plans/from-template", json=made, headers=HUASHI).status_code == 201


def test_renaming_a_node_onto_another_plans_title_is_refused_but_saving_it_unchanged_is_not(
    client: TestClient,
) -> None:
    one = client.post(
        "/api/v1/plans/nodes", json={"title": "华士镇森林火灾预案", "plan_type": "专项"}, headers=HUASHI
    )
    two = client.post(
        "/api/v1/plans/nodes", json={"title": "华士镇地震预案", "plan_type": "专项"}, headers=HUASHI
    )
    r = client.put(
        f"/api/v1/plans/{two.json()['id']}/node",
        json={"title": "华士镇森林火灾预案", "plan_type": "专项"},
        headers=HUASHI,
    )
    assert r.status_code == 409 and r.json()["code"] == "plan_title_taken"
    same = client.put(
        f"/api/v1/plans/{one.json()['id']}/node",
        json={"title": "华士镇森林火灾预案", "plan_type": "专项"},
        headers=HUASHI,
    )
    assert same.status_code == 200, same.text
    assert client.get(f"/api/v1/plans/{two.json()['id']}", headers=HUASHI).json()["title"] == "华士镇地震预案"


def test_a_blank_town_or_enterprise_means_none_not_an_empty_jurisdiction(client: TestClient) -> None:
    city = client.post(
        "/api/v1/plans/nodes",
        json={"title": "江阴市空白辖区测试预案", "plan_type": "专项", "town": "  ", "enterprise_id": " "},
    )
    assert city.status_code == 201, city.text
    assert city.json()["town"] is None and city.json()["enterprise_id"] is None  # 市级, seen by every town
    seen = client.get("/api/v1/plans", params={"q": "空白辖区测试"}, headers=HUASHI).json()["items"]
    assert [p["id"] for p in seen] == [city.json()["id"]]
    mine = client.post(
        "/api/v1/plans/nodes",
        json={"title": "华士镇空白辖区测试预案", "plan_type": "专项", "town": ""},
        headers=HUASHI,
    )
    assert mine.json()["town"] == "华士镇"  # as if the field were left out
    up = _upload(
        client, "f.pdf", b"%PDF blank form fields", enterprise_id="", town="   ", accident_category=" "
    )
    assert up.status_code == 201, up.text
    plan = client.get(f"/api/v1/plans/{up.json()['plan_id']}").json()
    assert plan["town"] is None and plan["enterprise_id"] is None
    assert plan["accident_category"] == "危险化学品泄漏"  # the document's, not a blank
    version = client.post(
        f"/api/v1/plans/{plan['id']}/versions",
        json={"version_no": "2.0", "town": " ", "accident_category": ""},
    ).json()
    assert version.get("town") is None and version["accident_category"] == "危险化学品泄漏"
