"""Rescue resources: teams, experts, equipment, materials in warehouses, hospitals, shelters."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from core.models.base import Located, NonEmpty


class RescueTeam(Located):
    label: ClassVar[str] = "RescueTeam"
    name: NonEmpty
    team_type: NonEmpty  # 综合/危化/消防/矿山/医疗/企业专职
    town: NonEmpty
    members: int = Field(ge=1)
    phone: str = ""


class Expert(Located):
    label: ClassVar[str] = "Expert"
    name: NonEmpty
    speciality: NonEmpty  # 危化/消防/机械/电气/特种设备/…
    organisation: NonEmpty
    town: NonEmpty
    phone: str = ""


class Warehouse(Located):
    label: ClassVar[str] = "Warehouse"
    name: NonEmpty
    town: NonEmpty


class Equipment(Located):
    """Rescue equipment held by a team (``team_id``) or a warehouse."""

    label: ClassVar[str] = "Equipment"
    name: NonEmpty
    equipment_type: NonEmpty
    quantity: int = Field(ge=0)
    team_id: str | None = None
    warehouse_id: str | None = None


class Material(Located):
    """Emergency material in a warehouse; below ``min_stock`` it needs replenishing."""

    label: ClassVar[str] = "Material"
    name: NonEmpty
    warehouse_id: NonEmpty
    quantity: int = Field(ge=0)
    unit: NonEmpty
    min_stock: int = Field(ge=0)


class MedicalFacility(Located):
    label: ClassVar[str] = "MedicalFacility"
    name: NonEmpty
    grade: NonEmpty  # 三级/二级/一级/社区
    town: NonEmpty
    beds: int = Field(ge=0)


class Shelter(Located):
    label: ClassVar[str] = "Shelter"
    name: NonEmpty
    town: NonEmpty
    capacity: int = Field(ge=0)
