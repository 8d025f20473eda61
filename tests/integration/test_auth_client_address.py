"""The client address behind ``api.trusted_proxies`` (ADR 0017, "Client address"): the login throttle,
the session record and the audit trail all use the forwarded client only when the socket peer is a
trusted proxy; a spoofed header from anyone else changes nothing. And the throttle lives in the
graph: a restarted server, or a second worker over the same graph, still counts the failures.

The fixture city's towns; one client address may fail 3 logins in 10 minutes here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container, build_auth
from api.settings import Settings
from core.auth import Role
from core.errors import RateLimitedError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from tests.support.auth_env import FAST_HASHER, Clock
from tests.support.fixture_city_app import fixture_city_app

ADMIN_PW = "ChengJiang2026"
OFFICER_PW = "ZhouZhuang2026b"
ZHOUZHUANG = DataScope(level=ScopeLevel.TOWN, town="华士镇")
TOKEN_API = {"auth": "token", "login_attempts_per_client": 3, "login_window_minutes": 10}
EDGE_PROXY = "10.66.0.2"  # the city data centre's reverse proxy
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


@contextmanager
def _app(data: Path, peer: str, proxies: list[str]) -> Iterator[tuple[TestClient, Container]]:
    api = {**TOKEN_API, "trusted_proxies": proxies}
    with fixture_city_app(
        data, chat=False, clock=Clock(), password_hasher=FAST_HASHER, peer=peer, api=api
    ) as (client, container):
        if container.auth.users.get_user("city_admin") is None:
            container.auth.create_user("city_admin", ADMIN_PW, scope=DataScope(), role=Role.ADMIN)
            container.auth.create_user("zz_officer", OFFICER_PW, scope=ZHOUZHUANG)
        yield client, container


def _login(client: TestClient, username: str, password: str, forwarded: str | None = None) -> Any:
    headers = {"User-Agent": FIREFOX}
    if forwarded is not None:
        headers["X-Forwarded-For"] = forwarded
    return client.post(
        "/api/v1/auth/login", json={"username": username, "password": password}, headers=headers
    )


def _admin(client: TestClient) -> dict[str, str]:
    r = _login(client, "city_admin", ADMIN_PW, "10.66.9.9")
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _seen(client: TestClient, admin: dict[str, str]) -> tuple[set[str], set[str]]:
    """(the client addresses of zz_officer's sessions, of the audit rows of its login attempts)"""
    sessions = client.get("/api/v1/users/zz_officer/sessions", headers=admin).json()
    trail = client.get("/api/v1/audit", params={"limit": 500}, headers=admin).json()
    logins = {
        e["client"] for e in trail if e["path"] == "/api/v1/auth/login" and e["user_id"] == "zz_officer"
    }
    return {s["client"] for s in sessions}, logins


def test_behind_the_trusted_proxy_the_forwarded_client_is_used_everywhere(tmp_path: Path) -> None:
    with _app(tmp_path, EDGE_PROXY, ["10.66.0.0/29"]) as (client, _):
        for n in range(3):  # rotating the forged left part does not escape the count of 58.217.3.40
            assert (
                _login(client, "zz_officer", "Wrong2026xyz", f"172.16.{n}.1, 58.217.3.40").status_code == 401
            )
        assert _login(client, "zz_officer", OFFICER_PW, "9.9.9.9, 58.217.3.40").status_code == 429
        ok = _login(client, "zz_officer", OFFICER_PW, "58.217.3.41")  # a colleague's address
        assert ok.status_code == 200, ok.text
        admin = _admin(client)
        assert _seen(client, admin) == ({"58.217.3.41"}, {"58.217.3.40", "58.217.3.41"})
        session = client.get("/api/v1/users/zz_officer/sessions", headers=admin).json()[0]
        assert session["user_agent"] == FIREFOX


def test_a_spoofed_header_from_an_untrusted_peer_changes_nothing(tmp_path: Path) -> None:
    # Proxies are configured, but this request comes straight from an officer's PC (not in the list).
    with _app(tmp_path, "58.217.7.7", ["10.66.0.0/29"]) as (client, _):
        codes = [_login(client, "zz_officer", "Wrong2026xyz", f"10.66.0.{n}, 203.0.113.{n}").status_code
                 for n in range(4)]  # fmt: skip
        assert codes == [401, 401, 401, 429]  # every forged address counted against the real peer
        assert _login(client, "zz_officer", OFFICER_PW, "203.0.113.50").status_code == 429
    with _app(tmp_path, "58.217.7.8", ["10.66.0.0/29"]) as (client, _):  # restarted; another PC
        assert _login(client, "zz_officer", OFFICER_PW, "203.0.113.50").status_code == 200
        assert _seen(client, _admin(client)) == ({"58.217.7.8"}, {"58.217.7.7", "58.217.7.8"})


def test_the_throttle_survives_a_restart(tmp_path: Path) -> None:
    with _app(tmp_path, "58.217.8.8", []) as (client, _):
        for _ in range(3):
            assert _login(client, "zz_officer", "Wrong2026xyz").status_code == 401
    with _app(tmp_path, "58.217.8.8", []) as (client, _):  # a new process over the same graph
        refused = _login(client, "zz_officer", OFFICER_PW)
        assert refused.status_code == 429 and refused.json()["code"] == "too_many_attempts"


def test_two_workers_over_one_graph_share_the_count(falkor_store: GraphStore) -> None:
    settings = Settings(env="test", api=TOKEN_API)
    scopes: Any = type("NoScopes", (), {"check": staticmethod(lambda scope: None)})()
    clock = Clock()
    workers = [build_auth(settings, falkor_store, scopes, clock, FAST_HASHER) for _ in range(2)]
    workers[0].create_user("lg_shift02", "LinGang2026ab", scope=DataScope())
    for n in range(3):
        clock.now += 1
        try:
            workers[n % 2].login("lg_shift02", "Typo2026abcd", client="58.217.9.9")
        except Exception as refused:  # noqa: BLE001 - a wrong password, counted
            assert not isinstance(refused, RateLimitedError)
    clock.now += 1
    for worker in workers:
        try:
            worker.login("lg_shift02", "LinGang2026ab", client="58.217.9.9")
        except RateLimitedError:
            continue
        raise AssertionError("a worker did not see the failures counted by the other")
