"""Users, sessions and the rules of logging in (ADR 0017). No I/O: the graph keeps users and
sessions (``core.ports.UserStore``), ``api/auth_service.py`` hashes passwords and runs the login.

A user's data scope is part of the user: a town officer logs in and sees that town, whatever the
request says. Session tokens are random and opaque; only their SHA-256 is stored, so a copy of the
graph does not hand out live sessions.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import unicodedata
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from core.errors import ValidationError
from core.scope import DataScope, Principal, ScopeLevel

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128  # argon2 hashes any length; a megabyte "password" is only a cost to us
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")
# Full-width letters and digits (“ａ”“１”), what a Chinese input method types in 全角 mode: they are
# not the letters and digits the policy asks for, and "须同时包含字母和数字" alone puzzled the user.
_FULL_WIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
MINUTE_MS = 60_000
# A User-Agent is written by the client: kept short enough for the sessions list, whatever is sent.
USER_AGENT_MAX = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Per-user state (conversations, search history) is keyed by user id: an account may not take the id
# the dev principal or the chat eval use, or the audit trail's placeholders.
RESERVED_USERNAMES = frozenset({"dev", "eval", "anonymous", "unresolved", "cli"})


class Role(StrEnum):
    ADMIN = "admin"  # manages users (city scope only)
    OFFICER = "officer"  # reads and writes within the user's scope


class User(BaseModel):
    """A stored account. ``password_hash`` never leaves the server (``public`` drops it)."""

    model_config = ConfigDict(frozen=True)

    username: str
    display_name: str = ""
    scope: DataScope = DataScope()
    role: Role = Role.OFFICER
    enabled: bool = True
    password_hash: str = Field("", repr=False)
    failed_attempts: int = 0
    locked_until: int | None = None  # epoch ms; None or past: not locked
    password_changed_at: int = 0
    created_at: int = 0
    last_login_at: int | None = None
    # Set by an administrator's reset or an account created with a temporary password: the user
    # must choose their own before any other route answers (a password someone else typed is shared).
    must_change_password: bool = False

    def principal(self) -> Principal:
        return Principal(user_id=self.username, display_name=self.display_name, scope=self.scope)

    def public(self) -> dict[str, object]:
        data = self.model_dump(mode="json", exclude={"password_hash"})
        data["scope_label"] = self.scope.describe()
        return data


class Session(BaseModel):
    model_config = ConfigDict(frozen=True)

    token_sha256: str
    username: str
    created_at: int
    expires_at: int
    # Where the login came from, for an administrator ending a session they do not recognise:
    # the client address (api.client_address) and the browser's User-Agent, cut to USER_AGENT_MAX.
    client: str = ""
    user_agent: str = ""


def session_user_agent(header: str) -> str:
    """The User-Agent as stored with a session: control characters (a NUL a store may refuse, a
    newline that would fake a second line in the list) become spaces, and it is cut to a bound."""
    return _CONTROL.sub(" ", header).strip()[:USER_AGENT_MAX]


def canonical_username(username: str) -> str:
    """The one spelling an account is stored and looked up under: NFKC folds full-width input
    (“ａｄｍｉｎ” from a Chinese IME) and lower case folds caps lock, so “Admin” can be neither a
    look-alike second account nor a way around the lockout of “admin”."""
    return unicodedata.normalize("NFKC", username).strip().lower()


def check_username(username: str) -> str:
    name = canonical_username(username)
    if not USERNAME_PATTERN.match(name):
        raise ValidationError(
            "用户名须为 3–64 位字母、数字或 . _ @ -，且以字母或数字开头", code="invalid_username"
        )
    if name.lower() in RESERVED_USERNAMES:
        raise ValidationError(f"用户名“{name}”为系统保留，请换一个", code="reserved_username")
    return name


def password_problem(password: str) -> str | None:
    """The policy (seed requirement 密码策略) as a Chinese reason, or None when the password passes."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"密码长度至少 {MIN_PASSWORD_LENGTH} 位，且须同时包含字母和数字"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"密码长度不得超过 {MAX_PASSWORD_LENGTH} 位"
    if not _LETTER.search(password) or not _DIGIT.search(password):
        if _FULL_WIDTH_ALNUM.search(password):
            return "密码须同时包含字母和数字：其中有全角字母或数字（如“ａ”“１”），请切换到半角输入后重新输入"
        return "密码须同时包含字母和数字"
    if password != password.strip():
        return "密码首尾不能是空格"
    return None


