"""Account management for administrators: ``/api/v1/users`` (统一用户管理, ADR 0017).

Writes go through the audit middleware like every other write; password bodies are not hashed
into the trail (``api.audit.carries_password``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import AdminDep, ContainerDep
from core.auth import Role, canonical_username
from core.errors import ValidationError
from core.scope import DataScope

router = APIRouter(prefix="/api/v1/users", tags=["users"])


class NewUser(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    display_name: str = Field("", max_length=100)
    scope: DataScope = Field(
        default_factory=DataScope, description="city / town+town / enterprise+enterprise_id"
    )
    role: Role = Role.OFFICER


class UserUpdate(BaseModel):
    """属性更新: only the fields sent change."""

    display_name: str | None = Field(None, max_length=100)
    scope: DataScope | None = None
    role: Role | None = None


class PasswordReset(BaseModel):
    password: str = Field(min_length=1, max_length=1024)


def _normalised(scope: DataScope) -> DataScope:
    """Credit codes upper case, names without surrounding spaces; a value that is blank once stripped
    is refused by ``core.auth.check_user_scope`` (``model_copy`` does not validate again)."""
    update = {key: value.strip() for key, value in (("town", scope.town),) if value}
    if scope.enterprise_id:
        update["enterprise_id"] = scope.enterprise_id.strip().upper()
    return scope.model_copy(update=update) if update else scope


@router.get("")
def list_users(c: ContainerDep, _: AdminDep) -> list[dict[str, Any]]:
    return [u.public() for u in c.auth.list_users()]


@router.post("", status_code=201)
def create_user(body: NewUser, c: ContainerDep, _: AdminDep) -> dict[str, Any]:
    # The administrator typed the password and knows it: the user replaces it at the first login.
    user = c.auth.create_user(
        body.username,
        body.password,
        scope=_normalised(body.scope),
        role=body.role,
        display_name=body.display_name,
        temporary=True,
    )
    return user.public()


@router.patch("/{username}")
def update_user(username: str, body: UserUpdate, c: ContainerDep, me: AdminDep) -> dict[str, Any]:
    """Display name, data scope and role; the scope is checked like a new account's."""
    if canonical_username(username) == me.user_id and body.role not in (None, Role.ADMIN):
        raise ValidationError("不能取消当前登录账号的管理员角色", code="cannot_demote_self")
    scope = _normalised(body.scope) if body.scope is not None else None
    user = c.auth.update_user(username, display_name=body.display_name, scope=scope, role=body.role)
    return user.public()


@router.post("/{username}/disable")
def disable(username: str, c: ContainerDep, me: AdminDep) -> dict[str, Any]:
    if canonical_username(username) == me.user_id:
        raise ValidationError("不能停用当前登录的账号", code="cannot_disable_self")
    return c.auth.set_enabled(username, False).public()


@router.post("/{username}/enable")
def enable(username: str, c: ContainerDep, _: AdminDep) -> dict[str, Any]:
    return c.auth.set_enabled(username, True).public()


@router.post("/{username}/password")
def reset_password(username: str, body: PasswordReset, c: ContainerDep, _: AdminDep) -> dict[str, Any]:
    """安全重置: the new password must meet the policy; the lock is lifted, the user's sessions end and
    the user must change the password at the next login."""
    return c.auth.reset_password(username, body.password).public()


@router.get("/{username}/sessions")
def sessions(username: str, c: ContainerDep, _: AdminDep) -> list[dict[str, int | str]]:
    """Live sessions, oldest first: when each began and ends, and the client address and browser it
    was opened from (sessions older than that record show ''). Their digests stay on the server."""
    return [
        {
            "created_at": s.created_at,
            "expires_at": s.expires_at,
            "client": s.client,
            "user_agent": s.user_agent,
        }
        for s in c.auth.sessions_of(username)
    ]


@router.delete("/{username}/sessions")
def end_sessions(username: str, c: ContainerDep, _: AdminDep) -> dict[str, int]:
    """Ends every session of the account (audited as a write); the password and the account stay."""
    return {"ended": c.auth.end_sessions(username)}
