"""Text-to-Cypher fallback: question → schema-grounded prompt → guarded, scoped, read-only query → rows.

The model proposes; it never decides what is safe. ``graph.cypher_guard`` checks and rewrites the
query (allow-lists, LIMIT, the principal's scope injected structurally), the store runs it through
``GraphStore.read_only`` (engine-enforced read-only, timeout). A rejection or an execution error is
fed back to the model once; the second failure is raised.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from agents.cypher.grounding import check_literals_grounded
from agents.cypher.prompt_build import build_prompt
from agents.llm.prompts import PromptLibrary
from core.ai import ChatMessage
from core.errors import GraphError, RetryableError
from core.ports import ChatModel, GraphStore
from core.scope import DataScope
from graph.cypher_catalog import scope_parameters
from graph.cypher_guard import CypherRejectedError, GuardedQuery, guard_cypher

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500
MAX_ATTEMPTS = 2  # the first try and one bounded retry with the error
# Generated tokens per draft: the longest hand-written query of the chat eval sets is 191 tokens as
# {"cypher": …} JSON, the longest few-shot example 77, a typical draft ~60. Twice the longest stops a
# draft that repeats itself after ~20 s of decoding on one core instead of the adapter's 1,024 (~55 s).
MAX_DRAFT_TOKENS = 384


# The length check is a validator, not ``Field(max_length=…)``: llama.cpp turns a JSON-schema
# ``maxLength`` into one nested grammar rule per character, and a large one crashed the server
# (segfault in libllama's grammar code, seen with 4000). ADR 0002 §3: the schema stays plain.
class CypherDraft(BaseModel):
    """What the model must return."""

    cypher: str

    @field_validator("cypher")
    @classmethod
    def _sane_length(cls, value: str) -> str:
        if not 6 <= len(value.strip()) <= 4000:
            raise ValueError("cypher 应为 6 到 4000 个字符的一条查询")
        return value


class CypherAttempt(BaseModel):
    model_config = ConfigDict(frozen=True)

    cypher: str
    error: str | None = None


class CypherAnswer(BaseModel):
    """The query that ran (after the guard's rewrite), its rows and how we got there."""

    query: str
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]
    attempts: list[CypherAttempt]
    prompt_id: str
    latency_ms: float


def _visible_params(params: dict[str, Any]) -> dict[str, Any]:
    """Parameters worth showing in a citation (id lists for the scope can be long)."""
    return {k: v for k, v in params.items() if not isinstance(v, list) and v is not None}


def _guard(cypher: str, **kw: Any) -> GuardedQuery:
    """``guard_cypher``, with a query too deep for the guard's recursive walk refused like any other:
    the lexical nesting limit catches brackets, this catches whatever else nests (a stack trace is
    never an answer)."""
    try:
        return guard_cypher(cypher, **kw)
    except RecursionError as exc:
        raise CypherRejectedError("查询结构过于复杂，请写得简单一些", query=cypher) from exc


def answer_with_cypher(
    question: str,
    *,
    scope: DataScope,
    chat_model: ChatModel,
    store: GraphStore,
    context: str = "",
    max_rows: int = 200,
    timeout_ms: int = 5000,
    now_ms: int | None = None,
    prompts: PromptLibrary | None = None,
) -> CypherAnswer:
    """Answer ``question`` with one LLM-written, guarded query.

    Raises ``CypherRejectedError`` (after the retry, or for an unusable question), ``LLMError``
    from the model, ``RetryableError`` when the graph is unavailable.
    """
    started = time.perf_counter()
    question = question.strip()
    if not question:
        raise CypherRejectedError("问题为空")
    if len(question) > MAX_QUESTION_CHARS:
        raise CypherRejectedError(f"问题太长（超过 {MAX_QUESTION_CHARS} 字），请精简后再问")
    params: dict[str, Any] = {"now_ms": now_ms if now_ms is not None else int(time.time() * 1000)}
    params.update(scope_parameters(scope, store))
    built = build_prompt(
        question, scope=scope, store=store, now_ms=params["now_ms"], context=context, max_rows=max_rows,
        prompts=prompts,
    )  # fmt: skip
    prompt, sources = built.prompt, built.sources
    messages: list[ChatMessage] = list(prompt.messages)
    attempts: list[CypherAttempt] = []
    while True:
        draft = chat_model.structured(messages, CypherDraft, max_retries=1, max_tokens=MAX_DRAFT_TOKENS)
        try:
            guarded = _guard(draft.cypher, params=params.keys(), level=scope.level, max_rows=max_rows)
            if not attempts:  # a second draft that keeps such a condition runs: the model insisted
                check_literals_grounded(draft.cypher, sources)
            used = {k: params[k] for k in params if k.startswith("scope_") or k in guarded.params}
            rows = store.read_only(guarded.text, used, timeout_ms=timeout_ms)
        except RetryableError:
            raise
        except (CypherRejectedError, GraphError) as exc:
            reason = exc.reason if isinstance(exc, CypherRejectedError) else exc.message
            attempts.append(CypherAttempt(cypher=draft.cypher, error=reason))
            log.info("text2cypher attempt %d failed: %s", len(attempts), reason)
            if len(attempts) >= MAX_ATTEMPTS:
                if isinstance(exc, CypherRejectedError):
                    raise
                raise CypherRejectedError(f"查询执行失败：{reason}", query=draft.cypher) from exc
            messages += [
                ChatMessage(role="assistant", content=draft.model_dump_json()),
                ChatMessage(
                    role="user",
                    content=f'上面的查询不能使用：{reason}\n请按规则修正，只输出 JSON {{"cypher": "..."}}。',
                ),
            ]
            continue
        attempts.append(CypherAttempt(cypher=draft.cypher))
        columns = list(guarded.columns) or (list(rows[0]) if rows else [])
        return CypherAnswer(
            query=guarded.text,
            params=_visible_params(used),
            columns=columns,
            rows=rows,
            attempts=attempts,
            prompt_id=prompt.prompt_id,
            latency_ms=(time.perf_counter() - started) * 1000,
        )
