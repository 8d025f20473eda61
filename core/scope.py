"""Who is asking and what they may see.

Every repository call takes a ``Principal``; its ``DataScope`` becomes a mandatory query
parameter, so a town officer can never read another town's rows.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator


class ScopeLevel(StrEnum):
    CITY = "city"
    TOWN = "town"
    ENTERPRISE = "enterprise"


class DataScope(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: ScopeLevel = ScopeLevel.CITY
    town: str | None = None
    enterprise_id: str | None = None

    @model_validator(mode="after")
    def _fields_match_level(self) -> DataScope:
        if self.level is ScopeLevel.TOWN and not self.town:
            raise ValueError("镇街数据范围必须指定镇街")
        if self.level is ScopeLevel.ENTERPRISE and not self.enterprise_id:
            raise ValueError("企业数据范围必须指定企业")
        return self

    def as_params(self) -> dict[str, str | None]:
        """Query parameters every scoped Cypher query receives (``$scope_town``, ``$scope_enterprise``)."""
        return {
            "scope_town": self.town if self.level is ScopeLevel.TOWN else None,
            "scope_enterprise": self.enterprise_id if self.level is ScopeLevel.ENTERPRISE else None,
        }

    def describe(self) -> str:
        """Compact label for logs and the audit trail: ``city``, ``town:澄江街道``, ``enterprise:<uscc>``."""
        if self.level is ScopeLevel.TOWN:
            return f"town:{self.town}"
        if self.level is ScopeLevel.ENTERPRISE:
            return f"enterprise:{self.enterprise_id}"
        return "city"

    def allows_town(self, town: str) -> bool:
        return self.level is ScopeLevel.CITY or (self.level is ScopeLevel.TOWN and self.town == town)


class Principal(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: str
    display_name: str = ""
    scope: DataScope = DataScope()


DEV_PRINCIPAL = Principal(user_id="dev", display_name="开发用户", scope=DataScope())
