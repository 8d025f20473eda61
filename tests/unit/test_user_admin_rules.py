"""User administration without a graph (ADR 0017, 统一用户管理): a password the administrator typed
must be replaced at the next login, and attribute updates are checked like a new account."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from api.auth_service import AuthService
from core.auth import Role
from core.errors import NotFoundError, ValidationError
from core.scope import DataScope, ScopeLevel
from tests.support.memory_users import MemoryUsers

ZHUTANG = DataScope(level=ScopeLevel.TOWN, town="祝塘镇")
KNOWN_TOWNS = {"祝塘镇", "长泾镇"}


def _refuse_unknown(scope: DataScope) -> None:
    if scope.level is ScopeLevel.TOWN and scope.town not in KNOWN_TOWNS:
        raise ValidationError(f"镇街“{scope.town}”不存在", code="unknown_scope")


def _service() -> tuple[AuthService, MemoryUsers]:
    store = MemoryUsers()
    service = AuthService(
        store,
        clock=lambda: 1_790_000_000_000,
        check_scope=_refuse_unknown,
        hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1),
    )
    return service, store


def test_an_account_with_a_temporary_password_must_change_it_and_then_is_free() -> None:
    service, _ = _service()
    service.create_user("zt_liu", "ZhuTang2026x", scope=ZHUTANG, temporary=True)
    assert service.login("zt_liu", "ZhuTang2026x").user.must_change_password
    with pytest.raises(ValidationError, match="新密码不能与原密码相同"):
        service.change_password("zt_liu", "ZhuTang2026x", "ZhuTang2026x")
    service.change_password("zt_liu", "ZhuTang2026x", "LiuOwnChoice77")
    assert not service.login("zt_liu", "LiuOwnChoice77").user.must_change_password


def test_an_account_made_with_the_users_own_password_is_not_forced() -> None:
    service, _ = _service()
    service.create_user("zt_chen", "ChenZhu2026a", scope=ZHUTANG)
    assert not service.login("zt_chen", "ChenZhu2026a").user.must_change_password


def test_an_admin_reset_forces_a_change_and_the_rehash_keeps_the_flag() -> None:
    service, store = _service()
    service.create_user("zt_wu", "WuZhuTang2026", scope=ZHUTANG)
    assert service.reset_password("zt_wu", "ResetByAdmin88").must_change_password
    service._hasher = PasswordHasher(time_cost=2, memory_cost=8192, parallelism=1)  # cost raised since
    service.login("zt_wu", "ResetByAdmin88")  # rehashes the stored password at the higher cost
    assert store.users["zt_wu"].must_change_password
    assert "t=2" in store.users["zt_wu"].password_hash


def test_attribute_update_changes_name_scope_and_role_checked_like_a_new_account() -> None:
    service, _ = _service()
    service.create_user("cj_zhao", "ZhaoChang2026", scope=ZHUTANG, display_name="赵敏")
    changang = DataScope(level=ScopeLevel.TOWN, town="长泾镇")
    moved = service.update_user("cj_zhao", scope=changang)
    assert moved.scope == changang and moved.display_name == "赵敏"  # untouched fields stay
    assert (
        service.update_user("cj_zhao", display_name=" 赵敏（长泾安监） ").display_name == "赵敏（长泾安监）"
    )
    with pytest.raises(ValidationError, match="不存在"):
        service.update_user("cj_zhao", scope=DataScope(level=ScopeLevel.TOWN, town="火星镇"))
    with pytest.raises(ValidationError, match="管理员账号的数据范围必须为全市"):
        service.update_user("cj_zhao", role=Role.ADMIN)  # still a town account
    promoted = service.update_user("cj_zhao", scope=DataScope(), role=Role.ADMIN)
    assert promoted.role is Role.ADMIN and promoted.scope.level is ScopeLevel.CITY
    with pytest.raises(NotFoundError):
        service.update_user("nobody_y", display_name="无")
