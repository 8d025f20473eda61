"""Plan passages (预案知识库) for a chat answer: the cited paragraphs, and one quoted in the answer.

For ``plan_for`` the passages come from the plans the answer names, best-ranked plan first: a
question about reporting limits or first steps ("泄漏后多长时间内上报") is answered by the text of
the plan the duty officer is pointed to, not by the closest paragraph of some other firm's plan.
The structured fields (levels, commanders, actions) stay the answer's facts; the quote adds what the
graph does not hold as fields (reporting chains, time limits, site steps), word for word and cited.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agents.chat.models import Citation
from core.errors import SafeCloudError

log = logging.getLogger(__name__)

# (question, scope, plan ids or None) → [{plan_id, title, text, …}] best first
PlanPassageSearch = Callable[..., list[dict[str, Any]]]

PROCEDURAL = re.compile(r"怎么办|如何处置|怎么处置|处置流程|应急处置|怎么做|程序|步骤")
# What a plan says in prose rather than as level fields: reporting chains and limits, site steps.
_REPORTING = re.compile(r"上报|报告|报送|通知谁|通知哪|多长时间|几分钟|时限")
_STEPS = re.compile(PROCEDURAL.pattern + r"|第一步|先做|先干|首先|做什么|做啥|做哪些|措施")
CITED = 3
CANDIDATES = 12
QUOTED_CHARS = 160
_MIN_CHARS = 20
_STEP_SECTION = re.compile(r"处置|响应|措施|程序|行动|救援|步骤|流程")


def plan_passages(
    search: PlanPassageSearch | None,
    question: str,
    scope: Any,
    intent_id: str,
    rows: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Passages to cite: for ``plan_for`` only from the plans found (in their answer order); for a
    procedural question on another template, the closest passages the caller may read."""
    if search is None or (intent_id != "plan_for" and not PROCEDURAL.search(question)):
        return []
    plan_ids = [str(r["id"]) for r in rows if r.get("id")][:CITED] if intent_id == "plan_for" else None
    if intent_id == "plan_for" and not plan_ids:
        return []
    try:
        # more candidates than cited: the passage on the point may rank below a 总则 sharing the words
        found = search(_aimed(question), scope, plan_ids, CANDIDATES) if plan_ids else search(question, scope)
    except SafeCloudError as exc:
        log.warning("plan passage search failed: %s", exc.message)
        return []
    if plan_ids:  # on the point first, then the plan the answer puts first
        order = {pid: i for i, pid in enumerate(plan_ids)}
        found = sorted(
            found, key=lambda p: (not _on_point(p, question), order.get(str(p.get("plan_id")), len(order)))
        )
    return found[:CITED]


def _aimed(question: str) -> str:
    """The question with the section words of the aspect it asks about, so that the plan's 信息报告
    or 应急处置 passage outranks its 总则 and 预警 passages that share the accident words."""
    if _REPORTING.search(question):
        return "信息报告 报告时限 " + question
    if _STEPS.search(question):
        return "应急处置 处置措施 现场处置 " + question
    return question


def citations(passages: Sequence[Mapping[str, Any]]) -> list[Citation]:
    return [
        Citation(
            kind="plan",
            ref=str(p.get("plan_id", "")),
            title=str(p.get("title", "")),
            text=str(p.get("text", "")),
        )
        for p in passages
    ]


def wants_quote(question: str, params: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]) -> bool:
    """Quote a passage when the question asks what the level fields do not answer: reporting, or
    steps when no level was asked (an asked level's fields already give its first actions)."""
    if _REPORTING.search(question):
        return True
    levels_shown = params.get("response_level") and any(r.get("levels") for r in rows)
    return bool(_STEPS.search(question)) and not levels_shown


def _on_point(passage: Mapping[str, Any], question: str) -> bool:
    """The passage speaks to the aspect asked: reporting in its text, or steps in its section name
    (a working group's duties or a warning paragraph share words with a step question, not its point).
    A heading alone ("总则") says nothing."""
    text = re.sub(r"\s+", "", str(passage.get("text", "")))
    if len(text) < _MIN_CHARS:
        return False
    if _REPORTING.search(question):
        return bool(re.search(r"报告|上报|报送", text))
    return bool(_STEP_SECTION.search(str(passage.get("section") or "")))


def quote(passages: Sequence[Mapping[str, Any]], question: str) -> str:
    """The best passage on the point asked as one answer line: its plan and section, the text cut
    at a sentence end; empty when no passage is on the point (the citations still list them)."""
    best = next((p for p in passages if _on_point(p, question)), None)
    if best is None:
        return ""
    text = re.sub(r"\s+", "", str(best.get("text", "")))
    if len(text) > QUOTED_CHARS:
        cut = max(text.rfind(mark, 0, QUOTED_CHARS) for mark in "。；;")
        text = text[: cut + 1] if cut > QUOTED_CHARS // 2 else text[:QUOTED_CHARS] + "…"
    section = str(best.get("section") or "").strip()
    where = f"《{best.get('title')}》" + (f"“{section}”" if section else "")
    return f"相关条文（{where}）：{text}"


def quoted(answer: str, line: str) -> str:
    """The answer with the quote before its closing note (the last line), or at the end."""
    if not line:
        return answer
    head, sep, last = answer.rpartition("\n")
    return f"{head}\n{line}\n{last}" if sep and last.startswith("以上") else f"{answer}\n{line}"


__all__ = ["PROCEDURAL", "PlanPassageSearch", "citations", "plan_passages", "quote", "quoted", "wants_quote"]
