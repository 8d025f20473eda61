"""Probe round 7: dev mode over HTTP — full-width and NFKC forms of codes, names and dates, times
without an offset or in another zone, a chat stream the client drops half-way, upload bytes that
lie about their format, and texts stored before round 6 with control characters in them."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import (
    Outcome,
    Probe,
    _clean_refusal,
    _refused_upload_writes_nothing,
    _upload,
)
from evals.probes_round6_http import _has_control
from tests.support.fixture_city import C
from tests.support.plan_docs import docx_bytes

FULL_C = C.translate({i: i + 0xFEE0 for i in range(0x21, 0x7F)})  # the credit code typed full-width
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 200


def _normalisation_probes() -> list[Probe]:
    def search_code(q: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            r = client.get("/api/v1/enterprises", params={"q": q})
            ids = (
                [x.get("id") or x.get("uscc") for x in r.json().get("items", [])]
                if r.status_code == 200
                else []
            )
            return Outcome(r.status_code == 200 and C in ids, f"{r.status_code} found {ids[:3]}")

        return run

    def detail_full_width(client: TestClient, _: Container) -> Outcome:
        r = client.get(f"/api/v1/enterprises/{FULL_C}")
        if r.status_code == 200:
            got = r.json().get("id") or r.json().get("uscc")
            return Outcome(got == C, f"200 {got}")
        return _clean_refusal(r, (422,))

    def same_filter(full: str, ascii_: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            a = client.get("/api/v1/events/search", params={"q": full}).json()
            b = client.get("/api/v1/events/search", params={"q": ascii_}).json()
            fa, fb = a.get("filter", {}), b.get("filter", {})
            keys = ("time_from", "time_to", "event_types", "towns")
            same = all(fa.get(k) == fb.get(k) for k in keys) and bool(fb.get("time_from"))
            return Outcome(same, f"full {fa.get('time_from')} ascii {fb.get('time_from')}")

        return run

    def version_full_width(client: TestClient, _: Container) -> Outcome:
        plan = _upload(client, "全角日期预案.docx", docx_bytes(), allow_duplicate="true").json()["plan_id"]
        r = client.post(
            f"/api/v1/plans/{plan}/versions", json={"version_no": "２.０", "issued_at": "２０２６-０３-０１"}
        )
        if r.status_code == 201:
            v = r.json()
            ok = str(v.get("issued_at", "")).startswith("2026-03-01") and v.get("version_no") == "2.0"
            return Outcome(ok, f"201 issued_at {v.get('issued_at')} version {v.get('version_no')!r}")
        return _clean_refusal(r, (422,))

    return [
        Probe("N01", "enterprise search q = credit code typed full-width", "200, the firm found", search_code(FULL_C)),
        Probe("N02", "enterprise search q = name + ideographic space", "200, the firm found", search_code("华西纺织\u3000")),
        Probe("N03", "enterprise detail by full-width credit code", "200 the firm, or 422 Chinese", detail_full_width),
        Probe("N04", "event search with full-width digits in the date", "same filter as ASCII digits",
              same_filter("２０２５年１１月２３日的烟雾告警", "2025年11月23日的烟雾告警")),
        Probe("N05", "plan version number and issue date typed full-width", "201 read as ASCII, or 422 Chinese", version_full_width),
    ]  # fmt: skip


def _time_zone_probes() -> list[Probe]:
    def window(time_from: str, time_to: str) -> Any:
        return (lambda client: client.post("/api/v1/events/search",
                json={"filter": {"time_from": time_from, "time_to": time_to}, "sentence": "时区探针"}))  # fmt: skip

    def same_as_shanghai(time_from: str, time_to: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            ref = window("2025-11-23T00:00:00+08:00", "2025-11-24T12:00:00+08:00")(client)
            got = window(time_from, time_to)(client)
            ids = lambda r: sorted(x["id"] for x in r.json().get("results", []))  # noqa: E731
            if got.status_code != 200:
                return Outcome(False, f"{got.status_code} {got.text[:60]}")
            fr = got.json()["filter"]["time_from"]
            return Outcome(
                ids(got) == ids(ref) and fr.endswith("+08:00"), f"{ids(got)} vs {ids(ref)}; from {fr}"
            )

        return run

    def refused(time_from: str, time_to: str) -> Callable[[TestClient, Container], Outcome]:
        return lambda client, _: _clean_refusal(window(time_from, time_to)(client), (422,))

    return [
        Probe("Z01", "event filter times without an offset", "read as Asia/Shanghai (same rows)",
              same_as_shanghai("2025-11-23T00:00:00", "2025-11-24T12:00:00")),
        Probe("Z02", "event filter times in UTC (Z)", "same rows as the +08:00 window, shown +08:00",
              same_as_shanghai("2025-11-22T16:00:00Z", "2025-11-24T04:00:00Z")),
        Probe("Z03", "event filter with time_from after time_to", "422 Chinese", refused("2025-11-24T00:00:00+08:00", "2025-11-01T00:00:00+08:00")),
        Probe("Z04", "event filter with offset +25:00", "422 Chinese", refused("2025-11-23T00:00:00+25:00", "2025-11-24T00:00:00+08:00")),
        Probe("Z05", "event filter time with full-width digits", "read as ASCII or 422 Chinese",
              lambda client, _: _ok_or_refused(window("２０２５-１１-２３T00:00:00+08:00", "2025-11-24T12:00:00+08:00")(client))),
    ]  # fmt: skip


def _ok_or_refused(r: Any) -> Outcome:
    if r.status_code == 200:
        return Outcome(
            r.json()["filter"]["time_from"].startswith("2025-11-23"), f"200 {r.json()['filter']['time_from']}"
        )
    return _clean_refusal(r, (422,))


def _stream_probes() -> list[Probe]:
    def dropped(client: TestClient, _: Container) -> Outcome:
        before = {x["id"]: x for x in client.get("/api/v1/chat/conversations").json()}
        body = {"question": "临港经济开发区有多少家企业", "use_llm": False, "stream": True}
        with client.stream("POST", "/api/v1/chat", json=body) as r:
            status = r.status_code
            for _line in r.iter_lines():
                break  # the browser tab closed after the first event
        after = client.get("/api/v1/chat/conversations").json()
        new = [x for x in after if x["id"] not in before]
        half = []
        for x in new:
            for t in client.get(f"/api/v1/chat/conversations/{x['id']}").json().get("items", []):
                if not t.get("answer"):
                    half.append(t.get("id"))
        ok = status == 200 and len(new) <= 1 and not half
        return Outcome(ok, f"{status}; new conversations {len(new)}; turns without an answer {half}")

    return [
        Probe("D01", "chat stream dropped after the first event", "turn stored whole or not at all", dropped)
    ]


def _upload_probes() -> list[Probe]:
    half_docx = docx_bytes()[: len(docx_bytes()) // 2]

    def same_bytes_new_name(client: TestClient, _: Container) -> Outcome:
        content = docx_bytes()
        first = _upload(client, "重复探针甲.docx", content + b"")
        second = _upload(client, "重复探针乙.docx", content)
        return (
            _clean_refusal(second, (409,))
            if first.status_code in (201, 409)
            else Outcome(False, f"first {first.status_code}")
        )

    def docx_with_junk_member(client: TestClient, c: Container) -> Outcome:
        buf = BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/document.xml", "<not-xml")
        return _refused_upload_writes_nothing("坏文档.docx", buf.getvalue())(client, c)

    return [
        Probe("U13", "PNG bytes named .docx", "422 Chinese, nothing written, audited", _refused_upload_writes_nothing("图片.docx", PNG)),
        Probe("U14", "DOCX cut in half (truncated zip)", "422 Chinese, nothing written, audited", _refused_upload_writes_nothing("截断.docx", half_docx)),
        Probe("U15", "zero-byte .pdf", "422 Chinese, nothing written, audited", _refused_upload_writes_nothing("空.pdf", b"")),
        Probe("U16", "PDF header only (%PDF-1.7)", "422 Chinese, nothing written, audited", _refused_upload_writes_nothing("头.pdf", b"%PDF-1.7\n")),
        Probe("U17", "DOCX zip whose document.xml is not XML", "422 Chinese, nothing written, audited", docx_with_junk_member),
        Probe("U18", "same bytes uploaded again under another name", "409 Chinese duplicate", same_bytes_new_name),
    ]  # fmt: skip


def _legacy_text_probes() -> list[Probe]:
    """Rows written before round 6 refused control characters, simulated by writing them directly."""

    def history(client: TestClient, c: Container) -> Outcome:
        client.get("/api/v1/events/search", params={"q": "华士镇旧火灾告警"})
        c.graph.write("MATCH (h:EventSearch) WHERE h.sentence = '华士镇旧火灾告警' "
                      "SET h.sentence = '华士镇\x1b[31m旧火灾\x07告警'")  # fmt: skip
        items = client.get("/api/v1/events/search/history").json()
        shown = [str(x.get("sentence")) for x in items if "旧火灾" in str(x.get("sentence"))]
        raw = _has_control(json.dumps(items, ensure_ascii=False).encode().decode("unicode_escape"))
        return Outcome(
            bool(shown) and not any(_has_control(s) for s in shown), f"shown {shown[:1]!r} raw={raw}"
        )

    def conversation(client: TestClient, c: Container) -> Outcome:
        r = client.post(
            "/api/v1/chat", json={"question": "旧会话探针有几家企业", "stream": False, "use_llm": False}
        )
        cid = r.json().get("conversation_id")
        c.graph.write("MATCH (c:Conversation {id: $id})-[:HAS_TURN]->(t:Turn) "
                      "SET c.title = '旧\x1b[31m会话', t.question = '旧\x1b[31m会话\x07探针'", {"id": cid})  # fmt: skip
        detail = client.get(f"/api/v1/chat/conversations/{cid}").json()
        listed = [x for x in client.get("/api/v1/chat/conversations").json() if x.get("id") == cid]
        texts = [str(detail.get("title")), *(str(t.get("question")) for t in detail.get("items", [])),
                 *(str(x.get("title")) for x in listed)]  # fmt: skip
        ok = all("会话" in t for t in texts) and not any(_has_control(t) for t in texts)
        return Outcome(ok, f"shown {texts[:2]!r}")

    def audit(client: TestClient, c: Container) -> Outcome:
        client.get("/api/v1/enterprises", params={"q": "旧审计探针"})
        c.graph.write("MATCH (a:AuditRecord) WHERE a.query CONTAINS 'q=' "
                      "SET a.query = 'q=旧\x1b[31m审计\x07', a.user_id = 'old\x1buser'")  # fmt: skip
        r = client.get("/api/v1/audit", params={"limit": 500})
        rows = [x for x in r.json() if "审计" in str(x.get("query"))] if r.status_code == 200 else []
        texts = [str(x.get("query")) + str(x.get("user_id")) for x in rows]
        ok = r.status_code == 200 and bool(rows) and not any(_has_control(t) for t in texts)
        return Outcome(ok, f"{r.status_code} shown {texts[:1]!r}")

    return [
        Probe("L01", "search history row stored with ESC/BEL before round 6", "listed, without raw control characters", history),
        Probe("L02", "conversation title/question stored with ESC/BEL before round 6", "shown, without raw control characters", conversation),
        Probe("L03", "audit row stored with ESC/BEL before round 6", "listed, without raw control characters", audit),
    ]  # fmt: skip
