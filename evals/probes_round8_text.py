"""Probe round 8: every free-text field in dev mode against very long Chinese text, emoji (astral
and ZWJ sequences), lone UTF-16 surrogates (``\\ud800`` is legal JSON, not UTF-8) and NUL — the chat,
the event search, plan nodes, plan templates, upload file names and path segments."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from api.bootstrap import Container
from evals.probes_round5_kit import HUASHI, Outcome, Probe, _clean_refusal, _graph_size, stored_name

LONG = "华士镇化工企业的安全生产情况" * 4_000  # 56,000 Chinese characters pasted into one field
FIREFIGHTER = "消防👨\u200d🚒演练🔥预案"  # an astral emoji and a ZWJ sequence


def _raw_json(
    client: TestClient, method: str, path: str, body: str, headers: dict[str, str] | None = None
) -> Any:
    """``body`` sent byte for byte (a lone surrogate survives only as a JSON escape)."""
    sent = {"Content-Type": "application/json", **(headers or {})}
    return client.request(method, path, content=body.encode(), headers=sent)


def _no_5xx_or_refused(r: Any) -> Outcome:
    """A Chinese 4xx, or a 2xx; never a 5xx or a non-JSON error."""
    if r.status_code < 400:
        return Outcome(True, f"{r.status_code}")
    return _clean_refusal(r, (400, 413, 422))


def _refused_graph_same(call: Callable[[TestClient], Any]) -> Callable[[TestClient, Container], Outcome]:
    def run(client: TestClient, c: Container) -> Outcome:
        before = _graph_size(c)
        outcome = _clean_refusal(call(client), (413, 422))
        same = _graph_size(c) == before
        return Outcome(outcome.passed and same, f"{outcome.observed}; graph same={same}")

    return run


def _long_text_probes() -> list[Probe]:
    def chat_long(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/chat", json={"question": LONG, "stream": False, "use_llm": False})
        if r.status_code == 200:
            stored = json.dumps(client.get("/api/v1/chat/conversations").json(), ensure_ascii=False)
            return Outcome(len(stored) < 20_000, f"200; conversation list {len(stored)} chars")
        return _clean_refusal(r, (413, 422))

    def search_long(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/events/search", json={"sentence": LONG})
        history = json.dumps(client.get("/api/v1/events/search/history").json(), ensure_ascii=False)
        bounded = len(history) < 20_000
        if r.status_code == 200:
            return Outcome(bounded, f"200; history {len(history)} chars")
        outcome = _clean_refusal(r, (413, 422))
        return Outcome(outcome.passed and bounded, f"{outcome.observed}; history {len(history)} chars")

    return [
        Probe("E01", "chat question of 56,000 Chinese characters (JSON answer)", "422 Chinese, or 200 with the stored title/question bounded", chat_long),
        Probe("E02", "event search POST sentence of 56,000 characters", "422 Chinese or 200; history bounded", search_long),
        Probe("E03", "plan node title of 56,000 characters", "422 Chinese, graph same", _refused_graph_same(
            lambda client: client.post("/api/v1/plans/nodes", json={"title": LONG, "plan_type": "专项", "town": "华士镇"}, headers=HUASHI))),
        Probe("E04", "plan template name of 56,000 characters", "422 Chinese, graph same", _refused_graph_same(
            lambda client: client.post("/api/v1/plan-templates", json={"name": LONG, "modules": [{"skeleton": "总则", "title": "总则"}]}))),
    ]  # fmt: skip


def _surrogate_probes() -> list[Probe]:
    def chat_surrogate(client: TestClient, _: Container) -> Outcome:
        body = '{"question": "\\ud800华士镇有多少家企业", "stream": false, "use_llm": false}'
        return _no_5xx_or_refused(_raw_json(client, "POST", "/api/v1/chat", body))

    def search_surrogate(client: TestClient, _: Container) -> Outcome:
        r = _raw_json(client, "POST", "/api/v1/events/search", '{"sentence": "临港\\udfff的烟雾告警"}')
        listed = client.get("/api/v1/events/search/history")
        return Outcome(
            _no_5xx_or_refused(r).passed and listed.status_code == 200,
            f"search {r.status_code}; history {listed.status_code}",
        )

    def node_surrogate(client: TestClient, c: Container) -> Outcome:
        body = '{"title": "华士镇\\udc00防汛预案", "plan_type": "专项", "town": "华士镇"}'
        return _refused_graph_same(lambda cl: _raw_json(cl, "POST", "/api/v1/plans/nodes", body, HUASHI))(
            client, c
        )

    def template_surrogate(client: TestClient, c: Container) -> Outcome:
        body = '{"name": "模板\\ud83d", "modules": [{"skeleton": "总则", "title": "总则"}]}'
        return _refused_graph_same(lambda cl: _raw_json(cl, "POST", "/api/v1/plan-templates", body))(
            client, c
        )

    def filename_emoji(client: TestClient, _: Container) -> Outcome:
        name = stored_name(client, "🔥👨\u200d🚒预案.docx")
        if isinstance(name, Outcome):
            return name
        return Outcome(name == "🔥👨\u200d🚒预案.docx", f"201 stored {name!r}")

    return [
        Probe("E05", "chat question with a lone surrogate \\ud800 (JSON escape)", "200 or 4xx Chinese, no 5xx", chat_surrogate),
        Probe("E06", "event search sentence with a lone surrogate; then the history", "search 200/4xx Chinese, history still 200", search_surrogate),
        Probe("E07", "plan node title with a lone surrogate", "422 Chinese, graph same", node_surrogate),
        Probe("E08", "plan template name with a lone surrogate", "422 Chinese, graph same", template_surrogate),
        Probe("E09", "upload file name of emoji and a ZWJ sequence", "201 stored exactly, or 422 Chinese", filename_emoji),
    ]  # fmt: skip


def _emoji_nul_probes() -> list[Probe]:
    def node_emoji(client: TestClient, _: Container) -> Outcome:
        r = client.post("/api/v1/plans/nodes", json={"title": FIREFIGHTER, "plan_type": "专项", "town": "华士镇"},
                        headers=HUASHI)  # fmt: skip
        if r.status_code != 201:
            return _clean_refusal(r, (422,))
        got = client.get(f"/api/v1/plans/{r.json()['id']}", headers=HUASHI).json().get("title")
        return Outcome(got == FIREFIGHTER, f"201 stored {got!r}")

    def template_emoji(client: TestClient, _: Container) -> Outcome:
        r = client.post(
            "/api/v1/plan-templates",
            json={"name": FIREFIGHTER, "modules": [{"skeleton": "总则", "title": "总则🔥"}]},
        )
        if r.status_code != 201:
            return _clean_refusal(r, (422,))
        got = client.get(f"/api/v1/plan-templates/{r.json()['id']}").json()
        return Outcome(got.get("name") == FIREFIGHTER, f"201 stored {got.get('name')!r}")  # fmt: skip

    def template_nul(client: TestClient, c: Container) -> Outcome:
        body = {"name": "有NUL的模板", "modules": [{"skeleton": "总则", "title": "总\x00则"}]}
        return _refused_graph_same(lambda cl: cl.post("/api/v1/plan-templates", json=body))(client, c)

    def search_nul(client: TestClient, _: Container) -> Outcome:
        return _clean_refusal(client.post("/api/v1/events/search", json={"sentence": "临港\x00烟雾"}), (422,))

    def path_nul(client: TestClient, _: Container) -> Outcome:
        statuses = [client.get(p).status_code for p in ("/api/v1/enterprises/%00", "/api/v1/plans/PLN-%00",
                                                       "/api/v1/towns/%E5%8D%8E%00/stats")]  # fmt: skip
        return Outcome(all(s in (404, 422) for s in statuses), f"{statuses}")

    def enterprise_q_emoji(client: TestClient, _: Container) -> Outcome:
        r = client.get("/api/v1/enterprises", params={"q": "🔥华西纺织"})
        return _no_5xx_or_refused(r)

    return [
        Probe("E10", "plan node title with emoji and a ZWJ sequence", "201 stored exactly, or 422 Chinese", node_emoji),
        Probe("E11", "plan template name with emoji", "201 stored exactly, or 422 Chinese", template_emoji),
        Probe("E12", "plan template module title with NUL", "422 Chinese, graph same", template_nul),
        Probe("E13", "event search POST sentence with NUL", "422 Chinese", search_nul),
        Probe("E14", "NUL (%00) in path segments: enterprise, plan, town stats", "404/422 each", path_nul),
        Probe("E15", "enterprise search q with an emoji prefix", "200 or 4xx Chinese", enterprise_q_emoji),
    ]  # fmt: skip


def text_probes() -> list[Probe]:
    return [*_long_text_probes(), *_surrogate_probes(), *_emoji_nul_probes()]
