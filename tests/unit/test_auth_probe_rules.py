"""Rules behind the token-mode probe fixes (ADR 0017, "Probe"), without a graph: one spelling per
account, and a scope that names nothing is refused before anything is stored."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from api.auth_service import AuthService
from core.auth import LockoutPolicy, Role, canonical_username, check_user_scope, check_username
from core.errors import AuthenticationError, PermissionDeniedError, UniqueConflictError, ValidationError
from core.scope import DataScope, ScopeLevel
from tests.support.memory_users import MemoryUsers

ZHOUZHUANG = DataScope(level=ScopeLevel.TOWN, town="周庄镇")


def _service() -> tuple[AuthService, MemoryUsers]:
    store = MemoryUsers()
    service = AuthService(
        store,
        clock=lambda: 1_780_000_000_000,
        check_scope=lambda scope: None,
        hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1),
    )
    return service, store


@pytest.mark.parametrize("typed", ["ZZ_Gu", " zz_gu\t", "ＺＺ＿ＧＵ", "zz_gu"])
def test_every_spelling_of_a_name_is_one_account(typed: str) -> None:
    assert canonical_username(typed) == "zz_gu"
    assert check_username(typed) == "zz_gu"


def test_a_reserved_name_in_full_width_is_still_reserved() -> None:
    with pytest.raises(ValidationError, match="系统保留"):
        check_username("ＥＶＡＬ")


def test_a_look_alike_account_is_refused_and_logins_find_the_real_one() -> None:
    service, store = _service()
    service.create_user("ZZ_Gu", "ZhouZhuang2026", scope=ZHOUZHUANG)
    assert list(store.users) == ["zz_gu"]
    with pytest.raises(UniqueConflictError):
        service.create_user("zz_GU", "ZhouZhuang2027", scope=DataScope(), role=Role.ADMIN)
    assert service.login("ZZ_GU ", "ZhouZhuang2026").user.username == "zz_gu"
    with pytest.raises(AuthenticationError, match="用户名或密码错误"):
        service.login("ｚｚ＿ｇｕ", "ZhouZhuang2025")
    assert store.users["zz_gu"].failed_attempts == 1  # the full-width try counted against the account


@pytest.mark.parametrize(
    "scope",
    [
        DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id="X").model_copy(update={"enterprise_id": ""}),
        DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=" \t "),
        DataScope(level=ScopeLevel.TOWN, town="  "),
    ],
)
def test_a_scope_naming_nothing_is_refused(scope: DataScope) -> None:
    with pytest.raises(ValidationError) as refused:
        check_user_scope(scope, Role.OFFICER)
    assert refused.value.code == "invalid_scope"


def test_wrong_old_passwords_lock_the_account_like_wrong_logins() -> None:
    service, _ = _service()
    service.lockout = LockoutPolicy(max_failures=2, lock_minutes=20)
    service.create_user("zz_lu", "ZhouZhuang2026", scope=ZHOUZHUANG)
    with pytest.raises(ValidationError, match="原密码错误"):
        service.change_password("zz_lu", "ZhouZhuang2020", "ZhouZhuang2030")
    with pytest.raises(PermissionDeniedError, match=r"^账号已锁定，请20分钟后再试$"):
        service.change_password("zz_lu", "ZhouZhuang2021", "ZhouZhuang2030")
    with pytest.raises(PermissionDeniedError, match="账号已锁定"):  # even with the right old password
        service.change_password("zz_lu", "ZhouZhuang2026", "ZhouZhuang2030")
    with pytest.raises(AuthenticationError, match="账号已锁定"):
        service.login("zz_lu", "ZhouZhuang2026")
