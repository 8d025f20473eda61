"""The principal a CLI command runs as: city-wide, or one town's scope with ``--town``.

Per-user state (conversations, search history, suggestions) is keyed by ``user_id``. One id for
every ``--town`` let ``safecloud ask --town 华士镇 --conversation …`` continue, and read, a
conversation started under another town; each scope gets its own id, as ``api.deps`` gives
header-scoped API callers.
"""

from __future__ import annotations

from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel


def cli_principal(user: str, town: str | None) -> Principal:
    if not town:
        return DEV_PRINCIPAL.model_copy(update={"user_id": user})
    scope = DataScope(level=ScopeLevel.TOWN, town=town.strip())
    return Principal(user_id=f"{user}:{scope.describe()}", scope=scope)
