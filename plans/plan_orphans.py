"""Why a plan stays a root of the plan system (预案体系): the level above it is missing (pure).

``plans.plan_tiers.propose_parent`` names a parent only among plans that exist; it never invents
one. When it finds none, an administrator needs to know which plan is missing — the sample corpus,
for one, holds no city 总体 plan (江阴市突发事件总体应急预案 / 安全生产事故总体应急预案), so the city's
专项 plans and every town 总体 stay roots. ``orphan_reason`` lists, in the rule's order, the places a
parent was looked for that could hold one (a parent must rank strictly lower: a city 专项 is never
looked for among department plans), and says so when a sector match was impossible because the plan
names no sector. A plan nothing could ever rank above (the city 总体) is the top, not an orphan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plans.plan_tiers import (
    ParentGroup,
    PlanNode,
    may_parent,
    parent_groups,
    propose_parent,
    sectors,
    tier_name,
)


def _could_hold(node: PlanNode, group: ParentGroup) -> bool:
    """Whether a plan of this group could rank above ``node`` at all."""
    child = node.model_dump()
    for plan_type in group.types:
        if group.where == "own":
            parent: dict[str, Any] = {**child, "plan_type": plan_type}
        else:
            town = node.town if group.where == "town" else None
            parent = {"plan_type": plan_type, "issuing_unit": "", "town": town, "enterprise_id": None}
        if may_parent(child, parent):
            return True
    return False


def _describe(node: PlanNode, group: ParentGroup) -> str:
    label = group.label
    if group.where == "town":  # a plan filed under no town is never matched to a town's plans
        label = label.replace("所在镇街", f"所在镇街（{node.town or '本预案未登记镇街'}）")
    if group.sector:
        found = "、".join(sorted(sectors(node)))
        label += f"（{found}）" if found else "（本预案未标明行业，无法匹配同类预案）"
    return label


def orphan_reason(node: PlanNode, plans: Sequence[PlanNode], *, scoped: bool = False) -> str | None:
    """Chinese: why ``node`` has no possible parent among ``plans``; None when it has one, or when
    it is the top of the system (no plan could rank above it). ``scoped``: ``plans`` are what a
    town or enterprise user sees, so a missing plan may only be out of sight."""
    if propose_parent(node, plans) is not None:
        return None
    possible = [g for g in parent_groups(node) if _could_hold(node, g)]
    if not possible:
        return None
    missing = "均未录入" if len(possible) > 1 else "未录入"
    return (
        "无可挂接的上级预案："
        + "、".join(_describe(node, g) for g in possible)
        + (f"{missing}（或不在您的数据范围内）" if scoped else missing)
    )


def orphans(nodes: Sequence[PlanNode], *, scoped: bool = False) -> list[dict[str, str]]:
    """Every plan without a parent that could have one, with the reason, ordered by id."""
    out = []
    for node in sorted(nodes, key=lambda n: n.id):
        if node.parents:
            continue
        reason = orphan_reason(node, nodes, scoped=scoped)
        if reason:
            tier = tier_name(node.model_dump())
            out.append({"id": node.id, "title": node.title, "tier": tier, "reason": reason})
    return out


__all__ = ["orphan_reason", "orphans"]
