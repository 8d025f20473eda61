"""``safecloud`` commands that write land in the same audit trail as API writes, with the OS account
as the actor and ``channel=cli``; read-only runs are not recorded, refusals are, with their status."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.bootstrap import build_container
from api.cli import app
from api.cli_audit import os_user
from api.settings import Settings
from core.audit import AuditEntry

runner = CliRunner()


def _trail() -> list[AuditEntry]:
    c = build_container(Settings())
    c.graph.connect()
    try:
        assert c.audit is not None
        return c.audit.recent(limit=50)
    finally:
        c.graph.close()


def test_cli_writes_are_audited_as_the_os_user_and_dry_runs_are_not(data_dir: Path) -> None:
    assert runner.invoke(app, ["graph", "migrate"]).exit_code == 0
    pruned = runner.invoke(app, ["bus", "prune", "--older-than", "3", "--max-rows", "500"])
    assert pruned.exit_code == 0, pruned.output
    assert runner.invoke(app, ["plans", "link-system", "--dry-run"]).exit_code == 0
    linked = runner.invoke(app, ["plans", "link-system"])
    assert linked.exit_code == 0, linked.output
    trail = [e for e in _trail() if e.channel == "cli"]
    assert [e.path for e in trail] == [
        "safecloud plans link-system",  # newest first; the dry run (a read) is not there
        "safecloud bus prune",
        "safecloud graph migrate",
    ]
    prune = trail[1]
    assert prune.method == "CLI" and prune.status == 200 and prune.user_id == os_user()
    assert prune.query == "older_than=3.0&max_rows=500" and prune.scope == "city"


def test_a_refused_command_is_audited_with_the_status_the_api_would_answer(
    data_dir: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "无此文件.jsonl"
    refused = runner.invoke(app, ["import", "enterprises", str(missing)])
    assert refused.exit_code == 2 and "文件不存在" in refused.output
    [entry] = [e for e in _trail() if e.channel == "cli"]
    assert entry.path == "safecloud import" and entry.status == 422  # a ValidationError, as over HTTP
    assert "kind=enterprises" in entry.query


def test_records_from_before_channels_read_as_api_calls(data_dir: Path) -> None:
    c = build_container(Settings())
    c.graph.connect()
    try:
        c.graph.write(
            "CREATE (:AuditRecord {id: 'old-1', at: 1, user_id: 'u', scope: 'city', method: 'POST', "
            "path: '/api/v1/plans', query: '', status: 201, duration_ms: 3, client: '', "
            "body_sha256: '', body_bytes: 0})"
        )
        assert c.audit is not None
        [old] = c.audit.recent(limit=5)
    finally:
        c.graph.close()
    assert old.channel == "api" and old.path == "/api/v1/plans"


def test_the_audit_api_lists_cli_and_api_writes_apart(data_dir: Path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app

    assert runner.invoke(app, ["graph", "migrate"]).exit_code == 0
    assert runner.invoke(app, ["bus", "prune"]).exit_code == 0
    with TestClient(create_app(Settings(api={"web_dist": data_dir / "no-dist"}))) as client:
        client.post("/api/v1/plans/nodes", json={"title": "周庄镇防汛防台专项应急预案", "plan_type": "专项"})
        cli = client.get("/api/v1/audit", params={"channel": "cli"}).json()
        api = client.get("/api/v1/audit", params={"channel": "api"}).json()
        bad = client.get("/api/v1/audit", params={"channel": "shell"})
    assert [e["path"] for e in cli] == ["safecloud bus prune", "safecloud graph migrate"]
    assert {e["user_id"] for e in cli} == {os_user()} and {e["method"] for e in cli} == {"CLI"}
    assert [(e["method"], e["path"], e["channel"]) for e in api] == [("POST", "/api/v1/plans/nodes", "api")]
    assert bad.status_code == 422
