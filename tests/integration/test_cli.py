"""The ``safecloud`` CLI against a real embedded FalkorDB in an isolated data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from core.standards.uscc import make_uscc
from tests.support.fixture_city import entities

runner = CliRunner()


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows))
    return path


def _enterprise(code: str, **over: object) -> dict[str, object]:
    row: dict[str, object] = {
        "uscc": code,
        "name": "江阴市测试机械有限公司",
        "town": "华士镇",
        "address": "华士镇华西村2号",
        "category": "机械",
        "scale": "小型",
        "responsibility_class": "C",
        "legal_rep": "王五",
        "safety_officer": "钱七",
        "employees": 12,
        "lat": 31.84,
        "lon": 120.43,
    }
    return row | over


def test_migrate_is_idempotent(data_dir: Path) -> None:
    first = runner.invoke(app, ["graph", "migrate"])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["graph", "migrate"])
    assert again.exit_code == 0 and "最新" in again.output


def test_import_reports_bad_rows_and_loads_the_rest(data_dir: Path, tmp_path: Path) -> None:
    towns = [e.model_dump(mode="json") for e in entities() if e.label == "Town"]
    assert runner.invoke(app, ["import", "towns", str(_jsonl(tmp_path / "t.jsonl", towns))]).exit_code == 0
    good = make_uscc("9", "1", "320281", "MA1TEXT1")
    other = make_uscc("9", "1", "320281", "MA1TEXT2")
    rows = [
        _enterprise(good),
        _enterprise(good[:-1] + ("1" if good[-1] != "1" else "2")),  # wrong check char
        _enterprise(other, town="火星镇"),  # unknown town
        _enterprise(good, name="重复"),  # duplicate code
        _enterprise(make_uscc("9", "1", "320281", "MA1TEXT3"), lat=39.9, lon=116.4),  # Beijing
        "{not json",
        _enterprise(make_uscc("9", "1", "320281", "MA1TEXT4"), category="造船"),
    ]
    result = runner.invoke(app, ["import", "enterprises", str(_jsonl(tmp_path / "e.jsonl", rows))])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["nodes"] == {"Enterprise": 1}
    line_errors = report["line_errors"]
    assert any(e.startswith("第 2 行 字段 id") and "校验位" in e for e in line_errors)
    assert any(e.startswith("第 5 行 字段 lat") for e in line_errors)
    assert any(e.startswith("第 6 行") and "JSON" in e for e in line_errors)
    assert any(e.startswith("第 7 行 字段 category") for e in line_errors)
    rejected = {(r["row_id"], r["field"]) for r in report["rejected"]}
    assert rejected == {(other, "town"), (good, "id")}

    exported = runner.invoke(app, ["export", "enterprises", "--format", "jsonl"])
    lines = [json.loads(x) for x in exported.stdout.splitlines()]
    assert [(x["uscc"], x["name"]) for x in lines] == [(good, "江阴市测试机械有限公司")]


def test_import_refuses_unknown_kind(data_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", "spaceships", str(_jsonl(tmp_path / "x.jsonl", [{}]))])
    assert result.exit_code == 2 and "未知的数据类型" in result.output


def test_doctor_reports_the_engine(data_dir: Path) -> None:
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["graph"]["engine"].startswith("FalkorDB") and report["graph"]["answers"] is True
    assert report["event_bus"]["kind"] == "outbox" and report["event_bus"]["outbox_pending"] == "0"


def test_neo4j_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from api.settings import Neo4jSettings, Settings

    monkeypatch.setenv("SAFECLOUD_GRAPH__KIND", "neo4j")
    monkeypatch.setenv("SAFECLOUD_GRAPH__URI", "bolt://db.internal:7687")
    monkeypatch.setenv("SAFECLOUD_GRAPH__PASSWORD", "s3cret-from-vault")
    s = Settings()
    assert isinstance(s.graph, Neo4jSettings) and s.graph.uri == "bolt://db.internal:7687"
    assert "s3cret" not in repr(s)


def test_production_refuses_default_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    from api.settings import Settings
    from core.errors import ConfigError

    monkeypatch.setenv("SAFECLOUD_ENV", "prod")
    monkeypatch.setenv("SAFECLOUD_API__SCOPE_HEADERS", "false")
    monkeypatch.setenv("SAFECLOUD_GRAPH__KIND", "neo4j")
    monkeypatch.setenv("SAFECLOUD_GRAPH__PASSWORD", "neo4j")
    with pytest.raises(ConfigError):
        Settings()


def test_imported_enterprises_are_searchable_at_once(data_dir: Path, tmp_path: Path) -> None:
    towns = [e.model_dump(mode="json") for e in entities() if e.label == "Town"]
    assert runner.invoke(app, ["import", "towns", str(_jsonl(tmp_path / "t.jsonl", towns))]).exit_code == 0
    code = make_uscc("9", "1", "320281", "MA1QQQQ7")
    row = _enterprise(code, name="江阴市澄澜精密铸造有限公司")
    result = runner.invoke(app, ["import", "enterprises", str(_jsonl(tmp_path / "e.jsonl", [row]))])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["search_index"] == {"updated": 1}
    found = runner.invoke(app, ["index", "search", "澄澜铸造"])
    assert found.exit_code == 0 and code in found.stdout
