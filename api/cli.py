"""``safecloud`` command line: graph migrate/stats, demo load, import, export, serve, doctor, bus."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from api.bootstrap import Container, build_container, now_ms
from api.cli_ai import llm_app, llm_report, models_app
from api.cli_audit import audited
from api.cli_bus import bus_app, bus_report
from api.cli_chat import ask_command
from api.cli_errors import ChineseErrorsGroup, existing_file
from api.cli_events import events_app
from api.cli_plans import plans_app
from api.cli_search import doctor_section, index_app
from api.cli_users import users_app
from api.settings import Settings
from core.errors import SafeCloudError, ValidationError
from core.models import Entity
from core.scope import DataScope

app = typer.Typer(
    help="SafeCloud 安全云平台命令行",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=ChineseErrorsGroup,  # Click's usage errors as one Chinese 错误 line
)
graph_app = typer.Typer(help="图数据库：迁移与统计", no_args_is_help=True)
demo_app = typer.Typer(help="演示城市数据", no_args_is_help=True)
app.add_typer(graph_app, name="graph")
app.add_typer(demo_app, name="demo")
app.add_typer(llm_app, name="llm")
app.add_typer(models_app, name="models")
app.add_typer(index_app, name="index")
app.add_typer(events_app, name="events")
app.add_typer(plans_app, name="plans")
app.add_typer(bus_app, name="bus")
app.add_typer(users_app, name="users")
app.command("ask")(ask_command)

log = logging.getLogger("safecloud")


def _echo_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fail(exc: SafeCloudError) -> None:
    typer.echo(f"错误 [{exc.code}]：{exc.message}", err=True)
    raise typer.Exit(code=2)


@contextlib.contextmanager
def _closing(c: Container) -> Iterator[None]:
    """Run a command body against the container: typed errors become a Chinese message and exit
    code; the search index (its local-mode folder lock) and the graph are always released."""
    try:
        yield
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        if c.search is not None:
            c.search.close()
        if c.bus is not None:
            c.bus.close()  # plan commands (demo plans) leave their events in the outbox
        c.graph.close()


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


@graph_app.command("migrate")
def graph_migrate() -> None:
    """Apply pending schema migrations (idempotent)."""
    from graph.migrations import migrate

    c = build_container()
    warnings: list[str] = []
    try:
        with audited(lambda: c.audit, "graph migrate"):
            applied = migrate(c.graph, warnings)
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        c.graph.close()
        for warning in warnings:  # existing duplicates: the migration went on, the admin must act
            typer.echo(f"警告：{warning}", err=True)
    typer.echo(f"已应用迁移：{applied}" if applied else "图数据库结构已是最新")


@graph_app.command("stats")
def graph_stats() -> None:
    """Node and relationship counts per label/type."""
    c = build_container()
    try:
        _echo_json(c.repository.stats())
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        c.graph.close()


@demo_app.command("load")
def demo_load(
    scale: Annotated[int | None, typer.Option(min=1, help="企业数量（1,000–100,000+）")] = None,
    seed: Annotated[int | None, typer.Option(help="随机种子，同一种子同一天生成相同数据")] = None,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="图中已有企业时跳过")] = False,
    fresh: Annotated[bool, typer.Option("--fresh", help="先清空图数据库")] = False,
) -> None:
    """Generate the deterministic Jiangyin demo city and load it through the graph port."""
    from graph.loader import GraphLoader
    from graph.migrations import migrate
    from graph.repository import day_bounds
    from ingestion.demo import generate_city

    settings = Settings()
    c = build_container(settings)
    options = {"scale": scale, "seed": seed, "if_empty": if_empty or None, "fresh": fresh or None}
    try:
        with audited(lambda: c.audit, "demo load", options):
            if fresh:
                c.graph.drop_all()  # type: ignore[attr-defined]
            migrate(c.graph)
            if if_empty and c.repository.search_enterprises(DataScope(), size=1).total > 0:
                typer.echo("图中已有演示数据，跳过加载")
                return
            report = GraphLoader(c.graph).load(
                # Anchored to the start of today (Asia/Shanghai) so re-loading within a day is a no-op.
                generate_city(
                    seed or settings.demo.seed, scale or settings.demo.scale, day_bounds(now_ms())[0]
                )
            )
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        c.graph.close()
    _echo_json(report.as_dict() | {"rejected": report.as_dict()["rejected"][:20]})
    if report.rejected:
        raise typer.Exit(code=1)


@demo_app.command("plans")
def demo_plans(
    folder: Annotated[Path, typer.Argument(help="样例预案目录（DOCX）")] = Path("evals/datasets/plans/files"),
) -> None:
    """Import, auto-accept and publish the sample plans whose file is not in the graph yet (resumes)."""
    from api.demo_plans import load_demo_plans

    c = build_container(Settings())
    with _closing(c):
        c.graph.connect()
        with audited(lambda: c.audit, "demo plans", {"folder": folder}):
            result = load_demo_plans(c, folder, progress=_plan_progress, note=_plan_note)
            typer.echo(result["summary"], err=True)  # stdout stays one JSON document
            _echo_json(result)


def _plan_progress(n: int, total: int) -> None:
    if n == 1 or n % 10 == 0 or n == total:  # a line every few seconds, not one per file
        typer.echo(f"正在导入示例预案 {n}/{total}", err=True)


def _plan_note(line: str) -> None:
    typer.echo(line, err=True)


@app.command("import")
def import_rows(
    kind: Annotated[str, typer.Argument(help="数据类型，如 enterprises、towns、hazards")],
    file: Annotated[Path, typer.Argument(help="JSON Lines 文件")],
) -> None:
    """Import JSON lines; bad lines and dangling references are reported, the rest is loaded."""
    from graph.loader import GraphLoader
    from ingestion.rows import NOT_JSON_LINES, LineErrorLog, entity_type, parse_jsonl, spreadsheet_kind

    c = build_container()
    errors = LineErrorLog()  # bounded: a file of bad lines must not become an unbounded report
    parsed: list[str] = []
    index_update: dict[str, object] = {}
    with _closing(c), audited(lambda: c.audit, "import", {"kind": kind, "file": file}):
        with existing_file(file).open("rb") as fh:  # decoded line by line (ingestion.rows)
            if (what := spreadsheet_kind(fh.read(4096))) is not None:
                raise ValidationError(NOT_JSON_LINES.format(what=what), code="not_json_lines")
            fh.seek(0)
            rows = parse_jsonl(entity_type(kind), fh, errors, now_ms=c.clock())
            report = GraphLoader(c.graph).load(_recording(rows, parsed))
        if entity_type(kind).label == "Enterprise" and report.nodes.get("Enterprise"):
            rejected = {r.row_id for r in report.rejected}
            index_update = _reindex_enterprises(c, [i for i in parsed if i not in rejected])
    summary = report.as_dict()
    summary.update(errors.report())
    if index_update:
        summary["search_index"] = index_update
    _echo_json(summary)
    if errors.total or report.rejected:
        raise typer.Exit(code=1)


def _recording(entities: Iterable[Entity], ids: list[str]) -> Iterator[Entity]:
    for entity in entities:
        ids.append(entity.id)
        yield entity


def _reindex_enterprises(c: Container, ids: list[str]) -> dict[str, object]:
    """Keep the search index in step with an enterprise import; a busy index is reported, not fatal."""
    from agents.search.enterprise_index import upsert_enterprises

    if c.search is None:
        return {}
    rows = [s.model_dump() for s in c.repository.enterprises_by_ids(DataScope(), ids)]
    try:
        return {"updated": upsert_enterprises(c.search.index, rows)}
    except SafeCloudError as exc:
        return {"updated": 0, "error": f"{exc.message}（稍后运行 safecloud index rebuild）"}


@app.command("export")
def export(
    what: Annotated[str, typer.Argument(help="enterprises")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Export entities as JSON lines (one object per line)."""
    if what != "enterprises" or fmt != "jsonl":
        typer.echo(
            "错误 [unsupported_export]：目前支持：safecloud export enterprises --format jsonl", err=True
        )
        raise typer.Exit(code=2)
    c = build_container()
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for row in c.repository.export_enterprises():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        c.graph.close()
        if output:
            out.close()


