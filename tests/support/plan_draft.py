"""Lookups into a ``PlanDraft`` the layout-variant tests share (one response level, one unit, its roles)."""

from __future__ import annotations

from typing import Any

from plans.draft import PlanDraft


def response_level(draft: PlanDraft, level: str) -> dict[str, Any]:
    return next(r for r in draft.data["response_levels"] if r["level"] == level)


def org_unit(draft: PlanDraft, name: str) -> dict[str, Any]:
    return next(u for u in draft.data["org_units"] if u["name"] == name)


def unit_roles(draft: PlanDraft, name: str) -> list[tuple[str, str | None]]:
    return [(r["title"], r["holder"]) for r in org_unit(draft, name)["roles"]]
