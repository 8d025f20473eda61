"""Domain models of the safety graph (I/O free)."""

from core.models.base import Entity, Located
from core.models.enterprise import ClassAssessment, Enterprise, LeaseAgreement, Lessor
from core.models.events import Event
from core.models.facilities import (
    Camera,
    Chemical,
    ChemicalStock,
    MajorHazardSource,
    RiskPoint,
    Sensor,
)
from core.models.people import Department, DutyShift, Person
from core.models.places import Town, Village
from core.models.resources import (
    Equipment,
    Expert,
    Material,
    MedicalFacility,
    RescueTeam,
    Shelter,
    Warehouse,
)
from core.models.supervision import (
    DailyPatrol,
    Drill,
    Hazard,
    Inspection,
    MonthlyInspection,
    Penalty,
    SpecialOperation,
)

# Load order: an entity comes after every entity it references.
ENTITY_TYPES: tuple[type[Entity], ...] = (
    Town,
    Village,
    Department,
    Enterprise,
    Lessor,
    LeaseAgreement,
    ClassAssessment,
    Chemical,
    MajorHazardSource,
    ChemicalStock,
    Sensor,
    Camera,
    RiskPoint,
    Inspection,
    Hazard,
    Penalty,
    SpecialOperation,
    Drill,
    DailyPatrol,
    MonthlyInspection,
    RescueTeam,
    Expert,
    Warehouse,
    Equipment,
    Material,
    MedicalFacility,
    Shelter,
    Person,
    DutyShift,
    Event,
)

__all__ = [
    "ENTITY_TYPES",
    "Camera",
    "Chemical",
    "ChemicalStock",
    "ClassAssessment",
    "DailyPatrol",
    "Department",
    "Drill",
    "DutyShift",
    "Enterprise",
    "Entity",
    "Equipment",
    "Event",
    "Expert",
    "Hazard",
    "Inspection",
    "LeaseAgreement",
    "Lessor",
    "Located",
    "MajorHazardSource",
    "Material",
    "MedicalFacility",
    "MonthlyInspection",
    "Penalty",
    "Person",
    "RescueTeam",
    "RiskPoint",
    "Sensor",
    "Shelter",
    "SpecialOperation",
    "Town",
    "Village",
    "Warehouse",
]
