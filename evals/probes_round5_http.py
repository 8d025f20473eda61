"""Probe round 5: the chat endpoint (SSE, bodies, headers, conversations, history) and plan uploads."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import (
    HUASHI,
    LINGGANG,
    Outcome,
    Probe,
    _ask,
    _audit_rows,
    _clean_refusal,
    _encrypted_docx,
    _graph_size,
    _refused_upload_writes_nothing,
    _sse_done,
    _upload,
    _zip_of_text,
    stored_name,
)
from tests.support.plan_docs import docx_bytes, encrypted_pdf_bytes, pdf_bytes, scanned_pdf_bytes

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
        name = stored_name(client, "../../../../tmp/probe5-evil.docx")
        if isinstance(name, Outcome):
            return name
        ok = (
            "/" not in name
            and ".." not in name
            and not Path(tempfile.gettempdir(), "probe5-evil.docx").exists()
        )
        return Outcome(ok, f"201 stored name {name!r}")

    def backslash_traversal(client: TestClient, c: Container) -> Outcome:
        name = stored_name(client, "..\\..\\Windows\\probe5.docx")
        if isinstance(name, Outcome):
            return name
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
