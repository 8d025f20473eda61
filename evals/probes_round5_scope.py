"""Probe round 5: unknown ids, paging, another town's or firm's data (dev mode), sessions (token mode)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from core.standards.uscc import make_uscc
from evals.probes_round5_kit import (
    ENTERPRISE_C,
    HUASHI,
    Outcome,
    Probe,
    _clean_refusal,
    _graph_size,
    _upload,
)
from tests.support.auth_env import Clock
from tests.support.fixture_city import A
from tests.support.plan_docs import docx_bytes

# ---------------------------------------------------------------- ids, paging and scope (dev mode)


def _scope_probes() -> list[Probe]:
    missing = make_uscc("9", "1", "320281", "MA1WWWW9")  # valid check characters, in no record

    def get(path: str, statuses: tuple[int, ...], headers: dict[str, str] | None = None, **params: Any):
        return lambda client, _: _clean_refusal(
            client.get(path, params=params, headers=headers or {}), statuses
        )

    def portrait_other_town(client: TestClient, _: Container) -> Outcome:
        return _clean_refusal(client.get(f"/api/v1/enterprises/{A}/portrait", headers=HUASHI), (403, 404))

    def plan_other_town(client: TestClient, _: Container) -> Outcome:
        r = _upload(client, "临港预案.docx", docx_bytes(), allow_duplicate="true")
        if r.status_code != 201:
            return Outcome(False, f"setup upload {r.status_code}")
        pid = r.json()["plan_id"]
        outs = [
            client.get(f"/api/v1/plans/{pid}{s}", headers=HUASHI).status_code
            for s in ("", "/facts", "/versions", "/review")
        ]
        retire = client.delete(f"/api/v1/plans/{pid}", headers=HUASHI).status_code
        ok = all(s in (403, 404) for s in [*outs, retire])
        return Outcome(ok, f"reads {outs} retire {retire}")

    def events_other_town(client: TestClient, _: Container) -> Outcome:
        r = client.get("/api/v1/events/search", params={"q": "临港经济开发区的告警"}, headers=HUASHI)
        body = r.json()
        towns = {row.get("town") for row in body.get("results", [])} if isinstance(body, dict) else set()
        ok = r.status_code in (200, 403, 422) and towns <= {"华士镇"}
        return Outcome(ok, f"{r.status_code} towns {sorted(t for t in towns if t)}")

    def enterprise_writes_elsewhere(client: TestClient, c: Container) -> Outcome:
        before = _graph_size(c)
        node = client.post(
            "/api/v1/plans/nodes", json={"title": "越权节点", "enterprise_id": A}, headers=ENTERPRISE_C
        )
        up = _upload(client, "越权预案.docx", docx_bytes(), headers=ENTERPRISE_C, allow_duplicate="true")
        town_node = client.post(
            "/api/v1/plans/nodes", json={"title": "越权镇级", "town": "华士镇"}, headers=ENTERPRISE_C
        )
        codes = [node.status_code, up.status_code, town_node.status_code]
        ok = all(s in (403, 404, 422) for s in codes) and _graph_size(c) == before
        return Outcome(ok, f"{codes} graph same={_graph_size(c) == before}")

    return [
        Probe("S01", "enterprise with a valid but unknown credit code", "404 Chinese", get(f"/api/v1/enterprises/{missing}", (404,))),
        Probe("S02", "portrait of an unknown enterprise", "404 Chinese", get(f"/api/v1/enterprises/{missing}/portrait", (404,))),
        Probe("S03", "stats of an unknown town", "404 Chinese", get("/api/v1/towns/不存在镇/stats", (404,))),
        Probe("S04", "unknown plan id", "404 Chinese", get("/api/v1/plans/no-such-plan", (404,))),
        Probe("S05", "lessor network of an unknown id", "404 Chinese", get(f"/api/v1/lessors/{missing}/network", (404,))),
        Probe("S06", "enterprise list for an unknown town", "404/422 Chinese or empty", get("/api/v1/enterprises", (404, 422), town="不存在镇")),
        Probe("S07", "conversation paging offset=-1", "422 Chinese", get("/api/v1/chat/conversations", (422,), offset=-1)),
        Probe("S08", "plan list size=abc", "422 Chinese", get("/api/v1/plans", (422,), size="abc")),
        Probe("S09", "audit limit=10**30", "422 Chinese", get("/api/v1/audit", (422,), limit=10**30)),
        Probe("S10", "town user: portrait of another town's firm", "403/404", portrait_other_town),
        Probe("S11", "town user: another town's plan by id (read, retire)", "403/404", plan_other_town),
        Probe("S12", "town user: events naming another town", "own town only", events_other_town),
        Probe("S13", "enterprise user: writes for another firm / a town", "403/404/422, graph same", enterprise_writes_elsewhere),
        Probe("S14", "enterprise detail of another town's firm", "403/404", get(f"/api/v1/enterprises/{A}", (403, 404), headers=HUASHI)),
        Probe("S15", "stats of another town", "403/404", get("/api/v1/towns/临港经济开发区/stats", (403, 404), headers=HUASHI)),
        Probe("S16", "events search q='' (GET)", "422 Chinese", get("/api/v1/events/search", (422,), q="")),
    ]  # fmt: skip


# ---------------------------------------------------------------- token mode


def _token_probes(clock: Clock) -> list[Probe]:
    def login(client: TestClient, user: str, pw: str) -> dict[str, str]:
        r = client.post("/api/v1/auth/login", json={"username": user, "password": pw})
        return {"Authorization": f"Bearer {r.json().get('token')}"}

    def expired(client: TestClient, _: Container) -> Outcome:
        headers = login(client, "hs_officer", "HuaShi1234town")
        clock.now += 400 * 86_400_000
        try:
            r = client.get("/api/v1/enterprises", headers=headers)
        finally:
            clock.now -= 400 * 86_400_000
        return _clean_refusal(r, (401,))

    def garbled(token: str):
        return lambda client, _: _clean_refusal(
            client.get("/api/v1/enterprises", headers={"Authorization": token}), (401,)
        )

    def town_user_cannot_write_other_town(client: TestClient, c: Container) -> Outcome:
        headers = login(client, "hs_officer", "HuaShi1234town")
        before = _graph_size(c)
        node = client.post(
            "/api/v1/plans/nodes", json={"title": "越权", "town": "临港经济开发区"}, headers=headers
        )
        up = client.post("/api/v1/plans", files={"file": ("x.docx", docx_bytes())},
                         data={"enterprise_id": A, "allow_duplicate": "true"}, headers=headers)  # fmt: skip
        codes = [node.status_code, up.status_code]
        ok = all(s in (403, 404, 422) for s in codes) and _graph_size(c) == before
        return Outcome(ok, f"{codes}")

    def token_in_query(client: TestClient, _: Container) -> Outcome:
        headers = login(client, "hs_officer", "HuaShi1234town")
        token = headers["Authorization"].split()[1]
        r = client.get("/api/v1/enterprises", params={"token": token})
        return _clean_refusal(r, (401,))

    return [
        Probe("T01", "expired session token", "401 Chinese", expired),
        Probe("T02", "garbled token", "401 Chinese", garbled("Bearer !!!%%%\x7f")),
        Probe("T03", "Bearer with no token", "401 Chinese", garbled("Bearer ")),
        Probe("T04", "Basic scheme", "401 Chinese", garbled("Basic YWRtaW46YWRtaW4=")),
        Probe("T05", "token of 8,000 characters", "401 Chinese", garbled("Bearer " + "a" * 8000)),
        Probe("T06", "town officer writes for another town/firm", "403/404/422, graph same", town_user_cannot_write_other_town),
        Probe("T07", "token as a query parameter", "401 Chinese", token_in_query),
    ]  # fmt: skip


# ---------------------------------------------------------------- found by exploring after the first run


def _found_probes() -> list[Probe]:
    """Defects found by hand after the scripted first run (docs/PROBES.md says so per row): their
    first observation is from that exploration, not from this script's first measurement."""
    nobody = make_uscc("9", "1", "320281", "MA1WWWW9")

    def chat_code(headers: dict[str, str], code: str):
        def run(client: TestClient, _: Container) -> Outcome:
            body = {"question": f"{code}有哪些隐患", "stream": False, "use_llm": False}
            j = client.post("/api/v1/chat", json=body, headers=headers).json()
            ok = j.get("path") == "refusal" and code in str(j.get("answer"))
            return Outcome(ok, f"{j.get('path')} {str(j.get('answer'))[:40]}")

        return run

    def other_town_filters(client: TestClient, _: Container) -> Outcome:
        paths = ("/api/v1/enterprises", "/api/v1/map/enterprises", "/api/v1/plans")
        codes = [client.get(p, params={"town": "临港经济开发区"}, headers=HUASHI).status_code for p in paths]
        return Outcome(all(s == 403 for s in codes), f"{codes}")

    def no_file_chosen(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/plans", files={"file": ("", docx_bytes())}, data={"town": "华士镇"})
        outcome = _clean_refusal(r, (422,))
        english = "Expected" in r.text
        return Outcome(outcome.passed and not english, f"{outcome.observed} english={english}")

    return [
        Probe("X01", "file part with content but an empty file name", "422 Chinese", no_file_chosen),
        Probe("X02", "chat: another town's firm by credit code", "declined naming the code", chat_code(HUASHI, A)),
        Probe("X03", "chat: a valid code no firm has (city)", "declined naming the code", chat_code({}, nobody)),
        Probe("X04", "town officer: list filters naming another town", "403 each", other_town_filters),
    ]  # fmt: skip
