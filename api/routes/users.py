"""Account management for administrators: ``/api/v1/users`` (统一用户管理, ADR 0017).

Writes go through the audit middleware like every other write; password bodies are not hashed
into the trail (``api.audit.carries_password``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import AdminDep, ContainerDep
from core.auth import Role
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


class PasswordReset(BaseModel):
    password: str = Field(min_length=1, max_length=1024)


@router.get("")
def list_users(c: ContainerDep, _: AdminDep) -> list[dict[str, Any]]:
    return [u.public() for u in c.auth.list_users()]


@router.post("", status_code=201)
def create_user(body: NewUser, c: ContainerDep, _: AdminDep) -> dict[str, Any]:
    scope = body.scope
    if scope.enterprise_id:
        scope = scope.model_copy(update={"enterprise_id": scope.enterprise_id.strip().upper()})
    user = c.auth.create_user(
        body.username, body.password, scope=scope, role=body.role, display_name=body.display_name
    )
    return user.public()


@router.post("/{username}/disable")
def disable(username: str, c: ContainerDep, me: AdminDep) -> dict[str, Any]:
    if username.strip() == me.user_id:
        raise ValidationError("不能停用当前登录的账号", code="cannot_disable_self")
    return c.auth.set_enabled(username, False).public()


@router.post("/{username}/enable")
def enable(username: str, c: ContainerDep, _: AdminDep) -> dict[str, Any]:
    return c.auth.set_enabled(username, True).public()


@router.post("/{username}/password")
def reset_password(username: str, body: PasswordReset, c: ContainerDep, _: AdminDep) -> dict[str, Any]:
    """安全重置: the new password must meet the policy; the lock is lifted and the user's sessions end."""
    return c.auth.reset_password(username, body.password).public()
