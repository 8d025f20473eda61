"""Probe round 7: token mode with real accounts — one user's conversations and search history seen,
continued or cleared by another user of the same town (by id), and sessions whose account changed
while they were open (disabled, role downgraded, scope narrowed, password reset, logged out). The
runner creates the accounts below before these run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import Outcome, Probe, _clean_refusal
from evals.probes_round5_kit import login as _login
from tests.support.fixture_city import A, C

ADMIN = ("city_admin", "ChengJiang2026")
HS_ONE = ("hs_one", "HuaShi1234one")  # two officers of the same town: scope alone does not part them
HS_TWO = ("hs_two", "HuaShi1234two")
ROVER = ("rover", "Roaming2026city")  # city-scope officer, narrowed to a town while logged in
DEPUTY = ("deputy", "Second2026admin")  # administrator, downgraded while logged in
LEAVER = ("leaver", "Departing2026")  # disabled while logged in
RESET = ("resetme", "Forgot2026pw")  # password reset by the administrator while logged in


def _chat(client: TestClient, headers: dict[str, str], question: str, cid: str | None = None) -> Any:
    body = {"question": question, "stream": False, "use_llm": False, "conversation_id": cid}
    return client.post("/api/v1/chat", json=body, headers=headers)


def _turns(client: TestClient, headers: dict[str, str], cid: str) -> int:
    return len(client.get(f"/api/v1/chat/conversations/{cid}", headers=headers).json().get("items", []))


def _cross_user_probes() -> list[Probe]:
    def read_others(client: TestClient, _: Container) -> Outcome:
        one, two = _login(client, HS_ONE), _login(client, HS_TWO)
        cid = _chat(client, one, "华士镇有多少家企业").json().get("conversation_id")
        got = client.get(f"/api/v1/chat/conversations/{cid}", headers=two)
        listed = any(x.get("id") == cid for x in client.get("/api/v1/chat/conversations", headers=two).json())
        outcome = _clean_refusal(got, (403, 404))
        return Outcome(outcome.passed and not listed, f"{outcome.observed}; in B's list={listed}")

    def continue_others(client: TestClient, _: Container) -> Outcome:
        one, two = _login(client, HS_ONE), _login(client, HS_TWO)
        cid = _chat(client, one, "华士镇有多少家企业").json().get("conversation_id")
        r = _chat(client, two, "其中有哪些", cid)
        turns = _turns(client, one, cid)
        new_id = r.json().get("conversation_id") if r.status_code == 200 else None
        ok = turns == 1 and (r.status_code in (403, 404) or (r.status_code == 200 and new_id != cid))
        return Outcome(ok, f"{r.status_code} {str(r.json().get('message', new_id))[:40]}; A's turns {turns}")

    def delete_others(client: TestClient, _: Container) -> Outcome:
        one, two = _login(client, HS_ONE), _login(client, HS_TWO)
        cid = _chat(client, one, "华士镇有多少家企业").json().get("conversation_id")
        r = client.delete(f"/api/v1/chat/conversations/{cid}", headers=two)
        still = client.get(f"/api/v1/chat/conversations/{cid}", headers=one).status_code
        outcome = _clean_refusal(r, (403, 404))
        return Outcome(outcome.passed and still == 200, f"{outcome.observed}; A still reads {still}")

    def others_history(client: TestClient, _: Container) -> Outcome:
        one, two = _login(client, HS_ONE), _login(client, HS_TWO)
        client.get("/api/v1/events/search", params={"q": "华士镇上周的火焰告警"}, headers=one)
        theirs = client.get("/api/v1/events/search/history", headers=two).json()
        cleared = client.delete("/api/v1/events/search/history", headers=two)
        mine = client.get("/api/v1/events/search/history", headers=one).json()
        leaked = any("上周的火焰" in str(x) for x in theirs)
        kept = any("上周的火焰" in str(x) for x in mine)
        return Outcome(
            not leaked and kept, f"B sees A's={leaked}; B clear {cleared.status_code}; A keeps={kept}"
        )

    def odd_conversation_id(cid: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            return _clean_refusal(
                _chat(client, _login(client, HS_ONE), "华士镇有多少家企业", cid), (404, 422)
            )

        return run

    return [
        Probe("V01", "user B reads user A's conversation by id (same town)", "404 Chinese, not in B's list", read_others),
        Probe("V02", "user B continues user A's conversation by id", "404 Chinese or a new conversation; A's unchanged", continue_others),
        Probe("V03", "user B deletes user A's conversation by id", "404 Chinese, A still reads it", delete_others),
        Probe("V04", "user B lists and clears search history", "A's sentences not shown, A's kept", others_history),
        Probe("V05", "chat with a conversation id of 5,000 characters", "404/422 Chinese", odd_conversation_id("c" * 5000)),
        Probe("V06", "chat with a conversation id '../../x' ", "404/422 Chinese", odd_conversation_id("../../x")),
    ]  # fmt: skip


def _session_probes() -> list[Probe]:
    def disabled(client: TestClient, _: Container) -> Outcome:
        own = _login(client, LEAVER)
        client.post(f"/api/v1/users/{LEAVER[0]}/disable", headers=_login(client, ADMIN))
        return _clean_refusal(client.get("/api/v1/enterprises", headers=own), (401, 403))

    def downgraded(client: TestClient, _: Container) -> Outcome:
        own = _login(client, DEPUTY)
        client.patch(f"/api/v1/users/{DEPUTY[0]}", json={"role": "officer"}, headers=_login(client, ADMIN))
        r = client.post(
            "/api/v1/users", json={"username": "sneaky", "password": "Sneaky2026pass"}, headers=own
        )
        names = [u["username"] for u in client.get("/api/v1/users", headers=_login(client, ADMIN)).json()]
        outcome = _clean_refusal(r, (401, 403))
        return Outcome(
            outcome.passed and "sneaky" not in names, f"{outcome.observed}; created={'sneaky' in names}"
        )

    def narrowed(client: TestClient, _: Container) -> Outcome:
        own = _login(client, ROVER)
        before = client.get(f"/api/v1/enterprises/{A}", headers=own).status_code
        client.patch(f"/api/v1/users/{ROVER[0]}", json={"scope": {"level": "town", "town": "华士镇"}},
                     headers=_login(client, ADMIN))  # fmt: skip
        after = client.get(f"/api/v1/enterprises/{A}", headers=own).status_code
        own_town = client.get(f"/api/v1/enterprises/{C}", headers=own).status_code
        ok = before == 200 and after in (401, 403, 404) and own_town in (200, 401)
        return Outcome(ok, f"other town before {before} after {after}; own town {own_town}")

    def reset(client: TestClient, _: Container) -> Outcome:
        own = _login(client, RESET)
        client.post(f"/api/v1/users/{RESET[0]}/password", json={"password": "NewReset2026pw"},
                    headers=_login(client, ADMIN))  # fmt: skip
        return _clean_refusal(client.get("/api/v1/enterprises", headers=own), (401,))

    def logged_out(client: TestClient, _: Container) -> Outcome:
        own = _login(client, HS_TWO)
        client.post("/api/v1/auth/logout", headers=own)
        return _clean_refusal(client.get("/api/v1/enterprises", headers=own), (401,))

    return [
        Probe("W01", "token of a user disabled while logged in", "401/403 Chinese", disabled),
        Probe("W02", "administrator downgraded to officer while logged in: create a user", "401/403 Chinese, not created", downgraded),
        Probe("W03", "city officer narrowed to 华士镇 while logged in", "other town refused, own town read", narrowed),
        Probe("W04", "token of a user whose password the administrator reset", "401 Chinese", reset),
        Probe("W05", "token reused after logout", "401 Chinese", logged_out),
    ]  # fmt: skip
