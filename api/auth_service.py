"""Login, sessions and account management (ADR 0017), shared by the API and ``safecloud users``.

Passwords are hashed with argon2id (``argon2-cffi``); the hash carries its own salt and cost, so no
signing key or pepper is configured anywhere. A login for an unknown user still verifies a password
against a fixed hash, so the answer takes as long as for a real user with a wrong password and
says the same 用户名或密码错误.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from api.login_throttle import LoginThrottle
from core.auth import (
    BAD_CREDENTIALS,
    DISABLED,
    MINUTE_MS,
    LockoutPolicy,
    Role,
    Session,
    User,
    canonical_username,
    check_password_policy,
    check_scope_fields,
    check_user_scope,
    check_username,
    locked_message,
    new_token,
    session_user_agent,
    token_digest,
)
from core.errors import AuthenticationError, NotFoundError, PermissionDeniedError, ValidationError
from core.ports import UserStore
from core.scope import DataScope
from core.text_input import refuse_control_characters

SESSION_MISSING = "未登录或登录已过期，请重新登录"


@dataclass(frozen=True)
class LoginResult:
    token: str
    user: User
    expires_at: int
    # wrong passwords typed for this account since its last login (异常登录提醒)
    failures_since_last_login: int


class AuthService:
    def __init__(
        self,
        users: UserStore,
        *,
        clock: Callable[[], int],
        check_scope: Callable[[DataScope], None],
        session_ttl_minutes: int = 480,
        lockout: LockoutPolicy | None = None,
        hasher: PasswordHasher | None = None,
        throttle: LoginThrottle | None = None,
    ) -> None:
        self.users = users
        self._clock = clock
        self._check_scope = check_scope
        self._ttl_ms = session_ttl_minutes * MINUTE_MS
        self.lockout = lockout or LockoutPolicy()
        self._hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None  # built on first use: hashing costs ~50 ms
        self.throttle = throttle or LoginThrottle(20, 10)

    # --- login ---------------------------------------------------------------------------------

    def login(
        self, username: str, password: str, *, client: str | None = None, user_agent: str = ""
    ) -> LoginResult:
        """``client``: the caller's address, whose refused logins are limited (None: not throttled,
        e.g. a caller inside the server process); it and ``user_agent`` are kept with the session."""
        now = self._clock()
        origin = {"client": client or "", "user_agent": session_user_agent(user_agent)}
        if client is None:
            return self._login(username, password, now, origin)
        self.throttle.begin(client, now)  # before any lookup: a throttled caller learns nothing
        try:
            result = self._login(username, password, now, origin)
        except (AuthenticationError, PermissionDeniedError):
            raise  # a refused login: it stays counted
        except BaseException:
            self.throttle.succeeded(client, now)  # the server failed (graph down), not the caller
            raise
        self.throttle.succeeded(client, now)  # successful logins do not count
        return result

    def _login(self, username: str, password: str, now: int, origin: dict[str, str]) -> LoginResult:
        user = self.users.get_user(canonical_username(username))
        if user is None:
            self._verify(self._dummy(), password)  # same work as a real wrong password
            raise AuthenticationError(BAD_CREDENTIALS, code="bad_credentials")
        if self.lockout.is_locked(user, now):
            raise self._refused_while_locked(user, password, now)
        if not self._verify(user.password_hash, password):
            # Even the wrong password that locks the account hears only 用户名或密码错误: 账号已锁定 is
            # for the right password (see _refused_while_locked), or it would tell the account exists.
            self.users.record_failure(
                user.username, now, self.lockout.max_failures, self.lockout.locked_until_if_locked(now)
            )
            raise AuthenticationError(BAD_CREDENTIALS, code="bad_credentials")
        # Only a caller who knows the password learns that the account is disabled.
        if not user.enabled:
            raise PermissionDeniedError(DISABLED, code="account_disabled")
        if self._hasher.check_needs_rehash(user.password_hash):  # cost raised since it was set
            self.users.set_password(
                user.username,
                self._hasher.hash(password),
                user.password_changed_at,
                user.must_change_password,
            )
        unseen = self.users.record_success(user.username, now)
        self.users.delete_expired_sessions(now)  # housekeeping: expired sessions go at the next login
        self.throttle.forget_idle(now)  # and addresses whose failures all left the window
        token = new_token()
        expires_at = now + self._ttl_ms
        self.users.create_session(
            Session(
                token_sha256=token_digest(token),
                username=user.username,
                created_at=now,
                expires_at=expires_at,
                **origin,
            )
        )
        return LoginResult(token=token, user=user, expires_at=expires_at, failures_since_last_login=unseen)

    def logout(self, token: str) -> bool:
        return self.users.delete_session(token_digest(token))

    def authenticate(self, token: str | None) -> User:
        """The user of a live session; ``AuthenticationError`` (401) for none, expired, or disabled."""
        if not token:
            raise AuthenticationError(SESSION_MISSING, code="unauthenticated")
        user = self.users.session_user(token_digest(token), self._clock())
        if user is None or not user.enabled:  # the store may read an unusable account as disabled
            raise AuthenticationError(SESSION_MISSING, code="session_invalid")
        return user

    def change_password(self, username: str, old: str, new: str) -> None:
        """The user's own choice: lifts a forced change (管理员重置或临时密码) and ends every session."""
        user = self._get(username)
        now = self._clock()
        # A session is not the password: guesses at the old password count like wrong logins, or
        # anyone at an unlocked console could try passwords here without end (and without a lock).
        if self.lockout.is_locked(user, now):
            raise self._locked(user, now)
        if not self._verify(user.password_hash, old):
            after = self.users.record_failure(
                user.username, now, self.lockout.max_failures, self.lockout.locked_until_if_locked(now)
            )
            if after is not None and self.lockout.is_locked(after, now):
                raise self._locked(after, now)
            raise ValidationError("原密码错误", code="bad_old_password")
        if new == old:  # a forced change that keeps the administrator's password would change nothing
            raise ValidationError("新密码不能与原密码相同", code="same_password")
        self._store_password(user, new, must_change=False)

    # --- administration ------------------------------------------------------------------------

    def create_user(
        self,
        username: str,
        password: str,
        *,
        scope: DataScope,
        role: Role = Role.OFFICER,
        display_name: str = "",
        temporary: bool = False,
    ) -> User:
        """``temporary``: the administrator chose the password, so the user must change it at login."""
        name = check_username(username)
        refuse_control_characters(display_name, field="显示名称", param="display_name")
        check_password_policy(password, username=name)
        check_scope_fields(scope)
        check_user_scope(scope, role)
        self._check_scope(scope)  # a town or enterprise that does not exist is refused
        now = self._clock()
        user = User(
            username=name,
            display_name=display_name.strip() or name,
            scope=scope,
            role=role,
            password_hash=self._hasher.hash(password),
            password_changed_at=now,
            created_at=now,
            must_change_password=temporary,
        )
        self.users.create_user(user)
        return user

    def list_users(self) -> list[User]:
        return self.users.list_users()

    def set_enabled(self, username: str, enabled: bool) -> User:
        user = self._get(username)
        self.users.set_enabled(user.username, enabled)
        if not enabled:  # a disabled officer is out at once, not when the session expires
            self.users.delete_sessions_of(user.username)
        return self._get(user.username)

    def sessions_of(self, username: str) -> list[Session]:
        return self.users.sessions_of(self._get(username).username, self._clock())

    def end_sessions(self, username: str) -> int:
        """A lost phone or a shared duty PC: the sessions end, the password stays."""
        return self.users.delete_sessions_of(self._get(username).username)

    def reset_password(self, username: str, password: str, *, temporary: bool = True) -> User:
        """安全重置: a new password under the policy; the lock is lifted and every session ends. The
        administrator knows this password, so by default the user must replace it at the next login."""
        user = self._get(username)
        self._store_password(user, password, must_change=temporary)
        return self._get(user.username)

    def update_user(
        self,
        username: str,
        *,
        display_name: str | None = None,
        scope: DataScope | None = None,
        role: Role | None = None,
    ) -> User:
        """属性更新: display name, scope and role, checked like a new account (an administrator is
        city-wide; a town or enterprise must exist). Sessions stay: each request reads the account
        again, so a narrowed scope applies from the next request on."""
        if scope is not None:  # only a scope sent now: an account stored earlier stays editable
            check_scope_fields(scope)
        refuse_control_characters(display_name or "", field="显示名称", param="display_name")
        user = self._get(username)
        name = user.display_name if display_name is None else (display_name.strip() or user.username)
        updated = user.model_copy(
            update={"display_name": name, "scope": scope or user.scope, "role": role or user.role}
        )
        check_user_scope(updated.scope, updated.role)
        # Checked even when unchanged: an account read back as unusable (graph.users) must not keep
        # its placeholder scope through an edit of the display name alone.
        self._check_scope(updated.scope)
        self.users.update_user(updated)
        return self._get(user.username)

    # --- helpers -------------------------------------------------------------------------------

    def _store_password(self, user: User, password: str, *, must_change: bool) -> None:
        check_password_policy(password, username=user.username)
        self.users.set_password(user.username, self._hasher.hash(password), self._clock(), must_change)
        self.users.delete_sessions_of(user.username)

    def _refused_while_locked(self, user: User, password: str, now: int) -> AuthenticationError:
        """账号已锁定 only to a caller who typed the right password (like 账号已停用): anyone else hears
        用户名或密码错误, so the lock does not tell that an account exists. That answer is a yes/no on
        the password, so guesses during a lock are few: they count (not extending the lock), and once
        another ``max_failures`` were wrong the password is no longer checked until the lock ends."""
        if user.failed_attempts < 2 * self.lockout.max_failures:
            right = self._verify(user.password_hash, password)
        else:
            self._verify(self._dummy(), password)  # the same work, but no answer on the password
            right = False
        if right:
            minutes = self.lockout.minutes_left(user, now)
            return AuthenticationError(
                locked_message(minutes), code="account_locked", details={"retry_after_minutes": minutes}
            )
        # Counted for the 异常登录提醒; the lock's end stays where it was, neither lifted nor pushed back.
        self.users.record_failure(user.username, now, self.lockout.max_failures, user.locked_until or now)
        return AuthenticationError(BAD_CREDENTIALS, code="bad_credentials")

    def _locked(self, user: User, now: int) -> PermissionDeniedError:
        """403, not 401: the session is still valid, and a 401 would send the console to the login page."""
        minutes = self.lockout.minutes_left(user, now)
        return PermissionDeniedError(
            locked_message(minutes), code="account_locked", details={"retry_after_minutes": minutes}
        )

    def _get(self, username: str) -> User:
        user = self.users.get_user(canonical_username(username))
        if user is None:
            raise NotFoundError(f"用户“{username}”不存在", code="user_not_found")
        return user

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = self._hasher.hash("not-a-user-0000")
        return self._dummy_hash


__all__ = ["SESSION_MISSING", "AuthService", "LoginResult"]
