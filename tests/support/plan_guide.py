"""Rows and routing the plan-guide chat tests share (agents.chat.plan_guide): a response level as
the graph returns it, a plan row as the plan_for template returns it, and the intent a question
routes to over a small town gazetteer."""

from __future__ import annotations

from typing import Any

from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots, normalise_question


def level_row(level: str, trigger: str, actions: list[str] | None = None) -> dict[str, Any]:
    """A response level: its commander is named after the level, so an answer shows which it chose."""
    return {
        "level": level,
        "name": level,
        "trigger": trigger,
        "commander": f"{level}指挥",
        "actions": ["赶赴现场"] if actions is None else actions,
    }


def plan_row(pid: str, title: str, levels: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    """A town's general plan for fires unless ``kw`` says otherwise (asked from that town)."""
    return {"id": pid, "title": title, "plan_type": "总体", "issuing_unit": "某镇人民政府", "town": "某镇",
            "enterprise_id": None, "towns": [], "enterprises": [], "accident_types": ["火灾"], "levels": levels,
            "asked_town": "某镇", "resources": []} | kw  # fmt: skip


def intent_of(question: str, towns: Gazetteer) -> str | None:
    return route(normalise_question(question), extract_slots(question, towns)).intent
