"""Things inside an enterprise: hazard sources, chemicals, sensors, cameras, risk points."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from core.models.base import Entity, EpochMs, Located, NonEmpty
from core.vocab import EventType, RiskLevel, SensorType

_ALGORITHMS = tuple(t.value for t in EventType)


class Chemical(Entity):
    """A chemical substance; ``id`` is its CAS number when it has one, else its name."""

    label: ClassVar[str] = "Chemical"
    name: NonEmpty
    cas: str | None = None
    critical_quantity_t: float = Field(gt=0)


class MajorHazardSource(Entity):
    """重大危险源 identified and graded by GB 18218-2018 from its chemical stocks."""

    label: ClassVar[str] = "MajorHazardSource"
    enterprise_id: NonEmpty
    name: NonEmpty
    unit_type: NonEmpty  # 生产单元 / 储存单元
    level: int = Field(ge=1, le=4)
    s_value: float = Field(ge=1)
    r_value: float = Field(ge=0)
    alpha: float = Field(gt=0)
    exposed_people: int = Field(ge=0)


class ChemicalStock(Entity):
    """Quantity of one chemical held in one unit (the q of GB 18218)."""

    label: ClassVar[str] = "ChemicalStock"
    enterprise_id: NonEmpty
    hazard_source_id: str | None = None
    chemical_id: NonEmpty
    quantity_t: float = Field(ge=0)
    critical_quantity_t: float = Field(gt=0)


class Sensor(Entity):
    label: ClassVar[str] = "Sensor"
    enterprise_id: NonEmpty
    hazard_source_id: str | None = None
    name: NonEmpty
    sensor_type: SensorType
    unit: str = ""
    threshold_low: float | None = None
    threshold_high: float | None = None
    online: bool
    last_seen: EpochMs

    @model_validator(mode="after")
    def _thresholds_ordered(self) -> Sensor:
        lo, hi = self.threshold_low, self.threshold_high
        if lo is not None and hi is not None and lo >= hi:
            raise ValueError("阈值下限必须小于上限")
        return self


class Camera(Located):
    """A video point; public cameras have no enterprise."""

    label: ClassVar[str] = "Camera"
    name: NonEmpty
    town: NonEmpty
    enterprise_id: str | None = None
    algorithms: tuple[str, ...] = ()  # the alarm types it detects: EventType values (烟雾, 未戴安全帽…)
    online: bool = True

    @field_validator("algorithms")
    @classmethod
    def _known_algorithms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # An unknown name ("smoke_v2", a typo) was stored: the camera's alarms never matched its list.
        unknown = [a for a in value if a not in _ALGORITHMS]
        if unknown:
            raise ValueError(f"未知的视频算法“{'、'.join(unknown)[:60]}”，可选：{'、'.join(_ALGORITHMS)}")
        return value


class RiskPoint(Entity):
    """风险点 with the four-colour grade 重大/较大/一般/低 = 红/橙/黄/蓝."""

    label: ClassVar[str] = "RiskPoint"
    enterprise_id: NonEmpty
    name: NonEmpty
    risk_level: RiskLevel

    @property
    def colour(self) -> str:
        return self.risk_level.colour
