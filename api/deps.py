"""Request-scoped dependencies: the container and the caller's Principal."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote

from fastapi import Depends, Header, Request

from api.bootstrap import Container
from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel


def container(request: Request) -> Container:
    return request.app.state.container  # type: ignore[no-any-return]


def principal(
    c: Annotated[Container, Depends(container)],
    x_safecloud_town: Annotated[str | None, Header()] = None,
    x_safecloud_enterprise: Annotated[str | None, Header()] = None,
) -> Principal:
    """Until authentication lands, callers are the dev principal (city scope); in dev/test the
    scope can be narrowed with headers so the scope seam is exercised end to end."""
    if not c.settings.api.scope_headers:
        return DEV_PRINCIPAL
    if x_safecloud_enterprise:
        scope = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=x_safecloud_enterprise.strip().upper())
    elif x_safecloud_town:
        # HTTP headers are latin-1: Chinese town names arrive percent-encoded.
        scope = DataScope(level=ScopeLevel.TOWN, town=unquote(x_safecloud_town).strip())
    else:
        return DEV_PRINCIPAL
    return Principal(user_id="dev-scoped", scope=scope)


ContainerDep = Annotated[Container, Depends(container)]
PrincipalDep = Annotated[Principal, Depends(principal)]
