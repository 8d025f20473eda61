"""The plan API end to end over embedded FalkorDB with the fixture city, a fake importer and an
in-memory search index: upload → review → publish → graph facts → versions → knowledge base. The plan
system tree and templates: ``test_plan_system_api.py``."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from core.errors import DocumentError
from tests.support.fixture_city import A
from tests.support.plan_api import PDF, accept_all, plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan

LINGANG = {"X-SafeCloud-Town": quote("临港经济开发区")}
HUASHI = {"X-SafeCloud-Town": quote("华士镇")}


@pytest.fixture(scope="module")
def importer() -> FakeImporter:
    return FakeImporter(
        {"plan.pdf": chemical_plan(), "city.pdf": chemical_plan("江阴市危险化学品事故专项应急预案")}
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, importer: FakeImporter) -> Iterator[TestClient]:
    with plan_api_client(tmp_path_factory.mktemp("plans-api"), importer, plans={"max_upload_mb": 1}) as c:
        yield c


def test_upload_review_publish_links_facts_to_real_people_and_teams(client: TestClient) -> None:
    up = upload(client)
    assert up["report"]["pages"] == 5 and len(up["sha256"]) == 64
    plan = client.get(f"/api/v1/plans/{up['plan_id']}").json()
    assert (plan["status"], plan["town"], plan["enterprise_id"]) == ("未启用", "临港经济开发区", A)

    review = client.get(f"/api/v1/plans/{up['plan_id']}/review").json()
    assert review["version_id"] == up["version_id"] and review["counts"]["pending"] == len(review["fields"])
    assert [b["paragraph"] for b in review["blocks"]] == [0, 7, 12]
    trigger = next(f for f in review["fields"] if f["field"] == "/response_levels/1/trigger")
    assert trigger["source"]["paragraph"] == 8 and trigger["confidence"] == 0.6

    r = client.patch(
        f"/api/v1/plans/{up['plan_id']}/review",
        json={
            "decisions": [
                {"field": "/response_levels/0/trigger", "action": "edit", "value": "液氨泄漏扩散至厂界外"},
                {"field": "/org_units/0/roles/2/holder", "action": "reject"},
            ],
            "accept_above": 0.9,
        },
    )
    counts = r.json()["counts"]
    assert (
        counts["edited"] == 1 and counts["rejected"] == 1 and counts["accepted"] > 0 and counts["pending"] > 0
    )

    published = client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish").json()
    facts = client.get(f"/api/v1/plans/{up['plan_id']}/facts").json()
    # accept_above 0.9 verified the level rows (0.95, 0.9) and the team (0.92), not the org units (0.85/0.5)
    assert [(lv["level"], lv["trigger"]) for lv in facts["levels"]] == [
        ("一级", "液氨泄漏扩散至厂界外"),
        ("二级", None),
    ]
    assert facts["roles"] == [] and [r["linked"] for r in facts["resources"]] == [["T-1"]]
    assert published["linked"] == {"persons": 0, "departments": 0, "resources": 1}

    # An enabled version is locked: changes go into a new version.
    r = client.patch(
        f"/api/v1/plans/{up['plan_id']}/review", json={"decisions": [{"field": "/title", "action": "accept"}]}
    )
    assert r.status_code == 422 and r.json()["code"] == "version_locked"


def test_fully_reviewed_plan_links_person_department_and_resources(client: TestClient) -> None:
    up = upload(client)
    accept_all(client, up["plan_id"], up["version_id"])
    report = client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish").json()
    assert report["linked"] == {"persons": 1, "departments": 1, "resources": 3}
    assert sorted(u["text"] for u in report["unmatched"]) == ["吸附棉", "孙八", "钱七"]
    facts = client.get(f"/api/v1/plans/{up['plan_id']}/facts").json()
    chief = next(r for r in facts["roles"] if r["title"] == "总指挥")
    assert chief["persons"] == ["PER-1"] and facts["hazard_sources"] == ["MHS-1"]
    assert client.get(f"/api/v1/plans/{up['plan_id']}").json()["status"] == "已启用"


def test_bad_uploads_are_chinese_4xx_and_write_nothing(client: TestClient, importer: FakeImporter) -> None:
    before = client.get("/api/v1/plans").json()["total"]
    r = client.post("/api/v1/plans", files={"file": ("empty.pdf", b"", "application/pdf")})
    assert r.status_code == 422 and r.json()["code"] == "empty_file"
    r = client.post("/api/v1/plans", files={"file": ("big.pdf", b"x" * (1024 * 1024 + 1), "application/pdf")})
    assert r.status_code == 422 and r.json()["code"] == "file_too_large" and "1 MB" in r.json()["message"]
    importer.error = DocumentError("PDF 文件已加密，无法读取", code="encrypted_pdf")
    try:
        r = client.post("/api/v1/plans", files={"file": PDF}, data={"allow_duplicate": "true"})
    finally:
        importer.error = None
    assert r.status_code == 422 and r.json() == {
        "code": "encrypted_pdf",
        "message": "PDF 文件已加密，无法读取",
        "details": {},
    }
    assert client.get("/api/v1/plans").json()["total"] == before


def test_edit_with_an_invalid_value_is_422_and_not_saved(client: TestClient) -> None:
    up = upload(client)
    r = client.patch(
        f"/api/v1/plans/{up['plan_id']}/review",
        json={"decisions": [{"field": "/response_levels/0/level", "action": "edit", "value": "特级"}]},
    )
    assert (
        r.status_code == 422
        and r.json()["code"] == "invalid_field_value"
        and "预案结构" in r.json()["message"]
    )
    fields = client.get(f"/api/v1/plans/{up['plan_id']}/review").json()["fields"]
    level = next(f for f in fields if f["field"] == "/response_levels/0/level")
    assert (level["value"], level["status"]) == ("一级", "pending")


def test_versions_enable_rollback_diff_and_disable(client: TestClient) -> None:
    up = upload(client)
    pid, v1 = up["plan_id"], up["version_id"]
    accept_all(client, pid, v1)
    client.post(f"/api/v1/plans/{pid}/versions/{v1}/publish")
    r = client.post(f"/api/v1/plans/{pid}/versions", json={"version_no": "2.0", "issued_at": "2026-01-01"})
    assert r.status_code == 201 and r.json()["copied_from"] == v1 and r.json()["enabled"] is False
    v2 = r.json()["id"]
    again = client.post(f"/api/v1/plans/{pid}/versions", json={"version_no": " 2.0 ", "copy_from": v1})
    assert again.status_code == 422 and again.json()["code"] == "duplicate_version_no"
    assert len(client.get(f"/api/v1/plans/{pid}/versions").json()) == 2
    accept_all(
        client,
        pid,
        v2,
        [{"field": "/response_levels/0/trigger", "action": "edit", "value": "液氨泄漏扩散至厂界外"}],
    )
    r = client.post(f"/api/v1/plans/{pid}/versions/{v2}/enable")
    assert r.status_code == 422 and r.json()["code"] == "version_not_published"
    client.post(f"/api/v1/plans/{pid}/versions/{v2}/publish")

    diff = client.get(f"/api/v1/plans/{pid}/diff", params={"from": v1, "to": v2}).json()
    assert diff == [
        {
            "field": "/response_levels/0/trigger",
            "change": "changed",
            "old": "液氨大量泄漏并扩散至厂外",
            "new": "液氨泄漏扩散至厂界外",
        }
    ]

    rolled = client.post(f"/api/v1/plans/{pid}/versions/{v1}/rollback").json()
    versions = client.get(f"/api/v1/plans/{pid}/versions").json()
    assert [(v["version_no"], v["enabled"]) for v in versions] == [
        ("1.0（回滚）", True),
        ("2.0", False),
        ("1.0", False),
    ]
    assert versions[0]["id"] == rolled["version_id"] and versions[0]["copied_from"] == v1
    facts = client.get(f"/api/v1/plans/{pid}/facts").json()
    assert facts["levels"][0]["trigger"] == "液氨大量泄漏并扩散至厂外"

    client.post(f"/api/v1/plans/{pid}/versions/{v2}/enable")  # re-enable a published, disabled version
    assert [v["id"] for v in client.get(f"/api/v1/plans/{pid}/versions").json() if v["enabled"]] == [v2]
    r = client.post(f"/api/v1/plans/{pid}/versions/{v2}/disable")
    assert r.status_code == 200
    assert client.get(f"/api/v1/plans/{pid}").json()["status"] == "未启用"
    assert client.get(f"/api/v1/plans/{pid}/facts").json()["levels"] == []


def test_knowledge_base_search_cites_passages_within_scope(client: TestClient) -> None:
    up = upload(client, title="澄星化工液氨泄漏专项预案（检索）")
    accept_all(client, up["plan_id"], up["version_id"])
    client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish")
    hits = client.get("/api/v1/plans/search", params={"q": "液氨泄漏扩散至厂外", "level": "一级"}).json()
    mine = [h for h in hits if h["plan_id"] == up["plan_id"]]
    assert (
        mine and mine[0]["section"] == "4.2 响应分级" and mine[0]["page"] == 3 and mine[0]["paragraph"] == 7
    )
    assert mine[0]["title"] == "澄星化工液氨泄漏专项预案（检索）" and mine[0]["version_no"] == "1.0"
    assert "一级" in mine[0]["levels"] and "Ⅰ级响应" in mine[0]["text"]
    assert all(
        h["plan_id"] != up["plan_id"]
        for h in client.get("/api/v1/plans/search", params={"q": "液氨泄漏扩散至厂外"}, headers=HUASHI).json()
    )
    assert any(
        h["plan_id"] == up["plan_id"]
        for h in client.get(
            "/api/v1/plans/search", params={"q": "液氨泄漏扩散至厂外"}, headers=LINGANG
        ).json()
    )
    client.delete(f"/api/v1/plans/{up['plan_id']}")  # 废止: its passages no longer answer
    assert all(
        h["plan_id"] != up["plan_id"]
        for h in client.get("/api/v1/plans/search", params={"q": "液氨泄漏扩散至厂外"}).json()
    )
    assert client.get(f"/api/v1/plans/{up['plan_id']}").json()["status"] == "已废止"


def test_town_principal_cannot_read_or_change_another_towns_plan(
    client: TestClient, importer: FakeImporter
) -> None:
    up = upload(client)
    assert client.get(f"/api/v1/plans/{up['plan_id']}", headers=HUASHI).status_code == 404
    assert client.get(f"/api/v1/plans/{up['plan_id']}/review", headers=HUASHI).status_code == 404
    r = client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish", headers=HUASHI)
    assert r.status_code == 404 and "数据范围" in r.json()["message"]
    assert client.get(f"/api/v1/plans/{up['plan_id']}", headers=LINGANG).status_code == 200
    assert all(
        p["town"] != "临港经济开发区" for p in client.get("/api/v1/plans", headers=HUASHI).json()["items"]
    )
    calls = importer.calls
    r = client.post("/api/v1/plans", files={"file": PDF}, data={"enterprise_id": A}, headers=HUASHI)
    assert r.status_code == 403 and r.json()["code"] == "out_of_scope"
    assert importer.calls == calls  # refused before the document is parsed


def test_the_response_guide_refuses_an_unknown_town_or_one_outside_the_callers_scope(
    client: TestClient,
) -> None:
    r = client.get("/api/v1/plans/response", params={"level": "二级", "town": "夏港镇"})
    assert r.status_code == 422 and r.json()["code"] == "unknown_town"
    r = client.get(
        "/api/v1/plans/response", params={"level": "二级", "town": "临港经济开发区"}, headers=HUASHI
    )
    assert r.status_code == 403 and r.json()["code"] == "out_of_scope"
    r = client.get("/api/v1/plans/response", params={"level": "二级", "town": "华士镇"}, headers=HUASHI)
    assert r.status_code == 200


def test_listing_by_an_unknown_status_is_refused_not_an_empty_page(client: TestClient) -> None:
    r = client.get("/api/v1/plans", params={"status": "启用"})  # the status is 已启用
    assert r.status_code == 422 and "已启用" in r.json()["message"]
    assert client.get("/api/v1/plans", params={"status": "已废止"}).status_code == 200


@pytest.mark.parametrize("sent", ["C:\\fakepath\\plan.pdf", "../../../tmp/plan.pdf", "docs/plan.pdf"])
def test_an_uploaded_file_is_known_by_its_name_not_the_path_the_browser_sent(
    client: TestClient, sent: str
) -> None:
    up = upload(client, (sent, PDF[1], PDF[2]))
    version = client.get(f"/api/v1/plans/{up['plan_id']}/versions").json()[0]
    assert version["source_filename"] == "plan.pdf"


def test_statistics(client: TestClient) -> None:
    up = upload(client)
    accept_all(client, up["plan_id"], up["version_id"])
    client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish")
    stats = client.get("/api/v1/plans/stats").json()
    assert stats["by_type"]["专项"] >= 1 and stats["by_status"]["已启用"] >= 1
    assert stats["by_level"]["一级"] >= 1 and stats["by_jurisdiction"]["临港经济开发区"] >= 1
    assert A not in {e["uscc"] for e in stats["uncovered_hazard_enterprises"]}
    huashi = client.get("/api/v1/plans/stats", headers=HUASHI).json()
    assert "临港经济开发区" not in huashi["by_jurisdiction"]


def test_enterprise_principal_sees_its_own_and_city_plans_only(client: TestClient) -> None:
    own = upload(client)
    city = client.post(
        "/api/v1/plans/nodes", json={"title": "江阴市安全生产总体预案（企业可见）", "plan_type": "总体"}
    ).json()
    town = client.post(
        "/api/v1/plans/nodes",
        json={"title": "临港开发区防汛预案", "plan_type": "专项", "town": "临港经济开发区"},
    ).json()
    ent = {"X-SafeCloud-Enterprise": A}
    seen = {p["id"] for p in client.get("/api/v1/plans", params={"size": 200}, headers=ent).json()["items"]}
    assert {own["plan_id"], city["id"]} <= seen and town["id"] not in seen
    r = client.put(
        f"/api/v1/plans/{city['id']}/node", json={"title": "改名", "plan_type": "总体"}, headers=ent
    )
    assert r.status_code == 403  # visible, but not theirs to change


def test_response_guide_answers_who_commands_which_teams_what_first(client: TestClient) -> None:
    up = upload(client, title="澄星化工液氨泄漏专项预案（响应指引）")
    accept_all(client, up["plan_id"], up["version_id"])
    client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish")
    params = {"level": "一级", "town": "临港经济开发区", "accident_type": "泄漏"}
    guides = {g["plan_id"]: g for g in client.get("/api/v1/plans/response", params=params).json()}
    g = guides[up["plan_id"]]
    assert g["trigger"] == "液氨大量泄漏并扩散至厂外" and g["actions"][0] == "立即启动厂区警报"
    chief = next(r for r in g["roles"] if r["title"] == "总指挥")
    assert chief["persons"] == ["PER-1"]
    assert {r["name"]: r["linked"] for r in g["resources"]}["临港危化救援队"] == ["T-1"]
    assert up["plan_id"] not in {
        x["plan_id"] for x in client.get("/api/v1/plans/response", params={**params, "town": "华士镇"}).json()
    }
    assert up["plan_id"] not in {
        x["plan_id"]
        for x in client.get("/api/v1/plans/response", params={**params, "accident_type": "洪涝"}).json()
    }
    assert client.get("/api/v1/plans/response", params={"level": "五级"}).status_code == 422


def test_chat_cites_passages_of_the_plans_it_names_only(client: TestClient) -> None:
    up = upload(client, title="澄星化工液氨泄漏专项预案（处置条文）")
    accept_all(client, up["plan_id"], up["version_id"])
    client.post(f"/api/v1/plans/{up['plan_id']}/versions/{up['version_id']}/publish")
    body = client.post(
        # the firm is named: its own plan applies only to its own accidents (agents.chat.plan_guide)
        "/api/v1/chat",
        json={"question": "澄星化工液氨泄漏了现场先做什么", "stream": False},
    ).json()
    assert body["intent"] == "plan_for"
    named = {str(r["id"]) for r in body["rows"]}
    cited = [c for c in body["citations"] if c["kind"] == "plan"]
    assert cited and {c["ref"] for c in cited} <= named
    # the plan's 响应分级 paragraph is a handling section: quoted word for word
    assert "相关条文（《" in body["answer"] and "由总指挥李四指挥" in body["answer"]
