"""Probe round 3, CLI: a command run with ``--json`` prints JSON on stdout when it is refused too.

A script piping ``safecloud events search … --json`` into a JSON parser got an empty stdout on any
refusal (the Chinese ``错误`` line went to stderr only) and failed on the parse instead of reading why.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from tests.support.cli_env import fixture_city_cli_env

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("probe3-cli")) as data:
        (data / "empty.docx").write_bytes(b"")
        yield data


REFUSED = {
    "blank-question": (["ask", "  ", "--no-llm", "--json"], "invalid_question"),
    "unknown-town-ask": (["ask", "周庄镇有几家危化企业", "--no-llm", "--json", "--town", "周庄"], "unknown_scope"),
    "unknown-town-events": (["events", "search", "前天夜里的泄漏", "--json", "--no-llm", "--town", "青阳"], "unknown_scope"),
    "bad-page": (["events", "search", "上周的火灾", "--json", "--page", "0"], "usage"),
    "unknown-option": (["events", "search", "上周的火灾", "--json", "--colour"], "usage"),
    "missing-plan-file": (["plans", "import", "{data}/nope.docx", "--llm", "none", "--json"], "file_not_found"),
    "empty-plan-file": (["plans", "import", "{data}/empty.docx", "--llm", "none", "--json"], None),
}  # fmt: skip


@pytest.mark.parametrize(("args", "code"), REFUSED.values(), ids=list(REFUSED))
def test_a_refused_json_command_prints_the_error_as_json(
    cli_env: Path, args: list[str], code: str | None
) -> None:
    r = runner.invoke(cli, [a.format(data=cli_env) for a in args])
    assert r.exit_code != 0, r.output
    body = json.loads(r.stdout)  # the whole of stdout is one JSON document
    assert set(body) == {"code", "message", "details"}, body
    assert code is None or body["code"] == code, body
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["message"]), body
    assert f"错误 [{body['code']}]" in r.stderr  # the line for a person is still there


def test_without_json_a_refusal_leaves_stdout_empty(cli_env: Path) -> None:
    r = runner.invoke(cli, ["events", "search", "前天夜里的泄漏", "--no-llm", "--town", "青阳"])
    assert r.exit_code == 2 and r.stdout == "" and "错误 [unknown_scope]" in r.stderr


@pytest.mark.parametrize("town", ["", "  ", "\u3000"], ids=["empty", "blank", "full-width-blank"])
@pytest.mark.parametrize(
    "command", [["ask", "华士镇有几家企业", "--no-llm"], ["events", "search", "昨晚的烟雾告警"]]
)
def test_a_blank_town_scope_is_refused_not_widened_or_a_traceback(
    cli_env: Path, command: list[str], town: str
) -> None:
    r = runner.invoke(cli, [*command, "--json", "--town", town])
    assert r.exit_code == 2, (r.exit_code, r.output, r.exception)
    assert json.loads(r.stdout)["code"] == "invalid_scope" and "--town 不能为空" in r.stderr
