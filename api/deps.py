"""Request-scoped dependencies: the container and the caller's Principal."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Annotated
from urllib.parse import unquote

from fastapi import Depends, Header, Query, Request
from pydantic import AfterValidator

from api.bootstrap import Container
from core.auth import PASSWORD_CHANGE_REQUIRED, Role
from core.errors import AuthenticationError, PermissionDeniedError, ValidationError
from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel


def container(request: Request) -> Container:
    return request.app.state.container  # type: ignore[no-any-return]


def _header_text(value: str) -> str:
    """HTTP headers are read as latin-1: a Chinese town name arrives percent-encoded, or as raw UTF-8
    bytes (``curl -H "X-SafeCloud-Town: 华士镇"``), which read as mojibake (“åå£«é”) and were refused
    as an unknown town."""
    with contextlib.suppress(UnicodeError):  # not UTF-8 bytes: the text stays as it came
        value = value.encode("latin-1").decode("utf-8")
    return unquote(value)


def resolve_principal(scope_headers: bool, town: str | None, enterprise: str | None) -> Principal:
    """Until authentication lands, callers are the dev principal (city scope); in dev/test the
    scope can be narrowed with headers so the scope seam is exercised end to end."""
    if not scope_headers:
        return DEV_PRINCIPAL
    if enterprise is not None:
        enterprise_id = enterprise.strip().upper()
        if not enterprise_id:  # a blank scope must never widen to the whole city
            raise ValidationError("数据范围请求头 X-SafeCloud-Enterprise 为空", code="invalid_scope")
        scope = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=enterprise_id)
    elif town is not None:
        name = _header_text(town).strip()
        if not name:
            raise ValidationError("数据范围请求头 X-SafeCloud-Town 为空", code="invalid_scope")
        scope = DataScope(level=ScopeLevel.TOWN, town=name)
    else:
        return DEV_PRINCIPAL
    # Per-user state (conversations, search history, suggestions) is keyed by user_id: one id shared
    # by every scope would show a town's questions and answers to the officers of every other town.
    return Principal(user_id=f"dev-scoped:{scope.describe()}", scope=scope)


def bearer_token(authorization: str | None) -> str | None:
    """The token of ``Authorization: Bearer <token>``; None when absent or another scheme."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def principal(
    request: Request,
    c: Annotated[Container, Depends(container)],
    x_safecloud_town: Annotated[str | None, Header()] = None,
    x_safecloud_enterprise: Annotated[str | None, Header()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> Principal:
    known = getattr(request.state, "principal", None)  # resolved once per request (guard, route)
    if isinstance(known, Principal):
        return known
    if c.settings.api.auth == "token":
        # The scope is the logged-in user's own: scope headers are ignored, never trusted.
        user = c.auth.authenticate(bearer_token(authorization))
        if user.must_change_password and request.url.path.rstrip("/") not in CHANGE_PASSWORD_PATHS:
            # A password the administrator typed is known to two people: nothing else until it is replaced.
            raise PermissionDeniedError(PASSWORD_CHANGE_REQUIRED, code="password_change_required")
        who = user.principal()
        request.state.admin = user.role is Role.ADMIN
        request.state.must_change_password = user.must_change_password
    else:
        who = resolve_principal(c.settings.api.scope_headers, x_safecloud_town, x_safecloud_enterprise)
        request.state.admin = who == DEV_PRINCIPAL  # dev mode: the unscoped dev user administers
    c.scopes.check(who.scope)  # a scope naming nothing would see nothing, silently
    request.state.principal = who
    request.state.audit_caller = (who.user_id, who.scope.describe())
    return who


OPEN_PATHS = frozenset({"/api/v1/auth/login"})
# What a user who must change their password may still do: learn that they must, do it, or leave.
CHANGE_PASSWORD_PATHS = frozenset({"/api/v1/auth/me", "/api/v1/auth/password", "/api/v1/auth/logout"})


def session_guard(
    request: Request,
    c: Annotated[Container, Depends(container)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Router-wide: in token mode every ``/api/v1`` route but login needs a session, including the
    ones that never ask who the caller is (vocabularies, models); health checks stay open."""
    if c.settings.api.auth != "token":
        return
    path = request.url.path.rstrip("/")
    if not path.startswith("/api/v1/") or path in OPEN_PATHS:
        return
    principal(request, c, authorization=authorization)


def admin(request: Request, p: Annotated[Principal, Depends(principal)]) -> Principal:
    if not getattr(request.state, "admin", False):
        raise PermissionDeniedError("仅管理员可以管理用户账号", code="admin_required")
    return p


def principal_from_headers(c: Container, headers: Mapping[str, str]) -> Principal:
    """The same resolution for code outside FastAPI's dependency injection (the audit middleware,
    for a request refused before its route ran). Token mode does no graph read here: such a
    caller had no valid session, or the route would have resolved it."""
    if c.settings.api.auth == "token":
        raise AuthenticationError("未登录", code="unauthenticated")
    return resolve_principal(
        c.settings.api.scope_headers, headers.get("x-safecloud-town"), headers.get("x-safecloud-enterprise")
    )


ContainerDep = Annotated[Container, Depends(container)]
PrincipalDep = Annotated[Principal, Depends(principal)]
AdminDep = Annotated[Principal, Depends(admin)]


def _blank_is_none(value: str | None) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else value


# For optional text filters (town, category, user id, accident type): a blank one is one left out.
# " " had been matched literally (no enterprise, map point or plan has the town " "), and an empty
# user id filter emptied the audit trail.
BlankIsNone = AfterValidator(_blank_is_none)

# A page number with a ceiling: the graph reads ``skip = (page - 1) * size`` as a 64-bit integer, and
# ``page=99999999999999999999`` overflowed it: the enterprise list answered with page 1's firms
# labelled as that page. A million pages of up to 200 rows is beyond any list here.
MAX_PAGE = 1_000_000
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE, description="页码（从 1 开始）")]
