"""Review edits: invisible characters never reach the document; array indexes follow RFC 6901."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support.plan_api import plan_api_client, upload
from tests.support.sample_plans import FakeImporter, chemical_plan

INVISIBLE = ("\u200b", "\ufeff", "\u202e", "\u2066", "\u200e")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    importer = FakeImporter({"plan.pdf": chemical_plan()})
    with plan_api_client(tmp_path_factory.mktemp("review-edits"), importer) as c:
        yield c


def _field(client: TestClient, plan_id: str, pointer: str) -> dict[str, Any]:
    fields = client.get(f"/api/v1/plans/{plan_id}/review").json()["fields"]
    return next(f for f in fields if f["field"] == pointer)


def _edit(client: TestClient, plan_id: str, pointer: str, value: object) -> Any:
    return client.patch(
        f"/api/v1/plans/{plan_id}/review",
        json={"decisions": [{"field": pointer, "action": "edit", "value": value}]},
    )


def test_an_edited_title_keeps_no_invisible_character(client: TestClient) -> None:
    up = upload(client)
    r = _edit(client, up["plan_id"], "/title", "\ufeff澄江街道\u200b 危化品\u202e泄漏  预案\u2066")
    assert r.status_code == 200, r.text
    title = _field(client, up["plan_id"], "/title")
    assert title["value"] == "澄江街道 危化品泄漏 预案" and title["status"] == "edited"


def test_a_title_of_only_invisible_characters_is_refused_in_chinese(client: TestClient) -> None:
    up = upload(client)
    before = _field(client, up["plan_id"], "/title")["value"]
    r = _edit(client, up["plan_id"], "/title", "\u200b\ufeff\u200e")
    assert r.status_code == 422 and "预案结构" in r.json()["message"]
    assert _field(client, up["plan_id"], "/title")["value"] == before


def test_an_edited_text_loses_invisible_characters_but_keeps_its_lines(client: TestClient) -> None:
    up = upload(client)
    r = _edit(
        client, up["plan_id"], "/response_levels/0/trigger", "厂区\u200b氨气浓度超限\n且\u202e扩散至厂界"
    )
    assert r.status_code == 200, r.text
    assert (
        _field(client, up["plan_id"], "/response_levels/0/trigger")["value"]
        == "厂区氨气浓度超限\n且扩散至厂界"
    )


@pytest.mark.parametrize(
    "pointer",
    [
        "/response_levels/01/trigger",
        "/response_levels/00/trigger",
        "/response_levels/１/trigger",
        "/response_levels/²/trigger",
    ],
)
def test_an_array_index_with_a_leading_zero_or_full_width_digit_is_refused(
    client: TestClient, pointer: str
) -> None:
    up = upload(client)
    for action in ({"action": "edit", "value": "x"}, {"action": "accept"}):
        r = client.patch(
            f"/api/v1/plans/{up['plan_id']}/review", json={"decisions": [{"field": pointer, **action}]}
        )
        assert r.status_code == 422 and r.json()["code"] == "invalid_field", r.text
        assert "前导零" in r.json()["message"]
    assert _field(client, up["plan_id"], "/response_levels/1/trigger")["status"] == "pending"


def test_canonical_indexes_still_work(client: TestClient) -> None:
    up = upload(client)
    r = client.patch(
        f"/api/v1/plans/{up['plan_id']}/review",
        json={"decisions": [{"field": "/response_levels/1/trigger", "action": "accept"}]},
    )
    assert (
        r.status_code == 200
        and _field(client, up["plan_id"], "/response_levels/1/trigger")["status"] == "accepted"
    )
