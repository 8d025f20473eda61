"""Hostile input against every user-facing path, over the real embedded FalkorDB and fixture city.

The promise under test: bad input gets a clear Chinese error (HTTP 4xx with ``{"code", "message",
"details"}``; CLI non-zero exit with a ``错误`` line on stderr), never a traceback or a 500; a refused
write changes nothing in the graph, and — per ``api/audit.py`` — every write through the API,
refused or not, leaves an audit row with its outcome status.

Inputs that are *meant* to succeed (an emoji plan title, an SQL-looking search word) may answer 2xx:
they are data, not attacks, and the graph engine only ever sees them as ``$params``.

The inputs: ``tests/support/hostile_inputs.py``; the command line: ``test_bad_input_cli.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient

from api.bootstrap import Container
from tests.support.fixture_city import A, C
from tests.support.fixture_city_app import fixture_city_app
from tests.support.hostile_inputs import (
    DOCX,
    GET_PATHS,
    GET_QUERIES,
    HOSTILE,
    IDS,
    JSON_WRITES,
    NUMBERS,
    NUMERIC,
    SHAPES,
    UPLOADS,
    URL_HOSTILE,
    WRITES,
)

HUASHI = {"X-SafeCloud-Town": quote("华士镇")}
ENGLISH = re.compile(r"[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}")  # e.g. "Input should be", "Extra inputs are"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container]]:
    with fixture_city_app(
        tmp_path_factory.mktemp("bad-input"),
        raise_server_exceptions=False,
        plans={"max_upload_mb": 1, "ocr": False, "use_llm": False},
        event_search={"llm_fallback": False},
    ) as built:
        yield built


def _graph_size(c: Container) -> tuple[int, int]:
    nodes = c.graph.read("MATCH (n) WHERE NOT n:AuditRecord RETURN count(n) AS n")[0]["n"]
    rels = c.graph.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return int(nodes), int(rels)


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_clean(r: Any) -> None:
    """< 500, no traceback; an error is JSON ``{code, message, details}`` with a Chinese message."""
    assert r.status_code < 500, f"{r.status_code}: {r.text[:500]}"
    assert "Traceback" not in r.text
    if r.status_code >= 400:
        body = r.json()
        assert set(body) == {"code", "message", "details"}, body
        assert _is_chinese(body["message"]), body
        assert not ENGLISH.search(body["message"]), body  # no untranslated framework sentence


def send(env: tuple[TestClient, Container], method: str, url: str, **kw: Any) -> Any:
    """Any request; for a write also: a refusal left the graph as it was, and the audit has the row."""
    client, c = env
    before = _graph_size(c)
    r = client.request(method, url, **kw)
    assert_clean(r)
    if method not in ("GET", "HEAD", "OPTIONS"):
        last = c.audit.recent(limit=1)[0]  # type: ignore[union-attr]
        path = unquote(url.split("?")[0]).replace("\x00", "\\x00")  # NUL is audited visibly
        assert (last.method, last.path, last.status) == (method, path, r.status_code)
        if r.status_code >= 400:
            assert _graph_size(c) == before, f"refused {method} {url} changed the graph"
    return r


# ---- strings into every path, query and body -------------------------------------------------
@pytest.mark.parametrize("value", URL_HOSTILE.values(), ids=IDS)
@pytest.mark.parametrize("path", GET_PATHS)
def test_hostile_path_segment(env: tuple[TestClient, Container], path: str, value: str) -> None:
    send(env, "GET", path.format(s=quote(value, safe="")))


@pytest.mark.parametrize("value", URL_HOSTILE.values(), ids=IDS)
@pytest.mark.parametrize(("url", "param"), GET_QUERIES)
def test_hostile_query_value(env: tuple[TestClient, Container], url: str, param: str, value: str) -> None:
    send(env, "GET", url.format(A=A), params={param: value})


@pytest.mark.parametrize("key", IDS)
@pytest.mark.parametrize(
    ("method", "url", "body"), WRITES, ids=[f"{m} {u}#{i}" for i, (m, u, _) in enumerate(WRITES)]
)
def test_hostile_write(env: tuple[TestClient, Container], method: str, url: str, body: Any, key: str) -> None:
    segment = quote(URL_HOSTILE[key], safe="") or "x"  # the value in the path, when the route has one
    send(env, method, url.format(s=segment), **body(HOSTILE[key]))


# ---- wrong JSON shapes ------------------------------------------------------------------------
@pytest.mark.parametrize("shape", SHAPES.values(), ids=list(SHAPES))
@pytest.mark.parametrize(("method", "url"), JSON_WRITES)
def test_wrong_json_shape(env: tuple[TestClient, Container], method: str, url: str, shape: Any) -> None:
    send(env, method, url, json=shape)


@pytest.mark.parametrize(("method", "url"), JSON_WRITES)
@pytest.mark.parametrize(
    "content", [("text/plain", b"hello"), ("application/json", b"{not json"), ("application/xml", b"<a/>")]
)
def test_wrong_content_type(
    env: tuple[TestClient, Container], method: str, url: str, content: tuple[str, bytes]
) -> None:
    send(env, method, url, content=content[1], headers={"Content-Type": content[0]})


# ---- numbers: limits, pages, coordinates --------------------------------------------------------
@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize(("url", "param"), NUMERIC)
def test_bad_numbers(env: tuple[TestClient, Container], url: str, param: str, number: str) -> None:
    send(env, "GET", url, params={param: number})


# ---- dates ------------------------------------------------------------------------------------
DATES = ["2026-02-30", "yesterday", "2026-13-01T00:00:00", "", 20260101, "2026-01-01T00:00:00+99:00"]


@pytest.mark.parametrize("date", DATES, ids=[str(d) for d in DATES])
def test_bad_dates(env: tuple[TestClient, Container], date: Any) -> None:
    r = send(env, "POST", "/api/v1/events/search", json={"filter": {"time_from": date}})
    assert r.status_code == 422
    r = send(env, "POST", "/api/v1/plans/x/versions", json={"version_no": "2.0", "issued_at": date})
    assert r.status_code in (404, 422)


def test_timezone_less_time_is_read_as_beijing_time(env: tuple[TestClient, Container]) -> None:
    """Intended: a browser's ``datetime-local`` value carries no offset; it means Asia/Shanghai."""
    r = send(env, "POST", "/api/v1/events/search", json={"filter": {"time_from": "2025-11-01T00:00:00"}})
    assert r.status_code == 200 and r.json()["filter"]["time_from"].endswith("+08:00")


