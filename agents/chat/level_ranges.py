"""A graded template field asked with a threshold: "二级以上的重大危险源", "较大以下的风险点".

重大危险源 levels run 一级 (most severe) to 四级, risk levels 重大 > 较大 > 一般 > 低. X以上 is X and the more
severe grades, X以下 X and the less severe ones, 不到/低于 X the less severe ones only (the chat-robust17
convention). Read as a single grade, "二级以上" listed the 二级 sources alone; read as a number threshold,
it was declined as a condition no template holds.
"""

from __future__ import annotations

import re
from typing import Any

from agents.chat.excluded_risk import kept_risk_levels

_CN = "一二三四"
_RISK_ORDER = ("重大", "较大", "一般", "低")
_MHS = re.compile(r"(?:(不到|低于|高于)\s*)?([一二三四1-4])\s*级\s*(?:及|或)?\s*(以上|以下|以内)?")
_RISK = re.compile(r"(?:(不到|低于|高于)\s*)?(重大|较大|一般)\s*(?:风险)?\s*(?:及|或)?\s*(以上|以下)")
_MHS_CONTEXT = re.compile(r"危险源")
_RISK_CONTEXT = re.compile(r"风险")


def _grades(order_index: int, size: int, before: str | None, after: str | None) -> list[int] | None:
    """Indices (0 = most severe) a threshold keeps, or None when ``text`` names one grade only."""
    if before in ("不到", "低于"):
        return list(range(order_index + 1, size))
    if before == "高于":
        return list(range(order_index))
    if after == "以上":
        return list(range(order_index + 1))
    if after in ("以下", "以内"):
        return list(range(order_index, size))
    return None


def level_range(text: str) -> dict[str, Any]:
    """``{"mhs_levels": [...]}`` / ``{"risk_levels": [...]}`` for a threshold on a grade; empty otherwise."""
    found: dict[str, Any] = {}
    if _MHS_CONTEXT.search(text) and (m := _MHS.search(text)) is not None:
        level = int(m.group(2)) if m.group(2).isdigit() else _CN.index(m.group(2)) + 1
        kept = _grades(level - 1, 4, m.group(1), m.group(3))
        if kept is not None:
            found["mhs_levels"] = [k + 1 for k in kept]
    if _RISK_CONTEXT.search(text) and (r := _RISK.search(text)) is not None:
        kept = _grades(_RISK_ORDER.index(r.group(2)), 4, r.group(1), r.group(3))
        if kept is not None:
            found["risk_levels"] = [_RISK_ORDER[k] for k in kept]
    if _RISK_CONTEXT.search(text) and (left := kept_risk_levels(text)):  # "除了低风险的": the other three
        found["risk_levels"] = left
    return found


# The threshold words a level range explains: they are no number threshold (``agents.chat.coverage``).
LEVEL_THRESHOLD = re.compile(r"[一二三四1-4]\s*级\s*(?:及|或)?\s*(?:以上|以下|以内)")

__all__ = ["LEVEL_THRESHOLD", "level_range"]
