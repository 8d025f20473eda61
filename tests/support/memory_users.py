"""An in-memory ``UserStore`` for unit tests of ``api.auth_service`` (the graph one has its own
contract test on both engines)."""

from __future__ import annotations

from core.auth import Session, User
from core.errors import UniqueConflictError


class MemoryUsers:
    def __init__(self) -> None:
        self.users: dict[str, User] = {}
        self.unseen: dict[str, int] = {}
        self.sessions: dict[str, Session] = {}

    def create_user(self, user: User) -> None:
        if user.username in self.users:
            raise UniqueConflictError(f"用户名“{user.username}”已存在", code="user_exists")
        self.users[user.username] = user

    def get_user(self, username: str) -> User | None:
        return self.users.get(username)

    def list_users(self) -> list[User]:
        return sorted(self.users.values(), key=lambda u: u.username)

    def _update(self, username: str, **fields: object) -> bool:
        if username not in self.users:
            return False
        self.users[username] = self.users[username].model_copy(update=fields)
        return True

    def set_enabled(self, username: str, enabled: bool) -> bool:
        return self._update(username, enabled=enabled)

    def set_password(
        self, username: str, password_hash: str, changed_at: int, must_change: bool = False
    ) -> bool:
        return self._update(
            username,
            password_hash=password_hash,
            password_changed_at=changed_at,
            failed_attempts=0,
            locked_until=None,
            must_change_password=must_change,
        )

    def update_user(self, user: User) -> bool:
        return self._update(user.username, display_name=user.display_name, scope=user.scope, role=user.role)

    def record_failure(self, username: str, now: int, max_failures: int, locked_until: int) -> User | None:
        user = self.users.get(username)
        if user is None:
            return None
        expired = user.locked_until is not None and user.locked_until <= now
        count = (0 if expired else user.failed_attempts) + 1
        lock = locked_until if count >= max_failures else (None if expired else user.locked_until)
        self.unseen[username] = self.unseen.get(username, 0) + 1
        self._update(username, failed_attempts=count, locked_until=lock)
        return self.users[username]

    def record_success(self, username: str, now: int) -> int:
        self._update(username, failed_attempts=0, locked_until=None, last_login_at=now)
        return self.unseen.pop(username, 0)

    def create_session(self, session: Session) -> None:
        self.sessions[session.token_sha256] = session

    def session_user(self, token_sha256: str, now: int) -> User | None:
        s = self.sessions.get(token_sha256)
        user = self.users.get(s.username) if s and s.expires_at > now else None
        return user if user is not None and user.enabled else None

    def delete_session(self, token_sha256: str) -> bool:
        return self.sessions.pop(token_sha256, None) is not None

    def delete_sessions_of(self, username: str) -> int:
        gone = [k for k, s in self.sessions.items() if s.username == username]
        for k in gone:
            del self.sessions[k]
        return len(gone)

    def sessions_of(self, username: str, now: int) -> list[Session]:
        live = [s for s in self.sessions.values() if s.username == username and s.expires_at > now]
        return sorted(live, key=lambda s: (s.created_at, s.expires_at))

    def delete_expired_sessions(self, now: int) -> int:
        gone = [k for k, s in self.sessions.items() if s.expires_at <= now]
        for k in gone:
            del self.sessions[k]
        return len(gone)
