"""Enterprises, lessors and lessees (厂中厂), lease agreements and class history."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from core.models.base import Entity, EpochMs, Located, NonEmpty
from core.standards.uscc import normalize_uscc, validate_uscc
from core.vocab import (
    CategoryGroup,
    EnterpriseCategory,
    EnterpriseScale,
    KeyDomain,
    LessorGrade,
    LessorType,
    ResponsibilityClass,
)


class Enterprise(Located):
    """A supervised enterprise. ``id`` is its 统一社会信用代码 (GB 32100)."""

    label: ClassVar[str] = "Enterprise"
    name: NonEmpty
    town: NonEmpty
    village: str | None = None
    address: NonEmpty
    category: EnterpriseCategory
    key_domains: tuple[KeyDomain, ...] = ()
    scale: EnterpriseScale
    responsibility_class: ResponsibilityClass
    legal_rep: NonEmpty
    safety_officer: NonEmpty
    phone: str | None = None
    employees: int = Field(ge=0)
    tags: tuple[str, ...] = ()
    serious_dishonesty: bool = False
    is_lessor: bool = False
    founded_at: EpochMs | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _normalise_uscc(cls, value: object) -> object:
        return normalize_uscc(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _uscc_is_valid(self) -> Enterprise:
        validate_uscc(self.id)
        return self

    @property
    def uscc(self) -> str:
        return self.id

    @property
    def category_group(self) -> CategoryGroup:
        return self.category.group


class Lessor(Entity):
    """出租方 profile of an owner who leases workshops (厂中厂). ``id`` equals the owner's id.

    For 企业法人 the owner is also an ``Enterprise`` (same id); natural persons and collectives
    exist only as lessors.
    """

    label: ClassVar[str] = "Lessor"
    name: NonEmpty
    lessor_type: LessorType
    grade: LessorGrade
    town: NonEmpty
    enterprise_id: str | None = None
    contact: str | None = None
    phone: str | None = None


class LeaseAgreement(Entity):
    """租赁协议 between a lessor and a lessee enterprise."""

    label: ClassVar[str] = "LeaseAgreement"
    lessor_id: NonEmpty
    lessee_id: NonEmpty
    area_m2: float = Field(gt=0)
    lease_start: EpochMs
    lease_end: EpochMs
    reviewed: bool = True  # 先评后租: assessed by the town before letting

    @model_validator(mode="after")
    def _period_is_ordered(self) -> LeaseAgreement:
        if self.lease_end <= self.lease_start:
            raise ValueError("租赁结束时间必须晚于开始时间")
        return self


class ClassAssessment(Entity):
    """One year's A/B/C/D supervision class of an enterprise (绩效 history)."""

    label: ClassVar[str] = "ClassAssessment"
    enterprise_id: NonEmpty
    year: int = Field(ge=2000, le=2100)
    responsibility_class: ResponsibilityClass
