"""A plan title names one live plan per jurisdiction (town, enterprise or the city level).

A plan-system node or a plan from a template submitted twice (a double click, a slow response
clicked again) became two plans with one title in one jurisdiction: the plan list and the
plan-system graph showed both and nothing told them apart. Uploads are checked for the same file
first and then for the title of the plan they create (``plans.upload_claims``); a retired plan
(已废止) frees its title.

The graph holds the rule across API workers: a plan created or renamed here carries
``title_key`` (core.plan_keys) under a unique constraint; ``claim_title`` checks first (the usual
refusal, naming the plan), writes, and when another worker took the title in between, names the
winner the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from core.errors import UniqueConflictError
from core.plan_keys import normalise
from core.scope import DataScope

RETIRED = "已废止"
T = TypeVar("T")


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
    wanted = normalise(title)
    # City-wide read: the clash is judged within the jurisdiction the caller may change anyway.
    _, rows = repo.list_plans(
        DataScope(), plan_type=None, town=None, status=None, q_text=wanted, skip=0, limit=500
    )
    for row in rows:
        same_place = row.get("town") == town and row.get("enterprise_id") == enterprise_id
        if row["id"] == own_id or not same_place or row.get("status") == RETIRED:
            continue
        if normalise(row.get("title", "")) == wanted:
            raise UniqueConflictError(
                f"本辖区已有同名预案“{wanted}”（{row['id']}，{row.get('status')}），请换一个标题或打开该预案",
                code="plan_title_taken",
                details={"plan_id": row["id"]},
            )


def claim_title(
    repo: PlanLister,
    title: str,
    town: str | None,
    enterprise_id: str | None,
    write: Callable[[], T],
    *,
    own_id: str | None = None,
) -> T:
    """Refuse a taken title, run ``write`` (which stores the plan's ``title_key``) and, when the graph
    refuses it because another worker took the title meanwhile, refuse naming that plan."""
    refuse_taken_title(repo, title, town, enterprise_id, own_id=own_id)
    try:
        return write()
    except UniqueConflictError:
        refuse_taken_title(repo, title, town, enterprise_id, own_id=own_id)
        raise


__all__ = ["claim_title", "refuse_taken_title"]
