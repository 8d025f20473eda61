"""``safecloud index …``: build and inspect the search index (Qdrant).

With the embedded (local-mode) Qdrant, ONE process may open ``<data_dir>/qdrant`` at a time and
the running API server owns it. These commands then stop with a clear error
(``search_index_locked``): stop the server first, or run both against a Qdrant server
(``SAFECLOUD_SEARCH__URL``).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from api.bootstrap import Container, build_container
from api.cli_audit import audited
from core.errors import SafeCloudError

index_app = typer.Typer(help="检索索引（Qdrant）：重建与查看", no_args_is_help=True)


def _echo_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fail(exc: SafeCloudError) -> None:
    typer.echo(f"错误 [{exc.code}]：{exc.message}", err=True)
    raise typer.Exit(code=2)


def _close(c: Container) -> None:
    if c.search is not None:
        c.search.close()
    c.graph.close()


@index_app.command("rebuild")
def index_rebuild(
    batch_size: Annotated[int, typer.Option(min=1, max=4096, help="每批嵌入并写入的文档数")] = 256,
    fresh: Annotated[bool, typer.Option("--fresh", help="先删除企业集合再全量重建")] = False,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="索引中已有企业时跳过（用于 make demo）")
    ] = False,
) -> None:
    """Index every graph enterprise (name, 简称/字号, pinyin, address, town, category, tags).

    Re-runnable: documents are replaced in place and enterprises gone from the graph are removed.
    """
    from agents.search.enterprise_index import ENTERPRISES, rebuild_enterprise_index

    c = build_container()
    assert c.search is not None
    # Rewriting (with --fresh: dropping) the index is a write like an import: audited (api.cli_audit).
    options = {"batch_size": batch_size, "fresh": fresh or None, "if_empty": if_empty or None}
    try:
        with audited(lambda: c.audit, "index rebuild", options):
            index = c.search.index
            if if_empty and index.count(ENTERPRISES) > 0:
                typer.echo("检索索引中已有企业，跳过重建")
                return
            if fresh:
                index.drop(ENTERPRISES)  # type: ignore[attr-defined]
            report = rebuild_enterprise_index(
                c.repository,
                index,
                batch_size=batch_size,
                progress=lambda n: typer.echo(f"已索引 {n} 家企业", err=True),
            )
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        _close(c)
    _echo_json(report.as_dict())


@index_app.command("status")
def index_status() -> None:
    """Collections, document counts, engine location and embedder."""
    c = build_container()
    assert c.search is not None
    try:
        info = c.search.info()
    finally:
        _close(c)
    _echo_json(info)
    if not info.get("answers"):
        raise typer.Exit(code=1)


@index_app.command("search")
def index_search(
    query: Annotated[str, typer.Argument(help="查询文本，如 兴澄特钢、xctg")],
    collection: Annotated[str, typer.Option(help="集合：enterprises 或 chunks")] = "enterprises",
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
) -> None:
    """Try a hybrid query against a collection (no data scope: operators only)."""
    c = build_container()
    assert c.search is not None
    try:
        hits = c.search.index.search(collection, query, limit=limit)
    except SafeCloudError as exc:
        _fail(exc)
    finally:
        _close(c)
    _echo_json([{"id": h.id, "score": round(h.score, 4), **h.payload} for h in hits])


def doctor_section(c: Container) -> dict[str, Any]:
    """``safecloud doctor``'s ``search`` entry: engine, collections, embedder (never raises)."""
    if c.search is None:
        return {"configured": False}
    try:
        return c.search.info(probe=True)
    finally:
        c.search.close()
