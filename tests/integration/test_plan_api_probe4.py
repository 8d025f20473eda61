"""Found by using the plan API, the chat and the CLI as a city officer, a town officer and an
enterprise user (fourth product probe):

* 回滚到此版本 on a draft or a 已废止 version made it live as a new 已发布 version, skipping the publish
  step that refuses a 已废止 version and the enable step that refuses anything not published;
* 废止 clicked twice on one plan answered 200 twice and put two ``plan.retired`` events on the bus,
  as if it had been retired twice;
* two reviewers saving decisions on one version at the same moment: the later save wrote back the
  state it had read, so the other reviewer's accepted or rejected fields went back to pending;
* a template module with a pasted 100,000-character 预案结构 was refused with all of it echoed back
  in the message;
* a question pasted at the API's 20,000-character limit took seconds of server CPU (word-slip
  correction over the whole text) before being refused as longer than 500 characters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ingestion.bus.outbox_event_bus import OutboxEventBus
from tests.support.plan_api import accept_all, plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    importer = FakeImporter({"plan.pdf": chemical_plan()})
    with plan_api_client(tmp_path_factory.mktemp("plan-probe4"), importer) as c:
        yield c


def _published(client: TestClient) -> tuple[str, str]:
    up = upload(client)
    accept_all(client, up["plan_id"], up["version_id"])
    r = client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish")
    assert r.status_code == 200, r.text
    return up["plan_id"], up["version_id"]


@pytest.mark.parametrize("status", ["草稿", "待审核", "已废止"])
def test_rolling_back_to_a_version_never_published_is_refused_and_writes_nothing(
    client: TestClient, status: str
) -> None:
    plan_id, live = _published(client)
    made = client.post(
        f"/api/v1/plans/{plan_id}/versions",
        json={"version_no": "2.0", "issue_status": status, "copy_from": live},
    )
    assert made.status_code == 201, made.text
    before = client.get(f"/api/v1/plans/{plan_id}/versions").json()

    r = client.post(f"/api/v1/plans/{plan_id}/versions/{made.json()['id']}/rollback")

    assert r.status_code == 422, r.text
    assert r.json()["code"] == "version_not_published"
    assert f"“{status}”" in r.json()["message"] and "已发布" in r.json()["message"]
    assert client.get(f"/api/v1/plans/{plan_id}/versions").json() == before  # no copy, still the old one live
    assert client.get(f"/api/v1/plans/{plan_id}").json()["enabled_version_id"] == live


def test_rolling_back_to_an_earlier_published_version_still_works(client: TestClient) -> None:
    plan_id, v1 = _published(client)
    v2 = client.post(f"/api/v1/plans/{plan_id}/versions", json={"version_no": "2.0", "copy_from": v1}).json()[
        "id"
    ]
    assert client.post(f"/api/v1/plans/{plan_id}/versions/{v2}/publish").status_code == 200

    r = client.post(f"/api/v1/plans/{plan_id}/versions/{v1}/rollback")

    assert r.status_code == 200, r.text
    live = client.get(f"/api/v1/plans/{plan_id}").json()
    assert (
        live["enabled_version_id"] == r.json()["version_id"] and live["enabled_version_no"] == "1.0（回滚）"
    )


def test_an_over_long_question_is_refused_at_once(client: TestClient) -> None:
    client.post("/api/v1/chat", json={"question": "临港有哪些企业？", "stream": False})  # warm caches
    question = (
        "请问华士镇纺织厂上个月的隐患整改情况怎么样了" * 900
    )  # ~20,000 characters, within the API's cap

    started = time.perf_counter()
    r = client.post("/api/v1/chat", json={"question": question[:20_000], "stream": False})
    took = time.perf_counter() - started

    assert r.status_code == 200 and r.json()["path"] == "refusal"
    assert "问题过长" in r.json()["answer"] and "上限 500 字" in r.json()["answer"]
    assert took < 1.0, f"refusing took {took:.1f} s"


def test_retiring_a_retired_plan_again_changes_nothing_and_tells_no_one(client: TestClient) -> None:
    plan_id, _ = _published(client)
    first = client.delete(f"/api/v1/plans/{plan_id}")
    second = client.delete(f"/api/v1/plans/{plan_id}")

    assert first.status_code == second.status_code == 200
    assert second.json()["status"] == "已废止" and second.json()["id"] == plan_id
    bus = client.app.state.container.bus  # type: ignore[attr-defined]
    assert isinstance(bus, OutboxEventBus)
    messages = bus.read("safecloud.plans", limit=10_000, timeout_s=0)
    retired = [m for m in messages if m.key == plan_id and m.payload["type"] == "plan.retired"]
    assert len(retired) == 1


def test_two_reviewers_saving_at_once_keep_both_sets_of_decisions(client: TestClient) -> None:
    up = upload(client)
    plan_id, version_id = up["plan_id"], up["version_id"]
    url = f"/api/v1/plans/{plan_id}/review"
    fields = [f["field"] for f in client.get(url, params={"version_id": version_id}).json()["fields"]]
    mine, theirs = fields[:5], fields[5:10]
    repo = client.app.state.container.plans.service.repo  # type: ignore[attr-defined]
    real_save, both_read, first_saves = repo.save_review, threading.Barrier(2, timeout=10), [1, 1]

    def save_after_both_read(*args: object, **kwargs: object) -> object:
        if first_saves and first_saves.pop():  # each reviewer has read the version before either writes
            both_read.wait()
        return real_save(*args, **kwargs)

    def review(decided: list[str], action: str) -> None:
        body = {"decisions": [{"field": f, "action": action} for f in decided]}
        assert client.patch(url, params={"version_id": version_id}, json=body).status_code == 200

    repo.save_review = save_after_both_read
    try:
        reviewers = [threading.Thread(target=review, args=(mine, "accept")),
                     threading.Thread(target=review, args=(theirs, "reject"))]  # fmt: skip
        for t in reviewers:
            t.start()
        for t in reviewers:
            t.join()
    finally:
        del repo.save_review

    status = {
        f["field"]: f["status"] for f in client.get(url, params={"version_id": version_id}).json()["fields"]
    }
    assert [status[f] for f in mine] == ["accepted"] * 5 and [status[f] for f in theirs] == ["rejected"] * 5


def test_an_overlong_template_structure_is_refused_without_echoing_it(client: TestClient) -> None:
    module = {"skeleton": "应急响应" * 25_000, "title": "应急响应", "default_text": ""}
    r = client.post("/api/v1/plan-templates", json={"name": "某某模板", "modules": [module]})

    assert r.status_code == 422
    assert len(r.json()["message"]) < 200 and "modules.0.skeleton" in r.json()["message"], r.json()[
        "message"
    ][:200]
