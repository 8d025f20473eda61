"""Read models returned by the repositories and the API (shapes the UI relies on)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class EnterpriseSummary(BaseModel):
    uscc: str
    name: str
    town: str
    category: str
    category_group: str
    scale: str
    responsibility_class: str
    address: str
    lat: float
    lon: float
    key_domains: list[str] = []
    tags: list[str] = []


class EnterpriseDetail(EnterpriseSummary):
    legal_rep: str
    safety_officer: str
    phone: str | None = None
    village: str | None = None
    is_lessor: bool = False
    serious_dishonesty: bool = False
    employees: int = 0


class Page(BaseModel):
    total: int
    page: int
    size: int
    items: list[EnterpriseSummary]
    hint: str | None = None  # why nothing was found, for the search box (e.g. a query that names no firm)


class PersonView(BaseModel):
    name: str
    role: str
    phone: str | None = None


class PeopleDim(BaseModel):
    legal_rep: str
    safety_officer: str
    persons: list[PersonView]


class HazardSourceView(BaseModel):
    id: str
    name: str
    level: int
    r_value: float


class ThingsDim(BaseModel):
    hazard_sources: list[HazardSourceView]
    sensors_total: int
    sensors_by_type: dict[str, int]
    cameras: int
    risk_points: int


class HazardView(BaseModel):
    id: str
    description: str
    level: str
    status: str
    source: str
    found_at: int
    deadline: int | None = None
    overdue: bool = False


class HazardCounts(BaseModel):
    total: int = 0
    major: int = 0
    general: int = 0
    open: int = 0
    overdue: int = 0
    rectified: int = 0
    rectification_rate: float = 0.0


class ManagementDim(BaseModel):
    inspections: int
    penalties: int
    penalty_amount: float
    hazards_total: int
    hazards_major: int
    hazards_open: int
    hazards_overdue: int
    rectification_rate: float
    recent_hazards: list[HazardView]


class NeighbourView(BaseModel):
    uscc: str
    name: str
    distance_m: float


class LessorRef(BaseModel):
    uscc: str
    name: str
    grade: str


class LesseeRef(BaseModel):
    uscc: str
    name: str
    category: str


class EnvironmentDim(BaseModel):
    town: str
    village: str | None
    neighbours: list[NeighbourView]
    lessor: LessorRef | None
    lessees: list[LesseeRef]


class AlertView(BaseModel):
    id: str
    type: str
    level: str
    status: str
    occurred_at: int


class MonitoringDim(BaseModel):
    sensors_total: int
    sensors_online: int
    online_rate: float
    recent_alerts: list[AlertView]


class ClassYear(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    year: int
    responsibility_class: str = Field(alias="class")


class PerformanceDim(BaseModel):
    current_class: str
    class_history: list[ClassYear]


class Portrait(BaseModel):
    enterprise: EnterpriseDetail
    people: PeopleDim
    things: ThingsDim
    management: ManagementDim
    environment: EnvironmentDim
    monitoring: MonitoringDim
    performance: PerformanceDim


class TownView(BaseModel):
    name: str
    kind: str
    lat: float
    lon: float
    enterprise_count: int


class SensorCounts(BaseModel):
    total: int
    online: int
    online_rate: float


class TownStats(BaseModel):
    town: str
    enterprises_total: int
    enterprises_by_category: dict[str, int]
    hazards: HazardCounts
    sensors: SensorCounts
    hazard_sources_by_level: dict[str, int]
    special_operations_today: int


class LeaseView(BaseModel):
    uscc: str
    name: str
    category: str
    town: str
    area_m2: float
    lease_start: int
    lease_end: int
    reviewed: bool


class LessorNetwork(BaseModel):
    lessor: dict[str, str]
    lessees: list[LeaseView]


class MapPoint(BaseModel):
    uscc: str
    name: str
    town: str
    category_group: str
    lat: float
    lon: float


class NearestResource(BaseModel):
    id: str
    name: str
    type: str
    lat: float
    lon: float
    distance_m: float
    detail: str
