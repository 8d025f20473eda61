"""``UserStore`` over the graph: ``(:User)-[:HAS_SESSION]->(:Session)`` (ADR 0017).

Accounts are application state, not safety facts: not in ``graph.schema``, so text-to-Cypher's
allow-list never reaches them. The same portable Cypher runs on FalkorDB and Neo4j; a unique
constraint on ``User.username`` and ``Session.token_sha256`` (migration 12) makes the graph refuse
a second account of one name even when two requests create it at once.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError as ModelError

from core.auth import Role, Session, User
from core.errors import UniqueConflictError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel

# label → properties under a unique constraint (graph.migrations, migration 12)
USER_UNIQUE_KEYS: dict[str, tuple[str, ...]] = {"User": ("username",), "Session": ("token_sha256",)}

_USER_FIELDS = """u.username AS username, u.display_name AS display_name, u.scope_level AS scope_level,
  u.scope_town AS scope_town, u.scope_enterprise AS scope_enterprise, u.role AS role, u.enabled AS enabled,
  u.password_hash AS password_hash, u.failed_attempts AS failed_attempts, u.locked_until AS locked_until,
  u.password_changed_at AS password_changed_at, u.created_at AS created_at, u.last_login_at AS last_login_at,
  u.must_change_password AS must_change_password"""

CREATE_USER = """
CREATE (u:User {username: $username, display_name: $display_name, scope_level: $scope_level,
  scope_town: $scope_town, scope_enterprise: $scope_enterprise, role: $role, enabled: $enabled,
  password_hash: $password_hash, failed_attempts: 0, failures_since_login: 0,
  password_changed_at: $password_changed_at, created_at: $created_at,
  must_change_password: $must_change_password})
RETURN u.username AS username
"""

GET_USER = "MATCH (u:User {username: $username}) RETURN " + _USER_FIELDS

LIST_USERS = "MATCH (u:User) RETURN " + _USER_FIELDS + " ORDER BY u.username"

SET_ENABLED = "MATCH (u:User {username: $username}) SET u.enabled = $enabled RETURN u.username AS username"

STORE_NEW_HASH = """
MATCH (u:User {username: $username})
SET u.password_hash = $password_hash, u.password_changed_at = $changed_at, u.failed_attempts = 0,
  u.locked_until = null, u.must_change_password = $must_change
RETURN u.username AS username
"""

UPDATE_USER = """
MATCH (u:User {username: $username})
SET u.display_name = $display_name, u.scope_level = $scope_level, u.scope_town = $scope_town,
  u.scope_enterprise = $scope_enterprise, u.role = $role
RETURN u.username AS username
"""

# The first SET takes the node's write lock on Neo4j, so the count below reads the committed value
# and two wrong passwords at once both count. A lock that has run out starts the count again.
RECORD_FAILURE = (
    """
MATCH (u:User {username: $username})
SET u.failure_at = $now
WITH u, CASE WHEN u.locked_until IS NOT NULL AND u.locked_until <= $now THEN 0
  ELSE coalesce(u.failed_attempts, 0) END AS before
SET u.failed_attempts = before + 1, u.failures_since_login = coalesce(u.failures_since_login, 0) + 1,
  u.locked_until = CASE WHEN before + 1 >= $max_failures THEN $locked_until
    WHEN u.locked_until IS NOT NULL AND u.locked_until <= $now THEN null ELSE u.locked_until END
RETURN """
    + _USER_FIELDS
)

RECORD_SUCCESS = """
MATCH (u:User {username: $username})
WITH u, coalesce(u.failures_since_login, 0) AS unseen
SET u.failed_attempts = 0, u.failures_since_login = 0, u.locked_until = null, u.last_login_at = $now
RETURN unseen
"""

CREATE_SESSION = """
MATCH (u:User {username: $username})
CREATE (u)-[:HAS_SESSION]->(s:Session {token_sha256: $token_sha256, username: $username,
  created_at: $created_at, expires_at: $expires_at, client: $client, user_agent: $user_agent})
RETURN s.token_sha256 AS token_sha256
"""

SESSION_USER = (
    """
MATCH (u:User)-[:HAS_SESSION]->(s:Session {token_sha256: $token_sha256})
WHERE s.expires_at > $now AND u.enabled = true
RETURN """
    + _USER_FIELDS
)

DELETE_SESSION = """
MATCH (s:Session {token_sha256: $token_sha256})
WITH s, s.token_sha256 AS gone
DETACH DELETE s
RETURN count(gone) AS n
"""

DELETE_SESSIONS_OF = """
MATCH (u:User {username: $username})-[:HAS_SESSION]->(s:Session)
WITH s, s.token_sha256 AS gone
DETACH DELETE s
RETURN count(gone) AS n
"""

SESSIONS_OF = """
MATCH (u:User {username: $username})-[:HAS_SESSION]->(s:Session)
WHERE s.expires_at > $now
RETURN s.token_sha256 AS token_sha256, s.username AS username, s.created_at AS created_at,
  s.expires_at AS expires_at, coalesce(s.client, '') AS client, coalesce(s.user_agent, '') AS user_agent
