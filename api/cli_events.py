"""``safecloud events search "<sentence>"``: the parsed filter and the matching events.

A blank sentence is refused (exit 2, ``empty_sentence``) as ``POST /api/v1/events/search`` refuses it.
``--json`` prints ``{"filter": …, "results": […], "total": n, "warnings": […], "understood": …}`` with
ISO 8601 times (+08:00); a sentence with nothing understood has ``understood: false``, no results and a
Chinese ``hint`` with ``examples`` (exit 0, as the API's 200); without it, a short Chinese summary and one line per event. The CLI runs as the city-wide
dev principal, or a town with ``--town``.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from api.bootstrap import build_container, event_search
from api.cli_audit import audited
from api.cli_errors import fail
from api.cli_scope import cli_principal
from core.errors import SafeCloudError
from core.event_search import require_sentence

events_app = typer.Typer(help="事件检索：一句话搜事件", no_args_is_help=True)


@events_app.command("search")
def events_search(
    sentence: Annotated[str, typer.Argument(help="一句话，例如“昨天下午城东的烟雾告警”")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON：{filter, results}")] = False,
    page: Annotated[int, typer.Option(min=1, max=10_000)] = 1,  # as the API: the graph skip is 64-bit
    size: Annotated[int, typer.Option(min=1, max=200)] = 20,
    town: Annotated[str | None, typer.Option(help="以该镇街的数据范围检索")] = None,
    no_llm: Annotated[bool, typer.Option("--no-llm", help="只用规则解析，不调用语言模型")] = False,
    user: Annotated[str, typer.Option(help="记录检索历史的用户")] = "cli",
) -> None:
    """Parse the sentence into a filter and list the matching events, newest first."""
    try:  # command-line refusals, before the data is opened (not audited: api/cli_audit.py)
        principal = cli_principal(user, town)
        require_sentence(sentence)  # as POST /api/v1/events/search: "" had listed every event
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    c = build_container()
    try:
        c.graph.connect()
        service = event_search(c)
        if no_llm:
            service.chat_model = None
        # the search is kept in the user's history (a graph write, as POST /api/v1/events/search)
        options = {"town": town, "user": user, "no_llm": no_llm or None}
        with audited(lambda: c.audit, "events search", options, scope=principal.scope.describe()):
            c.scopes.check(principal.scope)  # --town with a typo had listed 0 events, silently
            result = service.search(sentence, principal, page=page, size=size)
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    finally:
        if c.search is not None:
            c.search.close()  # a leftover word may have opened the search index
        c.graph.close()
    body = json.loads(result.model_dump_json())
    if as_json:
        keys = (
            "filter",
            "results",
            "total",
            "warnings",
            "used_llm",
            "latency_ms",
            "understood",
            "hint",
            "examples",
        )
        out = {k: body[k] for k in keys}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not result.understood:  # nothing understood: the hint (with example sentences), no list
        typer.echo(f"提示：{result.hint}")
        return
    flt = {k: v for k, v in body["filter"].items() if v not in (None, [], "")}
    typer.echo("解析条件：" + json.dumps(flt, ensure_ascii=False))
    for note in body["warnings"]:
        typer.echo(f"提示：{note}")
    typer.echo(f"共 {result.total} 条，第 {page} 页：")
    for r in result.results:
        typer.echo(
            f"{r.occurred_at:%Y-%m-%d %H:%M}  {r.town}  {r.event_type}  {r.level}  {r.status}  {r.place}  {r.description}"
        )
