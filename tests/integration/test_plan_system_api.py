"""The plan system and plan templates over the API (embedded FalkorDB, the fixture city, a fake
importer): the 总体 → 专项 → 现场处置方案 tree and its order, the system editor's node edits, templates
from create to a plan started from one, and the towns a plan may name. Upload → review → publish →
versions → knowledge base: ``test_plans_api.py``."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.support.fixture_city import A
from tests.support.plan_api import PDF, plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with plan_api_client(
        tmp_path_factory.mktemp("plan-system-api"), FakeImporter({"plan.pdf": chemical_plan()})
    ) as c:
        yield c


def test_templates_create_edit_preview_and_start_a_plan(client: TestClient) -> None:
    body = {
        "name": "危化品泄漏专项预案模板",
        "plan_type": "专项",
        "accident_category": "危险化学品泄漏",
        "modules": [
            {
                "skeleton": "组织机构及职责",
                "title": "应急指挥机构",
                "default_text": "设立应急指挥部，总指挥由主要负责人担任。",
            },
            {"skeleton": "预警", "title": "预警分级", "default_text": "预警分为红、橙、黄、蓝四级。"},
            {
                "skeleton": "应急响应",
                "title": "响应分级",
                "default_text": "应急响应分为一级、二级、三级、四级。",
            },
        ],
    }
    assert client.post("/api/v1/plan-templates", json=body, headers=HUASHI).status_code == 403
    t = client.post("/api/v1/plan-templates", json=body).json()
    r = client.put(
        f"/api/v1/plan-templates/{t['id']}", json={**body, "name": "危化品泄漏专项预案模板（2026版）"}
    )
    assert r.json()["name"] == "危化品泄漏专项预案模板（2026版）"
    preview = client.get(f"/api/v1/plan-templates/{t['id']}/preview").json()
    assert [g["skeleton"] for g in preview["outline"]] == ["组织机构及职责", "预警", "应急响应"]
    assert preview["document"]["sections"][1]["heading"] == "预警分级"
    made = client.post(
        "/api/v1/plans/from-template",
        json={"template_id": t["id"], "title": "临港开发区危化品泄漏专项预案", "town": "临港经济开发区"},
    ).json()
    review = client.get(f"/api/v1/plans/{made['plan_id']}/review").json()
    assert [b["text"].split("\n")[0] for b in review["blocks"]] == ["应急指挥机构", "预警分级", "响应分级"]
    assert {f["status"] for f in review["fields"]} == {"accepted"}  # typed by a person, not extracted
    assert client.get(f"/api/v1/plans/{made['plan_id']}").json()["town"] == "临港经济开发区"
    assert client.delete(f"/api/v1/plan-templates/{t['id']}").status_code == 204
    assert client.get(f"/api/v1/plan-templates/{t['id']}").status_code == 404


def test_a_template_module_outside_the_plan_skeleton_or_too_big_is_refused(client: TestClient) -> None:
    before = client.get("/api/v1/plan-templates").json()
    module = {"skeleton": "应急响应/分级响应", "title": "分级响应"}
    ok = client.post("/api/v1/plan-templates", json={"name": "火灾模板", "modules": [module]})
    assert ok.status_code == 201
    bad = [
        {"name": "火灾模板", "modules": [module, {"skeleton": "善后工作", "title": "善后"}]},  # no such part
        {"name": "火灾模板", "modules": [{**module, "default_text": "字" * 20_001}]},
        {"name": "火灾模板", "modules": [module] * 101},
        {"name": "火灾模板", "description": "说明" * 1_001, "modules": [module]},
    ]
    for body in bad:
        r = client.post("/api/v1/plan-templates", json=body)
        assert r.status_code == 422, r.text
        r = client.put(f"/api/v1/plan-templates/{ok.json()['id']}", json=body)
        assert r.status_code == 422, r.text
    assert "善后工作" in client.post("/api/v1/plan-templates", json=bad[0]).json()["message"]
    assert len(client.get("/api/v1/plan-templates").json()) == len(before) + 1
    assert client.get(f"/api/v1/plan-templates/{ok.json()['id']}").json()["modules"][0]["skeleton"] == (
        "应急响应/分级响应"
    )


def test_plan_system_crud_order_and_graph(client: TestClient) -> None:
    overall = client.post(
        "/api/v1/plans/nodes", json={"title": "江阴市突发事件总体应急预案", "plan_type": "总体"}
    ).json()
    special = client.post(
        "/api/v1/plans/nodes",
        json={"title": "江阴市危化品事故专项预案", "plan_type": "专项", "parent_id": overall["id"]},
    ).json()
    site = client.post(
        "/api/v1/plans/nodes",
        json={
            "title": "液氨罐区泄漏现场处置方案",
            "plan_type": "现场处置方案",
            "enterprise_id": A,
            "parent_id": special["id"],
        },
    ).json()
    assert site["town"] == "临港经济开发区" and site["parents"] == [special["id"]]
    r = client.put(f"/api/v1/plans/{overall['id']}/parent", json={"parent_id": site["id"]})
    assert r.status_code == 422 and r.json()["code"] == "plan_system_cycle"
    r = client.put(f"/api/v1/plans/{special['id']}/parent", json={"parent_id": site["id"]})
    assert r.status_code == 422  # a site plan cannot sit above a special plan
    graph = client.get("/api/v1/plans/system").json()
    edges = {(e["source"], e["target"]) for e in graph["edges"]}
    assert {(special["id"], overall["id"]), (site["id"], special["id"])} <= edges
    tiers = {n["id"]: n["tier"] for n in graph["nodes"]}
    assert (tiers[overall["id"]], tiers[special["id"]], tiers[site["id"]]) == ("总体", "专项", "现场处置方案")
    renamed = client.put(
        f"/api/v1/plans/{special['id']}/node",
        json={"title": "江阴市危险化学品事故专项应急预案", "plan_type": "专项", "parent_id": overall["id"]},
    ).json()
    assert renamed["title"] == "江阴市危险化学品事故专项应急预案" and renamed["children"] == [site["id"]]
    huashi = client.get("/api/v1/plans/system", headers=HUASHI).json()
    assert site["id"] not in {n["id"] for n in huashi["nodes"]} and overall["id"] in {
        n["id"] for n in huashi["nodes"]
    }


def test_renaming_an_imported_plan_in_the_system_editor_keeps_what_the_editor_does_not_show(
    client: TestClient,
) -> None:
    """The editor sends title, type, town, enterprise and parent only (PlanSystem.vue)."""
    up = upload(client, accident_category="危险化学品事故")
    before = client.get(f"/api/v1/plans/{up['plan_id']}").json()
    assert before["issuing_unit"] and before["accident_category"] == "危险化学品事故"
    r = client.put(
        f"/api/v1/plans/{up['plan_id']}/node",
        json={"title": "液氨泄漏专项预案（修订）", "plan_type": "专项", "enterprise_id": A},
    )
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["title"] == "液氨泄漏专项预案（修订）"
    assert (after["issuing_unit"], after["accident_category"]) == (
        before["issuing_unit"],
        before["accident_category"],
    )
    cleared = client.put(
        f"/api/v1/plans/{up['plan_id']}/node",
        json={
            "title": "液氨泄漏专项预案",
            "plan_type": "专项",
            "enterprise_id": A,
            "accident_category": None,
        },
    ).json()
    assert cleared["accident_category"] is None and cleared["issuing_unit"] == before["issuing_unit"]


def test_a_plan_for_a_town_that_does_not_exist_is_refused_and_not_written(client: TestClient) -> None:
    before = client.get("/api/v1/plans", params={"size": 200}).json()["total"]
    r = client.post("/api/v1/plans", files={"file": PDF}, data={"town": "澄江镇"})  # 澄江 is a 街道
    assert r.status_code == 422 and r.json()["code"] == "unknown_town" and "澄江镇" in r.json()["message"]
    r = client.post(
        "/api/v1/plans/nodes", json={"title": "月亮湾片区总体预案", "plan_type": "总体", "town": "月亮湾"}
    )
    assert r.status_code == 422 and r.json()["code"] == "unknown_town"
    assert client.get("/api/v1/plans", params={"size": 200}).json()["total"] == before
    ok = client.post(
        "/api/v1/plans/nodes", json={"title": "华士镇总体预案", "plan_type": "总体", "town": "华士镇"}
    )
    assert ok.status_code == 201 and ok.json()["town"] == "华士镇"


def test_a_refused_parent_writes_no_plan(client: TestClient) -> None:
    site = client.post(
        "/api/v1/plans/nodes",
        json={"title": "罐区现场处置方案", "plan_type": "现场处置方案", "enterprise_id": A},
    ).json()
    before = client.get("/api/v1/plans").json()["total"]
    r = client.post(
        "/api/v1/plans/nodes", json={"title": "某专项预案", "plan_type": "专项", "parent_id": site["id"]}
    )
    assert r.status_code == 422 and r.json()["code"] == "plan_system_order"
    assert client.get("/api/v1/plans").json()["total"] == before
