"""审计日志: the trail of writes through the API and the CLI. In token mode administrators only: it
holds every login (accounts tried, client addresses) and who changed what; in dev mode the unscoped
dev user, who administers there, reads it as before."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from api.deps import BlankIsNone, ContainerDep, PrincipalDep
from core.audit import AuditEntry
from core.errors import ConfigError, PermissionDeniedError
from core.scope import ScopeLevel

router = APIRouter(prefix="/api/v1", tags=["audit"])


@router.get("/audit", response_model=list[AuditEntry])
def audit_trail(
    request: Request,
    c: ContainerDep,
    who: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    user_id: Annotated[str | None, Query(max_length=200), BlankIsNone] = None,
    since_ms: Annotated[int | None, Query(ge=0)] = None,
    channel: Annotated[Literal["api", "cli"] | None, Query(description="api 或 cli（命令行）")] = None,
) -> list[AuditEntry]:
    if c.settings.api.auth == "token" and not getattr(request.state, "admin", False):
        raise PermissionDeniedError("仅管理员可以查看审计日志", code="admin_required")
    if who.scope.level is not ScopeLevel.CITY:
        raise PermissionDeniedError("只有市级用户可以查看审计日志")
    if c.audit is None:
        raise ConfigError("审计日志未配置")
    return c.audit.recent(limit=limit, user_id=user_id, since_ms=since_ms, channel=channel)
