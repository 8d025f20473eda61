"""统一用户管理 over the API in token mode (ADR 0017): only administrators manage accounts, attribute
updates are audited and checked, and a password the administrator typed blocks every other route
until the user has chosen their own.

The fixture city has 临港经济开发区 (澄星化工 A, 小厂机械 B) and 华士镇 (华西纺织 C).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.integration.test_auth_api import ADMIN_PW, OFFICER_PW, env, login  # noqa: F401 - shared fixture
from tests.support.fixture_city import A, B, C

LINGANG = {"level": "town", "town": "临港经济开发区"}


def _create(client: TestClient, admin: dict[str, str], username: str, password: str, **extra: Any) -> None:
    body = {"username": username, "password": password, "scope": {"level": "town", "town": "华士镇"}, **extra}
    r = client.post("/api/v1/users", json=body, headers=admin)
    assert r.status_code == 201, r.text


def test_an_officer_cannot_list_create_or_edit_accounts(env: Any) -> None:  # noqa: F811
    client, _, _ = env
    officer = login(client, "hs_officer", OFFICER_PW)
    new = {"username": "hs_sneaky", "password": "Sneaky2026ab", "scope": {"level": "city"}}
    for r in (
        client.get("/api/v1/users", headers=officer),
        client.post("/api/v1/users", json=new, headers=officer),
        client.patch("/api/v1/users/hs_officer", json={"scope": {"level": "city"}}, headers=officer),
        client.patch("/api/v1/users/hs_officer", json={"role": "admin"}, headers=officer),
        client.post("/api/v1/users/hs_officer/password", json={"password": "Takeover2026"}, headers=officer),
    ):
        assert r.status_code == 403 and r.json()["message"] == "仅管理员可以管理用户账号"
    assert client.get("/api/v1/auth/me", headers=officer).json()["scope_label"] == "town:华士镇"


def test_an_attribute_update_moves_the_scope_at_once_and_is_audited(env: Any) -> None:  # noqa: F811
    client, container, _ = env
    container.auth.create_user(
        "hs_gu", "GuHuaShi2026", scope=container.auth.users.get_user("hs_officer").scope
    )
    officer = login(client, "hs_gu", "GuHuaShi2026")
    admin = login(client, "city_admin", ADMIN_PW)
    r = client.patch(
        "/api/v1/users/hs_gu", json={"display_name": "顾磊（临港）", "scope": LINGANG}, headers=admin
    )
    assert r.status_code == 200, r.text
    assert r.json()["scope_label"] == "town:临港经济开发区" and r.json()["display_name"] == "顾磊（临港）"
    # The live session reads the account again: the officer now sees 临港, no longer 华士镇.
    listed = client.get("/api/v1/enterprises", headers=officer).json()
    assert {e["uscc"] for e in listed["items"]} == {A, B} and C not in str(listed)
    trail = client.get("/api/v1/audit", params={"limit": 200}, headers=admin).json()
    edits = [e for e in trail if e["method"] == "PATCH" and e["path"] == "/api/v1/users/hs_gu"]
    assert [(e["user_id"], e["status"]) for e in edits] == [("city_admin", 200)]
    assert edits[0]["body_sha256"]  # no password in this body: its hash is kept like any write


def test_an_attribute_update_is_checked_like_a_new_account(env: Any) -> None:  # noqa: F811
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    unknown = client.patch(
        "/api/v1/users/hs_officer", json={"scope": {"level": "town", "town": "徐霞客镇"}}, headers=admin
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_scope"
    town_admin = client.patch("/api/v1/users/hs_officer", json={"role": "admin"}, headers=admin)
    assert town_admin.status_code == 422 and town_admin.json()["message"] == "管理员账号的数据范围必须为全市"
    self_demote = client.patch("/api/v1/users/city_admin", json={"role": "officer"}, headers=admin)
    assert (
        self_demote.status_code == 422 and "不能取消当前登录账号的管理员角色" in self_demote.json()["message"]
    )
    missing = client.patch("/api/v1/users/no_such_user", json={"display_name": "无"}, headers=admin)
    assert missing.status_code == 404 and "不存在" in missing.json()["message"]
    assert (
        client.get("/api/v1/auth/me", headers=login(client, "hs_officer", OFFICER_PW)).json()["scope_label"]
        == "town:华士镇"
    )


def test_a_temporary_password_blocks_every_other_route_until_it_is_changed(env: Any) -> None:  # noqa: F811
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    _create(client, admin, "hs_xu01", "TempFromAdmin26", display_name="徐婷")
    first = client.post("/api/v1/auth/login", json={"username": "hs_xu01", "password": "TempFromAdmin26"})
    assert first.status_code == 200 and first.json()["user"]["must_change_password"] is True
    auth = {"Authorization": f"Bearer {first.json()['token']}"}
    for r in (
        client.get("/api/v1/towns", headers=auth),
        client.get(f"/api/v1/enterprises/{C}", headers=auth),
        client.post("/api/v1/chat", json={"question": "华士镇今天谁值班", "stream": False}, headers=auth),
    ):
        assert r.status_code == 403 and r.json()["code"] == "password_change_required"
        assert "请先修改密码" in r.json()["message"]
    me = client.get("/api/v1/auth/me", headers=auth)
    assert me.status_code == 200 and me.json()["must_change_password"] is True
    bad_old = client.post(
        "/api/v1/auth/password",
        json={"old_password": "NotTheTemp11", "new_password": "XuTing2026own"},
        headers=auth,
    )
    assert bad_old.status_code == 422 and bad_old.json()["message"] == "原密码错误"
    weak = client.post(
        "/api/v1/auth/password",
        json={"old_password": "TempFromAdmin26", "new_password": "xuting"},
        headers=auth,
    )
    assert weak.status_code == 422 and "至少 10 位" in weak.json()["message"]
    done = client.post(
        "/api/v1/auth/password",
        json={"old_password": "TempFromAdmin26", "new_password": "XuTing2026own"},
        headers=auth,
    )
    assert done.status_code == 204
    assert client.get("/api/v1/towns", headers=auth).status_code == 401  # that session ended
    mine = login(client, "hs_xu01", "XuTing2026own")
    assert client.get("/api/v1/auth/me", headers=mine).json()["must_change_password"] is False
    assert client.get("/api/v1/towns", headers=mine).status_code == 200


def test_an_admin_reset_forces_the_change_again(env: Any) -> None:  # noqa: F811
    client, container, _ = env
    container.auth.create_user(
        "hs_lu02", "LuOwnPass2026", scope=container.auth.users.get_user("hs_officer").scope
    )
    admin = login(client, "city_admin", ADMIN_PW)
    assert client.post(
        "/api/v1/users/hs_lu02/password", json={"password": "AdminSet2026"}, headers=admin
    ).json()["must_change_password"]
    auth = login(client, "hs_lu02", "AdminSet2026")
    blocked = client.get(f"/api/v1/towns/{quote('华士镇')}/stats", headers=auth)
    assert blocked.status_code == 403 and blocked.json()["code"] == "password_change_required"
    assert client.post("/api/v1/auth/logout", headers=auth).status_code == 204  # leaving is allowed
    listed = {u["username"]: u for u in client.get("/api/v1/users", headers=admin).json()}
    assert (
        listed["hs_lu02"]["must_change_password"] is True
        and listed["hs_officer"]["must_change_password"] is False
    )