@app.command("serve")
def serve(
    host: Annotated[str | None, typer.Option()] = None,
    port: Annotated[int | None, typer.Option()] = None,
    check: Annotated[
        bool, typer.Option("--check", help="只检查该数据目录是否已有服务在运行（是则退出码 3）")
    ] = False,
) -> None:
    """Serve the API and the web UI (one server per data directory)."""
    import uvicorn

    from api import serve_lock
    from api.app import create_app

    settings = Settings()
    host, port = host or settings.api.host, port or settings.api.port
    try:
        if check:
            serve_lock.check_free(settings.data_dir)
            return
        lock = serve_lock.acquire(settings.data_dir, f"http://{host}:{port}")
    except serve_lock.AlreadyRunning as exc:
        typer.echo(f"错误 [{exc.code}]：{exc.message}", err=True)
        raise typer.Exit(code=serve_lock.EXIT_RUNNING) from None
    with lock:  # held until the server exits; the kernel releases it if the process is killed
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command("doctor")
def doctor() -> None:
    """Report each engine, its version and whether it answers."""
    settings = Settings()
    report: dict[str, object] = {"data_dir": str(settings.data_dir.resolve()), "env": settings.env}
    c = build_container(settings)
    try:
        report["graph"] = c.graph.info() | {"answers": c.repository.ping()}
    except SafeCloudError as exc:
        report["graph"] = {"kind": settings.graph.kind, "answers": False, "error": exc.message}
    finally:
        c.graph.close()
    report["search"] = doctor_section(c)
    report["llm"] = llm_report(settings)  # reported only: a stopped local LLM does not fail doctor
    report["event_bus"] = bus_report(settings)  # reported only: events wait in the outbox
    web_index = settings.api.web_dist / "index.html"
    report["web"] = {"dist": str(settings.api.web_dist), "built": web_index.is_file()}
    _echo_json(report)
    if not report["graph"].get("answers"):  # type: ignore[attr-defined]
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
