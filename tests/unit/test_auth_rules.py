"""Login rules without a graph (ADR 0017): the password policy, the lockout and session expiry under
a fake clock, and that what is stored never holds the password or the token."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from api.auth_service import AuthService
from core.auth import Role, check_password_policy, password_problem, token_digest
from core.errors import AuthenticationError, NotFoundError, PermissionDeniedError, ValidationError
from core.ports import UserStore
from core.scope import DataScope, ScopeLevel
from tests.support.memory_users import MemoryUsers

MINUTE = 60_000
XINQIAO = DataScope(level=ScopeLevel.TOWN, town="新桥镇")


class Clock:
    now = 1_780_000_000_000

    def __call__(self) -> int:
        return self.now


def _service(clock: Clock, store: MemoryUsers | None = None, **kw: object) -> tuple[AuthService, MemoryUsers]:
    store = store or MemoryUsers()
    service = AuthService(
        store,
        clock=clock,
        check_scope=lambda scope: None,
        hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1),
        **kw,  # type: ignore[arg-type]
    )
    return service, store


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("abc123", "密码长度至少 10 位，且须同时包含字母和数字"),
        ("xinqiaozhenanjian", "密码须同时包含字母和数字"),
        ("20261127112233", "密码须同时包含字母和数字"),
        (" Xinqiao2026 ", "密码首尾不能是空格"),
        ("Xinqiao2026", None),
        ("新桥镇安监2026abc", None),  # Chinese characters count toward the length
    ],
)
def test_password_policy(password: str, problem: str | None) -> None:
    assert password_problem(password) == problem


def test_a_password_may_not_contain_the_username() -> None:
    with pytest.raises(ValidationError, match="不能包含用户名"):
        check_password_policy("xq_duty2026A", username="xq_duty")


def test_store_keeps_an_argon2_hash_and_a_token_digest_only() -> None:
    clock = Clock()
    service, store = _service(clock)
    service.create_user("xq_duty", "Xinqiao2026", scope=XINQIAO)
    assert store.users["xq_duty"].password_hash.startswith("$argon2id$")
    assert "Xinqiao2026" not in store.users["xq_duty"].model_dump_json()
    token = service.login("xq_duty", "Xinqiao2026").token
    assert list(store.sessions) == [token_digest(token)] and token not in store.sessions


def test_lockout_after_the_limit_then_free_after_the_lock_time() -> None:
    clock = Clock()
    service, _ = _service(clock, session_ttl_minutes=60)
    from core.auth import LockoutPolicy

    service.lockout = LockoutPolicy(max_failures=4, lock_minutes=30)
    service.create_user("xq_duty", "Xinqiao2026", scope=XINQIAO)
    for _ in range(4):  # the fourth locks the account but, being wrong, is not told so (ADR 0017)
        with pytest.raises(AuthenticationError, match=r"^用户名或密码错误$"):
            service.login("xq_duty", "Xinqiao2025")
    with pytest.raises(AuthenticationError, match=r"^账号已锁定，请30分钟后再试$"):
        service.login("xq_duty", "Xinqiao2026")
    clock.now += 29 * MINUTE + 1
    with pytest.raises(AuthenticationError, match="请1分钟后再试"):
        service.login("xq_duty", "Xinqiao2026")  # the right password does not open a locked account
    clock.now += MINUTE
    assert service.login("xq_duty", "Xinqiao2026").failures_since_last_login == 4


def test_sessions_expire_with_the_clock() -> None:
    clock = Clock()
    service, _ = _service(clock, session_ttl_minutes=90)
    service.create_user("xq_duty", "Xinqiao2026", scope=XINQIAO, display_name="新桥值班")
    token = service.login("xq_duty", "Xinqiao2026").token
    clock.now += 89 * MINUTE
    assert service.authenticate(token).principal().scope == XINQIAO
    clock.now += MINUTE
    with pytest.raises(AuthenticationError, match="重新登录"):
        service.authenticate(token)
    with pytest.raises(AuthenticationError):
        service.authenticate(None)


def test_disabled_is_said_only_to_whoever_knows_the_password() -> None:
    clock = Clock()
    service, _ = _service(clock)
    service.create_user("xq_duty", "Xinqiao2026", scope=XINQIAO)
    service.set_enabled("xq_duty", False)
    with pytest.raises(AuthenticationError, match=r"^用户名或密码错误$"):
        service.login("xq_duty", "wrongWrong1")
    with pytest.raises(PermissionDeniedError, match=r"^账号已停用$"):
        service.login("xq_duty", "Xinqiao2026")


def test_admins_must_be_city_wide_and_names_are_checked() -> None:
    service, _ = _service(Clock())
    with pytest.raises(ValidationError, match="管理员账号的数据范围必须为全市"):
        service.create_user("xq_admin", "Xinqiao2026", scope=XINQIAO, role=Role.ADMIN)
    with pytest.raises(ValidationError, match="用户名须为"):
        service.create_user("新桥 值班", "Xinqiao2026", scope=XINQIAO)
    with pytest.raises(ValidationError, match="系统保留"):
        service.create_user("Dev", "Xinqiao2026", scope=XINQIAO)  # the dev principal's conversations
    with pytest.raises(NotFoundError):
        service.reset_password("nobody_x", "Xinqiao2026")


def test_change_password_needs_the_old_one_and_ends_sessions() -> None:
    service, _ = _service(Clock())
    service.create_user("xq_duty", "Xinqiao2026", scope=XINQIAO)
    token = service.login("xq_duty", "Xinqiao2026").token
    with pytest.raises(ValidationError, match="原密码错误"):
        service.change_password("xq_duty", "Xinqiao2020", "Xinqiao2027")
    service.change_password("xq_duty", "Xinqiao2026", "Xinqiao2027")
    with pytest.raises(AuthenticationError):
        service.authenticate(token)
    assert service.login("xq_duty", "Xinqiao2027").user.username == "xq_duty"


def test_memory_users_is_a_user_store() -> None:
    store: UserStore = MemoryUsers()  # the fake keeps the port's shape (mypy checks this line)
    assert store.get_user("x") is None


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (u:User) RETURN u.username, u.password_hash",
        "MATCH (s:Session) RETURN s.token_sha256 LIMIT 5",
        "MATCH (p:Person)-[:HAS_SESSION]->(s) RETURN s",
    ],
)
def test_llm_written_cypher_never_reaches_accounts(query: str) -> None:
    """Users and sessions are not in the schema's allow-list: text-to-Cypher cannot read hashes."""
    from graph.cypher_guard import CypherRejectedError, guard_cypher

    with pytest.raises(CypherRejectedError):
        guard_cypher(query, params={"now_ms"})


