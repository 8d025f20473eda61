"""Probe round 6: user administration and login in token mode (weak passwords, look-alike duplicate
names, self-disable, town administrators, audit of every write). The runner creates ``city_admin``
and ``hs_officer`` before these run."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import Outcome, Probe, _audit_rows, _clean_refusal, login, unaudited
from evals.probes_round6_http import _has_control

ADMIN_PW = "ChengJiang2026"
OFFICER_PW = "HuaShi1234town"


def _login(client: TestClient, user: str, pw: str) -> dict[str, str]:
    return login(client, (user, pw))


def _usernames(c: Container) -> list[str]:
    return [u.username for u in c.auth.list_users()]


def _user_probes() -> list[Probe]:
    def refused_new_user(
        body: dict[str, Any], statuses: tuple[int, ...] = (422,)
    ) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, c: Container) -> Outcome:
            before = _usernames(c)
            r = client.post("/api/v1/users", json=body, headers=_login(client, "city_admin", ADMIN_PW))
            outcome = _clean_refusal(r, statuses)
            same = _usernames(c) == before
            return Outcome(outcome.passed and same, f"{outcome.observed}; users same={same}")

        return run

    def look_alikes(client: TestClient, c: Container) -> Outcome:
        admin = _login(client, "city_admin", ADMIN_PW)
        codes = []
        for name in ("HS_Officer", " hs_officer ", "ｈｓ＿ｏｆｆｉｃｅｒ", "hs_officer\u200b"):
            r = client.post(
                "/api/v1/users", json={"username": name, "password": "Another2026pass"}, headers=admin
            )
            codes.append(r.status_code)
        officers = [u for u in _usernames(c) if "officer" in u.lower() or "ｏｆｆ" in u]
        return Outcome(
            all(s in (409, 422) for s in codes) and len(officers) == 1, f"{codes} accounts {officers}"
        )

    def disable_self(client: TestClient, c: Container) -> Outcome:
        r = client.post("/api/v1/users/city_admin/disable", headers=_login(client, "city_admin", ADMIN_PW))
        still = next(u for u in c.auth.list_users() if u.username == "city_admin")
        outcome = _clean_refusal(r, (403, 409, 422))
        return Outcome(outcome.passed and still.enabled, f"{outcome.observed}; enabled={still.enabled}")

    def officer_creates(client: TestClient, c: Container) -> Outcome:
        before = _usernames(c)
        r = client.post("/api/v1/users", json={"username": "city_boss", "password": "CityBoss2026x", "role": "admin"},
                        headers=_login(client, "hs_officer", OFFICER_PW))  # fmt: skip
        outcome = _clean_refusal(r, (403,))
        return Outcome(outcome.passed and _usernames(c) == before, outcome.observed)

    def writes_audited(client: TestClient, c: Container) -> Outcome:
        admin = _login(client, "city_admin", ADMIN_PW)
        secret = "Audited2026pass!"  # noqa: S105 - a probe account's password, searched for in the trail
        calls = [
            (
                "create",
                lambda: client.post(
                    "/api/v1/users", json={"username": "audit_probe", "password": secret}, headers=admin
                ),
            ),
            (
                "patch",
                lambda: client.patch(
                    "/api/v1/users/audit_probe", json={"display_name": "审计"}, headers=admin
                ),
            ),
            ("disable", lambda: client.post("/api/v1/users/audit_probe/disable", headers=admin)),
            ("enable", lambda: client.post("/api/v1/users/audit_probe/enable", headers=admin)),
            (
                "reset",
                lambda: client.post(
                    "/api/v1/users/audit_probe/password", json={"password": secret + "x"}, headers=admin
                ),
            ),
            ("end sessions", lambda: client.delete("/api/v1/users/audit_probe/sessions", headers=admin)),
        ]
        missed = unaudited(c, calls)
        rows = c.graph.read("MATCH (a:AuditRecord) RETURN properties(a) AS p")
        leaked = any(secret in json.dumps(row["p"], ensure_ascii=False) for row in rows)
        return Outcome(not missed and not leaked, f"not audited {missed}; password in trail={leaked}")

    def weak_reset(client: TestClient, c: Container) -> Outcome:
        r = client.post("/api/v1/users/hs_officer/password", json={"password": "111111"},
                        headers=_login(client, "city_admin", ADMIN_PW))  # fmt: skip
        outcome = _clean_refusal(r, (422,))
        still = client.post(
            "/api/v1/auth/login", json={"username": "hs_officer", "password": OFFICER_PW}
        ).status_code
        return Outcome(outcome.passed and still == 200, f"{outcome.observed}; old password login {still}")

    def wrong_old_password(client: TestClient, c: Container) -> Outcome:
        headers = _login(client, "hs_officer", OFFICER_PW)
        before = _audit_rows(c)
        r = client.post(
            "/api/v1/auth/password",
            json={"old_password": "not-mine-2026", "new_password": "Brand2026newpw"},
            headers=headers,
        )
        outcome = _clean_refusal(r, (400, 401, 403, 422))
        audited = _audit_rows(c) == before + 1
        return Outcome(outcome.passed and audited, f"{outcome.observed}; audited={audited}")

    def login_with(username: str, password: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            r = client.post("/api/v1/auth/login", json={"username": username, "password": password})
            return _clean_refusal(r, (401, 422))

        return run

    def patch_unknown_town(client: TestClient, c: Container) -> Outcome:
        r = client.patch("/api/v1/users/hs_officer", json={"scope": {"level": "town", "town": "火星镇"}},
                         headers=_login(client, "city_admin", ADMIN_PW))  # fmt: skip
        town = next(u for u in c.auth.list_users() if u.username == "hs_officer").scope.town
        outcome = _clean_refusal(r, (422,))
        return Outcome(outcome.passed and town == "华士镇", f"{outcome.observed}; town {town}")

    def promote_town_officer(client: TestClient, c: Container) -> Outcome:
        r = client.patch(
            "/api/v1/users/hs_officer", json={"role": "admin"}, headers=_login(client, "city_admin", ADMIN_PW)
        )
        role = next(u for u in c.auth.list_users() if u.username == "hs_officer").role
        outcome = _clean_refusal(r, (422,))
        return Outcome(outcome.passed and role != "admin", f"{outcome.observed}; role {role}")

    def display_control(client: TestClient, c: Container) -> Outcome:
        admin = _login(client, "city_admin", ADMIN_PW)
        r = client.patch(
            "/api/v1/users/hs_officer", json={"display_name": "华士\x1b[31m值班\x07"}, headers=admin
        )
        if r.status_code == 422:
            return _clean_refusal(r, (422,))
        name = next(u for u in c.auth.list_users() if u.username == "hs_officer").display_name
        return Outcome(r.status_code == 200 and not _has_control(name), f"{r.status_code} stored {name!r}")

    return [
        Probe("A01", "new user with password 123456", "422 Chinese, not created", refused_new_user({"username": "weak1", "password": "123456"})),
        Probe("A02", "new user whose password is the user name", "422 Chinese, not created",
              refused_new_user({"username": "zhangsan2026", "password": "zhangsan2026"})),
        Probe("A03", "duplicate user name", "409 Chinese", refused_new_user({"username": "hs_officer", "password": "Another2026pass"}, (409,))),
        Probe("A04", "look-alike names (case, spaces, full-width, zero-width)", "409/422 each, one account", look_alikes),
        Probe("A05", "administrator disables self", "4xx Chinese, still enabled", disable_self),
        Probe("A06", "administrator with a town scope (town admin)", "422 Chinese, not created",
              refused_new_user({"username": "hs_admin", "password": "HsAdmin2026pw", "role": "admin", "scope": {"level": "town", "town": "华士镇"}})),
        Probe("A07", "town officer creates a city administrator", "403 Chinese, not created", officer_creates),
        Probe("A08", "user name with ESC / slash / 65 characters", "422 Chinese each",
              refused_new_user({"username": "bad\x1bname", "password": "Another2026pass"})),
        Probe("A09", "user name with a slash", "422 Chinese", refused_new_user({"username": "a/b", "password": "Another2026pass"})),
        Probe("A10", "every user write (create, patch, disable, enable, reset, end sessions)", "one audit row each, no password", writes_audited),
        Probe("A11", "reset another user's password to 111111", "422 Chinese, old password still works", weak_reset),
        Probe("A12", "change own password with a wrong old one", "4xx Chinese, audited", wrong_old_password),
        Probe("A13", "login with a 10,000-character password", "401/422 Chinese", login_with("hs_officer", "x" * 10_000)),
        Probe("A14", "login with a NUL in the user name", "401/422 Chinese", login_with("hs_officer\x00", OFFICER_PW)),
        Probe("A15", "move a user to an unknown town", "422 Chinese, scope unchanged", patch_unknown_town),
        Probe("A16", "promote a town officer to administrator (town scope kept)", "422 Chinese, role unchanged", promote_town_officer),
        Probe("A17", "display name with ESC/BEL", "422 Chinese or stored without them", display_control),
    ]  # fmt: skip
