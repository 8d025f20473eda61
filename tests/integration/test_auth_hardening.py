"""Open items of the login probe (ADR 0017, "Probe" → "Hardening"): per-address login throttling, no
account enumeration through 账号已锁定, the audit trail and model paths for administrators only.

The fixture city has 临港经济开发区 and 华士镇. Here an account locks after 3 wrong passwords for 10 minutes,
and one client address may fail 5 logins in 10 minutes. The server sits behind one trusted reverse
proxy (``PROXY``, in ``api.trusted_proxies``), so each test speaks from its own address
(``X-Forwarded-For``) unless it tests the proxy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.bootstrap import Container
from core.auth import Role
from core.scope import DataScope, ScopeLevel
from tests.support.auth_env import FAST_HASHER, Clock
from tests.support.fixture_city_app import fixture_city_app

MINUTE = 60_000
ADMIN_PW = "ChengJiang2026"
HUASHI = DataScope(level=ScopeLevel.TOWN, town="华士镇")
PROXY = "192.168.77.2"  # the reverse proxy every request of these tests comes through


@contextmanager
def _env(data: Path, *, trusted_proxies: list[str]) -> Iterator[tuple[TestClient, Container, Clock]]:
    clock = Clock()
    token_api = {
        "auth": "token",
        "max_failed_logins": 3,
        "lockout_minutes": 10,
        "login_attempts_per_client": 5,
        "login_window_minutes": 10,
        "trusted_proxies": trusted_proxies,
    }
    with fixture_city_app(
        data, chat=False, clock=clock, password_hasher=FAST_HASHER, peer=PROXY, api=token_api
    ) as (client, container):
        container.auth.create_user("city_admin", ADMIN_PW, scope=DataScope(), role=Role.ADMIN)
        yield client, container, clock


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container, Clock]]:
    with _env(tmp_path_factory.mktemp("auth-hard"), trusted_proxies=["192.168.77.0/28"]) as built:
        yield built


def attempt(client: TestClient, username: str, password: str, address: str) -> Any:
    return client.post(
        "/api/v1/auth/login",
        json={"username": username, "password": password},
        headers={"X-Forwarded-For": address},
    )


def login(client: TestClient, username: str, password: str, address: str = "10.9.0.1") -> dict[str, str]:
    r = attempt(client, username, password, address)
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


# --- 1. per-address throttling -------------------------------------------------------------------


def test_one_address_spraying_many_accounts_is_throttled_and_told_when_to_retry(env: Any) -> None:
    # One wrong password on each of many accounts never locks any of them: only the address can be limited.
    client, container, clock = env
    container.auth.create_user("zz_duty03", "ZhouZhuang2026a", scope=HUASHI)
    for name in ("zz_duty03", "city_admin", "xq_nobody", "hs_nobody", "lg_nobody"):
        r = attempt(client, name, "Spring2026spray", "203.0.113.40")
        assert r.status_code == 401 and r.json()["code"] == "bad_credentials", r.text
    # Refused while throttled even with the right password: a success must not be told apart.
    refused = attempt(client, "zz_duty03", "ZhouZhuang2026a", "203.0.113.40")
    assert refused.status_code == 429, refused.text
    assert refused.json()["code"] == "too_many_attempts"
    assert refused.json()["message"] == "登录尝试过于频繁，请10分钟后再试"
    assert refused.headers["Retry-After"] == "600"
    # Another address is not affected, and the sprayed account is not locked.
    login(client, "zz_duty03", "ZhouZhuang2026a", "203.0.113.41")
    clock.now += 4 * MINUTE
    later = attempt(client, "zz_duty03", "ZhouZhuang2026a", "203.0.113.40")
    assert later.status_code == 429 and "请6分钟后再试" in later.json()["message"]
    clock.now += 6 * MINUTE  # the window slid past the five failures
    assert attempt(client, "zz_duty03", "ZhouZhuang2026a", "203.0.113.40").status_code == 200


def test_successful_logins_do_not_count_towards_the_limit(env: Any) -> None:
    # A duty room shares one address: officers logging in all day must not throttle each other.
    client, container, _ = env
    container.auth.create_user("cj_shift01", "ChangJing2026a", scope=HUASHI)
    for _ in range(8):
        login(client, "cj_shift01", "ChangJing2026a", "198.51.100.7")
    for name in ("cj_shift01", "cj_shift01", "cj_shift99", "cj_shift98"):  # 4 < 5, and no account lock
        assert attempt(client, name, "Typo2026xx", "198.51.100.7").status_code == 401
    assert attempt(client, "cj_shift01", "ChangJing2026a", "198.51.100.7").status_code == 200


def test_only_the_address_the_trusted_proxy_saw_counts(env: Any) -> None:
    # The client writes the left part of X-Forwarded-For itself; the proxy appends the address it saw.
    client, _, _ = env
    for n in range(5):
        r = attempt(client, "hs_guess01", "Guess2026abc", f"10.{n}.0.1, 192.0.2.77")
        assert r.status_code == 401
    assert attempt(client, "hs_guess01", "Guess2026abc", "10.99.0.1, 192.0.2.77").status_code == 429


def test_forwarded_for_is_ignored_when_no_proxy_is_trusted(tmp_path: Path) -> None:
    with _env(tmp_path, trusted_proxies=[]) as (client, _, _):
        codes = [attempt(client, "sx_guess02", "Guess2026abc", f"172.16.0.{n}").status_code for n in range(6)]
    assert codes == [401] * 5 + [429]


# --- 2. no account enumeration through the lock --------------------------------------------------


def test_a_locked_account_says_so_only_to_the_right_password(env: Any) -> None:
    client, container, clock = env
    container.auth.create_user("hs_lock01", "HuaShiLock2026", scope=HUASHI)
    for n in range(3):  # each from its own address: the account's lock is tested, not the address limit
        attempt(client, "hs_lock01", "WrongGuess2026", f"10.20.0.{n}")
    wrong = attempt(client, "hs_lock01", "WrongAgain2026", "10.20.1.1")
    unknown = attempt(client, "hs_nosuch9", "WrongAgain2026", "10.20.1.2")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()  # a locked and a missing account look alike
    assert wrong.json()["message"] == "用户名或密码错误"
    right = attempt(client, "hs_lock01", "HuaShiLock2026", "10.20.1.3")
    assert right.status_code == 401 and right.json()["message"] == "账号已锁定，请10分钟后再试"
    assert "token" not in right.json()
    clock.now += 10 * MINUTE + 1
    ok = attempt(client, "hs_lock01", "HuaShiLock2026", "10.20.1.4")
    assert ok.status_code == 200 and "4 次密码错误" in ok.json()["warning"]


def test_guessing_during_a_lock_neither_lifts_it_nor_finds_the_password(env: Any) -> None:
    # With the lock now checking passwords, the answer to the right one differs: guesses during the
    # lock must be few, or an attacker could keep guessing there with a yes/no answer.
    client, container, clock = env
    container.auth.create_user("xq_lock02", "XinQiao2026lock", scope=HUASHI)
    for n in range(3):
        attempt(client, "xq_lock02", "WrongGuess2026", f"10.30.0.{n}")
    clock.now += 9 * MINUTE  # wrong guesses during the lock do not extend it…
    for n in range(3):
        assert (
            attempt(client, "xq_lock02", f"Guess{n}2026x", f"10.30.1.{n}").json()["code"] == "bad_credentials"
        )
    # …but after as many again the password is no longer checked until the lock ends
    late = attempt(client, "xq_lock02", "XinQiao2026lock", "10.30.2.1")
    assert late.status_code == 401 and late.json()["code"] == "bad_credentials"
    clock.now += MINUTE + 1
    assert attempt(client, "xq_lock02", "XinQiao2026lock", "10.30.2.2").status_code == 200


# --- 3./4. audit trail and model paths for administrators ----------------------------------------


def test_the_audit_trail_is_for_administrators_only(env: Any) -> None:
    client, container, _ = env
    container.auth.create_user("city_duty01", "CityDuty2026a", scope=DataScope())  # city-wide officer
    container.auth.create_user("hs_duty04", "HuaShiDuty2026", scope=HUASHI)
    for name, pw in (("city_duty01", "CityDuty2026a"), ("hs_duty04", "HuaShiDuty2026")):
        r = client.get("/api/v1/audit", headers=login(client, name, pw))
        assert r.status_code == 403 and r.json()["code"] == "admin_required", name
        assert r.json()["message"] == "仅管理员可以查看审计日志"
    admin = login(client, "city_admin", ADMIN_PW)
    assert client.get("/api/v1/audit", headers=admin).status_code == 200


def test_only_administrators_see_where_the_models_are_stored(env: Any) -> None:
    client, container, _ = env
    container.auth.create_user("city_duty02", "CityDuty2026b", scope=DataScope())
    officer = client.get("/api/v1/models", headers=login(client, "city_duty02", "CityDuty2026b"))
    assert officer.status_code == 200 and officer.json()
    assert all("path" not in m and m["name"] and m["status"] for m in officer.json())
    assert str(container.settings.models_dir) not in officer.text
    admin = client.get("/api/v1/models", headers=login(client, "city_admin", ADMIN_PW))
    assert all("path" in m for m in admin.json())


# --- 5. an administrator sees and ends a user's sessions -----------------------------------------


def test_an_administrator_lists_and_ends_a_users_sessions(env: Any) -> None:
    # A lost phone or a shared duty PC: the administrator ends the sessions without resetting the password.
    client, container, clock = env
    container.auth.create_user("yq_duty05", "YueCheng2026ab", scope=HUASHI)
    day = login(client, "yq_duty05", "YueCheng2026ab")
    clock.now += MINUTE
    night = login(client, "yq_duty05", "YueCheng2026ab")
    admin = login(client, "city_admin", ADMIN_PW)
    officer_refused = client.get("/api/v1/users/yq_duty05/sessions", headers=day)
    assert officer_refused.status_code == 403 and officer_refused.json()["code"] == "admin_required"
    listed = client.get("/api/v1/users/YQ_DUTY05/sessions", headers=admin)
    assert listed.status_code == 200, listed.text
    sessions = listed.json()
    assert len(sessions) == 2 and sessions[0]["created_at"] < sessions[1]["created_at"]
    # Where each came from, and nothing that works as a token.
    assert all(set(s) == {"created_at", "expires_at", "client", "user_agent"} for s in sessions)
    assert {s["client"] for s in sessions} == {"10.9.0.1"}
    assert client.get("/api/v1/users/nobody_x1/sessions", headers=admin).status_code == 404
    ended = client.delete("/api/v1/users/yq_duty05/sessions", headers=admin)
    assert ended.status_code == 200 and ended.json() == {"ended": 2}
    assert client.get("/api/v1/towns", headers=day).status_code == 401
    assert client.get("/api/v1/towns", headers=night).status_code == 401
    assert client.get("/api/v1/users/yq_duty05/sessions", headers=admin).json() == []
    login(client, "yq_duty05", "YueCheng2026ab")  # the password still works
    trail = client.get("/api/v1/audit", params={"limit": 500}, headers=admin).json()
    assert any(
        e["method"] == "DELETE"
        and e["path"] == "/api/v1/users/yq_duty05/sessions"
        and e["user_id"] == "city_admin"
        for e in trail
    )
