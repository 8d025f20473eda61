"""A plan title names one live plan per jurisdiction (town, enterprise or the city level).

A plan-system node or a plan from a template submitted twice (a double click, a slow response
clicked again) became two plans with one title in one jurisdiction: the plan list and the
plan-system graph showed both and nothing told them apart. Uploads have their own check (the same
file, ``PlanService._refuse_duplicate``); a retired plan (已废止) frees its title.
"""

from __future__ import annotations

from typing import Any, Protocol

from core.errors import ConflictError
from core.scope import DataScope

RETIRED = "已废止"


class PlanLister(Protocol):
    def list_plans(
        self,
        scope: DataScope,
        *,
        plan_type: str | None,
        town: str | None,
        status: str | None,
        q_text: str | None,
        skip: int,
        limit: int,
    ) -> tuple[int, list[dict[str, Any]]]: ...


def refuse_taken_title(
    repo: PlanLister, title: str, town: str | None, enterprise_id: str | None, *, own_id: str | None = None
) -> None:
    """``ConflictError`` (``plan_title_taken``) when another live plan of this jurisdiction has the title."""
    wanted = title.strip()
    # City-wide read: the clash is judged within the jurisdiction the caller may change anyway.
    _, rows = repo.list_plans(
        DataScope(), plan_type=None, town=None, status=None, q_text=wanted, skip=0, limit=500
    )
    for row in rows:
        same_place = row.get("town") == town and row.get("enterprise_id") == enterprise_id
        if row["id"] == own_id or not same_place or row.get("status") == RETIRED:
            continue
        if str(row.get("title", "")).strip() == wanted:
            raise ConflictError(
                f"本辖区已有同名预案“{wanted}”（{row['id']}，{row.get('status')}），请换一个标题或打开该预案",
                code="plan_title_taken",
                details={"plan_id": row["id"]},
            )


__all__ = ["refuse_taken_title"]