def test_impossible_issue_date_is_refused_for_a_real_plan(env: tuple[TestClient, Container]) -> None:
    plan = send(
        env, "POST", "/api/v1/plans/nodes", json={"title": "日期测试预案", "plan_type": "专项"}
    ).json()
    r = send(
        env,
        "POST",
        f"/api/v1/plans/{plan['id']}/versions",
        json={"version_no": "9", "issued_at": "2026-02-30"},
    )
    assert r.status_code == 422


# ---- scope: another town's data, malformed scope headers -----------------------------------------
@pytest.mark.parametrize(
    "url",
    [f"/api/v1/enterprises/{A}", f"/api/v1/enterprises/{A}/portrait", f"/api/v1/lessors/{A}/network",
     f"/api/v1/towns/{quote('临港经济开发区')}/stats", "/api/v1/audit"],
)  # fmt: skip
def test_other_town_is_refused(env: tuple[TestClient, Container], url: str) -> None:
    r = send(env, "GET", url, headers=HUASHI)
    assert r.status_code in (403, 404), r.text
    assert "澄星" not in r.text


def test_town_user_cannot_file_a_plan_for_another_towns_enterprise(env: tuple[TestClient, Container]) -> None:
    r = send(env, "POST", "/api/v1/plans/nodes", json={"title": "越权", "enterprise_id": A}, headers=HUASHI)
    assert r.status_code in (403, 404, 422)
    own = send(env, "GET", f"/api/v1/enterprises/{C}", headers=HUASHI)
    assert own.status_code == 200


