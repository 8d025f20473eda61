"""``safecloud users``: the first administrator from the shell, passwords never in argv, and every
write in the audit trail (``channel=cli``) without the password."""

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
    with fixture_city_cli_env(tmp_path_factory.mktemp("cli-users")) as d:
        yield d


def test_add_list_disable_and_reset_from_the_shell(data: Path) -> None:
    added = runner.invoke(app, ["users", "add", "ops_admin", "--city", "--admin", "--password-stdin", "--json"],
                          input="Shizheng2026ops\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["role"] == "admin" and "password_hash" not in added.stdout
    prompted = runner.invoke(app, ["users", "add", "hs_wang", "--town", "华士镇", "--name", "王敏"],
                             input="HuaShiWang2026\nHuaShiWang2026\n")  # fmt: skip
    assert prompted.exit_code == 0 and "town:华士镇" in prompted.stdout
    listed = json.loads(runner.invoke(app, ["users", "list", "--json"]).stdout)
    assert [(u["username"], u["scope_label"], u["enabled"]) for u in listed] == [
        ("hs_wang", "town:华士镇", True),
        ("ops_admin", "city", True),
    ]
    assert runner.invoke(app, ["users", "disable", "hs_wang"]).exit_code == 0
    assert "停用" in runner.invoke(app, ["users", "list"]).stdout
    reset = runner.invoke(
        app, ["users", "reset-password", "hs_wang", "--password-stdin"], input="HuaShiWang2027\n"
    )
    assert reset.exit_code == 0 and "原有登录已失效" in reset.stdout


def test_refusals_are_one_chinese_line(data: Path) -> None:
    weak = runner.invoke(
        app, ["users", "add", "hs_li", "--town", "华士镇", "--password-stdin"], input="lihua\n"
    )
    assert weak.exit_code == 2 and "密码长度至少 10 位" in weak.stderr
    two = runner.invoke(app, ["users", "add", "hs_li", "--town", "华士镇", "--city", "--password-stdin"],
                        input="HuaShiLi2026\n")  # fmt: skip
    assert two.exit_code == 2 and "只请指定一个数据范围" in two.stderr
    typo = runner.invoke(
        app, ["users", "add", "hs_li", "--town", "华士", "--password-stdin"], input="HuaShiLi2026\n"
    )
    assert typo.exit_code == 2 and "镇街“华士”不存在" in typo.stderr
    town_admin = runner.invoke(app, ["users", "add", "hs_boss", "--town", "华士镇", "--admin", "--password-stdin"],
                               input="HuaShiBoss2026\n")  # fmt: skip
    assert town_admin.exit_code == 2 and "管理员账号的数据范围必须为全市" in town_admin.stderr
    missing = runner.invoke(app, ["users", "disable", "nobody_here"])
    assert missing.exit_code == 2 and "不存在" in missing.stderr


def test_user_commands_are_audited_without_the_password(data: Path) -> None:
    from api.bootstrap import build_container

    runner.invoke(
        app, ["users", "add", "cj_zhao", "--town", "澄江街道", "--password-stdin"], input="ChengJiang2026z\n"
    )
    c = build_container()
    try:
        c.graph.connect()
        rows = [e for e in c.audit.recent(limit=100, channel="cli") if e.path.startswith("safecloud users")]  # type: ignore[union-attr]
    finally:
        c.graph.close()
    commands = {e.path for e in rows}
    assert {"safecloud users add", "safecloud users disable", "safecloud users reset-password"} <= commands
    assert all("ChengJiang2026z" not in e.query and "HuaShiWang" not in e.query for e in rows)
    assert any("username=ops_admin" in e.query and "role=admin" in e.query for e in rows)
