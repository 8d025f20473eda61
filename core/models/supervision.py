"""Hazards (隐患), enforcement, special operations, drills and 厂中厂 patrols."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from core.models.base import Entity, EpochMs, NonEmpty
from core.vocab import HazardLevel, HazardSource, HazardStatus, SpecialOperationType


class Hazard(Entity):
    """隐患 with its lifecycle timestamps; overdue = open and past ``deadline``."""

    label: ClassVar[str] = "Hazard"
    enterprise_id: NonEmpty
    description: NonEmpty
    level: HazardLevel
    source: HazardSource
    status: HazardStatus
    found_at: EpochMs
    deadline: EpochMs
    rectified_at: EpochMs | None = None
    verified_at: EpochMs | None = None
    inspection_id: str | None = None

    @model_validator(mode="after")
    def _lifecycle_is_consistent(self) -> Hazard:
        if self.deadline < self.found_at:
            raise ValueError("整改期限不能早于发现时间")
        if self.status.is_closed and self.rectified_at is None:
            raise ValueError("已整改的隐患必须有整改时间")
        if self.status is HazardStatus.VERIFIED and self.verified_at is None:
            raise ValueError("已验收的隐患必须有验收时间")
        if self.rectified_at is not None and self.rectified_at < self.found_at:
            raise ValueError("整改时间不能早于发现时间")
        return self


class Inspection(Entity):
    """执法检查."""

    label: ClassVar[str] = "Inspection"
    enterprise_id: NonEmpty
    agency_id: NonEmpty
    inspected_at: EpochMs
    inspectors: tuple[str, ...] = ()
    kind: str = "日常检查"
    findings: int = Field(ge=0, default=0)


class Penalty(Entity):
    """行政处罚: organ, facts, legal basis and decision."""

    label: ClassVar[str] = "Penalty"
    enterprise_id: NonEmpty
    inspection_id: str | None = None
    organ: NonEmpty
    facts: NonEmpty
    basis: NonEmpty
    decision: NonEmpty
    amount_yuan: float = Field(ge=0)
    decided_at: EpochMs


class SpecialOperation(Entity):
    """特殊作业 permit (动火/受限空间/…)."""

    label: ClassVar[str] = "SpecialOperation"
    enterprise_id: NonEmpty
    op_type: SpecialOperationType
    location: NonEmpty
    starts_at: EpochMs
    ends_at: EpochMs
    supervisor: str = ""

    @model_validator(mode="after")
    def _period_is_ordered(self) -> SpecialOperation:
        if self.ends_at <= self.starts_at:
            raise ValueError("作业结束时间必须晚于开始时间")
        return self


class Drill(Entity):
    """应急演练 by an enterprise, or by a 厂中厂 lessor (who may be a natural person)."""

    label: ClassVar[str] = "Drill"
    enterprise_id: str | None = None
    lessor_id: str | None = None
    scenario: NonEmpty
    held_at: EpochMs
    participants: int = Field(ge=0)

    @model_validator(mode="after")
    def _has_an_organiser(self) -> Drill:
        if not (self.enterprise_id or self.lessor_id):
            raise ValueError("演练必须属于企业或出租方")
        return self


class DailyPatrol(Entity):
    """厂中厂 每日巡逻 log submitted by a lessor."""

    label: ClassVar[str] = "DailyPatrol"
    lessor_id: NonEmpty
    day: EpochMs
    submitted: bool
    issues_found: int = Field(ge=0, default=0)


class MonthlyInspection(Entity):
    """厂中厂 每月巡查 by a lessor over its lessees."""

    label: ClassVar[str] = "MonthlyInspection"
    lessor_id: NonEmpty
    month: NonEmpty  # YYYY-MM
    completed_at: EpochMs | None = None
    hazards_found: int = Field(ge=0, default=0)