@pytest.fixture(scope="module")
def lingang_plan(env: tuple[TestClient, Container]) -> str:
    r = env[0].post(
        "/api/v1/plans/nodes", json={"title": "临港专项预案", "plan_type": "专项", "town": "临港经济开发区"}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


OTHER_TOWN_CALLS = [
    ("GET", "/api/v1/plans/{p}", {}), ("GET", "/api/v1/plans/{p}/facts", {}),
    ("GET", "/api/v1/plans/{p}/versions", {}), ("GET", "/api/v1/plans/{p}/diff?from=a&to=b", {}),
    ("PUT", "/api/v1/plans/{p}/node", {"json": {"title": "改名"}}), ("DELETE", "/api/v1/plans/{p}", {}),
    ("PUT", "/api/v1/plans/{p}/parent", {"json": {"parent_id": None}}),
    ("POST", "/api/v1/plans/{p}/versions", {"json": {"version_no": "2.0"}}),
    ("PATCH", "/api/v1/plans/{p}/review", {"json": {"decisions": []}}),
    ("POST", "/api/v1/plans/nodes", {"json": {"title": "挂到临港下", "parent_id": "{p}"}}),
    ("POST", "/api/v1/plans", {"files": {"file": ("p.docx", b"x")}, "data": {"plan_id": "{p}"}}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "url", "kw"), OTHER_TOWN_CALLS, ids=[f"{m} {u}" for m, u, _ in OTHER_TOWN_CALLS]
)
def test_other_towns_plan_is_neither_shown_nor_changed(
    env: tuple[TestClient, Container], lingang_plan: str, method: str, url: str, kw: dict[str, Any]
) -> None:
    def fill(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: fill(x) for k, x in v.items()}
        return v.format(p=lingang_plan) if isinstance(v, str) else v

    r = send(env, method, url.format(p=lingang_plan), headers=HUASHI, **fill(kw))
    assert r.status_code in (403, 404, 422), r.text
    assert "临港专项预案" not in r.text
    assert env[0].get(f"/api/v1/plans/{lingang_plan}").json()["title"] == "临港专项预案"


def test_another_users_conversation_is_not_found(env: tuple[TestClient, Container]) -> None:
    r = send(
        env,
        "POST",
        "/api/v1/chat",
        json={"question": "临港有多少家企业？", "stream": False, "use_llm": False},
    )
    cid = r.json()["conversation_id"]
    assert cid
    for method in ("GET", "DELETE"):
        assert send(env, method, f"/api/v1/chat/conversations/{cid}", headers=HUASHI).status_code == 404
    assert send(env, "GET", f"/api/v1/chat/conversations/{cid}").status_code == 200


def test_officers_of_two_towns_keep_their_own_conversations_and_search_history(
    env: tuple[TestClient, Container],
) -> None:
    """Both are scoped by header, not the city user: their per-user state must still be apart."""
    lingang = {"X-SafeCloud-Town": quote("临港经济开发区")}
    question = {"question": "临港经济开发区有哪些重大危险源？", "stream": False, "use_llm": False}
    cid = send(env, "POST", "/api/v1/chat", headers=lingang, json=question).json()["conversation_id"]
    send(env, "GET", "/api/v1/events/search", headers=lingang, params={"q": "临港昨天的泄漏告警"})
    assert send(env, "GET", f"/api/v1/chat/conversations/{cid}", headers=HUASHI).status_code == 404
    follow_up = {"question": "其中哪些是一级？", "conversation_id": cid, "stream": False, "use_llm": False}
    assert send(env, "POST", "/api/v1/chat", headers=HUASHI, json=follow_up).status_code == 404
    assert cid not in {c["id"] for c in send(env, "GET", "/api/v1/chat/conversations", headers=HUASHI).json()}
    assert "临港" not in send(env, "GET", "/api/v1/events/search/history", headers=HUASHI).text
    suggested = send(env, "GET", "/api/v1/events/search/suggestions?prefix=临", headers=HUASHI).json()
    assert "临港昨天的泄漏告警" not in {s["text"] for s in suggested}
    assert send(env, "DELETE", "/api/v1/events/search/history", headers=HUASHI).status_code == 200
    assert "临港昨天的泄漏告警" in send(env, "GET", "/api/v1/events/search/history", headers=lingang).text
    assert send(env, "GET", f"/api/v1/chat/conversations/{cid}", headers=lingang).status_code == 200


def test_a_town_officers_city_wide_question_says_it_counts_their_town_only(
    env: tuple[TestClient, Container],
) -> None:
    question = {"question": "我市一共有多少家企业？", "stream": False, "use_llm": False}
    town = send(env, "POST", "/api/v1/chat", headers=HUASHI, json=question).json()
    assert town["path"] != "refusal" and "华士镇" in town["notice"] and "不是全市" in town["notice"]
    assert "不是全市" not in send(env, "POST", "/api/v1/chat", json=question).json()["notice"]


def test_a_follow_up_on_an_answer_that_listed_nothing_is_not_widened_to_everything(
    env: tuple[TestClient, Container],
) -> None:
    ask = {"question": "华士镇有哪些危化品生产企业？", "stream": False, "use_llm": False}
    first = send(env, "POST", "/api/v1/chat", json=ask).json()
    assert "没有查到" in first["answer"]
    follow = {"question": "其中哪家隐患最多？", "conversation_id": first["conversation_id"], "stream": False}
    r = send(env, "POST", "/api/v1/chat", json=follow | {"use_llm": False}).json()
    assert r["path"] == "clarify" and "上一个问题没有查到结果" in r["answer"] and not r["rows"]


@pytest.mark.parametrize(
    "headers",
    [{"X-SafeCloud-Town": "%20"}, {"X-SafeCloud-Town": "%ZZ"}, {"X-SafeCloud-Town": quote("火星镇")},
     {"X-SafeCloud-Enterprise": " "}, {"X-SafeCloud-Enterprise": "' OR 1=1"},
     {"X-SafeCloud-Town": quote("a\x00b")}],
    ids=["blank-town", "bad-percent", "unknown-town", "blank-enterprise", "sql-enterprise", "nul-town"],
)  # fmt: skip
def test_malformed_scope_headers(env: tuple[TestClient, Container], headers: dict[str, str]) -> None:
    r = send(env, "GET", "/api/v1/enterprises", headers=headers)
    assert r.status_code in (200, 400, 403, 422)
    if r.status_code == 200:  # a scope that matches nothing sees nothing — never the whole city
        assert r.json()["total"] == 0
    send(env, "POST", "/api/v1/plans/nodes", json={"title": "范围测试"}, headers=headers)


# ---- methods and unknown routes -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "url"),
    [("PUT", "/api/v1/enterprises"), ("DELETE", "/api/v1/towns"), ("POST", f"/api/v1/enterprises/{A}"),
     ("PATCH", "/api/v1/audit"), ("GET", "/api/v1/nope"), ("POST", "/api/v1/nope"), ("DELETE", "/api/v1/events/search")],
)  # fmt: skip
def test_wrong_method_or_route(env: tuple[TestClient, Container], method: str, url: str) -> None:
    assert send(env, method, url).status_code in (404, 405)


