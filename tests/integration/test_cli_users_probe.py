"""``safecloud users`` probed with what a tired operator types (ADR 0017, "Probe"): blank scopes,
names in capitals, a password piped with a Windows line end."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.support.cli_env import fixture_city_cli_env

runner = CliRunner()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with fixture_city_cli_env(tmp_path_factory.mktemp("cli-users-probe")) as d:
        yield d


@pytest.mark.parametrize("option", ["--town", "--enterprise"])
def test_a_blank_scope_is_one_chinese_line_not_a_traceback(data: Path, option: str) -> None:
    r = runner.invoke(
        app, ["users", "add", "yq_chen", option, "   ", "--password-stdin"], input="YunTing2026ab\n"
    )
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("错误 [invalid_scope]：") and len(r.stderr.strip().splitlines()) == 1


def test_a_name_in_capitals_is_the_same_account_for_every_command(data: Path) -> None:
    added = runner.invoke(app, ["users", "add", "YQ_Zhao", "--town", "华士镇", "--password-stdin", "--json"],
                          input="YunTing2026cd\r\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["username"] == "yq_zhao"
    twin = runner.invoke(
        app, ["users", "add", "yq_zhao", "--city", "--password-stdin"], input="YunTing2026ef\n"
    )
    assert twin.exit_code == 2 and "已存在" in twin.stderr
    assert runner.invoke(app, ["users", "disable", "YQ_ZHAO"]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["users", "list", "--json"]).stdout)
    assert [(u["username"], u["enabled"]) for u in listed] == [("yq_zhao", False)]