def test_a_lock_answers_wrong_passwords_like_an_unknown_user_and_caps_guesses() -> None:
    clock = Clock()
    service, store = _service(clock)
    from core.auth import LockoutPolicy

    service.lockout = LockoutPolicy(max_failures=2, lock_minutes=15)
    service.create_user("zt_ops01", "ZhuTang2026ok", scope=XINQIAO)
    for guess in ("ZhuTang2025a", "ZhuTang2025b"):
        with pytest.raises(AuthenticationError) as wrong:
            service.login("zt_ops01", guess)
        assert wrong.value.code == "bad_credentials"
    locked_until = store.users["zt_ops01"].locked_until
    with pytest.raises(AuthenticationError) as during:
        service.login("ZT_OPS01", "ZhuTang2025c")  # wrong, during the lock: counted, lock unchanged
    assert during.value.code == "bad_credentials"
    assert store.users["zt_ops01"].locked_until == locked_until
    with pytest.raises(AuthenticationError) as right:
        service.login("zt_ops01", "ZhuTang2026ok")
    assert right.value.code == "account_locked"
    with pytest.raises(AuthenticationError):
        service.login("zt_ops01", "ZhuTang2025d")  # the lock's budget (another 2) is used up
    with pytest.raises(AuthenticationError) as unchecked:
        service.login("zt_ops01", "ZhuTang2026ok")
    assert unchecked.value.code == "bad_credentials"  # no longer a yes/no on the password
    clock.now += 15 * MINUTE
    assert service.login("zt_ops01", "ZhuTang2026ok").failures_since_last_login == 5


def test_a_session_keeps_where_the_login_came_from_with_a_bounded_user_agent() -> None:
    clock = Clock()
    service, store = _service(clock)
    service.create_user("xq_origin", "XinQiao2026ab", scope=XINQIAO)
    odd_agent = "Mozilla/5.0 (Windows NT 10.0)\n管理员\x00" + "x" * 1000  # a forged second line, a NUL
    service.login("xq_origin", "XinQiao2026ab", client="58.217.3.40", user_agent=odd_agent)
    service.login("xq_origin", "XinQiao2026ab")  # an in-process caller: no address to keep
    first, second = store.sessions_of("xq_origin", clock.now)
    assert first.client == "58.217.3.40"
    assert first.user_agent.startswith("Mozilla/5.0 (Windows NT 10.0) 管理员 x")
    assert len(first.user_agent) == 300 and "\n" not in first.user_agent and "\x00" not in first.user_agent
    assert (second.client, second.user_agent) == ("", "")
