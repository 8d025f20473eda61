"""Probe round 6: text inputs over HTTP (control characters, long file names, regex and Lucene
metacharacters, charsets and Accept-Language), plan writes (impossible dates, audit) and the outbox
when a write fails half-way. Dev mode with scope headers; the fixture city."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import (
    HUASHI,
    Outcome,
    Probe,
    _clean_refusal,
    _graph_size,
    _upload,
    stored_name,
    unaudited,
)
from tests.support.fixture_city import C
from tests.support.plan_docs import docx_bytes

CONTROL = "".join(chr(i) for i in range(1, 32) if chr(i) not in "\t\n\r") + "\x7f"


def _has_control(text: str) -> bool:
    return any(ch in CONTROL or ch == "\x00" for ch in text)


def _refused_or_clean(r: Any, stored: Callable[[], str]) -> Outcome:
    """Either a Chinese 422, or accepted and stored without any control character."""
    if r.status_code == 422:
        return _clean_refusal(r, (422,))
    if r.status_code >= 400:
        return Outcome(False, f"{r.status_code} {r.text[:60]}")
    text = stored()
    return Outcome(not _has_control(text), f"{r.status_code} stored {text[:40]!r}")


# ---------------------------------------------------------------- leftovers: control characters, names


def _text_probes() -> list[Probe]:
    def chat_control(question: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            r = client.post("/api/v1/chat", json={"question": question, "stream": False, "use_llm": False})

            def stored() -> str:
                cid = r.json()["conversation_id"]
                items = client.get(f"/api/v1/chat/conversations/{cid}").json()["items"]
                return (
                    str(items[-1]["question"])
                    + "|"
                    + str(client.get(f"/api/v1/chat/conversations/{cid}").json().get("title", ""))
                )

            return _refused_or_clean(r, stored)

        return run

    def search_control(client: TestClient, _: Container) -> Outcome:
        r = client.get("/api/v1/events/search", params={"q": "\x1b[31m华士镇\x07昨天的火灾告警"})

        def stored() -> str:
            return "|".join(
                str(item["sentence"]) for item in client.get("/api/v1/events/search/history").json()
            )

        return _refused_or_clean(r, stored)

    def post_search_control(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/events/search", json={"sentence": "临港\x08\x08上周的\x1b烟雾告警"})

        def stored() -> str:
            return "|".join(
                str(item["sentence"]) for item in client.get("/api/v1/events/search/history").json()
            )

        return _refused_or_clean(r, stored)

    def long_name(client: TestClient, _: Container) -> Outcome:
        name = stored_name(client, "华" * 296 + ".docx")
        if isinstance(name, Outcome):
            return name
        ok = len(name.encode()) <= 255 and name.endswith(".docx")
        return Outcome(ok, f"201 stored {len(name)} chars / {len(name.encode())} bytes, ends {name[-8:]!r}")

    def control_name(client: TestClient, _: Container) -> Outcome:
        name = stored_name(client, "预案\x1b[2J\x07清屏.docx")
        if isinstance(name, Outcome):
            return name
        return Outcome(not _has_control(name) and name.endswith(".docx"), f"201 stored {name!r}")

    def nul_name(client: TestClient, _: Container) -> Outcome:
        name = stored_name(client, "预案\x00.exe.docx")
        if isinstance(name, Outcome):
            return name
        return Outcome("\x00" not in name, f"201 stored {name!r}")

    def node_title_control(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/plans/nodes", json={"title": "华士镇\x1b[31m防汛预案\x07", "plan_type": "专项", "town": "华士镇"},
                        headers=HUASHI)  # fmt: skip

        def stored() -> str:
            return str(client.get(f"/api/v1/plans/{r.json()['id']}", headers=HUASHI).json().get("title"))

        return _refused_or_clean(r, stored)

    def template_control(client: TestClient, _: Container) -> Outcome:
        body = {"name": "模板\x1b[0m名称", "modules": [{"skeleton": "总则", "title": "总\x07则"}]}
        r = client.post("/api/v1/plan-templates", json=body)

        def stored() -> str:
            got = client.get(f"/api/v1/plan-templates/{r.json()['id']}").json()
            return str(got.get("name")) + str(got.get("modules"))

        return _refused_or_clean(r, stored)

    return [
        Probe("K01", "chat question with ESC/BEL (no NUL)", "422 Chinese (as NUL) or stored without them", chat_control("\x1b[31m临港有多少家企业\x07")),
        Probe("K02", "chat question with backspaces and DEL", "422 Chinese or stored without them", chat_control("华士镇\x08\x08有几家企业\x7f")),
        Probe("K03", "event search GET q with ESC/BEL", "422 Chinese or history without them", search_control),
        Probe("K04", "event search POST sentence with BS/ESC", "422 Chinese or history without them", post_search_control),
        Probe("K05", "upload file name of 300 characters", "stored ≤255 bytes keeping .docx, or 422 Chinese", long_name),
        Probe("K06", "upload file name with ESC/BEL", "stored without them keeping .docx, or 422", control_name),
        Probe("K07", "upload file name with NUL", "stored without NUL, or 422 Chinese", nul_name),
        Probe("K08", "plan node title with ESC/BEL", "422 Chinese or stored without them", node_title_control),
        Probe("K09", "plan template name/module title with ESC/BEL", "422 Chinese or stored without them", template_control),
    ]  # fmt: skip


# ---------------------------------------------------------------- search: regex and Lucene syntax


def _search_probes() -> list[Probe]:
    def no_5xx_list(path: str, **params: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            r = client.get(path, params=params)
            if r.status_code == 422:
                return _clean_refusal(r, (422,))
            return Outcome(r.status_code == 200, f"{r.status_code} {r.text[:50]}")

        return run

    def enterprise_total(q: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            everyone = client.get("/api/v1/enterprises").json().get("total")
            r = client.get("/api/v1/enterprises", params={"q": q})
            if r.status_code == 422:
                return _clean_refusal(r, (422,))
            total = r.json().get("total") if r.status_code == 200 else None
            return Outcome(
                r.status_code == 200 and total == 0, f"{r.status_code} total {total} of {everyone}"
            )

        return run

    return [
        Probe("R01", "suggestions prefix '(*[\\'", "200 list or 422 Chinese", no_5xx_list("/api/v1/events/search/suggestions", prefix="(*[\\")),
        Probe("R02", "suggestions prefix '.*'", "200 list or 422 Chinese", no_5xx_list("/api/v1/events/search/suggestions", prefix=".*")),
        Probe("R03", "events search q='(?i).*[' ", "200 or 422 Chinese", no_5xx_list("/api/v1/events/search", q="(?i).*[")),
        Probe("R04", "enterprises q='.*'", "200, none match", enterprise_total(".*")),
        Probe("R05", "enterprises q='*:*'", "200, none match", enterprise_total("*:*")),
        Probe("R06", "enterprises q=\"' OR 1=1 //\"", "200, none match", enterprise_total("' OR 1=1 //")),
        Probe("R07", "enterprises q='name:华士 AND town:*'", "200, none match", enterprise_total("name:华士 AND town:*")),
        Probe("R08", "plan passages q='[\\\\'", "200 or 422 Chinese", no_5xx_list("/api/v1/plans/search", q="[\\")),
        Probe("R09", "plan passages q='*~ OR ^2'", "200 or 422 Chinese", no_5xx_list("/api/v1/plans/search", q="*~ OR ^2")),
    ]  # fmt: skip


# ---------------------------------------------------------------- charsets and Accept-Language


def _header_probes() -> list[Probe]:
    def chinese_error_with(headers: dict[str, str]) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            return _clean_refusal(client.get("/api/v1/plans/no-such-plan", headers=headers), (404,))

        return run

    def body_in(charset: str, encoding: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, _: Container) -> Outcome:
            raw = json.dumps(
                {"question": "临港有多少家企业", "stream": False, "use_llm": False}, ensure_ascii=False
            )
            r = client.post("/api/v1/chat", content=raw.encode(encoding),
                            headers={"Content-Type": f"application/json; charset={charset}"})  # fmt: skip
            if r.status_code == 200:
                return Outcome("临港" in r.text or "企业" in r.text, f"200 {r.text[:40]}")
            return _clean_refusal(r, (400, 415, 422))

        return run

    def bom_body(client: TestClient, _: Container) -> Outcome:
        raw = json.dumps(
            {"question": "临港有多少家企业", "stream": False, "use_llm": False}, ensure_ascii=False
        )
        r = client.post(
            "/api/v1/chat",
            content=b"\xef\xbb\xbf" + raw.encode(),
            headers={"Content-Type": "application/json"},
        )
        if r.status_code == 200:
            return Outcome(True, "200")
        return _clean_refusal(r, (400, 422))

    return [
        Probe("H01", "Accept-Language: en-US", "404 message still Chinese", chinese_error_with({"Accept-Language": "en-US,en;q=0.9"})),
        Probe("H02", "Accept-Language of 4,000 characters", "404 Chinese, no 5xx", chinese_error_with({"Accept-Language": "zz-" * 1300})),
        Probe("H03", "chat body GBK, declared charset=gbk", "200 answered or 4xx Chinese", body_in("gbk", "gbk")),
        Probe("H04", "chat body GBK, declared utf-8", "4xx Chinese", body_in("utf-8", "gbk")),
        Probe("H05", "chat body UTF-16, declared utf-16", "200 answered or 4xx Chinese", body_in("utf-16", "utf-16")),
        Probe("H06", "chat body with UTF-8 BOM", "200 or 4xx Chinese", bom_body),
    ]  # fmt: skip


# ---------------------------------------------------------------- plan writes: dates, audit, outbox


def _plan_write_probes() -> list[Probe]:
    def new_plan(client: TestClient) -> str:
        r = _upload(client, "华士镇防汛预案.docx", docx_bytes(), allow_duplicate="true")
        return str(r.json()["plan_id"])

    def version_date(issued_at: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, c: Container) -> Outcome:
            plan_id = new_plan(client)
            before = _graph_size(c)
            r = client.post(
                f"/api/v1/plans/{plan_id}/versions", json={"version_no": "2.0", "issued_at": issued_at}
            )
            outcome = _clean_refusal(r, (422,))
            same = _graph_size(c) == before
            return Outcome(outcome.passed and same, f"{outcome.observed}; graph same={same}")

        return run

    def bad_credit_code(code: str) -> Callable[[TestClient, Container], Outcome]:
        def run(client: TestClient, c: Container) -> Outcome:
            before = _graph_size(c)
            r = client.post(
                "/api/v1/plans/nodes",
                json={"title": "企业预案节点", "plan_type": "现场处置方案", "enterprise_id": code},
            )
            outcome = _clean_refusal(r, (404, 422))
            same = _graph_size(c) == before
            return Outcome(outcome.passed and same, f"{outcome.observed}; graph same={same}")

        return run

    def writes_audited(client: TestClient, c: Container) -> Outcome:
        plan_id = new_plan(client)
        calls = [
            (
                "POST nodes",
                lambda: client.post(
                    "/api/v1/plans/nodes", json={"title": "审计探针节点", "plan_type": "专项"}
                ),
            ),
            ("PUT parent", lambda: client.put(f"/api/v1/plans/{plan_id}/parent", json={"parent_id": None})),
            (
                "POST version",
                lambda: client.post(f"/api/v1/plans/{plan_id}/versions", json={"version_no": "9.9"}),
            ),
            ("DELETE plan", lambda: client.delete(f"/api/v1/plans/{plan_id}")),
            ("POST restore", lambda: client.post(f"/api/v1/plans/{plan_id}/restore")),
        ]
        missed = unaudited(c, calls)
        return Outcome(not missed, f"not audited: {missed}" if missed else "each write one audit row")

    def outbox_on_failed_publish(client: TestClient, c: Container) -> Outcome:
        plan_id = new_plan(client)
        version_id = client.get(f"/api/v1/plans/{plan_id}/versions").json()[0]["id"]
        client.patch(f"/api/v1/plans/{plan_id}/review", json={"accept_above": 0.0})
        bus = c.bus
        assert bus is not None
        pending = len(bus.pending(limit=10_000))
        store = c.graph
        real_write = store.write
        calls = {"n": 0}

        def flaky(query: str, params: dict[str, Any] | None = None) -> Any:
            calls["n"] += 1
            if calls["n"] == 1:  # the projection (before the audit row)
                from core.errors import GraphError

                raise GraphError("模拟的图数据库写入失败", code="graph_write_failed")
            return real_write(query, params)

        store.write = flaky  # type: ignore[method-assign]
        try:
            r = client.post(f"/api/v1/plans/{plan_id}/versions/{version_id}/publish")
        finally:
            store.write = real_write  # type: ignore[method-assign]
        after = len(bus.pending(limit=10_000))
        status = client.get(f"/api/v1/plans/{plan_id}/versions").json()[0].get("issue_status")
        ok = r.status_code >= 400 and after == pending
        return Outcome(ok, f"{r.status_code} writes={calls['n']} outbox {pending}->{after} status {status}")

    def enterprise_user_node_elsewhere(client: TestClient, c: Container) -> Outcome:
        before = _graph_size(c)
        r = client.post("/api/v1/plans/nodes", json={"title": "他企节点", "plan_type": "现场处置方案", "town": "临港经济开发区"},
                        headers={"X-SafeCloud-Enterprise": C})  # fmt: skip
        same = _graph_size(c) == before
        return Outcome(r.status_code in (403, 422) and same, f"{r.status_code} graph same={same}")

    return [
        Probe("P01", "plan version issued_at 2026-02-30", "422 Chinese, graph same", version_date("2026-02-30")),
        Probe("P02", "plan version issued_at 2026-13-01", "422 Chinese, graph same", version_date("2026-13-01")),
        Probe("P03", "plan version issued_at 0000-01-01", "422 Chinese, graph same", version_date("0000-01-01")),
        Probe("P04", "plan version issued_at 2999-01-01 (far future)", "422 Chinese, graph same", version_date("2999-01-01")),
        Probe("P05", "plan node for a credit code with a wrong check digit", "422/404 Chinese, graph same", bad_credit_code("91320281MA1AAAA11B")),
        Probe("P06", "plan node for a full-width credit code", "422/404 Chinese or read as ASCII; graph same", bad_credit_code("９１３２０２８１ＭＡ１ＷＷＷＷ９７７")),
        Probe("P07", "plan writes (node, parent, version, retire, restore)", "each one audit row", writes_audited),
        Probe("P08", "publish whose projection write fails half-way", "4xx/5xx, nothing in the outbox", outbox_on_failed_publish),
        Probe("P09", "enterprise user: plan node for a town", "403/422, graph same", enterprise_user_node_elsewhere),
    ]  # fmt: skip
