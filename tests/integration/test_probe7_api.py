"""Probe round 7, end to end (``evals/probes_round7.py``, docs/PROBES.md "Round 7").

* A credit code typed full-width in the enterprise search box found nothing.
* Texts stored before round 6 (a search sentence, a conversation's title and question, an audit row)
  were read back with their terminal escapes.
* The loader took a video alarm of a type its camera does not run, and a second credit code under
  an enterprise name the city already had (exactly, or in full-width letters, or with a space).
* The import took an alarm updated before it occurred, and printed every error of a file of bad
  lines (30 000 lines: 17 MB).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.bootstrap import Container
from api.cli import app as cli
from core.models import Camera, Enterprise, Event
from graph.loader import GraphLoader
from tests.support.cli_env import fixture_city_cli_env
from tests.support.fixture_city import NOW, C, entities, make_uscc
from tests.support.fixture_city_app import fixture_city_app

CONTROLS = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x1b\x7f"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container]]:
    with fixture_city_app(
        tmp_path_factory.mktemp("probe7-api"),
        raise_server_exceptions=False,
        event_search={"llm_fallback": False},
        plans={"ocr": False, "use_llm": False},
    ) as built:
        yield built


def _first(kind: type) -> dict[str, Any]:
    return json.loads(next(e for e in entities() if isinstance(e, kind)).model_dump_json())


def _raw_controls(value: Any) -> bool:
    return any(
        ch in CONTROLS for ch in json.dumps(value, ensure_ascii=False).encode().decode("unicode_escape")
    )


@pytest.mark.parametrize("typed", ["full-width", "spaced"])
def test_a_credit_code_typed_full_width_or_spaced_finds_its_firm(env: Any, typed: str) -> None:
    client, _ = env
    q = (
        C.translate({i: i + 0xFEE0 for i in range(0x21, 0x7F)})
        if typed == "full-width"
        else f"{C[:9]} {C[9:]}"
    )
    r = client.get("/api/v1/enterprises", params={"q": q})
    assert r.status_code == 200 and [x["uscc"] for x in r.json()["items"]] == [C]


def test_texts_stored_before_round_6_are_shown_without_raw_control_characters(env: Any) -> None:
    client, c = env
    client.get("/api/v1/events/search", params={"q": "临港上个月的未戴安全帽告警"})
    c.graph.write("MATCH (h:EventSearch {sentence: '临港上个月的未戴安全帽告警'}) SET h.sentence = $s",
                  {"s": "临港\x1b[1m上个月\x08的未戴安全帽告警"})  # fmt: skip
    cid = client.post(
        "/api/v1/chat", json={"question": "华士镇有几家纺织企业", "stream": False, "use_llm": False}
    ).json()["conversation_id"]
    c.graph.write("MATCH (c:Conversation {id: $id})-[:HAS_TURN]->(t:Turn) SET c.title = $s, t.question = $s",
                  {"id": cid, "s": "华士镇\x1b]0;标题\x07纺织"})  # fmt: skip
    history = client.get("/api/v1/events/search/history").json()
    detail = client.get(f"/api/v1/chat/conversations/{cid}").json()
    listed = client.get("/api/v1/chat/conversations").json()
    assert "临港␛[1m上个月␈的未戴安全帽告警" in [h["sentence"] for h in history]
    assert detail["title"] == detail["items"][0]["question"] == "华士镇␛]0;标题␇纺织"
    assert not _raw_controls([history, detail, listed])


def test_an_audit_row_stored_with_control_characters_is_listed_visibly(env: Any) -> None:
    client, c = env
    client.get("/api/v1/enterprises", params={"q": "审计旧行"})
    c.graph.write(
        "MATCH (a:AuditRecord) WHERE a.query CONTAINS 'q=' SET a.client = $s", {"s": "旧\x1b[2J客户端"}
    )
    rows = client.get("/api/v1/audit", params={"limit": 500}).json()
    assert "旧␛[2J客户端" in [r["client"] for r in rows]
    assert not _raw_controls(rows)
    stored = c.graph.read("MATCH (a:AuditRecord {client: $s}) RETURN count(a) AS n", {"s": "旧\x1b[2J客户端"})
    assert stored[0]["n"] >= 1  # shown, never rewritten


def test_a_video_alarm_of_a_type_its_camera_does_not_run_is_rejected(env: Any) -> None:
    _, c = env
    camera = _first(Camera) | {"id": "CAM-P7", "algorithms": ["人员闯入"]}
    event = _first(Event) | {"camera_id": "CAM-P7", "source": "视频算法"}
    report = GraphLoader(c.graph).load([
        Camera.model_validate(camera),
        Event.model_validate(event | {"id": "EV-P7-OK", "event_type": "人员闯入"}),
        Event.model_validate(event | {"id": "EV-P7-NOT-RUN", "event_type": "抽烟"}),
        Event.model_validate(event | {"id": "EV-P7-IOT", "event_type": "温度超限", "source": "物联阈值"}),
    ])  # fmt: skip
    assert [(e.row_id, e.field) for e in report.rejected] == [("EV-P7-NOT-RUN", "event_type")]
    assert "未配置“抽烟”算法" in report.rejected[0].message
    stored = c.graph.read("MATCH (e:Event) WHERE e.id STARTS WITH 'EV-P7' RETURN e.id AS id ORDER BY id")
    assert [r["id"] for r in stored] == ["EV-P7-IOT", "EV-P7-OK"]


def test_a_second_credit_code_under_a_taken_enterprise_name_is_rejected(env: Any) -> None:
    _, c = env
    base = _first(Enterprise)
    taken = base["name"]
    rows = [
        base | {"name": taken},  # the stored firm itself, again: an update
        base | {"id": make_uscc("9", "1", "320281", "MA1PPPP1"), "name": taken.replace("有限", "有限 ")},
        base | {"id": make_uscc("9", "1", "320281", "MA1PPPP2"), "name": "江阴ＱＲ精密有限公司"},
        base | {"id": make_uscc("9", "1", "320281", "MA1PPPP3"), "name": "江阴qr精密有限公司"},
    ]
    report = GraphLoader(c.graph).load([Enterprise.model_validate(r) for r in rows])
    assert [(e.row_id, e.field) for e in report.rejected] == [
        (rows[1]["id"], "name"),
        (rows[3]["id"], "name"),
    ]
    assert base["id"] in report.rejected[0].message and "江阴ＱＲ精密有限公司" in report.rejected[1].message


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("probe7-cli")) as data:
        yield data


def test_the_import_of_many_bad_lines_reports_a_bounded_summary(cli_env: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"X{i}"}) for i in range(600)) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "events", str(path)])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert len(summary["line_errors"]) == 1000 and summary["line_errors_total"] > 1000
    assert summary["line_errors_note"].startswith("共 600 行有误")


def test_the_import_refuses_an_alarm_updated_before_it_occurred(cli_env: Path, tmp_path: Path) -> None:
    row = _first(Event) | {
        "id": "EV-P7-BACKWARDS",
        "occurred_at": NOW - 3_600_000,
        "updated_at": NOW - 7_200_000,
    }
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "events", str(path)])
    summary = json.loads(result.stdout)
    assert result.exit_code == 1 and summary["line_errors"][0].startswith("第 1 行 字段 updated_at：更新时间")
    assert summary["nodes"].get("Event", 0) == 0
