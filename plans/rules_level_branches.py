"""Levels as the branches of a flow chart written out as text, one branch a line:
"①火情限于一个教室且已扑灭→Ⅲ级响应（年级级）：年级组长指挥，疏散本楼层学生，通知总务处检查电路。"

The condition before the arrow is the level's trigger, the label after it names the level (kept as written, its
tier in brackets), the first clause after the colon says who commands ("X指挥", "由X负责指挥") and every later
clause is one action ("；" splits when the line has one, else "，"). The arrow rules read each step of such a line
on its own (``plans.draft.flow_steps``), which finds the level but loses the trigger on the other side of the arrow.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import RESPONSE_LEVELS
from plans.draft import PlanDraft
from plans.rules_level_fields import fill_commander_and_actions, level_of
from plans.structure import Block

_ARROW = r"[→⇒➔➝]"
_BRANCH = re.compile(
    rf"^\s*(?:[①-⑳]|[（(]\d{{1,2}}[)）]|\d{{1,2}}[.．、])?\s*(?P<trigger>[^→⇒➔➝：:]{{2,60}}?)\s*{_ARROW}\s*"
    r"(?P<label>[^→⇒➔➝：:，,。；;]{2,20}?)\s*[:：]\s*(?P<body>[^→⇒➔➝]+?)[。；;]?\s*$"
)
# "年级组长指挥" / "由副组长负责指挥" / "总指挥统一指挥": the clause that only says who commands
_LEADS = re.compile(r"^(?:由)?(?P<who>[^，,；;。]{2,16}?)(?:负责|统一|现场|组织)?指挥$")


def _branch(block: Block) -> tuple[re.Match[str], str, str, list[str]] | None:
    """(match, level, commander, actions) of a branch line; None for any other text."""
    m = _BRANCH.match(block.text)
    if m is None:
        return None
    level = level_of(m.group("label"))
    if level is None or level_of(m.group("trigger")) is not None:
        return None  # the trigger side names no level: "Ⅲ级→Ⅱ级" is an escalation, not a branch
    body = m.group("body")
    clauses = [c.strip() for c in re.split(r"[；;]" if re.search(r"[；;]", body) else r"[，,]", body)]
    leads = _LEADS.match(clauses[0]) if clauses else None
    if leads is None:
        return None
    return m, level, leads.group("who"), [c for c in clauses[1:] if c]


def fill_branch_levels(draft: PlanDraft) -> None:
    levels: list[dict[str, Any]] = draft.data["response_levels"]
    for block in draft.blocks:
        found = _branch(block) if block.kind != "table" else None
        if found is None:
            continue
        m, level, who, actions = found
        at = next((n for n, r in enumerate(levels) if r["level"] == level), None)
        label = m.group("label").strip()
        if at is None:
            new: dict[str, Any] = {
                "level": level,
                "name": label,
                "trigger": "",
                "commander": None,
                "actions": [],
            }
            at = draft.add("response_levels", new, block.paragraph, m.start("label"), m.end("label"))
        entry: dict[str, Any] = levels[at]
        if not entry["name"] or (label.startswith(entry["name"]) and label != entry["name"]):
            entry["name"] = label  # "Ⅲ级响应" read at the arrow → "Ⅲ级响应（年级级）" as written
            draft.cite(f"/response_levels/{at}/name", block.paragraph, m.start("label"), m.end("label"))
        if not entry["trigger"]:
            entry["trigger"] = m.group("trigger").strip()
            draft.cite(
                f"/response_levels/{at}/trigger", block.paragraph, m.start("trigger"), m.end("trigger")
            )
        fill_commander_and_actions(draft, at, block, who, actions, (m.start("body"), m.start("body")))
    draft.sort_list("response_levels", lambda r: RESPONSE_LEVELS.index(r["level"]))
