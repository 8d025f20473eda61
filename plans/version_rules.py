"""Rules every step that makes a plan version live, or numbers a new one, shares (pure functions;
the lifecycle in ``plans.service_versions`` calls them)."""

from __future__ import annotations

import json
from typing import Any

from core.errors import ValidationError
from core.plan_keys import normalise


def require_verified(version: dict[str, Any]) -> None:
    """Only verified fields become facts: a version with none would go live empty and take the facts
    of the version it replaces with it (a publish clicked before any review, or a version registered
    as 已发布 from a draft whose fields were all rejected, then enabled or rolled back to)."""
    state = json.loads(version.get("review") or "{}")
    if state and not any(status in ("accepted", "edited") for status in state.values()):
        raise ValidationError(
            "该版本还没有已确认或已修改的字段，发布或启用后不会写入任何事实；请先在审核页确认字段",
            code="version_unreviewed",
        )


def require_published(version: dict[str, Any], step: str) -> None:
    """Enable and roll back make an existing version live without publishing it, so it must have
    been published: a draft goes through review and publish, a 已废止 version stays out."""
    if version["issue_status"] != "已发布":
        raise ValidationError(
            f"版本状态为“{version['issue_status']}”，只能{step}已发布的版本；草稿请审核后发布",
            code="version_not_published",
        )


def rollback_number(restored: str, taken: set[str]) -> str:
    """“1.0（回滚）”, then “1.0（第2次回滚）”…: rolling back to one version again must not give a second
    version the same number (numbers tell versions apart in the list and the diff picker)."""
    number, n = f"{restored}（回滚）", 1
    while normalise(number) in taken:
        n += 1
        number = f"{restored}（第{n}次回滚）"
    return number


def reupload_number(number: str, taken: set[str]) -> str:
    """The number of a version uploaded without one: the document's own (often “1.0” in every
    revision) when free, else “1.0（第2次上传）”…, so the list and the diff picker tell them apart."""
    candidate, n = number, 1
    while normalise(candidate) in taken:
        n += 1
        candidate = f"{number}（第{n}次上传）"
    return candidate


def refuse_taken_number(number: str, taken: set[str]) -> None:
    """``taken`` holds normalised numbers (core.plan_keys.normalise), as the graph's version key does."""
    if normalise(number) in taken:
        raise ValidationError(f"版本号“{number.strip()}”已存在，请换一个版本号", code="duplicate_version_no")


__all__ = ["refuse_taken_number", "require_verified", "reupload_number", "rollback_number"]