def check_password_policy(password: str, *, username: str | None = None) -> None:
    problem = password_problem(password)
    if problem is None and username and username.lower() in password.lower():
        problem = "密码不能包含用户名"
    if problem is not None:
        raise ValidationError(problem, code="weak_password")


def check_user_scope(scope: DataScope, role: Role) -> None:
    """An administrator manages every account, so it must see the whole city. A scope is checked here
    again although ``DataScope`` validates itself: a copy with a stripped, now empty, credit code skips
    that validation, and an account stored with it could no longer be read (every login and the user
    list failed)."""
    if scope.level is ScopeLevel.TOWN and not (scope.town or "").strip():
        raise ValidationError("镇街账号须指定镇街名称", code="invalid_scope")
    if scope.level is ScopeLevel.ENTERPRISE and not (scope.enterprise_id or "").strip():
        raise ValidationError("企业账号须指定统一社会信用代码", code="invalid_scope")
    if role is Role.ADMIN and scope.level is not ScopeLevel.CITY:
        raise ValidationError("管理员账号的数据范围必须为全市", code="invalid_role_scope")


def check_scope_fields(scope: DataScope) -> None:
    """A scope sent for an account names only what its level uses. ``level`` defaults to 全市, so
    ``{"town": "华士镇"}`` (or a town left over beside ``"level": "city"``) had created a city-wide
    account where a 华士镇 one was meant: refused, never widened (as a blank ``--town`` is)."""
    extra = {
        ScopeLevel.CITY: (("镇街", scope.town), ("企业", scope.enterprise_id)),
        ScopeLevel.TOWN: (("企业", scope.enterprise_id),),
        ScopeLevel.ENTERPRISE: (("镇街", scope.town),),
    }[scope.level]
    named = [what for what, value in extra if (value or "").strip()]
    if named:
        level = {ScopeLevel.CITY: "全市", ScopeLevel.TOWN: "镇街", ScopeLevel.ENTERPRISE: "企业"}[scope.level]
        raise ValidationError(
            f"数据范围为{level}（level={scope.level.value}），却又指定了{'和'.join(named)}；"
            "请只选一种：全市（city）、镇街（town + town）或企业（enterprise + enterprise_id）",
            code="invalid_scope",
        )


class LockoutPolicy(BaseModel):
    """``max_failures`` wrong passwords in a row lock the account for ``lock_minutes``; a login while
    locked is refused without looking at the password, so guessing cannot go on during the lock."""

    model_config = ConfigDict(frozen=True)

    max_failures: int = Field(5, ge=1)
    lock_minutes: int = Field(15, ge=1)

    def locked_until_if_locked(self, now: int) -> int:
        return now + self.lock_minutes * MINUTE_MS

    @staticmethod
    def is_locked(user: User, now: int) -> bool:
        return user.locked_until is not None and user.locked_until > now

    @staticmethod
    def minutes_left(user: User, now: int) -> int:
        return max(1, math.ceil(((user.locked_until or now) - now) / MINUTE_MS))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What is stored and looked up: a stolen graph dump holds no usable token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def locked_message(minutes: int) -> str:
    return f"账号已锁定，请{minutes}分钟后再试"


BAD_CREDENTIALS = "用户名或密码错误"  # the same for an unknown user and a wrong password
DISABLED = "账号已停用"
PASSWORD_CHANGE_REQUIRED = "您的密码由管理员设置，请先修改密码后再使用系统"  # noqa: S105 - a message


__all__ = [
    "BAD_CREDENTIALS",
    "DISABLED",
    "PASSWORD_CHANGE_REQUIRED",
    "LockoutPolicy",
    "Role",
    "Session",
    "User",
    "canonical_username",
    "check_password_policy",
    "check_scope_fields",
    "check_user_scope",
    "check_username",
    "locked_message",
    "new_token",
    "password_problem",
    "token_digest",
]
