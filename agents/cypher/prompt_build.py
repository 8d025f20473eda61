"""The text-to-Cypher prompt for one question, and the warm-up of its fixed prefix.

The prompt (v2) starts with the rules, the town names and the schema slice: a prefix shared by every
question that touches the same labels, which the model server's prompt cache restores (ADR 0008,
2026-11-27 amendment).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from agents.cypher.examples import pick_examples, render_examples
from agents.cypher.grounding import (
    VALUES,
    answer_shape,
    enterprise_name,
    find_value_hints,
    normalise_quantities,
    resolve_self_reference,
    time_note,
)
from agents.cypher.schema_prompt import enum_value_hints, phrase_meanings, render_schema
from agents.llm.prompts import PromptLibrary, RenderedPrompt
from core.ai import ChatMessage
from core.errors import SafeCloudError
from core.ports import ChatModel, GraphStore
from core.scope import DataScope
from graph.cypher_catalog import TOWN_NAMES

log = logging.getLogger(__name__)

PROMPT_TASK = "text_to_cypher"
EXAMPLES_PER_QUESTION = 4  # few-shot examples picked per question (docs/EVALS.md, text-to-Cypher)


@dataclass(frozen=True)
class BuiltPrompt:
    prompt: RenderedPrompt
    sources: str  # what a literal in the draft may come from (question, context, notes, own town)


def _grounding_text(notes: list[str], shape: str | None) -> str:
    text = "问题中的取值和词义（照抄）：" + "；".join(notes) + "\n" if notes else ""
    return text + (shape + "\n" if shape else "")


def build_prompt(
    question: str,
    *,
    scope: DataScope,
    store: GraphStore,
    now_ms: int,
    context: str = "",
    max_rows: int = 200,
    prompts: PromptLibrary | None = None,
) -> BuiltPrompt:
    question = normalise_quantities(resolve_self_reference(question, scope, enterprise_name(scope, store)))
    hints = find_value_hints(question, VALUES.values(store))
    extra = tuple(h.label for h in hints)
    schema_text, labels = render_schema(question, extra)
    when = time_note(question, now_ms)
    notes = [
        *(h.render() for h in hints),
        *enum_value_hints(question, labels),
        *phrase_meanings(question, labels),
        *([when] if when else []),
    ]
    towns = [row["name"] for row in store.read(TOWN_NAMES)]
    prompt = (prompts or PromptLibrary()).render(
        PROMPT_TASK,
        schema=schema_text,
        towns="、".join(towns),
        grounding=_grounding_text(notes, answer_shape(question)),
        examples=render_examples(pick_examples(question, labels, k=EXAMPLES_PER_QUESTION)),
        max_rows=max_rows,
        context=f"对话上下文：{context.strip()}\n" if context.strip() else "",
        question=question,
    )
    sources = "\n".join([question, context, *notes, scope.town or ""])
    return BuiltPrompt(prompt=prompt, sources=sources)


def warm_up(
    chat_model: ChatModel, store: GraphStore, *, max_rows: int = 200, prompts: PromptLibrary | None = None
) -> float | None:
    """Have the model server evaluate the shared start of the prompt once (one token generated): the
    rules, the town names and the schema slice of the most common subject (enterprises), so that the
    first duty officer's question does not pay for it. Seconds taken, or None when the model is
    unavailable (logged, not raised: a warm-up never stops the API)."""
    library = prompts or PromptLibrary()
    started = time.perf_counter()
    try:
        built = build_prompt(
            "企业", scope=DataScope(), store=store, now_ms=0, max_rows=max_rows, prompts=library
        )
        chat_model.complete(
            [built.prompt.messages[0], ChatMessage(role="user", content="预热")], max_tokens=1
        )
    except SafeCloudError as exc:
        log.warning("text-to-Cypher warm-up failed: %s", exc.message)
        return None
    seconds = time.perf_counter() - started
    log.info("text-to-Cypher prompt prefix warmed in %.1f s (%s)", seconds, built.prompt.prompt_id)
    return seconds
