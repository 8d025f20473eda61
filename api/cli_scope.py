"""The principal a CLI command runs as: city-wide, or one town's scope with ``--town``.

Per-user state (conversations, search history, suggestions) is keyed by ``user_id``. One id for
every ``--town`` let ``safecloud ask --town 华士镇 --conversation …`` continue, and read, a
conversation started under another town; each scope gets its own id, as ``api.deps`` gives
header-scoped API callers.
"""

from __future__ import annotations

from core.errors import ValidationError
from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel


def cli_principal(user: str, town: str | None) -> Principal:
    """``ValidationError`` for a blank ``--town``: "" had widened to the whole city (the API refuses a
    blank scope header for that reason) and "  " ended in a pydantic traceback."""
    if town is None:
        return DEV_PRINCIPAL.model_copy(update={"user_id": user})
    if not town.strip():
        raise ValidationError("--town 不能为空：请写镇街全称（如“华士镇”），或去掉 --town 以全市范围查询",
                              code="invalid_scope")  # fmt: skip
    scope = DataScope(level=ScopeLevel.TOWN, town=town.strip())
    return Principal(user_id=f"{user}:{scope.describe()}", scope=scope)
