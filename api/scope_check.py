"""A data scope must name a real town or enterprise.

A scope whose town or enterprise does not exist matched nothing and said nothing: an officer set
up with a typo ("华士" for 华士镇) saw empty lists and "没有查到" answers, and ``safecloud ask --town
火星镇`` answered with the city's duty roster as if the scope were fine. Names found are remembered
(towns and registered enterprises are not deleted while the server runs); a name not found is looked
up again next time, so an enterprise registered later is accepted at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from core.errors import PermissionDeniedError, ValidationError
from core.scope import DataScope, ScopeLevel


class ScopeLookups(Protocol):
    """What the check reads (``graph.plan_repository.PlanGraphRepository`` has both)."""

    def town_exists(self, town: str) -> bool: ...

    def enterprise_town(self, enterprise_id: str) -> str | None: ...


class ScopeCheck:
    def __init__(self, lookups: ScopeLookups) -> None:
        self.lookups = lookups
        self._known: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def check(self, scope: DataScope) -> None:
        """Raise ``ValidationError`` (``unknown_scope``) when the scope names nothing that exists."""
        if scope.level is ScopeLevel.TOWN and scope.town:
            town = scope.town
            if not self._exists(("town", town), lambda: self.lookups.town_exists(town)):
                raise ValidationError(
                    f"数据范围中的镇街“{scope.town}”不存在，请检查镇街名称（如“华士镇”）",
                    code="unknown_scope",
                    details={"town": scope.town},
                )
        elif scope.level is ScopeLevel.ENTERPRISE and scope.enterprise_id:
            firm = scope.enterprise_id
            if not self._exists(("enterprise", firm), lambda: self.lookups.enterprise_town(firm) is not None):
                raise ValidationError(
                    f"数据范围中的企业“{scope.enterprise_id}”不存在，请检查统一社会信用代码",
                    code="unknown_scope",
                    details={"enterprise_id": scope.enterprise_id},
                )

    def check_town_filter(self, scope: DataScope, town: str | None) -> None:
        """A list filtered by a town (enterprises, map points, plans) is refused when the town does
        not exist (422 ``unknown_town``) or lies outside a town officer's scope (403 ``out_of_scope``),
        as the response guide and town stats refuse them: an empty list had read as "no firms (or
        plans) there" for a typo ("华土镇") or another town's name."""
        if town is None:
            return
        if not self._exists(("town", town), lambda: self.lookups.town_exists(town)):
            raise ValidationError(
                f"镇街“{town[:30]}”不存在，请检查镇街名称（如“华士镇”）",
                code="unknown_town",
                details={"town": town[:30]},
            )
        if scope.level is ScopeLevel.TOWN and town != scope.town:
            raise PermissionDeniedError(f"无权查看“{town}”的数据", code="out_of_scope")

    def _exists(self, key: tuple[str, str], lookup: Callable[[], bool]) -> bool:
        with self._lock:
            if key in self._known:
                return True
        if not lookup():
            return False
        with self._lock:
            self._known.add(key)
        return True


__all__ = ["ScopeCheck", "ScopeLookups"]
