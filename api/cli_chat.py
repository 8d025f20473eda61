"""``safecloud ask "<question>"``: duty-officer chat from the command line."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from api.bootstrap import build_container
from api.cli_audit import audited
from api.cli_errors import fail, report
from api.cli_scope import cli_principal
from core.errors import SafeCloudError


def ask_command(
    question: Annotated[str, typer.Argument(help="中文问题，例如：澄江街道现在谁值班？")],
    as_json: Annotated[
        bool, typer.Option("--json", help="输出 JSON（answer, citations, query, rows …）")
    ] = False,
    conversation: Annotated[str | None, typer.Option("--conversation", help="继续已有会话（追问）")] = None,
    town: Annotated[str | None, typer.Option(help="以该镇街的数据范围提问（测试数据范围）")] = None,
    no_llm: Annotated[bool, typer.Option("--no-llm", help="只用模板，不调用大模型")] = False,
) -> None:
    """Ask the safety graph a question in Chinese; prints the answer with its citations."""
    from agents.chat.service import check_question
    from agents.chat.slots import normalise_question

    try:
        principal = cli_principal("cli", town)
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    problem = check_question(normalise_question(question), principal.scope)
    if problem:  # the chat UI shows this as a reply; for a script it is bad input
        report("invalid_question", problem, as_json=as_json)
        raise typer.Exit(code=2)
    c = build_container()
    try:
        c.graph.connect()
        # the turn is stored in the graph (as POST /api/v1/chat, audited there); the question is not logged
        options = {"conversation": conversation, "town": town, "no_llm": no_llm or None}
        with audited(lambda: c.audit, "ask", options, scope=principal.scope.describe()):
            c.scopes.check(principal.scope)  # --town 火星镇 had answered with the city's duty roster
            result = c.chat.ask(question, principal, conversation_id=conversation, use_llm=not no_llm)
    except SafeCloudError as exc:
        fail(exc, as_json=as_json)
    finally:
        if c.chat is not None and c.chat.chat_model is not None:
            c.chat.chat_model.close()
        c.graph.close()
    if as_json:
        out = result.model_dump(include={"answer", "citations", "query", "params", "columns", "rows", "path",
                                         "intent", "latency_ms", "conversation_id", "slots", "notice"})  # fmt: skip
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    typer.echo(result.answer)
    if result.notice:  # the caveat the chat page shows under the answer (LLM down, narrower scope)
        typer.echo(f"提示：{result.notice}")
    typer.echo(
        f"\n[{result.path} · {result.intent or '—'} · {result.latency_ms:.0f} ms · 会话 {result.conversation_id}]"
    )
