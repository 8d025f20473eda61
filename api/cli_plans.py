"""``safecloud plans …``: import an emergency plan file (DOCX/DOC/PDF) into a structured plan.

Registered on the main app in ``api/cli.py``. ``plans import`` prints the ``EmergencyPlan`` (JSON
with ``--json``, else a short summary) and the extraction report on stderr (or into ``--report``).
Saving to the graph is added by the review/graph layer; this command only parses and stores the
original file content-addressed under ``<data_dir>/plans/blobs``.
"""

from __future__ import annotations

import contextlib
import json
import logging
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli_audit import audited
from api.cli_errors import existing_file, fail
from api.settings import Settings
from core.errors import SafeCloudError

if TYPE_CHECKING:
    from core.ports import ChatModel

plans_app = typer.Typer(help="数字化预案：导入与结构化", no_args_is_help=True)
log = logging.getLogger(__name__)


class LlmChoice(StrEnum):
    none = "none"
    auto = "auto"


def _chat_model(settings: Settings, choice: LlmChoice) -> ChatModel | None:
    """``auto``: the configured model when it answers, else rules only (said on stderr)."""
    if choice is LlmChoice.none:
        return None
    from agents.llm import build_chat_model

    model = build_chat_model(settings)
    health = model.health()
    if health.get("status") != "ok":
        typer.echo(f"提示：语言模型不可用（{health.get('status')}），仅使用规则抽取。", err=True)
        return None
    return model


@plans_app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="DOCX / DOC / WPS / PDF 预案文件")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 EmergencyPlan JSON")] = False,
    llm: Annotated[
        LlmChoice, typer.Option("--llm", help="none：仅规则；auto：可用时调用语言模型")
    ] = LlmChoice.auto,
    report: Annotated[
        Path | None, typer.Option("--report", help="把抽取报告写入该 JSON 文件（默认输出到 stderr）")
    ] = None,
) -> None:
    """Parse a plan file and print the structured plan."""
    from plans.pipeline import import_plan

    settings = Settings()
    try:
        data = existing_file(file).read_bytes()
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    model = _chat_model(settings, llm)
    try:
        result = import_plan(
            data,
            file.name,
            chat_model=model,
            max_bytes=settings.plans.max_upload_mb * 2**20,
            blob_dir=settings.plan_blob_dir,
            ocr="auto" if settings.plans.ocr else None,
        )
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    finally:
        close = getattr(model, "close", None)
        if close is not None:
            close()
    report_doc = {"sha256": result.sha256, "media_type": result.media_type, **result.report.model_dump()}
    if report is not None:
        report.write_text(json.dumps(report_doc, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        typer.echo(json.dumps(report_doc, ensure_ascii=False, indent=2), err=True)
    plan = result.plan
    if as_json:
        typer.echo(plan.model_dump_json(indent=2))
        return
    typer.echo(
        f"{plan.title}（{plan.plan_type}）  {plan.issuing_unit} {plan.version} {plan.issued_at or ''}".rstrip()
    )
    typer.echo(
        f"章节 {len(plan.sections)}（已对应 {result.report.sections_mapped}），预警级别 {len(plan.warning_levels)}，"
        f"响应级别 {len(plan.response_levels)}，机构 {len(plan.org_units)}，联系人 {len(plan.contacts)}，"
        f"资源 {len(plan.resources)}，报告时限 {len(plan.reporting)}"
    )
    if result.report.partial:
        typer.echo("注意：结果不完整，请查看报告中的警告。")


@plans_app.command("link-system")
def link_system_command(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只列出建议的上级预案，不写入")] = False,
) -> None:
    """Give every plan without a parent its place in the plan system (预案体系); links set by users stay."""
    from api.bootstrap import build_container
    from core.scope import DEV_PRINCIPAL
    from plans.plan_system_links import link_system

    c = build_container(Settings())
    try:
        c.graph.connect()
        # a dry run only reads: audited, like the API, are the runs that may write
        with contextlib.nullcontext() if dry_run else audited(lambda: c.audit, "plans link-system"):
            result = link_system(c.plans.catalogue, DEV_PRINCIPAL, dry_run=dry_run)
    except SafeCloudError as exc:
        typer.echo(f"错误 [{exc.code}]：{exc.message}", err=True)
        raise typer.Exit(code=2) from None
    finally:
        if c.search is not None:
            c.search.close()
        if c.bus is not None:
            c.bus.close()
        c.graph.close()
    verb = "建议挂接" if dry_run else "已挂接"
    for item in result["linked"]:
        typer.echo(f"{verb}：{item['child_title']} → {item['parent_title']}（{item['reason']}）")
    for item in result["refused"]:
        typer.echo(f"未挂接：{item['child_title']} → {item['parent_title']}：{item['error']}")
    total = "建议挂接" if dry_run else "挂接"
    typer.echo(f"共{total} {len(result['linked'])} 个预案，仍无上级预案的 {result['roots']} 个。")
    if result["orphans"]:  # the level above them is missing: an administrator must file that plan
        typer.echo(f"其中 {len(result['orphans'])} 个预案没有可挂接的上级预案：")
        for item in result["orphans"]:
            typer.echo(f"  {item['title']}（{item['id']}，{item['tier']}）：{item['reason']}")
