"""``safecloud users``: accounts from the shell (the first administrator has no one to log in as).

The password never travels in argv (it would sit in the shell history and ``ps``): it is asked
twice at a hidden prompt, or read as one line from standard input with ``--password-stdin``
(``printf '%s\\n' "$PW" | safecloud users add …``). Every command that writes is audited like
the other CLI writes (``api/cli_audit.py``): the options, never the password.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from api.bootstrap import Container, build_container
from api.cli_audit import audited
from api.cli_errors import fail
from core.auth import Role, check_password_policy
from core.errors import SafeCloudError, ValidationError
from core.scope import DataScope, ScopeLevel

users_app = typer.Typer(help="用户账号：添加、列出、停用/启用、重置密码（ADR 0017）", no_args_is_help=True)

PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="从标准输入读取一行作为密码（脚本用；密码不要写在命令行参数里）"),
]


def read_password(from_stdin: bool, *, username: str) -> str:
    """The new password, checked against the policy before anything is written."""
    # sys.stdin looked up now: a test runner (or a caller) may have replaced it
    password = sys.stdin.readline().rstrip("\r\n") if from_stdin else _prompt_twice()
    if not password:
        raise ValidationError("未读到密码", code="missing_password")
    check_password_policy(password, username=username)
    return password


def _prompt_twice() -> str:
    """The hidden prompt, asked twice. The prompts go to stderr, so ``--json`` keeps stdout to the
    one JSON document; Click's own confirmation said "Error: The two entered values do not match."
    in English and asked again without end, and an end of input printed "Aborted."."""
    try:
        first: str = typer.prompt("密码", hide_input=True, err=True)
        second: str = typer.prompt("再次输入密码", hide_input=True, err=True)
    except typer.Abort:  # end of input or Ctrl+C at the prompt
        raise ValidationError(
            "未读到密码（输入已结束或已取消），未做任何更改", code="missing_password"
        ) from None
    if first != second:
        raise ValidationError("两次输入的密码不一致，未做任何更改，请重新运行命令", code="password_mismatch")
    return first


def scope_of(town: str | None, enterprise: str | None, city: bool) -> DataScope:
    # Stripped first: `--town "  "` (an unset shell variable in quotes) ended in a pydantic traceback.
    town, enterprise = (town or "").strip() or None, (enterprise or "").strip() or None
    chosen = [x for x in (town, enterprise, city or None) if x]
    if len(chosen) != 1:
        raise ValidationError(
            "请且只请指定一个数据范围：--town 镇街、--enterprise 统一社会信用代码 或 --city",
            code="invalid_scope",
        )
    if town:
        return DataScope(level=ScopeLevel.TOWN, town=town)
    if enterprise:
        return DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=enterprise.upper())
    return DataScope()


@contextmanager
def _connected(as_json: bool = False) -> Iterator[Container]:
    c = build_container()
    try:
        c.graph.connect()
        yield c
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    finally:
        c.graph.close()


def _echo(data: Any, as_json: bool, line: str) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else line)


@users_app.command("add")
def add(
    username: Annotated[str, typer.Argument(help="用户名（字母、数字、. _ @ -）")],
    town: Annotated[str | None, typer.Option("--town", help="镇街账号，例如 华士镇")] = None,
    enterprise: Annotated[str | None, typer.Option("--enterprise", help="企业账号：统一社会信用代码")] = None,
    city: Annotated[bool, typer.Option("--city", help="全市账号")] = False,
    admin: Annotated[bool, typer.Option("--admin", help="管理员（可管理用户；须为全市范围）")] = False,
    name: Annotated[str, typer.Option("--name", help="显示名称，例如 张华（华士镇安监办）")] = "",
    temporary: Annotated[
        bool, typer.Option("--temporary", help="临时密码：用户首次登录须先修改密码")
    ] = False,
    password_stdin: PasswordStdin = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Add an account; its data scope is fixed here and cannot be widened by a request."""
    try:
        scope = scope_of(town, enterprise, city)
        password = read_password(password_stdin, username=username)
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    role = Role.ADMIN if admin else Role.OFFICER
    options = {"username": username, "scope": scope.describe(), "role": role.value}
    with _connected(as_json) as c, audited(lambda: c.audit, "users add", options):
        user = c.auth.create_user(
            username, password, scope=scope, role=role, display_name=name, temporary=temporary
        )
    _echo(user.public(), as_json, f"已添加用户 {user.username}（{scope.describe()}，{role.value}）")


@users_app.command("list")
def list_users(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """All accounts with scope, role and state (no password hashes)."""
    with _connected(as_json) as c:
        users = c.auth.list_users()
    if as_json:
        _echo([u.public() for u in users], True, "")
        return
    for u in users:
        state = "启用" if u.enabled else "停用"
        typer.echo(f"{u.username}\t{u.display_name}\t{u.scope.describe()}\t{u.role.value}\t{state}")
    if not users:
        typer.echo("还没有用户：safecloud users add NAME --city --admin 添加第一个管理员")


def _set_enabled(username: str, enabled: bool, as_json: bool) -> None:
    command = "users enable" if enabled else "users disable"
    with _connected(as_json) as c, audited(lambda: c.audit, command, {"username": username}):
        user = c.auth.set_enabled(username, enabled)
    _echo(user.public(), as_json, f"已{'启用' if enabled else '停用'}用户 {user.username}")


@users_app.command("disable")
def disable(username: str, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Disable an account; its sessions end at once."""
    _set_enabled(username, False, as_json)


@users_app.command("enable")
def enable(username: str, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    _set_enabled(username, True, as_json)


@users_app.command("reset-password")
def reset_password(
    username: str,
    password_stdin: PasswordStdin = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Set a new password (policy checked), lift a lock and end the account's sessions; the user
    must change it at the next login (the operator knows it)."""
    try:
        password = read_password(password_stdin, username=username)
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    with _connected(as_json) as c, audited(lambda: c.audit, "users reset-password", {"username": username}):
        user = c.auth.reset_password(username, password)
    _echo(user.public(), as_json, f"已重置用户 {user.username} 的密码，原有登录已失效，下次登录须修改密码")


__all__ = ["read_password", "scope_of", "users_app"]
