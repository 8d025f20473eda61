"""Probe round 5 (probe5): bad input and data scope, end to end, each probe with its expected outcome.

``python -m evals.probes_round5`` builds the fixture city twice (dev mode with scope headers, token
mode with users) in an embedded FalkorDB under a temporary folder, runs every probe and prints one
row per probe: id, what was sent, expected, observed, PASS/FAIL. The expectations were written before
the code was read; the table in docs/PROBES.md ("Round 5") records the first run and the run after
the fixes. A probe is a question to the product, not a unit test: the regression tests live in
``tests/integration/test_probe5_*.py``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from api.bootstrap import Container
from core.auth import Role
from core.scope import DataScope, ScopeLevel
from core.standards.uscc import make_uscc
from tests.support.auth_env import FAST_HASHER, Clock
from tests.support.fixture_city import A, C
from tests.support.fixture_city_app import fixture_city_app
from tests.support.plan_docs import docx_bytes, encrypted_pdf_bytes, pdf_bytes, scanned_pdf_bytes

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}
LINGGANG = {"X-SafeCloud-Town": quote("临港经济开发区")}
ENTERPRISE_C = {"X-SafeCloud-Enterprise": C}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Outcome:
    passed: bool
    observed: str


@dataclass
class Probe:
    pid: str
    sent: str
    expected: str
    run: Callable[[TestClient, Container], Outcome]


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _clean_refusal(r: Any, statuses: tuple[int, ...]) -> Outcome:
    """A 4xx with the JSON error body and a Chinese message."""
    try:
        body = r.json()
    except ValueError:
        return Outcome(False, f"{r.status_code} non-JSON {r.text[:60]!r}")
    message = str(body.get("message", "")) if isinstance(body, dict) else ""
    ok = r.status_code in statuses and _chinese(message)
    return Outcome(ok, f"{r.status_code} {body.get('code') if isinstance(body, dict) else ''} {message[:40]}")


def _sse_done(r: Any) -> Outcome:
    text = r.text
    ok = r.status_code == 200 and "event: done" in text and "Traceback" not in text
    first = next((ln for ln in text.splitlines() if ln.startswith("data:")), "")[:60]
    return Outcome(ok, f"{r.status_code} {'done' if 'event: done' in text else 'no done'} {first}")


def _ask(client: TestClient, question: str, headers: dict[str, str] | None = None) -> Any:
    return client.post("/api/v1/chat", json={"question": question, "use_llm": False}, headers=headers or {})


def _graph_size(c: Container) -> tuple[int, int]:
    nodes = c.graph.read("MATCH (n) WHERE NOT n:AuditRecord RETURN count(n) AS n")[0]["n"]
    rels = c.graph.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return int(nodes), int(rels)


def _audit_rows(c: Container) -> int:
    return int(c.graph.read("MATCH (a:AuditRecord) RETURN count(a) AS n")[0]["n"])


def _upload(
    client: TestClient, name: str, content: bytes, headers: dict[str, str] | None = None, **form: str
) -> Any:
    data = {"enterprise_id": A, **form}
    return client.post("/api/v1/plans", files={"file": (name, content)}, data=data, headers=headers or {})


def _refused_upload_writes_nothing(name: str, content: bytes, statuses: tuple[int, ...] = (422,)):
    def run(client: TestClient, c: Container) -> Outcome:
        before, audits = _graph_size(c), _audit_rows(c)
        r = _upload(client, name, content, allow_duplicate="true")
        outcome = _clean_refusal(r, statuses)
        same = _graph_size(c) == before
        audited = _audit_rows(c) == audits + 1
        return Outcome(
            outcome.passed and same and audited, f"{outcome.observed}; graph same={same} audited={audited}"
        )

    return run


def _zip_of_text() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "这不是预案")
        z.writestr("photo.jpg", b"\xff\xd8\xff" + b"\0" * 100)
    return buf.getvalue()


def _encrypted_docx() -> bytes:
    # Word's "encrypt with password": an OLE2 container holding EncryptionInfo + EncryptedPackage.
    return OLE2 + b"\0" * 504 + "EncryptionInfo\0EncryptedPackage\0".encode("utf-16-le") + b"\0" * 512


# ---------------------------------------------------------------- chat (SSE) and conversations


def _chat_probes() -> list[Probe]:
    def stream(question: str) -> Callable[[TestClient, Container], Outcome]:
        return lambda client, _: _sse_done(_ask(client, question))

    def empty(client: TestClient, _: Container) -> Outcome:
        return _clean_refusal(_ask(client, ""), (422,))

    def blank(client: TestClient, _: Container) -> Outcome:
        return _clean_refusal(_ask(client, " \n\t "), (422,))

    def malformed(client: TestClient, c: Container) -> Outcome:
        audits = _audit_rows(c)
        r = client.post(
            "/api/v1/chat", content=b'{"question": "\xe4\xb8', headers={"Content-Type": "application/json"}
        )
        outcome = _clean_refusal(r, (400, 422))
        return Outcome(outcome.passed and _audit_rows(c) == audits + 1, outcome.observed)

    def text_plain(client: TestClient, _: Container) -> Outcome:
        body = json.dumps({"question": "临港有多少家企业", "stream": False}, ensure_ascii=False).encode()
        r = client.post("/api/v1/chat", content=body, headers={"Content-Type": "text/plain"})
        return _clean_refusal(r, (415, 422))

    def form_body(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/chat", data={"question": "临港有多少家企业"})
        return _clean_refusal(r, (415, 422))

    def huge_header(client: TestClient, _: Container) -> Outcome:
        r = client.post(
            "/api/v1/chat",
            json={"question": "临港有多少家企业", "stream": False, "use_llm": False},
            headers={"X-Padding": "x" * 60_000},
        )
        return Outcome(r.status_code < 500, f"{r.status_code}")

    def huge_town_header(client: TestClient, _: Container) -> Outcome:
        r = client.get("/api/v1/enterprises", headers={"X-SafeCloud-Town": quote("镇" * 5000)})
        return _clean_refusal(r, (403, 404, 422))

    def others_conversation(client: TestClient, _: Container) -> Outcome:
        mine = client.post("/api/v1/chat", json={"question": "华士镇有多少家企业", "stream": False, "use_llm": False},
                           headers=HUASHI).json()  # fmt: skip
        cid = mine.get("conversation_id")
        if not cid:
            return Outcome(False, f"no conversation id: {str(mine)[:60]}")
        got = client.get(f"/api/v1/chat/conversations/{cid}", headers=LINGGANG)
        deleted = client.delete(f"/api/v1/chat/conversations/{cid}", headers=LINGGANG)
        still = client.get(f"/api/v1/chat/conversations/{cid}", headers=HUASHI).status_code
        ok = got.status_code in (403, 404) and deleted.status_code in (403, 404) and still == 200
        return Outcome(ok, f"get {got.status_code} delete {deleted.status_code} owner still {still}")

    def continue_others(client: TestClient, _: Container) -> Outcome:
        mine = client.post("/api/v1/chat", json={"question": "华士镇有多少家企业", "stream": False, "use_llm": False},
                           headers=HUASHI).json()  # fmt: skip
        cid = mine.get("conversation_id")
        r = client.post(
            "/api/v1/chat",
            json={"question": "其中有哪些", "conversation_id": cid, "stream": False, "use_llm": False},
            headers=LINGGANG,
        )
        turns = len(client.get(f"/api/v1/chat/conversations/{cid}", headers=HUASHI).json().get("items", []))
        return Outcome(r.status_code in (403, 404) and turns == 1, f"{r.status_code}; owner turns {turns}")

    def others_history(client: TestClient, _: Container) -> Outcome:
        client.get("/api/v1/events/search", params={"q": "华士镇昨天的火灾告警"}, headers=HUASHI)
        theirs = client.get("/api/v1/events/search/history", headers=LINGGANG).json()
        hints = client.get(
            "/api/v1/events/search/suggestions", params={"prefix": "华士"}, headers=LINGGANG
        ).json()
        cleared = client.delete("/api/v1/events/search/history", headers=LINGGANG)
        mine = client.get("/api/v1/events/search/history", headers=HUASHI).json()
        leaked = any("华士镇昨天" in json.dumps(x, ensure_ascii=False) for x in [*theirs, *hints])
        ok = not leaked and cleared.status_code == 200 and len(mine) >= 1
        return Outcome(ok, f"leaked={leaked} other clear {cleared.status_code} owner keeps {len(mine)}")

    return [
        Probe("C01", "chat stream, question ''", "422 Chinese", empty),
        Probe("C02", "chat stream, blank question", "422 Chinese", blank),
        Probe("C03", "chat stream, 10,000 characters", "200 SSE polite refusal, done", stream("危" * 10_000)),
        Probe("C04", "chat stream, emoji only", "200 SSE, done", stream("🔥💥🧯🚒")),
        Probe(
            "C05",
            "chat stream, control characters",
            "200 SSE, done",
            stream("\x00\x07临港有多少家企业\x1b[31m"),
        ),
        Probe("C06", "chat stream, RTL override", "200 SSE, done", stream("\u202e临港有多少家企业\u202c")),
        Probe("C07", "chat stream, mixed script", "200 SSE, done", stream("Lingang 临港 كم шт 企业 count?")),
        Probe("C08", "chat, malformed JSON body", "422 Chinese, audited", malformed),
        Probe("C09", "chat, JSON sent as text/plain", "415/422 Chinese", text_plain),
        Probe("C10", "chat, form-encoded body", "415/422 Chinese", form_body),
        Probe("C11", "chat, 60 KB header", "no 5xx", huge_header),
        Probe("C12", "town header of 5,000 characters", "4xx Chinese", huge_town_header),
        Probe(
            "C13", "another user's conversation: get, delete", "404/403, owner keeps it", others_conversation
        ),
        Probe(
            "C14", "continue another user's conversation", "404/403, owner's turns unchanged", continue_others
        ),
        Probe(
            "C15", "another user's search history and suggestions", "not visible, not cleared", others_history
        ),
    ]


# ---------------------------------------------------------------- plan uploads


def _upload_probes() -> list[Probe]:
    def pdf_named_docx(client: TestClient, c: Container) -> Outcome:
        r = _upload(client, "华士镇火灾预案.docx", pdf_bytes(), allow_duplicate="true")
        if r.status_code == 201:
            return Outcome(True, "201 read as PDF")
        return _clean_refusal(r, (422,))

    def docx_named_pdf(client: TestClient, c: Container) -> Outcome:
        r = _upload(client, "华士镇火灾预案.pdf", docx_bytes(), allow_duplicate="true")
        if r.status_code == 201:
            return Outcome(True, "201 read as DOCX")
        return _clean_refusal(r, (422,))

    def duplicate(client: TestClient, c: Container) -> Outcome:
        content = docx_bytes()
        first = _upload(client, "重复预案.docx", content)
        before = _graph_size(c)
        second = _upload(client, "重复预案.docx", content)
        outcome = _clean_refusal(second, (409,))
        same = _graph_size(c) == before
        return Outcome(
            outcome.passed and same,
            f"first {first.status_code}; second {outcome.observed}; graph same={same}",
        )

    def traversal(client: TestClient, c: Container) -> Outcome:
        r = _upload(client, "../../../../tmp/probe5-evil.docx", docx_bytes(), allow_duplicate="true")
        if r.status_code != 201:
            return _clean_refusal(r, (422,))
        versions = client.get(f"/api/v1/plans/{r.json()['plan_id']}/versions").json()
        name = str(versions[0].get("source_filename"))
        ok = (
            "/" not in name
            and ".." not in name
            and not Path(tempfile.gettempdir(), "probe5-evil.docx").exists()
        )
        return Outcome(ok, f"201 stored name {name!r}")

    def backslash_traversal(client: TestClient, c: Container) -> Outcome:
        r = _upload(client, "..\\..\\Windows\\probe5.docx", docx_bytes(), allow_duplicate="true")
        if r.status_code != 201:
            return _clean_refusal(r, (422,))
        versions = client.get(f"/api/v1/plans/{r.json()['plan_id']}/versions").json()
        name = str(versions[0].get("source_filename"))
        return Outcome("\\" not in name and ".." not in name, f"201 stored name {name!r}")

    def failing_import(client: TestClient, c: Container) -> Outcome:
        # the graph refuses the import's write: nothing of the plan may stay in the graph
        store = c.graph
        real_write = store.write
        calls = {"n": 0}

        def flaky(query: str, params: dict[str, Any] | None = None) -> Any:
            calls["n"] += 1
            if calls["n"] == 1:  # the draft is one write: fail it
                from core.errors import GraphError

                raise GraphError("模拟的图数据库写入失败", code="graph_write_failed")
            return real_write(query, params)

        before = _graph_size(c)
        store.write = flaky  # type: ignore[method-assign]
        try:
            r = _upload(client, "中断预案.docx", docx_bytes(), allow_duplicate="true")
        finally:
            store.write = real_write  # type: ignore[method-assign]
        after = _graph_size(c)
        ok = r.status_code >= 400 and after == before
        return Outcome(ok, f"{r.status_code} writes={calls['n']} graph {before}->{after}")

    return [
        Probe("U01", "zero-byte .docx", "422 Chinese, nothing written, audited", _refused_upload_writes_nothing("p.docx", b"")),
        Probe("U02", ".docx that is a ZIP of a txt and a jpg", "422 Chinese, nothing written",
              _refused_upload_writes_nothing("预案.docx", _zip_of_text())),
        Probe("U03", "PDF without a text layer, OCR off", "422 Chinese, nothing written",
              _refused_upload_writes_nothing("扫描件.pdf", scanned_pdf_bytes())),
        Probe("U04", "password-protected PDF", "422 Chinese, nothing written",
              _refused_upload_writes_nothing("加密.pdf", encrypted_pdf_bytes())),
        Probe("U05", "password-protected DOCX (OLE2 EncryptedPackage)", "422 Chinese, nothing written",
              _refused_upload_writes_nothing("加密.docx", _encrypted_docx())),
        Probe("U06", "PDF content under a .docx name", "201 read as PDF or 422 Chinese", pdf_named_docx),
        Probe("U07", "DOCX content under a .pdf name", "201 read as DOCX or 422 Chinese", docx_named_pdf),
        Probe("U08", "same file uploaded twice", "409 Chinese, graph unchanged", duplicate),
        Probe("U09", "file name ../../../../tmp/x.docx", "stored as a bare name", traversal),
        Probe("U10", "file name ..\\..\\Windows\\x.docx", "stored as a bare name", backslash_traversal),
        Probe("U11", "graph write fails during import", "5xx/4xx, graph unchanged", failing_import),
        Probe("U12", "text file named .txt", "422 Chinese", _refused_upload_writes_nothing("预案.txt", "应急预案".encode())),
    ]  # fmt: skip


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


# ---------------------------------------------------------------- command line


def _cli(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFECLOUD_DATA_DIR": str(data), "SAFECLOUD_ENV": "test",
           "SAFECLOUD_EVENT_SEARCH__LLM_FALLBACK": "false", "SAFECLOUD_CHAT__USE_LLM": "false"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def _cli_probes(data: Path) -> list[tuple[str, str, str, Callable[[], Outcome]]]:
    def empty_search() -> Outcome:
        r = _cli(["events", "search", ""], data)
        ok = r.returncode != 0 and _chinese(r.stderr) and "Traceback" not in r.stderr
        return Outcome(ok, f"exit {r.returncode} {r.stderr.strip()[:50]!r} {r.stdout.strip()[:30]!r}")

    def blank_search_json() -> Outcome:
        r = _cli(["events", "search", "   ", "--json"], data)
        ok = r.returncode != 0 and "Traceback" not in r.stderr
        return Outcome(ok, f"exit {r.returncode} {r.stdout.strip()[:60]!r}")

    return [
        ("L01", "safecloud events search ''", "exit≠0, Chinese error as the API's 422", empty_search),
        ("L02", "safecloud events search '   ' --json", "exit≠0, JSON error", blank_search_json),
    ]


def main() -> int:
    rows: list[tuple[str, str, str, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="probe5-") as tmp:
        base = Path(tmp)
        with fixture_city_app(
            base / "dev",
            raise_server_exceptions=False,
            plans={"ocr": False, "use_llm": False},
            event_search={"llm_fallback": False},
        ) as (client, c):
            for p in [*_chat_probes(), *_upload_probes(), *_scope_probes()]:
                try:
                    o = p.run(client, c)
                except Exception as exc:  # noqa: BLE001 - a probe that crashes is a finding
                    o = Outcome(False, f"probe crashed: {type(exc).__name__}: {str(exc)[:60]}")
                rows.append((p.pid, p.sent, p.expected, o.observed, o.passed))
        clock = Clock()
        with fixture_city_app(
            base / "token",
            raise_server_exceptions=False,
            clock=clock,
            password_hasher=FAST_HASHER,
            api={"auth": "token"},
            plans={"ocr": False, "use_llm": False},
        ) as (client, c):
            c.auth.create_user("city_admin", "ChengJiang2026", scope=DataScope(), role=Role.ADMIN)
            c.auth.create_user(
                "hs_officer", "HuaShi1234town", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇")
            )
            for p in _token_probes(clock):
                try:
                    o = p.run(client, c)
                except Exception as exc:  # noqa: BLE001
                    o = Outcome(False, f"probe crashed: {type(exc).__name__}: {str(exc)[:60]}")
                rows.append((p.pid, p.sent, p.expected, o.observed, o.passed))
        for pid, sent, expected, run in _cli_probes(base / "cli"):
            o = run()
            rows.append((pid, sent, expected, o.observed, o.passed))
    for pid, sent, expected, observed, passed in rows:
        sys.stdout.write(
            f"| {pid} | {sent} | {expected} | {observed.replace('|', '/')} | {'PASS' if passed else 'FAIL'} |\n"
        )
    failed = sum(not r[4] for r in rows)
    sys.stdout.write(f"\n{len(rows) - failed}/{len(rows)} probes pass\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
