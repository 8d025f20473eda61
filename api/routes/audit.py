"""审计日志: the trail of writes through the API and the CLI, readable by city-level users only."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import BlankIsNone, ContainerDep, PrincipalDep
from core.audit import AuditEntry
from core.errors import ConfigError, PermissionDeniedError
from core.scope import ScopeLevel

router = APIRouter(prefix="/api/v1", tags=["audit"])


@router.get("/audit", response_model=list[AuditEntry])
def audit_trail(
    c: ContainerDep,
    who: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    user_id: Annotated[str | None, Query(max_length=200), BlankIsNone] = None,
    since_ms: Annotated[int | None, Query(ge=0)] = None,
    channel: Annotated[Literal["api", "cli"] | None, Query(description="api 或 cli（命令行）")] = None,
) -> list[AuditEntry]:
    if who.scope.level is not ScopeLevel.CITY:
        raise PermissionDeniedError("只有市级用户可以查看审计日志")
    if c.audit is None:
        raise ConfigError("审计日志未配置")
    return c.audit.recent(limit=limit, user_id=user_id, since_ms=since_ms, channel=channel)
