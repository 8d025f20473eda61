"""Structured output shared by every ChatModel: JSON schema, parse, validate, re-ask. Pure.

``run_structured`` is the one loop: ask ``generate`` for text, pull the JSON object out of it,
validate it with the Pydantic ``schema``; on failure append the bad answer and the validation errors
(field paths and reasons) as a new turn and ask again, at most ``max_retries`` more times; then
raise ``LLMError(code="llm_invalid_output")`` whose message names the failing fields.
The real adapter and ``FakeChatModel`` both call it, so the fake proves the real logic.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from core.ai import ChatMessage
from core.errors import LLMError

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

INVALID_OUTPUT = "llm_invalid_output"
_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)
_MAX_ECHO_CHARS = 2000  # how much of a bad answer is echoed back to the model


# Keywords that grammar converters unroll into one rule per repetition: llama.cpp refuses a
# ``maxLength: 2000`` string ("exceeds sane defaults") and its server process dies on the parse error.
# They are dropped from what the server sees; Pydantic still enforces them on the answer (re-ask).
_UNROLLED_KEYWORDS = frozenset({"maxLength", "minLength", "maxItems", "minItems", "pattern", "format"})


def json_schema_for(schema: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema sent to the server for constrained decoding (length/pattern limits removed)."""
    return _strip_unrolled(schema.model_json_schema())


def _strip_unrolled(node: Any, *, in_properties: bool = False) -> Any:
    """Remove ``_UNROLLED_KEYWORDS`` from every subschema, but keep properties that happen to be
    named like a keyword (a model field called ``pattern`` or ``format``)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if not in_properties and key in _UNROLLED_KEYWORDS:
                continue
            out[key] = _strip_unrolled(
                value, in_properties=key in ("properties", "$defs") and not in_properties
            )
        return out
    if isinstance(node, list):
        return [_strip_unrolled(v) for v in node]
    return node


def schema_name(schema: type[BaseModel]) -> str:
    """A name acceptable to OpenAI's ``json_schema.name`` (``[a-zA-Z0-9_-]{1,64}``)."""
    return re.sub(r"[^a-zA-Z0-9_-]", "_", schema.__name__)[:64] or "output"


def extract_json_text(text: str) -> str:
    """The JSON object inside a model answer: code fences and chatter around it are dropped."""
    fenced = _FENCE.search(text)
    candidate = fenced.group(1) if fenced else text
    start, end = candidate.find("{"), candidate.rfind("}")
    if start != -1 and end > start:
        return candidate[start : end + 1]
    return candidate.strip()


class OutputProblem(BaseModel):
    """Why one answer was rejected: the failing field paths (empty for non-JSON) and the reasons."""

    fields: list[str]
    reasons: list[str]

    def feedback(self) -> str:
        lines = "\n".join(f"- {r}" for r in self.reasons)
        return (
            "上一次的输出无法通过校验：\n"
            f"{lines}\n"
            "请修正以上问题，只输出一个符合 JSON Schema 的 JSON 对象，不要输出任何其他文字。"
        )


def _loc(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(root)"


def parse_output(text: str, schema: type[M]) -> M | OutputProblem:
    """Validate one answer: the model instance, or the problem to report back."""
    raw = extract_json_text(text)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return OutputProblem(fields=[], reasons=[f"输出不是合法的 JSON（{exc.msg}，位置 {exc.pos}）"])
    try:
        return schema.model_validate(data)
    except PydanticValidationError as exc:
        errors = exc.errors(include_url=False)
        fields = list(dict.fromkeys(_loc(e["loc"]) for e in errors))
        reasons = [f"{_loc(e['loc'])}: {e['msg']}" for e in errors]
        return OutputProblem(fields=fields, reasons=reasons)


def run_structured(
    messages: Sequence[ChatMessage],
    schema: type[M],
    generate: Callable[[list[ChatMessage]], str],
    *,
    max_retries: int = 2,
) -> M:
    """Ask, validate, re-ask with the errors; raise ``LLMError(code="llm_invalid_output")`` at the end.

    Only the latest failed answer is echoed back, so the conversation grows by at most two turns.
    """
    base = list(messages)
    conversation = base
    problem: OutputProblem | None = None
    attempts = max(max_retries, 0) + 1
    for attempt in range(1, attempts + 1):
        text = generate(conversation)
        result = parse_output(text, schema)
        if not isinstance(result, OutputProblem):
            if attempt > 1:
                log.info("structured output for %s valid after %s attempts", schema.__name__, attempt)
            return result
        problem = result
        log.warning(
            "structured output for %s rejected (attempt %s/%s): %s",
            schema.__name__,
            attempt,
            attempts,
            "; ".join(problem.reasons),
        )
        conversation = [
            *base,
            ChatMessage(role="assistant", content=text[:_MAX_ECHO_CHARS]),
            ChatMessage(role="user", content=problem.feedback()),
        ]
    assert problem is not None  # the loop ran at least once and only falls through on a problem
    if problem.fields:
        what = f"字段 {', '.join(problem.fields)} 不符合 {schema.__name__} 的要求"
    else:
        what = "输出不是合法的 JSON"
    raise LLMError(
        f"语言模型在 {attempts} 次尝试后仍未给出有效结果：{what}",
        code=INVALID_OUTPUT,
        details={
            "schema": schema.__name__,
            "fields": problem.fields,
            "reasons": problem.reasons,
            "attempts": attempts,
        },
    )
