"""Agencies, people and the duty roster (市/镇 two levels)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator

from core.models.base import Entity, EpochMs, NonEmpty
from core.vocab import DutyLevel


class Department(Entity):
    """政府部门 / 机构, e.g. 江阴市应急管理局 or a town's 安监办."""

    label: ClassVar[str] = "Department"
    name: NonEmpty
    level: DutyLevel
    town: str | None = None


class Person(Entity):
    label: ClassVar[str] = "Person"
    name: NonEmpty
    title: NonEmpty
    phone: str = ""
    department_id: str | None = None
    enterprise_id: str | None = None


class DutyShift(Entity):
    """One person's shift in the duty roster; town shifts carry the town."""

    label: ClassVar[str] = "DutyShift"
    level: DutyLevel
    town: str | None = None
    person_id: NonEmpty
    role: NonEmpty  # 带班领导 / 值班员
    starts_at: EpochMs
    ends_at: EpochMs

    @model_validator(mode="after")
    def _scope_matches_level(self) -> DutyShift:
        if self.ends_at <= self.starts_at:
            raise ValueError("值班结束时间必须晚于开始时间")
        if (self.level is DutyLevel.TOWN) != (self.town is not None):
            raise ValueError("镇级值班必须指定镇街，市级值班不得指定镇街")
        return self
