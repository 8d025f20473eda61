"""Probe round 5, over the API (``evals/probes_round5.py``, docs/PROBES.md "Round 5").

* A list filtered by a town that does not exist, or by another town than a town officer's own,
  answered an empty page: read as "no firms / plans there". Refused now as the response guide
  refuses it (422 ``unknown_town``, 403 ``out_of_scope``).
* ``POST /events/search`` without a sentence or a filter: one typed refusal (``empty_sentence``), the
  one the CLI gives; ``GET ?q=`` with a blank ``q`` still lists the newest events for the console.
* A chat question carrying a NUL was answered (templates, or the LLM) and only then refused when the
  turn was stored, naming a ``title`` parameter the caller never sent.
* The event count on a graph that was never written: FalkorDB answers no row, not 0.
* A file part with an empty file name was refused in FastAPI's English ("Expected UploadFile").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.bootstrap import Container
from core.scope import DataScope
from graph.event_repository import EventQuery, EventRepository
from graph.falkor_graph_store import FalkorGraphStore
from tests.support.fixture_city_app import fixture_city_app
from tests.support.plan_docs import docx_bytes

LINGGANG = {"X-SafeCloud-Town": quote("临港经济开发区")}


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container]]:
    with fixture_city_app(
        tmp_path_factory.mktemp("probe5-api"),
        raise_server_exceptions=False,
        event_search={"llm_fallback": False},
    ) as built:
        yield built


LISTS = ["/api/v1/enterprises", "/api/v1/map/enterprises", "/api/v1/plans"]


@pytest.mark.parametrize("path", LISTS)
def test_a_list_filtered_by_a_town_that_does_not_exist_is_refused(env: Any, path: str) -> None:
    client, _ = env
    for typo in ("华土镇", "临港开发区", "周庄镇"):  # a slip, a short form, a town the city lacks
        r = client.get(path, params={"town": typo})
        assert r.status_code == 422, (typo, r.text)
        assert r.json()["code"] == "unknown_town" and f"镇街“{typo}”不存在" in r.json()["message"]
    assert client.get(path, params={"town": " 华士镇 "}).status_code == 200  # a real one, pasted with spaces


@pytest.mark.parametrize("path", LISTS)
def test_a_town_officer_filtering_by_another_town_is_told_so(env: Any, path: str) -> None:
    client, _ = env
    other = client.get(path, params={"town": "华士镇"}, headers=LINGGANG)
    assert other.status_code == 403 and other.json()["code"] == "out_of_scope"
    assert other.json()["message"] == "无权查看“华士镇”的数据"
    assert client.get(path, params={"town": "临港经济开发区"}, headers=LINGGANG).status_code == 200


def test_a_search_post_with_neither_sentence_nor_filter_is_one_typed_refusal(env: Any) -> None:
    client, _ = env
    for body in ({}, {"sentence": ""}, {"sentence": " \t\n"}, {"sentence": None, "filter": None}):
        r = client.post("/api/v1/events/search", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["code"] == "empty_sentence" and "请提供一句话" in r.json()["message"]
    browse = client.get("/api/v1/events/search", params={"q": "  "})  # the console's empty box
    assert browse.status_code == 200 and browse.json()["total"] > 0


def test_a_chat_question_with_a_nul_is_refused_before_it_is_answered(env: Any, monkeypatch: Any) -> None:
    client, c = env
    first = client.post("/api/v1/chat", json={"question": "华士镇有几家企业", "stream": False})
    cid = first.json()["conversation_id"]

    def must_not_answer(*_: Any, **__: Any) -> None:
        raise AssertionError("a question with a NUL was answered")

    monkeypatch.setattr(c.chat, "_answer", must_not_answer)
    for stream in (True, False):
        r = client.post(
            "/api/v1/chat",
            json={"question": "那其中\x00有隐患的呢", "conversation_id": cid, "stream": stream},
        )
        assert r.status_code == 422, r.text
        body = r.json()
        assert body["code"] == "invalid_characters" and body["details"] == {"param": "question"}
        assert "问题中含有不允许的控制字符" in body["message"]
    turns = client.get(f"/api/v1/chat/conversations/{cid}").json()["items"]
    assert len(turns) == 1  # nothing stored


def test_counting_events_on_a_graph_never_written_is_zero(tmp_path: Path) -> None:
    store = FalkorGraphStore(tmp_path / "graph")
    store.connect()
    try:
        rows, total = EventRepository(store).search(DataScope(), EventQuery())
    finally:
        store.close()
    assert (rows, total) == ([], 0)


def test_a_file_part_without_a_file_name_is_refused_in_chinese(env: Any) -> None:
    client, c = env
    before = c.graph.read("MATCH (p:Plan) RETURN count(p) AS n")[0]["n"]
    # a script's multipart part with content but an empty file name (curl -F "file=@-;filename=")
    r = client.post("/api/v1/plans", files={"file": ("", docx_bytes())}, data={"town": "华士镇"})
    assert r.status_code == 422, r.text
    assert "请选择要上传的文件" in r.json()["message"] and "Expected" not in r.text
    assert c.graph.read("MATCH (p:Plan) RETURN count(p) AS n")[0]["n"] == before
