"""Command-line usage errors in Chinese, the same ``错误 [code]：…`` line as the commands' own errors.

Click reports a bad option, an out-of-range number or an unknown command in English inside a box;
the root ``safecloud`` group (``ChineseErrorsGroup``) turns every such refusal into one Chinese line on
stderr and exit code 2, and a file the command cannot read or write (``--report``, ``-o``) into one
``错误 [io_error]`` line and exit code 1 instead of a traceback. With ``--json`` a refusal also prints
the API's error body ``{"code", "message", "details"}`` on stdout (``fail``): a script reading stdout
had got nothing to parse. ``existing_file`` replaces Click's ``exists=True`` so a missing path or a
directory is refused in Chinese too.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer._click import exceptions as cx  # typer 0.2x vendors Click: its errors are these classes
from typer._click.core import Context
from typer.core import TyperGroup

from core.errors import SafeCloudError, ValidationError
from core.validation_messages import field_message

# Typer's check of an enum option's value: "'gpt' is not one of 'none', 'auto'."
_NOT_A_CHOICE = re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.+?)\.?$")


def _hint(exc: cx.BadParameter) -> str:
    if exc.param is not None:
        return " / ".join(getattr(exc.param, "opts", None) or [str(exc.param.name)])
    return str(exc.param_hint or "")


def usage_message(exc: cx.ClickException) -> str:
    """A Chinese sentence for Click's refusal; Click's own English detail is kept in brackets."""
    if isinstance(exc, cx.MissingParameter):
        return f"缺少参数 {_hint(exc)}"
    if isinstance(exc, cx.BadParameter):
        return f"参数 {_hint(exc)} 的值无效（{_detail(exc)}）"
    if isinstance(exc, cx.NoSuchOption):
        return f"未知选项 {exc.option_name}"
    if isinstance(exc, cx.FileError):
        return f"无法打开文件 {exc.ui_filename}（{exc.message}）"
    if isinstance(exc, cx.UsageError):
        return f"用法错误（{exc.message}）"
    return f"命令失败（{exc.message}）"


def _detail(exc: cx.BadParameter) -> str:
    """Typed options are checked by pydantic, whose English errors ride along as the cause: they are
    said in Chinese as the API says them; any other refusal keeps Click's own words."""
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors):
        return str(exc.message)
    return "；".join(_choice_message(field_message(e)) for e in errors())


def _choice_message(message: str) -> str:
    found = _NOT_A_CHOICE.match(message)
    if found is None:
        return message
    choices = "、".join(c.strip().strip("'") for c in found["choices"].split(","))
    return f"“{found['value']}”不是可选值，可选：{choices}"


def report(code: str, message: str, *, as_json: bool = False, details: dict[str, Any] | None = None) -> None:
    """The ``错误 [code]：message`` line on stderr and, for ``--json``, the same error as JSON on stdout."""
    typer.echo(f"错误 [{code}]：{message}", err=True)
    if as_json:
        body = {"code": code, "message": message, "details": details or {}}
        typer.echo(json.dumps(body, ensure_ascii=False, default=str))


def fail(exc: SafeCloudError, *, as_json: bool = False, exit_code: int = 2) -> NoReturn:
    """Refuse the command with ``exc``: ``report`` it, then exit with ``exit_code``."""
    report(exc.code, exc.message, as_json=as_json, details=exc.details)
    raise typer.Exit(code=exit_code)


@contextlib.contextmanager
def _chinese_usage_errors(as_json: bool) -> Iterator[None]:
    try:
        yield
    except cx.NoArgsIsHelpError:
        raise  # prints the help, as asked for
    except cx.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if ctx is not None else "safecloud"
        report("usage", f"{usage_message(exc)}。运行 {where} --help 查看用法。", as_json=as_json)
        raise typer.Exit(code=exc.exit_code) from None
    except OSError as exc:  # a path given on the command line cannot be read or written (--report, -o)
        if isinstance(exc, BrokenPipeError):
            raise  # `safecloud … | head`: Typer quiets it
        where = f"：{exc.filename}" if exc.filename else ""
        report("io_error", f"文件读写失败{where}（{exc.strerror or exc}）", as_json=as_json)
        raise typer.Exit(code=1) from None


_JSON = "safecloud.json_output"


class ChineseErrorsGroup(TyperGroup):
    """Root group: parsing (``make_context``) and running subcommands (``invoke``) are wrapped."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        as_json = "--json" in args  # parsing may fail before any command has read its options
        with _chinese_usage_errors(as_json):
            ctx = super().make_context(info_name, args, parent=parent, **extra)
        ctx.meta[_JSON] = as_json  # meta is shared with the subcommands' contexts
        return ctx

    def invoke(self, ctx: Context) -> Any:
        with _chinese_usage_errors(bool(ctx.meta.get(_JSON))):
            return super().invoke(ctx)


def existing_file(path: Path) -> Path:
    """``path`` when it is a readable file, else a ``ValidationError`` saying why, in Chinese."""
    if not path.exists():
        raise ValidationError(f"文件不存在：{path}", code="file_not_found")
    if path.is_dir():
        raise ValidationError(f"这是一个目录，不是文件：{path}", code="not_a_file")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise ValidationError(f"无法读取文件：{path}（{exc.strerror}）", code="file_unreadable") from None
    return path
