"""Probe round 8: token mode with real accounts — a 华士镇 officer asking the chat, the event search,
the portrait, the map, the suggestions and the lessor network about 临港's firm by its name, short
name or a re-typed code; sessions that expire or are ended between two turns of a conversation; two
administrators editing one account at once; refused user writes audited with nothing half-written.
The runner creates the accounts below before these run."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import Outcome, Probe, _audit_rows, _clean_refusal, login
from tests.support.auth_env import Clock
from tests.support.fixture_city import A

ADMIN = ("city_admin8", "ChengJiang2026r8")
SECOND_ADMIN = ("city_second8", "Second2026r8admin")
HS = ("hs_duty8", "HuaShi1234duty")  # 华士镇 officer
HS_LATE = ("hs_late8", "HuaShi1234late")  # 华士镇 officer whose session expires / is ended
EDITED = ("hs_edited8", "HuaShi1234edit")  # edited by two administrators at once
# 临港's firm A as an officer of another town might name it; none of its facts may come back
A_FACTS = ("澄星", "液氨储罐区", "可燃气体报警器", "滨江西路", "CAM-1", A)


def _chat(client: TestClient, headers: dict[str, str], question: str, cid: str | None = None) -> Any:
    body = {"question": question, "stream": False, "use_llm": False, "conversation_id": cid}
    return client.post("/api/v1/chat", json=body, headers=headers)


def _leaks(payload: Any, *, asked: str = "") -> list[str]:
    """A's facts in an answer; a quoted echo of the user's own words (“澄星化工”) is no leak."""
    text = json.dumps(payload, ensure_ascii=False)
    for quoted in re.findall(r"“([^”]*)”", text):
        if quoted.upper() in asked.upper():
            text = text.replace(f"“{quoted}”", "")
    return [f for f in A_FACTS if f in text]


def _scope_probes() -> list[Probe]:
    def chat_by_name(question: str) -> Any:
        def run(client: TestClient, _: Container) -> Outcome:
            r = _chat(client, login(client, HS), question)
            body = r.json()
            answer = {k: body.get(k) for k in ("answer", "citations", "rows", "table") if k in body}
            leaks = _leaks(answer, asked=question)
            return Outcome(r.status_code == 200 and not leaks, f"{r.status_code} leaked {leaks}; {str(body.get('answer'))[:50]}")  # fmt: skip

        return run

    def search_by_name(client: TestClient, _: Container) -> Outcome:
        r = client.get(
            "/api/v1/events/search", params={"q": "澄星化工罐区的烟雾和火焰告警"}, headers=login(client, HS)
        )
        ids = [x.get("id") for x in r.json().get("results", [])] if r.status_code == 200 else []
        leaks = _leaks(r.json().get("results", []) if r.status_code == 200 else [])
        return Outcome(r.status_code in (200, 403, 404) and not leaks, f"{r.status_code} results {ids[:4]} leaked {leaks}")  # fmt: skip

    def portrait_retyped(client: TestClient, _: Container) -> Outcome:
        hs = login(client, HS)
        paths = [f"/api/v1/enterprises/{A.lower()}/portrait", f"/api/v1/enterprises/%20{A}%20/portrait",
                 f"/api/v1/enterprises/{A.lower()}"]  # fmt: skip
        got = [client.get(p, headers=hs) for p in paths]
        leaks = [_leaks(r.json()) for r in got if r.status_code == 200]
        ok = all(r.status_code in (403, 404, 422) for r in got)
        return Outcome(ok, f"{[r.status_code for r in got]} leaked {leaks}")

    def lessor_network(client: TestClient, _: Container) -> Outcome:
        r = client.get(f"/api/v1/lessors/{A.lower()}/network", headers=login(client, HS))
        return _clean_refusal(r, (403, 404))

    def map_points(client: TestClient, _: Container) -> Outcome:
        r = client.get(
            "/api/v1/map/enterprises",
            params={"bbox": "119,31,121,33", "limit": 5000},
            headers=login(client, HS),
        )
        leaks = _leaks(r.json()) if r.status_code == 200 else []
        return Outcome(r.status_code in (200, 403) and not leaks, f"{r.status_code} {len(r.json()) if r.status_code == 200 else ''} leaked {leaks}")  # fmt: skip

    def suggestions(client: TestClient, _: Container) -> Outcome:
        hs = login(client, HS)
        got = [
            client.get("/api/v1/events/search/suggestions", params={"prefix": p}, headers=hs)
            for p in ("澄星", "江阴市澄")
        ]
        leaks = [_leaks(r.json()) for r in got if r.status_code == 200]
        return Outcome(all(r.status_code in (200, 422) for r in got) and not any(leaks), f"{[r.status_code for r in got]} leaked {leaks}")  # fmt: skip

    return [
        Probe("O01", "华士 officer: chat '江阴市澄星化工有限公司有哪些隐患' (临港's firm by full name)", "200 declined, none of A's facts", chat_by_name("江阴市澄星化工有限公司有哪些隐患")),
        Probe("O02", "华士 officer: chat '澄星化工的重大危险源有哪些' (short name)", "200 declined, none of A's facts", chat_by_name("澄星化工的重大危险源有哪些")),
        Probe("O03", "华士 officer: chat with A's credit code in lower case", "200 declined, none of A's facts", chat_by_name(f"{A.lower()}这家企业的传感器在线吗")),
        Probe("O08", "华士 officer: search suggestions '澄星', '江阴市澄'", "none of A's names", suggestions),
        Probe("O04", "华士 officer: event search naming 临港's firm", "none of A's alarms", search_by_name),
        Probe("O05", "华士 officer: portrait/detail of A by lower-case or space-padded code", "403/404/422 each", portrait_retyped),
        Probe("O06", "华士 officer: lessor network of A by lower-case id", "403/404 Chinese", lessor_network),
        Probe("O07", "华士 officer: map points over the whole city", "own town only (no A)", map_points),
    ]  # fmt: skip


def _session_probes(clock: Clock) -> list[Probe]:
    def expired_between_turns(client: TestClient, _: Container) -> Outcome:
        own = login(client, HS_LATE)
        cid = _chat(client, own, "华士镇有多少家企业").json().get("conversation_id")
        clock.now += 9 * 3_600_000  # past the 8-hour session
        r = client.post(
            "/api/v1/chat",
            json={"question": "其中有哪些", "conversation_id": cid, "use_llm": False},
            headers=own,
        )
        clock.now -= 9 * 3_600_000
        turns = len(
            client.get(f"/api/v1/chat/conversations/{cid}", headers=login(client, HS_LATE))
            .json()
            .get("items", [])
        )
        outcome = _clean_refusal(r, (401,))
        return Outcome(outcome.passed and turns == 1, f"{outcome.observed}; turns {turns}")  # fmt: skip

    def ended_between_turns(client: TestClient, _: Container) -> Outcome:
        own = login(client, HS_LATE)
        cid = _chat(client, own, "华士镇有多少家企业").json().get("conversation_id")
        client.delete(f"/api/v1/users/{HS_LATE[0]}/sessions", headers=login(client, ADMIN))
        r = client.post(
            "/api/v1/chat",
            json={"question": "其中有哪些", "conversation_id": cid, "use_llm": False},
            headers=own,
        )
        turns = len(
            client.get(f"/api/v1/chat/conversations/{cid}", headers=login(client, HS_LATE))
            .json()
            .get("items", [])
        )
        outcome = _clean_refusal(r, (401,))
        return Outcome(outcome.passed and turns == 1, f"{outcome.observed} {r.headers.get('content-type')}; turns {turns}")  # fmt: skip

    def expired_write(client: TestClient, c: Container) -> Outcome:
        own = login(client, HS_LATE)
        clock.now += 9 * 3_600_000
        before = _audit_rows(c)
        r = client.delete("/api/v1/events/search/history", headers=own)
        clock.now -= 9 * 3_600_000
        outcome = _clean_refusal(r, (401,))
        return Outcome(outcome.passed, f"{outcome.observed}; audit rows +{_audit_rows(c) - before}")

    return [
        Probe("K01", "session expires between two turns of a chat (SSE stream)", "401 Chinese JSON, no turn added", expired_between_turns),
        Probe("K02", "administrator ends the sessions between two turns", "401 Chinese JSON, no turn added", ended_between_turns),
        Probe("K03", "expired session clears its search history", "401 Chinese", expired_write),
    ]  # fmt: skip


def _admin_write_probes() -> list[Probe]:
    def concurrent_edits(client: TestClient, c: Container) -> Outcome:
        first, second = login(client, ADMIN), login(client, SECOND_ADMIN)
        audits = _audit_rows(c)

        def patch(i: int) -> int:
            headers = first if i % 2 else second
            return client.patch(
                f"/api/v1/users/{EDITED[0]}", json={"display_name": f"值班员{i}"}, headers=headers
            ).status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            codes = list(pool.map(patch, range(12)))
        name = next(u for u in c.auth.list_users() if u.username == EDITED[0]).display_name
        audited = _audit_rows(c) - audits
        ok = (
            all(s in (200, 409) for s in codes)
            and name in {f"值班员{i}" for i in range(12)}
            and audited == 12
        )
        return Outcome(ok, f"{sorted(set(codes))}; name {name!r}; audit rows {audited}/12")  # fmt: skip

    def concurrent_create(client: TestClient, c: Container) -> Outcome:
        admin = login(client, ADMIN)

        def create(_: int) -> int:
            return client.post(
                "/api/v1/users", json={"username": "twin_user8", "password": "TwinUser2026pw"}, headers=admin
            ).status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            codes = sorted(pool.map(create, range(4)))
        twins = [u for u in c.auth.list_users() if u.username == "twin_user8"]
        return Outcome(codes.count(201) == 1 and len(twins) == 1 and set(codes) <= {201, 409}, f"{codes}; accounts {len(twins)}")  # fmt: skip

    def refused_writes_audited(client: TestClient, c: Container) -> Outcome:
        admin, officer = login(client, ADMIN), login(client, HS)  # a login is itself an audited write
        calls: list[Callable[[], Any]] = [
            lambda: client.post(
                "/api/v1/users", json={"username": "weak8", "password": "123456"}, headers=admin
            ),
            lambda: client.patch(
                f"/api/v1/users/{HS[0]}", json={"scope": {"level": "town", "town": "火星镇"}}, headers=admin
            ),
            lambda: client.post(
                f"/api/v1/users/{HS[0]}/password", json={"password": "111111"}, headers=admin
            ),
            lambda: client.post("/api/v1/users/nobody8/disable", headers=admin),
            lambda: client.post(
                "/api/v1/users",
                json={"username": "sneak8", "password": "Sneak2026pass"},
                headers=officer,
            ),
        ]
        before = [(u.username, u.display_name, u.scope, u.role, u.enabled) for u in c.auth.list_users()]
        missed = []
        for i, call in enumerate(calls):
            rows = _audit_rows(c)
            r = call()
            if r.status_code < 400 or _audit_rows(c) != rows + 1:
                missed.append(f"#{i + 1}({r.status_code})")
        after = [(u.username, u.display_name, u.scope, u.role, u.enabled) for u in c.auth.list_users()]
        return Outcome(not missed and after == before, f"not refused+audited {missed}; users same={after == before}")  # fmt: skip

    return [
        Probe("Q03", "two administrators rename one account 12 times at once", "each 200/409, a final name one of them, 12 audit rows", concurrent_edits),
        Probe("Q04", "four requests create the same user name at once", "one 201, the rest 409; one account", concurrent_create),
        Probe("AU1", "refused user writes (weak password, unknown town, 111111 reset, unknown user, officer creates)", "4xx each, one audit row each, users unchanged", refused_writes_audited),
    ]  # fmt: skip


def token_probes(clock: Clock) -> list[Probe]:
    return [*_scope_probes(), *_session_probes(clock), *_admin_write_probes()]
