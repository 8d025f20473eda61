"""Probe round 4, CLI: refusals a script or an operator meets at the shell, in Chinese.

* ``safecloud import`` of a JSON lines file saved as GBK (Windows tools' default for Chinese)
  ended in a UnicodeDecodeError traceback; a UTF-8 file with a byte-order mark (Notepad) lost its
  first row to "Unexpected UTF-8 BOM (decode using utf-8-sig)".
* ``safecloud users add`` / ``reset-password`` at the interactive prompt: two different entries
  printed Click's "Error: The two entered values do not match." and asked again; an end of input
  printed "Aborted." with exit 1 and, with ``--json``, nothing on stdout; the prompts themselves
  were written to stdout ahead of the JSON document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.bootstrap import build_container
from api.cli import app as cli
from api.settings import Settings
from tests.support.cli_env import fixture_city_cli_env

runner = CliRunner()
ROW = '{{"id": "{name}", "name": "{name}", "kind": "镇", "lat": 31.9, "lon": 120.3}}'


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("probe4-cli")) as data:
        yield data


def _stats_towns() -> int:
    r = runner.invoke(cli, ["graph", "stats"])
    assert r.exit_code == 0, r.output
    return int(json.loads(r.stdout)["nodes"]["Town"])


def test_a_gbk_rows_file_is_refused_line_by_line_in_chinese(cli_env: Path) -> None:
    before = _stats_towns()
    rows = cli_env / "towns-gbk.jsonl"
    rows.write_bytes("\n".join(ROW.format(name=n) for n in ("月城镇", "璜土镇")).encode("gbk") + b"\n")
    r = runner.invoke(cli, ["import", "towns", str(rows)])
    assert isinstance(r.exception, SystemExit) and r.exit_code == 1, repr(r.exception)  # not a traceback
    summary = json.loads(r.stdout)
    assert len(summary["line_errors"]) == 2
    assert all("UTF-8" in e and "另存为" in e for e in summary["line_errors"])
    assert _stats_towns() == before  # nothing half-loaded


def test_a_rows_file_with_a_byte_order_mark_loads_every_row(cli_env: Path) -> None:
    before = _stats_towns()
    rows = cli_env / "towns-bom.jsonl"
    text = "\r\n".join(ROW.format(name=n) for n in ("徐霞客镇", "祝塘镇")) + "\r\n"
    rows.write_bytes("\ufeff".encode() + text.encode())
    r = runner.invoke(cli, ["import", "towns", str(rows)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["line_errors"] == []
    assert _stats_towns() == before + 2


@pytest.mark.parametrize(
    ("args", "typed", "code", "words"),
    [
        (["users", "add", "zt_zhou", "--town", "华士镇"], "ZhouTang2026a\nZhouTang2026b\n", "password_mismatch", "两次输入的密码不一致"),
        (["users", "add", "zt_zhou", "--town", "华士镇"], "", "missing_password", "未读到密码"),
        (["users", "reset-password", "zt_nobody"], "ZhouTang2026a\n", "missing_password", "未读到密码"),
    ],
)  # fmt: skip
def test_the_password_prompt_refuses_in_chinese(
    cli_env: Path, args: list[str], typed: str, code: str, words: str
) -> None:
    r = runner.invoke(cli, [*args, "--json"], input=typed)
    assert r.exit_code == 2, r.output
    body = json.loads(r.stdout)  # the prompts went to stderr: stdout is the one JSON document
    assert body["code"] == code and words in body["message"]
    assert "Error" not in r.output and "Aborted" not in r.output
    assert f"错误 [{code}]" in r.stderr


def test_an_account_added_at_the_prompt_prints_only_json_on_stdout(cli_env: Path) -> None:
    r = runner.invoke(
        cli, ["users", "add", "zt_gu", "--town", "华士镇", "--json"], input="GuZhuTang2026\n" * 2
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["username"] == "zt_gu"
    assert "密码" in r.stderr


def _cli_trail() -> list[str]:
    c = build_container(Settings())
    c.graph.connect()
    try:
        assert c.audit is not None
        return [f"{e.path} {e.status}" for e in c.audit.recent(limit=50) if e.channel == "cli"]
    finally:
        c.graph.close()


def test_rebuilding_the_search_index_is_audited(cli_env: Path) -> None:
    # --fresh drops the enterprise collection first: a write like an import, so it is in the trail.
    r = runner.invoke(cli, ["index", "rebuild", "--fresh", "--batch-size", "64"])
    assert r.exit_code == 0, r.output
    skipped = runner.invoke(cli, ["index", "rebuild", "--if-empty"])
    assert skipped.exit_code == 0, skipped.output
    assert _cli_trail()[:2] == ["safecloud index rebuild 200", "safecloud index rebuild 200"]


def test_an_event_search_page_past_the_apis_ceiling_is_refused(cli_env: Path) -> None:
    # GET /api/v1/events/search allows pages up to 10,000; the command took any number.
    r = runner.invoke(
        cli, ["events", "search", "上周华士镇的火灾", "--page", "99999999999999999999", "--json"]
    )
    assert r.exit_code == 2, r.output
    body = json.loads(r.stdout)
    assert body["code"] == "usage" and "--page" in body["message"] and "10000" in body["message"]
