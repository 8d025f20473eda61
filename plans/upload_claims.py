"""What an upload claims before it becomes a plan: its original bytes and, for a new plan, its title.

A file already held by a plan the uploader can see is refused naming that plan (``plan_duplicate``);
a new plan's title taken by a live plan of the same jurisdiction is refused naming it
(``plan_title_taken``). Both are checked before the write and, when the graph refused the write
because another worker won the race (unique ``source_key`` / ``title_key``, ADR 0015), again, so
the loser gets the answer a later upload would get. Originals are kept content-addressed and taken
back when no plan holds them.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

from core.errors import UniqueConflictError
from core.scope import DataScope, Principal
from graph.plan_repository import PlanGraphRepository
from plans.plan_titles import refuse_taken_title


class OriginalStore(Protocol):
    """Where uploaded originals are kept, content-addressed (``plans.intake.BlobStore``)."""

    def has(self, sha256: str) -> bool: ...

    def put(self, data: bytes) -> str: ...

    def discard(self, sha256: str) -> None: ...


class UploadClaims:
    """Mixin of ``plans.service.PlanService``."""

    repo: PlanGraphRepository
    originals: OriginalStore | None

    def _refuse_taken(
        self, principal: Principal, data: bytes, title: str | None, place: tuple[str | None, str | None]
    ) -> None:
        """The same file first (the more telling refusal), then a new plan's title in its place."""
        self._refuse_duplicate(principal, data)
        if title is not None:
            refuse_taken_title(self.repo, title, *place)

    def _refuse_duplicate(self, principal: Principal, data: bytes) -> None:
        """The same file uploaded again (a double click, a colleague filing it too) would become a
        second plan with the same facts; the caller is told which plan already holds it."""
        sha256 = hashlib.sha256(data).hexdigest()  # as plans.intake hashes the original
        holders = self.repo.plans_with_source(principal.scope, sha256)
        if not holders:
            return
        first = holders[0]
        raise UniqueConflictError(
            f"该文件已上传为预案“{first['title']}”（{first['id']}，{first['status']}），"
            "如确需重复上传请勾选“允许重复”（allow_duplicate=true）",
            code="plan_duplicate",
            details={
                "plan_id": first["id"],
                "title": first["title"],
                "status": first["status"],
                "sha256": sha256,
            },
        )

    def _take_back_original(self, stored: bool, sha256: str) -> None:
        """Discard an original this upload stored, unless a plan holds it by now (another worker
        wrote the same bytes: its version refers to the file)."""
        if stored and self.originals is not None and not self.repo.plans_with_source(DataScope(), sha256):
            self.originals.discard(sha256)

    def _store_original(self, data: bytes, sha256: str) -> bool:
        """Keep the uploaded bytes; True when this upload stored them (they were not there before)."""
        if self.originals is None or self.originals.has(sha256):
            return False
        self.originals.put(data)
        return True


__all__ = ["OriginalStore", "UploadClaims"]
