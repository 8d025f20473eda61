"""Defects found by probing token mode as an attacker and as ordinary users would (ADR 0017, "Probe").

The fixture city has 临港经济开发区 (澄星化工 A, 小厂机械 B) and 华士镇 (华西纺织 C); the shared ``env``
locks an account after 3 wrong passwords.
"""

from __future__ import annotations

from typing import Any

from core.scope import DataScope, ScopeLevel
from tests.integration.test_auth_api import ADMIN_PW, env, login  # noqa: F401 - shared fixture
from tests.support.fixture_city import C

HUASHI = {"level": "town", "town": "华士镇"}


def test_a_blank_enterprise_scope_is_refused_and_does_not_break_the_account(env: Any) -> None:  # noqa: F811
    # A blank credit code passed the checks once upper-cased and stripped: the account was stored with
    # an enterprise scope naming nothing, and every later read of it (login, the user list) was a 500.
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    made = client.post(
        "/api/v1/users",
        json={"username": "zt_qian", "password": "ZhouTie2026ab", "scope": HUASHI},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    for scope in ({"level": "enterprise", "enterprise_id": "   "}, {"level": "town", "town": "  "}):
        edited = client.patch("/api/v1/users/zt_qian", json={"scope": scope}, headers=admin)
        assert edited.status_code == 422, edited.text
        created = client.post(
            "/api/v1/users",
            json={"username": "zt_sun01", "password": "ZhouTie2026cd", "scope": scope},
            headers=admin,
        )
        assert created.status_code == 422, created.text
    listed = client.get("/api/v1/users", headers=admin)
    assert listed.status_code == 200
    qian = next(u for u in listed.json() if u["username"] == "zt_qian")
    assert qian["scope_label"] == "town:华士镇"
    assert "zt_sun01" not in {u["username"] for u in listed.json()}


def test_usernames_that_differ_only_in_case_or_width_are_one_account(env: Any) -> None:  # noqa: F811
    # “Admin” next to “admin” let an administrator create a look-alike account, and the audit trail
    # could not tell them apart; a login typed with caps lock or a full-width IME must find the account.
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    made = client.post(
        "/api/v1/users",
        json={"username": "Cj_Zhou", "password": "ChengJiang2026x", "scope": HUASHI},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    assert made.json()["username"] == "cj_zhou"
    twin = client.post(
        "/api/v1/users",
        json={"username": "CJ_ZHOU", "password": "ChengJiang2026y", "scope": {"level": "city"}},
        headers=admin,
    )
    assert twin.status_code == 409 and twin.json()["code"] == "user_exists"
    # the first login must change the administrator's password; the variants all reach the same account
    for typed in ("CJ_ZHOU", " cj_Zhou ", "ｃｊ＿ｚｈｏｕ"):
        r = client.post("/api/v1/auth/login", json={"username": typed, "password": "ChengJiang2026x"})
        assert r.status_code == 200, (typed, r.text)
        assert r.json()["user"]["username"] == "cj_zhou"
    # an administrator cannot demote themself by writing their name in capitals
    self_demote = client.patch("/api/v1/users/CITY_ADMIN", json={"role": "officer"}, headers=admin)
    assert self_demote.status_code == 422 and self_demote.json()["code"] == "cannot_demote_self"


def test_wrong_passwords_under_case_variants_count_towards_one_lock(env: Any) -> None:  # noqa: F811
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    body = {"username": "hs_wang07", "password": "HuaShiWang2026", "scope": HUASHI}
    assert client.post("/api/v1/users", json=body, headers=admin).status_code == 201
    for typed in ("HS_WANG07", "Hs_Wang07", "ｈｓ＿ｗａｎｇ０７"):
        client.post("/api/v1/auth/login", json={"username": typed, "password": "NotHisPassword1"})
    locked = client.post("/api/v1/auth/login", json={"username": "hs_wang07", "password": "HuaShiWang2026"})
    assert locked.status_code == 401 and locked.json()["code"] == "account_locked"


def test_the_audit_trail_does_not_tell_a_passwords_length(env: Any) -> None:  # noqa: F811
    # City officers read the audit trail: the exact size of a login body is the password's length.
    client, _, _ = env
    for password in ("Short12345", "AMuchLongerPassword2026WithManyMoreCharacters"):
        client.post("/api/v1/auth/login", json={"username": "hs_nobody1", "password": password})
    admin = login(client, "city_admin", ADMIN_PW)
    trail = client.get("/api/v1/audit", params={"limit": 200}, headers=admin).json()
    sizes = {
        e["body_bytes"] for e in trail if e["path"] == "/api/v1/auth/login" and e["user_id"] == "hs_nobody1"
    }
    assert len(sizes) == 1 and sizes.pop() > 0


def test_the_enterprise_scope_still_reaches_its_own_firm_after_the_checks(env: Any) -> None:  # noqa: F811
    # The stricter scope check must not refuse a real credit code typed in lower case with spaces.
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    body = {
        "username": "hx_anquan",
        "password": "HuaXiFirm2026",
        "scope": {"level": "enterprise", "enterprise_id": f" {C.lower()} "},
    }
    made = client.post("/api/v1/users", json=body, headers=admin)
    assert made.status_code == 201, made.text
    assert made.json()["scope_label"] == f"enterprise:{C}"


def test_an_account_stored_with_an_empty_scope_is_shown_disabled_and_can_be_repaired(env: Any) -> None:  # noqa: F811
    # Accounts stored by the defect above made the user list, every login and even the server's start
    # fail; such an account must read as disabled (never wider) until an administrator sets its scope.
    client, container, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    body = {"username": "xq_broken", "password": "XinQiao2026ab", "scope": HUASHI}
    assert client.post("/api/v1/users", json=body, headers=admin).status_code == 201
    user = container.auth.users.get_user("xq_broken")
    empty = DataScope.model_construct(level=ScopeLevel.ENTERPRISE, town=None, enterprise_id="")
    container.auth.users.update_user(user.model_copy(update={"scope": empty}))  # what the defect stored
    listed = client.get("/api/v1/users", headers=admin)
    assert listed.status_code == 200, listed.text
    broken = next(u for u in listed.json() if u["username"] == "xq_broken")
    assert broken["enabled"] is False
    refused = client.post("/api/v1/auth/login", json={"username": "xq_broken", "password": "XinQiao2026ab"})
    assert refused.status_code == 403 and refused.json()["code"] == "account_disabled"
    renamed = client.patch("/api/v1/users/xq_broken", json={"display_name": "新桥值班"}, headers=admin)
    assert renamed.status_code == 422  # only a real scope brings the account back
    repaired = client.patch("/api/v1/users/xq_broken", json={"scope": HUASHI}, headers=admin)
    assert repaired.status_code == 200 and repaired.json()["enabled"] is True
    again = client.post("/api/v1/auth/login", json={"username": "xq_broken", "password": "XinQiao2026ab"})
    assert again.status_code == 200, again.text


def test_guessing_the_old_password_through_a_session_counts_towards_the_lock(env: Any) -> None:  # noqa: F811
    # Someone at an unlocked console could try passwords at 修改密码 without end: each wrong old
    # password now counts like a wrong login, and a locked account cannot change its password either.
    client, _, clock = env
    admin = login(client, "city_admin", ADMIN_PW)
    body = {"username": "sx_feng", "password": "ShenXiang2026", "scope": HUASHI}
    assert client.post("/api/v1/users", json=body, headers=admin).status_code == 201
    session = login(client, "sx_feng", "ShenXiang2026")
    for guess in ("Guess2026aa", "Guess2026bb", "Guess2026cc"):
        wrong = {"old_password": guess, "new_password": "FengNew2026x"}
        r = client.post("/api/v1/auth/password", json=wrong, headers=session)
        assert r.status_code in (403, 422), r.text
    right = {"old_password": "ShenXiang2026", "new_password": "FengNew2026x"}
    refused = client.post("/api/v1/auth/password", json=right, headers=session)
    assert refused.status_code == 403 and refused.json()["code"] == "account_locked"
    assert "分钟后再试" in refused.json()["message"]
    locked = client.post("/api/v1/auth/login", json={"username": "sx_feng", "password": "ShenXiang2026"})
    assert locked.json()["code"] == "account_locked"
    clock.now += 11 * 60_000  # the lock (10 minutes here) runs out
    assert client.post("/api/v1/auth/password", json=right, headers=session).status_code == 204


def test_a_demoted_administrator_loses_the_admin_routes_in_the_open_session(env: Any) -> None:  # noqa: F811
    client, _, _ = env
    admin = login(client, "city_admin", ADMIN_PW)
    body = {"username": "sz_deputy", "password": "ShiZhuang2026", "scope": {"level": "city"}, "role": "admin"}
    assert client.post("/api/v1/users", json=body, headers=admin).status_code == 201
    first = login(client, "sz_deputy", "ShiZhuang2026")
    change = {"old_password": "ShiZhuang2026", "new_password": "ShiZhuang2027"}
    assert client.post("/api/v1/auth/password", json=change, headers=first).status_code == 204
    deputy = login(client, "sz_deputy", "ShiZhuang2027")
    assert client.get("/api/v1/users", headers=deputy).status_code == 200
    assert client.patch("/api/v1/users/SZ_Deputy", json={"role": "officer"}, headers=admin).status_code == 200
    refused = client.get("/api/v1/users", headers=deputy)
    assert refused.status_code == 403 and refused.json()["code"] == "admin_required"
    assert client.get("/api/v1/auth/me", headers=deputy).json()["admin"] is False
