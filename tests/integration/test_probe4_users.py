"""Probe round 4, 用户管理 over the API in token mode: a scope whose fields do not match its level is
refused, not widened. ``level`` defaults to 全市, so a script that sent ``{"town": "华士镇"}`` (or
left a town beside ``"level": "city"``) had created an account that reads the whole city.

The fixture city has 临港经济开发区 (澄星化工 A) and 华士镇 (华西纺织 C).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.test_auth_api import ADMIN_PW, env, login  # noqa: F401 - shared fixture
from tests.support.fixture_city import A, C


@pytest.mark.parametrize(
    "scope",
    [
        {"town": "华士镇"},
        {"level": "city", "town": "临港经济开发区"},
        {"level": "city", "enterprise_id": C},
        {"level": "town", "town": "华士镇", "enterprise_id": C},
        {"level": "enterprise", "enterprise_id": A, "town": "华士镇"},
    ],
    ids=["town-without-level", "city-with-town", "city-with-firm", "town-with-firm", "firm-with-other-town"],
)
def test_a_scope_naming_more_than_its_level_is_refused(env: Any, scope: dict[str, str]) -> None:  # noqa: F811
    client, container, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    body = {"username": "hs_xu", "password": "XuHuaShi2026", "scope": scope}
    r = client.post("/api/v1/users", json=body, headers=admin)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid_scope" and "请只选一种" in r.json()["message"]
    assert "hs_xu" not in {u.username for u in container.auth.list_users()}
    trail = client.get("/api/v1/audit", params={"limit": 5}, headers=admin).json()
    assert (trail[0]["path"], trail[0]["status"]) == ("/api/v1/users", 422)  # the refusal is audited


def test_an_edit_cannot_leave_a_town_beside_a_city_scope(env: Any) -> None:  # noqa: F811
    client, container, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    created = {
        "username": "hs_shen",
        "password": "ShenHuaShi2026",
        "scope": {"level": "town", "town": "华士镇"},
    }
    assert client.post("/api/v1/users", json=created, headers=admin).status_code == 201
    r = client.patch("/api/v1/users/hs_shen", json={"scope": {"town": "临港经济开发区"}}, headers=admin)
    assert r.status_code == 422 and r.json()["code"] == "invalid_scope"
    assert container.auth.users.get_user("hs_shen").scope.describe() == "town:华士镇"
    # the display name alone still edits; a clean scope still moves the account
    assert (
        client.patch("/api/v1/users/hs_shen", json={"display_name": "沈洁"}, headers=admin).status_code == 200
    )
    moved = client.patch(
        "/api/v1/users/hs_shen", json={"scope": {"level": "town", "town": "临港经济开发区"}}, headers=admin
    )
    assert moved.status_code == 200 and moved.json()["scope_label"] == "town:临港经济开发区"
