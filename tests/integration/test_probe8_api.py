"""Probe round 8, end to end (``evals/probes_round8.py``, docs/PROBES.md "Round 8").

* A JSON body naming one key twice was written with the last value (a plan node's town, a
  template's name); the import took such a line the same way.
* The import stopped whole at a line holding a NUL, and answered a CSV or an Excel workbook with
  one JSON error per row.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.bootstrap import Container
from api.cli import app as cli
from core.models import Enterprise
from tests.support.cli_env import fixture_city_cli_env
from tests.support.fixture_city import B, C, entities, make_uscc
from tests.support.fixture_city_app import fixture_city_app


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Container]]:
    with fixture_city_app(
        tmp_path_factory.mktemp("probe8-api"),
        raise_server_exceptions=False,
        event_search={"llm_fallback": False},
        plans={"ocr": False, "use_llm": False},
    ) as built:
        yield built


def _audit_rows(c: Container) -> int:
    return int(c.graph.read("MATCH (a:AuditRecord) RETURN count(a) AS n")[0]["n"])


@pytest.mark.parametrize(
    ("path", "body"),
    [("/api/v1/chat", '{"question": "华士镇有多少家企业", "use_llm": false, "use_llm": true}'),
     ("/api/v1/events/search", '{"sentence": "上周的火焰告警", "filter": {"towns": ["华士镇"], "towns": []}}'),
     ("/api/v1/plans/nodes", '{"title": "防汛", "title": "防台", "plan_type": "专项"}')],
)  # fmt: skip
def test_a_body_naming_a_key_twice_is_a_chinese_422_audited_and_writes_nothing(
    env: Any, path: str, body: str
) -> None:
    client, c = env
    count = "MATCH (n) WHERE NOT n:AuditRecord RETURN count(n) AS n"
    nodes, audits = c.graph.read(count)[0]["n"], _audit_rows(c)
    r = client.post(path, content=body.encode(), headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_request"
    assert "出现了多次" in r.json()["message"]
    assert _audit_rows(c) == audits + 1
    assert c.graph.read(count)[0]["n"] == nodes


def test_an_upload_form_and_a_body_without_repeats_are_untouched(env: Any) -> None:
    client, _ = env
    r = client.post("/api/v1/events/search", content=b'{"sentence": "\xe4\xb8\x8a\xe5\x91\xa8\xe7\x9a\x84\xe7\x81\xab\xe7\x84\xb0\xe5\x91\x8a\xe8\xad\xa6"}',
                    headers={"Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 200


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("probe8-cli")) as data:
        yield data


def _firm(code: str, name: str, **extra: Any) -> dict[str, Any]:
    base = json.loads(next(e for e in entities() if isinstance(e, Enterprise)).model_dump_json())
    return base | {"id": code, "name": name, "town": "华士镇"} | extra


def _import(tmp_path: Path, name: str, content: bytes) -> Any:
    path = tmp_path / name
    path.write_bytes(content)
    return CliRunner().invoke(cli, ["import", "enterprises", str(path)])


def test_a_nul_refuses_its_line_and_the_rest_of_the_file_is_loaded(cli_env: Path, tmp_path: Path) -> None:
    good = make_uscc("9", "1", "320281", "MA1GDDD8")
    lines = [json.dumps(_firm(make_uscc("9", "1", "320281", "MA1NLLL8"), "带\x00企业")),
             json.dumps(_firm(good, "无空字符企业"), ensure_ascii=False)]  # fmt: skip
    result = _import(tmp_path, "nul.jsonl", ("\n".join(lines) + "\n").encode())
    summary = json.loads(result.stdout)
    assert result.exit_code == 1 and summary["line_errors"][0].startswith(
        "第 1 行 字段 name：含有不允许的控制字符"
    )
    assert summary["nodes"].get("Enterprise") == 1


def _workbook() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [("firms.xlsx", _workbook(), "Excel"),
     ("firms.txt", f"统一社会信用代码\t企业名称\n{B}\t某企业\n{C}\t另一家\n".encode("gbk"), "CSV")],
)  # fmt: skip
def test_a_spreadsheet_is_one_chinese_error_naming_json_lines(
    cli_env: Path, tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    result = _import(tmp_path, name, content)
    assert result.exit_code != 0 and "JSON Lines" in result.output and what in result.output
    assert len(result.output) < 1000
