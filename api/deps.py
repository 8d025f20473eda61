"""Request-scoped dependencies: the container and the caller's Principal."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Annotated
from urllib.parse import unquote

from fastapi import Depends, Header, Request
from pydantic import AfterValidator

from api.bootstrap import Container
from core.errors import ValidationError
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


def principal(
    c: Annotated[Container, Depends(container)],
    x_safecloud_town: Annotated[str | None, Header()] = None,
    x_safecloud_enterprise: Annotated[str | None, Header()] = None,
) -> Principal:
    who = resolve_principal(c.settings.api.scope_headers, x_safecloud_town, x_safecloud_enterprise)
    c.scopes.check(who.scope)  # a scope naming nothing would see nothing, silently
    return who


def principal_from_headers(c: Container, headers: Mapping[str, str]) -> Principal:
    """The same resolution for code outside FastAPI's dependency injection (the audit middleware)."""
    return resolve_principal(
        c.settings.api.scope_headers, headers.get("x-safecloud-town"), headers.get("x-safecloud-enterprise")
    )


ContainerDep = Annotated[Container, Depends(container)]
PrincipalDep = Annotated[Principal, Depends(principal)]


def _blank_is_none(value: str | None) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else value


# For optional text filters (town, category, user id, accident type): a blank one is one left out.
# " " had been matched literally (no enterprise, map point or plan has the town " "), and an empty
# user id filter emptied the audit trail.
BlankIsNone = AfterValidator(_blank_is_none)
