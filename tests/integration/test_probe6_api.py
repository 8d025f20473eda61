"""Probe round 6, end to end (``evals/probes_round6.py``, docs/PROBES.md "Round 6").

* ESC, BEL, backspace and DEL in a chat question or an event-search sentence were answered and
  stored (history, conversation list); refused now like a NUL, before anything is answered.
* Typed names (a plan node's title, a user's display name) kept them too.
* An upload's file name of 300 characters was stored whole (900 bytes), with its control characters.
* The import loaded a second duty shift of a person already on duty at that time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.bootstrap import Container
from core.errors import ValidationError
from core.models import DutyShift
from core.scope import DataScope
from graph.loader import GraphLoader
from tests.support.fixture_city import A, entities
from tests.support.fixture_city_app import fixture_city_app
from tests.support.plan_docs import docx_bytes


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container]]:
    with fixture_city_app(
        tmp_path_factory.mktemp("probe6-api"),
        raise_server_exceptions=False,
        event_search={"llm_fallback": False},
        plans={"ocr": False, "use_llm": False},
    ) as built:
        yield built


def _refused(r: Any, param: str) -> None:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "invalid_characters" and body["details"] == {"param": param}
    assert "控制字符" in body["message"]


@pytest.mark.parametrize("stream", [True, False])
def test_a_chat_question_with_terminal_escapes_is_refused_and_not_stored(env: Any, stream: bool) -> None:
    client, _ = env
    before = client.get("/api/v1/chat/conversations").json()
    r = client.post("/api/v1/chat", json={"question": "华士镇\x1b[1m有多少企业\x07", "stream": stream})
    _refused(r, "question")
    assert "ESC" in r.json()["message"] and "BEL" in r.json()["message"]
    assert client.get("/api/v1/chat/conversations").json() == before


def test_an_event_search_with_control_characters_keeps_no_history(env: Any) -> None:
    client, _ = env
    client.delete("/api/v1/events/search/history")
    _refused(client.get("/api/v1/events/search", params={"q": "上周\x08的烟雾告警"}), "q")
    _refused(client.post("/api/v1/events/search", json={"sentence": "上周的\x7f烟雾告警"}), "sentence")
    assert client.get("/api/v1/events/search/history").json() == []
    assert client.get("/api/v1/events/search", params={"q": "上周的烟雾告警\t"}).status_code == 200


def test_a_plan_node_title_with_control_characters_is_refused(env: Any) -> None:
    client, _ = env
    r = client.post("/api/v1/plans/nodes", json={"title": "防汛\x1b[31m预案", "plan_type": "专项"})
    assert r.status_code == 422 and "控制字符（ESC）" in r.json()["message"], r.text


def test_a_display_name_with_control_characters_is_refused(env: Any) -> None:
    _, c = env
    with pytest.raises(ValidationError, match="显示名称中含有不允许的控制字符"):
        c.auth.create_user("zhou_duty", "ZhouDuty2026", scope=DataScope(), display_name="周\x07值班")
    assert "zhou_duty" not in [u.username for u in c.auth.list_users()]


def test_an_uploaded_file_name_is_stored_bounded_with_its_extension(env: Any) -> None:
    client, _ = env
    name = "华士镇" * 100 + "\x1b[2J.docx"
    r = client.post("/api/v1/plans", files={"file": (name, docx_bytes())},
                    data={"enterprise_id": A, "allow_duplicate": "true"})  # fmt: skip
    assert r.status_code == 201, r.text
    stored = client.get(f"/api/v1/plans/{r.json()['plan_id']}/versions").json()[0]["source_filename"]
    assert stored.endswith(".docx") and stored.startswith("华士镇华士镇") and "\x1b" not in stored
    assert len(stored.encode()) <= 200


def test_a_person_already_on_duty_gets_no_second_overlapping_shift(env: Any) -> None:
    _, c = env
    shift = next(e for e in entities() if isinstance(e, DutyShift))
    hour = 3_600_000
    later = shift.model_copy(update={"id": "DS-PROBE6-LATER", "starts_at": shift.starts_at + hour,
                                     "ends_at": shift.ends_at + hour})  # fmt: skip
    after = shift.model_copy(update={"id": "DS-PROBE6-AFTER", "starts_at": shift.ends_at,
                                     "ends_at": shift.ends_at + 8 * hour})  # fmt: skip
    report = GraphLoader(c.graph).load([later, after])
    assert [(e.row_id, e.field) for e in report.rejected] == [("DS-PROBE6-LATER", "starts_at")]
    assert shift.id in report.rejected[0].message
    ids = {r["id"] for r in c.graph.read("MATCH (s:DutyShift) RETURN s.id AS id")}
    assert "DS-PROBE6-AFTER" in ids and "DS-PROBE6-LATER" not in ids
    json.dumps(report.as_dict(), ensure_ascii=False)  # the CLI prints it
