"""Probe round 3 over HTTP: defects found by using the API as an enterprise user and a town officer.

* an enterprise user could read any lessor's 厂中厂 network (its tenants, areas and lease dates) by id;
* a plan title with an invisible character (zero-width space, BOM, bidi override) passed as a second
  plan of a title already taken, and was stored with the character in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.support.fixture_city import A, B, C
from tests.support.fixture_city_app import fixture_city_app

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}
DOCX = Path("tests/data/plans/sources/linggang-hazchem.docx")


def firm(uscc: str) -> dict[str, str]:
    return {"X-SafeCloud-Enterprise": uscc}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with fixture_city_app(
        tmp_path_factory.mktemp("probe3"),
        chat=False,
        raise_server_exceptions=False,
        plans={"ocr": False, "use_llm": False},
    ) as (c, _):
        yield c


@pytest.mark.parametrize("who", [C, B], ids=["other-firm", "its-own-tenant"])
def test_an_enterprise_user_cannot_read_another_firms_lessor_network(client: TestClient, who: str) -> None:
    r = client.get(f"/api/v1/lessors/{A}/network", headers=firm(who))
    assert r.status_code == 404, r.text
    assert r.json()["code"] == "lessor_not_found" and B not in r.text  # no tenant leaks in the refusal


def test_the_lessor_firm_still_sees_its_own_network(client: TestClient) -> None:
    r = client.get(f"/api/v1/lessors/{A}/network", headers=firm(A))
    assert r.status_code == 200
    assert [t["uscc"] for t in r.json()["lessees"]] == [B]


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u202e", "\u200e", "\u2066"])
def test_an_invisible_character_does_not_make_a_second_plan_of_a_taken_title(
    client: TestClient, invisible: str
) -> None:
    title = f"璜土镇液氨泄漏专项预案{ord(invisible):x}"
    first = client.post("/api/v1/plans/nodes", json={"title": title, "plan_type": "专项"}, headers=HUASHI)
    assert first.status_code == 201, first.text
    again = client.post(
        "/api/v1/plans/nodes",
        json={"title": title[:4] + invisible + title[4:], "plan_type": "专项"},
        headers=HUASHI,
    )
    assert again.status_code == 409, again.text
    assert again.json()["details"]["plan_id"] == first.json()["id"]


def test_titles_and_template_names_are_stored_without_invisible_characters(client: TestClient) -> None:
    r = client.post(
        "/api/v1/plans/nodes",
        json={
            "title": "\ufeff周庄镇\u202e防汛\r\n防台预案\u200b",
            "issuing_unit": "\u200e周庄镇人民政府",
            "plan_type": "专项",
        },
        headers=HUASHI,
    )
    assert r.status_code == 201, r.text
    assert (r.json()["title"], r.json()["issuing_unit"]) == ("周庄镇防汛 防台预案", "周庄镇人民政府")
    t = client.post(
        "/api/v1/plan-templates",
        json={"name": "有限空间\u200b模板", "modules": [{"skeleton": "总则", "title": "\u2067总则\u2069"}]},
    )
    assert t.status_code == 201, t.text
    assert (t.json()["name"], t.json()["modules"][0]["title"]) == ("有限空间模板", "总则")
    # an emoji built with a joiner keeps it
    e = client.post("/api/v1/plans/nodes", json={"title": "消防员👨\u200d🚒演练预案", "plan_type": "专项"})
    assert e.status_code == 201 and e.json()["title"] == "消防员👨\u200d🚒演练预案"


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/plans/nodes", {"title": "\u200b\u202e\ufeff", "plan_type": "专项"}),
        ("/api/v1/plan-templates", {"name": "\u200b", "modules": [{"skeleton": "总则", "title": "总则"}]}),
    ],
)
def test_a_name_of_only_invisible_characters_is_refused_in_chinese(
    client: TestClient, url: str, body: dict[str, object]
) -> None:
    r = client.post(url, json=body, headers=HUASHI)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid_request" and "不可见字符" in r.json()["message"]


def test_an_uploaded_version_number_is_stored_without_invisible_characters(client: TestClient) -> None:
    def upload(version_no: str, title: str) -> Any:
        return client.post(
            "/api/v1/plans",
            files={"file": ("plan.docx", DOCX.read_bytes())},
            data={"version_no": version_no, "title": title, "allow_duplicate": "true"},
        )

    blank = upload("\u200b\u2060", "申港街道危化品专项预案")  # no number: the document's own is used
    assert blank.status_code == 201, blank.text
    versions = client.get(f"/api/v1/plans/{blank.json()['plan_id']}/versions").json()
    assert [v["version_no"] for v in versions] == ["2024版"]
    r = upload("\ufeff2025版\u200b", "璜土镇危化品专项预案")
    assert r.status_code == 201, r.text
    versions = client.get(f"/api/v1/plans/{r.json()['plan_id']}/versions").json()
    assert [v["version_no"] for v in versions] == ["2025版"]


def test_a_town_header_sent_as_raw_utf8_is_read_as_the_town(client: TestClient) -> None:
    """``curl -H "X-SafeCloud-Town: 华士镇"`` sends UTF-8 bytes, not percent-encoding."""
    raw = {"X-SafeCloud-Town": "华士镇".encode()}
    r = client.get("/api/v1/towns", headers=raw)  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    assert r.json() == client.get("/api/v1/towns", headers=HUASHI).json()
    assert [t["name"] for t in r.json()] == ["华士镇"]
    assert client.get(f"/api/v1/enterprises/{A}", headers=raw).status_code == 404  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        (firm(C), {"town": "临港经济开发区"}),  # an enterprise user naming another town
        ({}, {"town": "临港经济开发区", "enterprise_id": C}),  # a firm of 华士镇 said to be in 临港
    ],
    ids=["enterprise-user", "city-user"],
)
def test_a_town_that_contradicts_the_enterprise_is_refused_not_replaced(
    client: TestClient, headers: dict[str, str], body: dict[str, str]
) -> None:
    title = f"华士镇纺织企业火灾专项预案{len(body)}"
    r = client.post(
        "/api/v1/plans/nodes", json={"title": title, "plan_type": "专项", **body}, headers=headers
    )
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "jurisdiction_mismatch" and "华士镇" in r.json()["message"]
    assert client.get("/api/v1/plans", params={"q": title}).json()["total"] == 0
    ok = client.post(
        "/api/v1/plans/nodes",
        json={"title": title, "plan_type": "专项", "town": "华士镇", "enterprise_id": C},
    )
    assert ok.status_code == 201 and (ok.json()["town"], ok.json()["enterprise_id"]) == ("华士镇", C)