ORDER BY s.created_at, s.expires_at
"""

DELETE_EXPIRED_SESSIONS = """
MATCH (s:Session)
WHERE s.expires_at <= $now
WITH s, s.token_sha256 AS gone
DETACH DELETE s
RETURN count(gone) AS n
"""


# The scope of an account whose stored scope names nothing: no town or enterprise has this id.
UNREADABLE_SCOPE = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="(数据范围无效)")


def _user(row: dict[str, Any]) -> User:
    level = ScopeLevel(row.get("scope_level") or "city")
    enabled = bool(row.get("enabled"))
    try:
        scope = DataScope(level=level, town=row.get("scope_town"), enterprise_id=row.get("scope_enterprise"))
    except ModelError:
        # An enterprise scope with an empty credit code (stored before the API refused it) failed every
        # read: the user list, every login, the server's start. Such an account reads as disabled and
        # scoped to nothing, never wider, until an administrator sets its scope again.
        scope, enabled = UNREADABLE_SCOPE, False
    return User(
        username=row["username"],
        display_name=row.get("display_name") or "",
        scope=scope,
        role=Role(row.get("role") or "officer"),
        enabled=enabled,
        password_hash=row.get("password_hash") or "",
        failed_attempts=int(row.get("failed_attempts") or 0),
        locked_until=row.get("locked_until"),
        password_changed_at=int(row.get("password_changed_at") or 0),
        created_at=int(row.get("created_at") or 0),
        last_login_at=row.get("last_login_at"),
        must_change_password=bool(row.get("must_change_password")),  # absent on accounts made before it
    )


def _count(rows: list[dict[str, Any]]) -> int:
    return int(rows[0]["n"]) if rows else 0


class GraphUserStore:
    def __init__(self, store: GraphStore) -> None:
        self._store = store

    def create_user(self, user: User) -> None:
        # Checked first for a plain Chinese refusal; the constraint still decides a race.
        if self.get_user(user.username) is not None:
            raise UniqueConflictError(f"用户名“{user.username}”已存在", code="user_exists")
        params = user.scope.as_params()
        self._store.write(
            CREATE_USER,
            {
                "username": user.username,
                "display_name": user.display_name,
                "scope_level": user.scope.level.value,
                "scope_town": params["scope_town"],
                "scope_enterprise": params["scope_enterprise"],
                "role": user.role.value,
                "enabled": user.enabled,
                "password_hash": user.password_hash,
                "password_changed_at": user.password_changed_at,
                "created_at": user.created_at,
                "must_change_password": user.must_change_password,
            },
        )

    def get_user(self, username: str) -> User | None:
        rows = self._store.read(GET_USER, {"username": username})
        return _user(rows[0]) if rows else None

    def list_users(self) -> list[User]:
        return [_user(r) for r in self._store.read(LIST_USERS)]

    def set_enabled(self, username: str, enabled: bool) -> bool:
        return bool(self._store.write(SET_ENABLED, {"username": username, "enabled": enabled}))

    def set_password(
        self, username: str, password_hash: str, changed_at: int, must_change: bool = False
    ) -> bool:
        params = {
            "username": username,
            "password_hash": password_hash,
            "changed_at": changed_at,
            "must_change": must_change,
        }
        return bool(self._store.write(STORE_NEW_HASH, params))

    def update_user(self, user: User) -> bool:
        """Store the account's display name, scope and role (the attributes an administrator edits)."""
        params = user.scope.as_params()
        return bool(
            self._store.write(
                UPDATE_USER,
                {
                    "username": user.username,
                    "display_name": user.display_name,
                    "scope_level": user.scope.level.value,
                    "scope_town": params["scope_town"],
                    "scope_enterprise": params["scope_enterprise"],
                    "role": user.role.value,
                },
            )
        )

    def record_failure(self, username: str, now: int, max_failures: int, locked_until: int) -> User | None:
        params = {
            "username": username,
            "now": now,
            "max_failures": max_failures,
            "locked_until": locked_until,
        }
        rows = self._store.write(RECORD_FAILURE, params)
        return _user(rows[0]) if rows else None

    def record_success(self, username: str, now: int) -> int:
        rows = self._store.write(RECORD_SUCCESS, {"username": username, "now": now})
        return int(rows[0]["unseen"]) if rows else 0

    def create_session(self, session: Session) -> None:
        self._store.write(CREATE_SESSION, session.model_dump())

    def session_user(self, token_sha256: str, now: int) -> User | None:
        rows = self._store.read(SESSION_USER, {"token_sha256": token_sha256, "now": now})
        return _user(rows[0]) if rows else None

    def delete_session(self, token_sha256: str) -> bool:
        return _count(self._store.write(DELETE_SESSION, {"token_sha256": token_sha256})) > 0

    def delete_sessions_of(self, username: str) -> int:
        return _count(self._store.write(DELETE_SESSIONS_OF, {"username": username}))

    def sessions_of(self, username: str, now: int) -> list[Session]:
        rows = self._store.read(SESSIONS_OF, {"username": username, "now": now})
        return [Session.model_validate(row) for row in rows]

    def delete_expired_sessions(self, now: int) -> int:
        return _count(self._store.write(DELETE_EXPIRED_SESSIONS, {"now": now}))


__all__ = ["USER_UNIQUE_KEYS", "GraphUserStore"]
