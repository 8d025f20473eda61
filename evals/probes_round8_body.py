"""Probe round 8: request bodies and pages in dev mode — duplicated JSON keys, numbers sent as text,
NaN and infinities, a body of the wrong JSON type or content type, pages past the end, negative or
huge, every refused write audited with nothing half-written, and two clients writing one plan at once."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import (
    Outcome,
    Probe,
    _audit_rows,
    _clean_refusal,
    _graph_size,
    _upload,
)
from tests.support.plan_docs import docx_bytes


def _raw(
    client: TestClient, method: str, path: str, body: str, content_type: str = "application/json"
) -> Any:
    return client.request(method, path, content=body.encode(), headers={"Content-Type": content_type})


def _new_plan(client: TestClient, name: str) -> str:
    return str(_upload(client, name, docx_bytes(), allow_duplicate="true").json()["plan_id"])


def _refused_nothing_written(
    call: Any, statuses: tuple[int, ...] = (400, 415, 422), plan: bool = False
) -> Any:
    """``call(client)``, or ``call(client, plan_id)`` of a plan uploaded before the graph is counted."""

    def run(client: TestClient, c: Container) -> Outcome:
        args = (_new_plan(client, f"探针预案{_audit_rows(c)}.docx"),) if plan else ()
        before, audits = _graph_size(c), _audit_rows(c)
        outcome = _clean_refusal(call(client, *args), statuses)
        same, audited = _graph_size(c) == before, _audit_rows(c) == audits + 1
        return Outcome(outcome.passed and same and audited, f"{outcome.observed}; graph same={same} audited={audited}")  # fmt: skip

    return run


def _shape_probes() -> list[Probe]:
    def review_value(value: str) -> Any:
        return lambda client, plan: _raw(
            client, "PATCH", f"/api/v1/plans/{plan}/review", '{"accept_above": ' + value + "}"
        )

    def review_as_text(client: TestClient, _: Container) -> Outcome:
        plan = _new_plan(client, "文本阈值预案.docx")
        r = client.patch(f"/api/v1/plans/{plan}/review", json={"accept_above": "0.5"})
        if r.status_code == 200:
            return Outcome(True, "200 read as a number")
        return _clean_refusal(r, (422,))

    def version_number(client: TestClient, _: Container) -> Outcome:
        plan = _new_plan(client, "数字版本号预案.docx")
        r = client.post(f"/api/v1/plans/{plan}/versions", json={"version_no": 3})
        if r.status_code == 201:
            return Outcome(
                r.json().get("version_no") == "3", f"201 version_no {r.json().get('version_no')!r}"
            )
        return _clean_refusal(r, (422,))

    return [
        Probe("B01", "plan node body with the key town twice (华士镇, then 临港)", "422 Chinese (ambiguous), graph same, audited",
              _refused_nothing_written(lambda cl: _raw(cl, "POST", "/api/v1/plans/nodes",
                                                       '{"title": "重复键节点", "plan_type": "专项", "town": "华士镇", "town": "临港经济开发区"}'))),
        Probe("B02", "plan template body with the key name twice", "422 Chinese, graph same, audited",
              _refused_nothing_written(lambda cl: _raw(cl, "POST", "/api/v1/plan-templates",
                                                       '{"name": "甲模板", "name": "乙模板", "modules": [{"skeleton": "总则", "title": "总则"}]}'))),
        Probe("B03", "review threshold NaN (Python's JSON reads it)", "422 Chinese, graph same", _refused_nothing_written(review_value("NaN"), plan=True)),
        Probe("B04", "review threshold 1e999 (infinity)", "422 Chinese, graph same", _refused_nothing_written(review_value("1e999"), plan=True)),
        Probe("B05", "review threshold sent as text \"0.5\"", "200 read as 0.5, or 422 Chinese", review_as_text),
        Probe("B06", "plan version number sent as the JSON number 3", "201 stored as \"3\", or 422 Chinese", version_number),
        Probe("B07", "plan node body is a JSON array", "422 Chinese, graph same, audited",
              _refused_nothing_written(lambda cl: _raw(cl, "POST", "/api/v1/plans/nodes", '[{"title": "数组节点", "plan_type": "专项"}]'))),
        Probe("B08", "plan version body is JSON null", "422 Chinese, graph same, audited",
              _refused_nothing_written(lambda cl, plan: _raw(cl, "POST", f"/api/v1/plans/{plan}/versions", "null"), plan=True)),
        Probe("B09", "plan template sent as application/xml", "415/422 Chinese, graph same, audited",
              _refused_nothing_written(lambda cl: _raw(cl, "POST", "/api/v1/plan-templates", "<template><name>XML模板</name></template>", "application/xml"))),
        Probe("B10", "plan upload sent as JSON instead of a form", "415/422 Chinese, graph same, audited",
              _refused_nothing_written(lambda cl: _raw(cl, "POST", "/api/v1/plans", json.dumps({"file": "预案.docx", "enterprise_id": "x"})))),
    ]  # fmt: skip


def _page_probes() -> list[Probe]:
    def past_the_end(path: str, key: str) -> Any:
        def run(client: TestClient, _: Container) -> Outcome:
            first = client.get(path, params={"page": 1, "size": 200})
            last = client.get(path, params={"page": 999, "size": 200})
            if last.status_code != 200:
                return _clean_refusal(last, (422,))
            total_same = first.json().get("total") == last.json().get("total")
            items = last.json().get(key, [])
            return Outcome(items == [] and total_same, f"200 {len(items)} items; total {last.json().get('total')} same={total_same}")  # fmt: skip

        return run

    def refused_page(params: dict[str, Any]) -> Any:
        return lambda client, _: _clean_refusal(client.get("/api/v1/enterprises", params=params), (422,))

    return [
        Probe("G01", "enterprise list page 999 (past the end)", "200 no items, the same total", past_the_end("/api/v1/enterprises", "items")),
        Probe("G02", "plan list page 999 (past the end)", "200 no items, the same total", past_the_end("/api/v1/plans", "items")),
        Probe("G03", "enterprise list page=-5", "422 Chinese", refused_page({"page": -5})),
        Probe("G04", "enterprise list page=2**63", "422 Chinese", refused_page({"page": 2**63})),
        Probe("G05", "enterprise list size=1e3 (a float)", "422 Chinese", refused_page({"size": "1e3"})),
        Probe("G06", "conversation list limit=2**64, offset=2**63", "422 Chinese",
              lambda client, _: _clean_refusal(client.get("/api/v1/chat/conversations", params={"limit": 2**64, "offset": 2**63}), (422,))),
    ]  # fmt: skip


def _concurrency_probes() -> list[Probe]:
    def same_version_twice(client: TestClient, _: Container) -> Outcome:
        plan = _new_plan(client, "并发版本预案.docx")

        def post(_: int) -> int:
            return client.post(f"/api/v1/plans/{plan}/versions", json={"version_no": "7.0"}).status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            codes = sorted(pool.map(post, range(4)))
        stored = [
            v for v in client.get(f"/api/v1/plans/{plan}/versions").json() if v.get("version_no") == "7.0"
        ]
        return Outcome(len(stored) == 1 and codes.count(201) == 1, f"{codes}; stored {len(stored)} version(s) 7.0")  # fmt: skip

    def retire_restore_race(client: TestClient, c: Container) -> Outcome:
        plan = _new_plan(client, "并发停用预案.docx")
        audits = _audit_rows(c)

        def flip(i: int) -> int:
            if i % 2:
                return client.post(f"/api/v1/plans/{plan}/restore").status_code
            return client.delete(f"/api/v1/plans/{plan}").status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            codes = list(pool.map(flip, range(8)))
        got = client.get(f"/api/v1/plans/{plan}")
        audited = _audit_rows(c) - audits
        ok = got.status_code == 200 and audited == len(codes) and all(s < 500 for s in codes)
        return Outcome(
            ok, f"{sorted(codes)}; plan {got.status_code} {got.json().get('status')}; audit rows {audited}/8"
        )

    return [
        Probe("Q01", "four clients add version 7.0 to one plan at once", "one 201, the rest 409 Chinese; one version 7.0", same_version_twice),
        Probe("Q02", "retire and restore one plan from four clients at once", "no 5xx, plan readable, one audit row per call", retire_restore_race),
    ]  # fmt: skip


def body_probes() -> list[Probe]:
    return [*_shape_probes(), *_page_probes(), *_concurrency_probes()]
