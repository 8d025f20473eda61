"""Token mode (ADR 0017): who the caller is decides what they see, not the request's headers.

The fixture city has 临港经济开发区 (澄星化工 A, 小厂机械 B) and 华士镇 (华西纺织 C). A 华士镇 officer logs in
and must never read 临港 data, whatever headers they send; a caller without a session gets 401.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.bootstrap import Container
from api.settings import Settings
from core.auth import Role
from core.scope import DataScope, ScopeLevel
from tests.support.auth_env import FAST_HASHER, Clock
from tests.support.fixture_city import A, C
from tests.support.fixture_city_app import fixture_city_app
from tests.support.scope_leaks import leaks_for

MINUTE = 60_000
HUASHI = DataScope(level=ScopeLevel.TOWN, town="华士镇")
ADMIN_PW = "ChengJiang2026"
OFFICER_PW = "HuaShi1234town"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container, Clock]]:
    clock = Clock()
    token_api = {"auth": "token", "max_failed_logins": 3, "lockout_minutes": 10}
    data = tmp_path_factory.mktemp("auth-api")
    with fixture_city_app(data, clock=clock, password_hasher=FAST_HASHER, api=token_api) as (
        client,
        container,
    ):
        container.auth.create_user(
            "city_admin", ADMIN_PW, scope=DataScope(), role=Role.ADMIN, display_name="市局管理员"
        )
        container.auth.create_user("hs_officer", OFFICER_PW, scope=HUASHI, display_name="华士镇安监员")
        yield client, container, clock


def login(client: TestClient, username: str, password: str) -> dict[str, str]:
    r = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_without_a_session_every_api_route_but_login_and_health_is_401(env: Any) -> None:
    client, _, _ = env
    for path in ("/api/v1/enterprises", "/api/v1/vocabularies", "/api/v1/auth/me", "/api/v1/users"):
        r = client.get(path)
        assert r.status_code == 401, path
        assert r.json()["message"] == "未登录或登录已过期，请重新登录"
        assert r.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/v1/enterprises", headers={"Authorization": "Bearer forged"}).status_code == 401
    assert client.post("/api/v1/chat", json={"question": "今天谁值班", "stream": False}).status_code == 401
    assert client.get("/healthz").status_code == 200


def test_unknown_user_and_wrong_password_get_the_same_answer(env: Any) -> None:
    client, _, _ = env
    unknown = client.post("/api/v1/auth/login", json={"username": "nobody_here", "password": "Whatever123"})
    wrong = client.post("/api/v1/auth/login", json={"username": "city_admin", "password": "NotIt12345"})
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json()["message"] == wrong.json()["message"] == "用户名或密码错误"
    login(client, "city_admin", ADMIN_PW)  # resets the counter the wrong try started


def test_a_town_officer_sees_only_their_town_whatever_the_headers_say(env: Any) -> None:
    client, _, _ = env
    auth = login(client, "hs_officer", OFFICER_PW)
    me = client.get("/api/v1/auth/me", headers=auth).json()
    assert me["scope_label"] == "town:华士镇" and me["display_name"] == "华士镇安监员" and not me["admin"]
    # A header naming another town is ignored in token mode: the scope is the user's own.
    spoof = {**auth, "X-SafeCloud-Town": quote("临港经济开发区")}
    listed = client.get("/api/v1/enterprises", headers=spoof).json()
    assert {e["uscc"] for e in listed["items"]} == {C}
    assert client.get(f"/api/v1/enterprises/{C}", headers=auth).status_code == 200
    assert client.get(f"/api/v1/enterprises/{A}", headers=spoof).status_code in (403, 404)


def test_a_town_officer_cannot_chat_about_another_towns_enterprise(env: Any) -> None:
    client, _, _ = env
    auth = login(client, "hs_officer", OFFICER_PW)
    for question in ("江阴市澄星化工有限公司有哪些隐患？", "临港经济开发区今天谁值班？"):
        r = client.post("/api/v1/chat", json={"question": question, "stream": False}, headers=auth)
        assert r.status_code == 200, r.text
        # The answer may repeat the name the officer typed; nothing else of 临港 may appear.
        assert [m for m in leaks_for(HUASHI, r.json()) if m not in question] == [], question
        assert r.json()["rows"] == []


def test_wrong_passwords_lock_the_account_and_the_next_login_warns(env: Any) -> None:
    client, container, clock = env
    container.auth.create_user(
        "lg_duty01", "LinGang2026duty", scope=DataScope(level=ScopeLevel.TOWN, town="临港经济开发区")
    )
    bad = {"username": "lg_duty01", "password": "LinGang2025duty"}
    assert [client.post("/api/v1/auth/login", json=bad).json()["message"] for _ in range(2)] == [
        "用户名或密码错误"
    ] * 2
    # The wrong password that locks the account does not say so: 账号已锁定 would tell that it exists.
    third = client.post("/api/v1/auth/login", json=bad)
    assert third.status_code == 401 and third.json()["message"] == "用户名或密码错误"
    # While locked even the right password is refused; only its owner learns of the lock.
    right = client.post("/api/v1/auth/login", json={**bad, "password": "LinGang2026duty"})
    assert right.json()["message"] == "账号已锁定，请10分钟后再试"
    clock.now += 4 * MINUTE
    right = client.post("/api/v1/auth/login", json={**bad, "password": "LinGang2026duty"})
    assert "请6分钟后再试" in right.json()["message"]
    clock.now += 7 * MINUTE
    ok = client.post("/api/v1/auth/login", json={**bad, "password": "LinGang2026duty"})
    assert ok.status_code == 200
    assert "3 次密码错误" in ok.json()["warning"]
    assert (
        client.post("/api/v1/auth/login", json={**bad, "password": "LinGang2026duty"}).json()["warning"]
        is None
    )


def test_sessions_expire_and_logout_ends_them(env: Any) -> None:
    client, container, clock = env
    auth = login(client, "hs_officer", OFFICER_PW)
    assert client.post("/api/v1/auth/logout", headers=auth).status_code == 204
    assert client.get("/api/v1/auth/me", headers=auth).status_code == 401
    auth = login(client, "hs_officer", OFFICER_PW)
    clock.now += container.settings.api.session_ttl_minutes * MINUTE
    assert client.get("/api/v1/towns", headers=auth).status_code == 401


def test_a_disabled_user_is_refused_at_once(env: Any) -> None:
    client, container, _ = env
    container.auth.create_user("hs_temp01", "TempWorker2026", scope=HUASHI)
    officer = login(client, "hs_temp01", "TempWorker2026")
    admin = login(client, "city_admin", ADMIN_PW)
    assert client.post("/api/v1/users/hs_temp01/disable", headers=admin).json()["enabled"] is False
    assert client.get("/api/v1/towns", headers=officer).status_code == 401  # its session is gone
    r = client.post("/api/v1/auth/login", json={"username": "hs_temp01", "password": "TempWorker2026"})
    assert r.status_code == 403 and r.json()["message"] == "账号已停用"
    client.post("/api/v1/users/hs_temp01/enable", headers=admin)
    login(client, "hs_temp01", "TempWorker2026")


def test_only_admins_manage_users_and_the_password_policy_holds(env: Any) -> None:
    client, _, _ = env
    officer = login(client, "hs_officer", OFFICER_PW)
    assert client.get("/api/v1/users", headers=officer).status_code == 403
    assert client.post("/api/v1/users/city_admin/disable", headers=officer).status_code == 403
    admin = login(client, "city_admin", ADMIN_PW)
    new = {"username": "zhouzhuang_ops", "password": "short1", "scope": {"level": "town", "town": "周庄镇"}}
    weak = client.post("/api/v1/users", json=new, headers=admin)
    assert weak.status_code == 422 and "至少 10 位" in weak.json()["message"]
    letters_only = client.post("/api/v1/users", json={**new, "password": "zhouzhuangzhen"}, headers=admin)
    assert letters_only.json()["message"] == "密码须同时包含字母和数字"
    unknown_town = client.post("/api/v1/users", json={**new, "password": "Zhouzhuang2026"}, headers=admin)
    assert (
        unknown_town.status_code == 422 and unknown_town.json()["code"] == "unknown_scope"
    )  # 周庄镇 not in the fixture
    firm = {
        "username": "cx_safety",
        "password": "ChengXing2026",
        "scope": {"level": "enterprise", "enterprise_id": A.lower()},
    }
    created = client.post("/api/v1/users", json=firm, headers=admin)
    assert created.status_code == 201 and created.json()["scope_label"] == f"enterprise:{A}"
    assert "password_hash" not in created.json()
    assert client.post("/api/v1/users", json=firm, headers=admin).status_code == 409
    listed = client.get("/api/v1/users", headers=admin).json()
    assert "cx_safety" in {u["username"] for u in listed} and all("password_hash" not in u for u in listed)


def test_an_admin_reset_unlocks_and_ends_old_sessions(env: Any) -> None:
    client, container, _ = env
    container.auth.create_user("hs_night02", "NightShift2026", scope=HUASHI)
    old = login(client, "hs_night02", "NightShift2026")
    admin = login(client, "city_admin", ADMIN_PW)
    weak = client.post("/api/v1/users/hs_night02/password", json={"password": "1234567890"}, headers=admin)
    assert weak.status_code == 422
    assert (
        client.post(
            "/api/v1/users/hs_night02/password", json={"password": "NewNight20261"}, headers=admin
        ).status_code
        == 200
    )
    assert client.get("/api/v1/towns", headers=old).status_code == 401
    login(client, "hs_night02", "NewNight20261")


def test_logins_and_user_writes_are_audited_without_password_hashes(env: Any) -> None:
    client, _, _ = env
    client.post("/api/v1/auth/login", json={"username": "hs_officer", "password": "WrongWrong99"})
    login(client, "hs_officer", OFFICER_PW)
    admin = login(client, "city_admin", ADMIN_PW)
    client.post(
        "/api/v1/users",
        json={
            "username": "hs_audit1",
            "password": "AuditTrail2026",
            "scope": {"level": "town", "town": "华士镇"},
        },
        headers=admin,
    )
    trail = client.get("/api/v1/audit", params={"limit": 200}, headers=admin).json()
    logins = [e for e in trail if e["path"] == "/api/v1/auth/login"]
    assert {(e["user_id"], e["status"]) for e in logins} >= {("hs_officer", 401), ("hs_officer", 200)}
    assert ("hs_officer", "town:华士镇") in {(e["user_id"], e["scope"]) for e in logins if e["status"] == 200}
    assert all(e["body_sha256"] == "" and e["body_bytes"] > 0 for e in logins)
    created = [e for e in trail if e["path"] == "/api/v1/users" and e["method"] == "POST"]
    assert created and created[0]["user_id"] == "city_admin" and created[0]["body_sha256"] == ""
    refused = client.get("/api/v1/audit", headers={"Authorization": "Bearer nope"})
    assert refused.status_code == 401


def test_production_refuses_dev_mode() -> None:
    from core.errors import ConfigError

    with pytest.raises(ConfigError, match="SAFECLOUD_API__AUTH=token"):
        Settings(env="prod", api={"scope_headers": False})
    assert Settings(env="prod", api={"scope_headers": False, "auth": "token"}).api.auth == "token"
