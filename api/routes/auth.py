"""Login and sessions: ``/api/v1/auth`` (ADR 0017). Login is the one ``/api/v1`` route open to a
caller without a session; every attempt, refused or not, is audited under the account it named."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, Field

from api.audit import visible
from api.deps import ContainerDep, PrincipalDep, bearer_token
from core.auth import USERNAME_PATTERN, canonical_username

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=200, description="用户名")
    password: str = Field(min_length=1, max_length=1024, description="密码")


class PasswordChange(BaseModel):
    old_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


@router.post("/login")
def login(body: LoginRequest, request: Request, c: ContainerDep) -> dict[str, Any]:
    name = canonical_username(body.username)  # “Admin ” is recorded as the account it reaches
    # A name that cannot be a username may be a password typed into the wrong box: not audited as is.
    tried = visible(name) if USERNAME_PATTERN.match(name) else "(无效用户名)"
    request.state.audit_caller = (tried, "login")
    result = c.auth.login(
        name,
        body.password,
        client=c.client_of(request.scope),  # the forwarded client only behind a trusted proxy
        user_agent=request.headers.get("user-agent", ""),
    )
    user = result.user
    request.state.audit_caller = (user.username, user.scope.describe())
    unseen = result.failures_since_last_login
    return {
        "token": result.token,
        "token_type": "bearer",
        "expires_at": result.expires_at,
        "user": user.public(),
        # 异常登录提醒: the officer learns at once that someone tried their account
        "warning": f"自上次登录以来，您的账号有 {unseen} 次密码错误的登录尝试，如非本人操作请联系管理员"
        if unseen
        else None,
    }


@router.post("/logout", status_code=204)
def logout(c: ContainerDep, p: PrincipalDep, authorization: str | None = Header(None)) -> None:
    token = bearer_token(authorization)
    if c.settings.api.auth == "token" and token:
        c.auth.logout(token)


@router.get("/me")
def me(request: Request, c: ContainerDep, p: PrincipalDep) -> dict[str, Any]:
    """Who the console is talking to; in token mode a 401 here is its cue to show the login page."""
    return {
        "mode": c.settings.api.auth,
        "username": p.user_id,
        "display_name": p.display_name or p.user_id,
        "scope": p.scope.model_dump(mode="json"),
        "scope_label": p.scope.describe(),
        "admin": bool(getattr(request.state, "admin", False)),
        # the console shows only the change-password form until this is false (ADR 0017)
        "must_change_password": bool(getattr(request.state, "must_change_password", False)),
    }


@router.post("/password", status_code=204)
def change_password(body: PasswordChange, c: ContainerDep, p: PrincipalDep) -> None:
    """Change one's own password (also the forced change after a reset); every session of the
    account ends, so the console logs in again with the new password."""
    c.auth.change_password(p.user_id, body.old_password, body.new_password)