# ---- uploads --------------------------------------------------------------------------------------
@pytest.mark.parametrize("upload", UPLOADS.values(), ids=list(UPLOADS))
def test_bad_uploads(env: tuple[TestClient, Container], upload: tuple[str, bytes]) -> None:
    blobs = env[1].settings.plan_blob_dir
    before = sorted(blobs.rglob("*")) if blobs.exists() else []
    r = send(env, "POST", "/api/v1/plans", files={"file": (upload[0], upload[1])})
    assert 400 <= r.status_code < 500
    assert (sorted(blobs.rglob("*")) if blobs.exists() else []) == before  # no stored original either


def test_town_user_cannot_upload_for_another_towns_enterprise(env: tuple[TestClient, Container]) -> None:
    r = send(env, "POST", "/api/v1/plans", files={"file": ("p.docx", DOCX.read_bytes())},
             data={"enterprise_id": A}, headers=HUASHI)  # fmt: skip
    assert r.status_code in (403, 404)


def test_chat_refuses_unanswerable_questions_as_a_reply(env: tuple[TestClient, Container]) -> None:
    """Intended: the chat API answers an empty / over-long / non-Chinese question with a polite
    ``refusal`` reply (shown in the conversation, nothing stored); the CLI makes it an error."""
    for question in ("", "   ", "危" * 10_000, "hello"):
        r = send(env, "POST", "/api/v1/chat", json={"question": question, "stream": False, "use_llm": False})
        assert r.status_code == 200 and r.json()["path"] == "refusal" and r.json()["conversation_id"] is None


def test_upload_without_file(env: tuple[TestClient, Container]) -> None:
    assert send(env, "POST", "/api/v1/plans", data={"title": "无文件"}).status_code == 422
