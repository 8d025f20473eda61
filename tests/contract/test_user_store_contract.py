"""GraphUserStore on every engine: accounts round-trip, usernames are unique, the failure counter
locks and restarts, and sessions are found only while live and only for enabled users."""

from __future__ import annotations

import pytest

from core.auth import Role, Session, User
from core.errors import UniqueConflictError
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.users import GraphUserStore

TOWN = DataScope(level=ScopeLevel.TOWN, town="璜土镇")
FIRM = DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="91320281MA1XYZ0001")


def _user(name: str, scope: DataScope = TOWN, role: Role = Role.OFFICER) -> User:
    return User(username=name, display_name=f"{name} 显示名", scope=scope, role=role, password_hash="$argon2id$x",
                password_changed_at=10, created_at=5)  # fmt: skip


def test_users_round_trip_and_names_are_unique(graph_store: GraphStore) -> None:
    users = GraphUserStore(graph_store)
    for u in (_user("ht_officer"), _user("firm_safety", FIRM), _user("admin01", DataScope(), Role.ADMIN)):
        users.create_user(u)
    assert users.get_user("ht_officer") == _user("ht_officer")
    assert users.get_user("firm_safety").scope == FIRM  # type: ignore[union-attr]
    assert [u.username for u in users.list_users()] == ["admin01", "firm_safety", "ht_officer"]
    assert users.get_user("nobody") is None
    with pytest.raises(UniqueConflictError):
        users.create_user(_user("ht_officer", DataScope()))


def test_the_graph_itself_refuses_a_second_username(graph_store: GraphStore) -> None:
    """The read-before-create is only for the message; the constraint (migration 12) decides a race."""
    from graph.users import CREATE_USER

    users = GraphUserStore(graph_store)
    users.create_user(_user("race_user"))
    params = {"username": "race_user", "display_name": "", "scope_level": "city", "scope_town": None,
              "scope_enterprise": None, "role": "officer", "enabled": True, "password_hash": "h",
              "password_changed_at": 0, "created_at": 0, "must_change_password": False}  # fmt: skip
    with pytest.raises(UniqueConflictError):
        graph_store.write(CREATE_USER, params)


def test_failures_lock_at_the_limit_and_restart_after_the_lock(graph_store: GraphStore) -> None:
    users = GraphUserStore(graph_store)
    users.create_user(_user("ht_night"))
    counts = [users.record_failure("ht_night", 100 + i, 3, 1_000) for i in range(3)]
    assert [(u.failed_attempts, u.locked_until) for u in counts if u] == [(1, None), (2, None), (3, 1_000)]
    after_lock = users.record_failure("ht_night", 2_000, 3, 9_000)
    assert after_lock is not None and (after_lock.failed_attempts, after_lock.locked_until) == (1, None)
    assert users.record_success("ht_night", 2_100) == 4  # failures since the last login, for the warning
    assert users.get_user("ht_night").failed_attempts == 0  # type: ignore[union-attr]
    assert users.record_failure("nobody", 1, 3, 2) is None


def test_sessions_live_until_expiry_and_end_with_the_user(graph_store: GraphStore) -> None:
    users = GraphUserStore(graph_store)
    users.create_user(_user("ht_day"))
    users.create_session(Session(token_sha256="a" * 64, username="ht_day", created_at=0, expires_at=100))
    users.create_session(Session(token_sha256="b" * 64, username="ht_day", created_at=0, expires_at=500))
    assert users.session_user("a" * 64, 99).username == "ht_day"  # type: ignore[union-attr]
    assert users.session_user("a" * 64, 100) is None
    assert users.delete_expired_sessions(200) == 1
    users.set_enabled("ht_day", False)
    assert users.session_user("b" * 64, 200) is None  # a disabled account's session no longer works
    users.set_enabled("ht_day", True)
    assert users.delete_session("b" * 64) and not users.delete_session("b" * 64)
    users.create_session(Session(token_sha256="c" * 64, username="ht_day", created_at=0, expires_at=500))
    assert users.set_password("ht_day", "$argon2id$new", 300)
    assert users.get_user("ht_day").password_hash == "$argon2id$new"  # type: ignore[union-attr]
    assert users.delete_sessions_of("ht_day") == 1


def test_attributes_update_and_a_forced_change_is_stored(graph_store: GraphStore) -> None:
    users = GraphUserStore(graph_store)
    users.create_user(_user("ht_edit"))
    assert not users.get_user("ht_edit").must_change_password  # type: ignore[union-attr]
    moved = _user("ht_edit", FIRM).model_copy(update={"display_name": "改名后"})
    assert users.update_user(moved)
    got = users.get_user("ht_edit")
    assert got is not None and (got.scope, got.display_name, got.role) == (FIRM, "改名后", Role.OFFICER)
    assert users.set_password("ht_edit", "$argon2id$reset", 400, must_change=True)
    assert users.get_user("ht_edit").must_change_password  # type: ignore[union-attr]
    assert users.set_password("ht_edit", "$argon2id$own", 500)
    assert not users.get_user("ht_edit").must_change_password  # type: ignore[union-attr]
    assert not users.update_user(_user("nobody_there"))


def test_a_users_live_sessions_are_listed_oldest_first_without_other_users(graph_store: GraphStore) -> None:
    users = GraphUserStore(graph_store)
    users.create_user(_user("yq_shift"))
    users.create_user(_user("yq_other"))
    for digest, created, expires in (("d" * 64, 30, 900), ("e" * 64, 10, 800), ("f" * 64, 20, 50)):
        users.create_session(
            Session(token_sha256=digest, username="yq_shift", created_at=created, expires_at=expires)
        )
    users.create_session(Session(token_sha256="0" * 64, username="yq_other", created_at=1, expires_at=900))
    live = users.sessions_of("yq_shift", 60)
    assert [(s.created_at, s.expires_at) for s in live] == [
        (10, 800),
        (30, 900),
    ]  # the expired one is not live
    assert all(s.username == "yq_shift" for s in live)
    assert users.sessions_of("yq_nobody", 60) == []
