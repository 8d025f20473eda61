"""The graph model: one label per entity type, and which reference field becomes which relationship.

This table is the single source for the loader's query builder, the migrations (an ``id`` index
per label) and ``docs/graph-model.md``. Labels are singular PascalCase, relationship types
UPPER_SNAKE verbs.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.models import ENTITY_TYPES

SELF = "id"


@dataclass(frozen=True)
class RelSpec:
    """``(src_label {id: row[src_field]})-[:rel]->(dst_label {id: row[dst_field]})``.

    One of the two ends is normally the row's own node (field ``id``); a spec with two foreign
    fields derives a shortcut edge (e.g. lessee LEASES_FROM lessor, read off a lease agreement).
    """

    rel: str
    src_label: str
    src_field: str
    dst_label: str
    dst_field: str
    required: bool = False  # row rejected when the field is empty

    def other_end(self, owner: str) -> list[tuple[str, str]]:
        """(label, field) of the ends that are not the row's own node."""
        ends = [(self.src_label, self.src_field), (self.dst_label, self.dst_field)]
        return [(lab, f) for lab, f in ends if not (lab == owner and f == SELF)]


def _out(owner: str, field: str, rel: str, target: str, *, required: bool = False) -> RelSpec:
    return RelSpec(rel, owner, SELF, target, field, required)


def _in(owner: str, field: str, rel: str, source: str, *, required: bool = False) -> RelSpec:
    return RelSpec(rel, source, field, owner, SELF, required)


RELATIONSHIPS: dict[str, tuple[RelSpec, ...]] = {
    "Town": (),
    "Village": (_out("Village", "town", "PART_OF", "Town", required=True),),
    "Department": (_out("Department", "town", "LOCATED_IN", "Town"),),
    "Enterprise": (
        _out("Enterprise", "town", "LOCATED_IN", "Town", required=True),
        _out("Enterprise", "village", "IN_VILLAGE", "Village"),
    ),
    "Lessor": (
        _out("Lessor", "town", "LOCATED_IN", "Town", required=True),
        _in("Lessor", "enterprise_id", "ACTS_AS", "Enterprise"),
    ),
    "LeaseAgreement": (
        _in("LeaseAgreement", "lessor_id", "SIGNED_LEASE", "Lessor", required=True),
        _out("LeaseAgreement", "lessee_id", "LEASED_BY", "Enterprise", required=True),
        RelSpec("LEASES_FROM", "Enterprise", "lessee_id", "Lessor", "lessor_id", required=True),
    ),
    "ClassAssessment": (_in("ClassAssessment", "enterprise_id", "ASSESSED_AS", "Enterprise", required=True),),
    "Chemical": (),
    "MajorHazardSource": (
        _in("MajorHazardSource", "enterprise_id", "HAS_HAZARD_SOURCE", "Enterprise", required=True),
    ),
    "ChemicalStock": (
        _in("ChemicalStock", "enterprise_id", "HOLDS", "Enterprise", required=True),
        _in("ChemicalStock", "hazard_source_id", "STORES", "MajorHazardSource"),
        _out("ChemicalStock", "chemical_id", "OF_CHEMICAL", "Chemical", required=True),
    ),
    "Sensor": (
        _in("Sensor", "enterprise_id", "MONITORED_BY", "Enterprise", required=True),
        _in("Sensor", "hazard_source_id", "MONITORED_BY", "MajorHazardSource"),
    ),
    "Camera": (
        _out("Camera", "town", "LOCATED_IN", "Town", required=True),
        _in("Camera", "enterprise_id", "MONITORED_BY", "Enterprise"),
    ),
    "RiskPoint": (_in("RiskPoint", "enterprise_id", "HAS_RISK_POINT", "Enterprise", required=True),),
    "Inspection": (
        _in("Inspection", "agency_id", "CONDUCTED", "Department", required=True),
        _out("Inspection", "enterprise_id", "INSPECTED", "Enterprise", required=True),
    ),
    "Hazard": (
        _in("Hazard", "enterprise_id", "HAS_HAZARD", "Enterprise", required=True),
        _in("Hazard", "inspection_id", "FOUND", "Inspection"),
    ),
    "Penalty": (
        _in("Penalty", "enterprise_id", "RECEIVED_PENALTY", "Enterprise", required=True),
        _in("Penalty", "inspection_id", "RESULTED_IN", "Inspection"),
    ),
    "SpecialOperation": (_in("SpecialOperation", "enterprise_id", "PERFORMS", "Enterprise", required=True),),
    "Drill": (
        _in("Drill", "enterprise_id", "HELD_DRILL", "Enterprise"),
        _in("Drill", "lessor_id", "HELD_DRILL", "Lessor"),
    ),
    "DailyPatrol": (_in("DailyPatrol", "lessor_id", "PATROLLED", "Lessor", required=True),),
    "MonthlyInspection": (
        _in("MonthlyInspection", "lessor_id", "CONDUCTED_MONTHLY", "Lessor", required=True),
    ),
    "RescueTeam": (_out("RescueTeam", "town", "LOCATED_IN", "Town", required=True),),
    "Expert": (_out("Expert", "town", "LOCATED_IN", "Town", required=True),),
    "Warehouse": (_out("Warehouse", "town", "LOCATED_IN", "Town", required=True),),
    "Equipment": (
        _in("Equipment", "team_id", "EQUIPPED_WITH", "RescueTeam"),
        _in("Equipment", "warehouse_id", "STOCKS", "Warehouse"),
    ),
    "Material": (_in("Material", "warehouse_id", "STOCKS", "Warehouse", required=True),),
    "MedicalFacility": (_out("MedicalFacility", "town", "LOCATED_IN", "Town", required=True),),
    "Shelter": (_out("Shelter", "town", "LOCATED_IN", "Town", required=True),),
    "Person": (
        _out("Person", "department_id", "MEMBER_OF", "Department"),
        _out("Person", "enterprise_id", "WORKS_FOR", "Enterprise"),
    ),
    "DutyShift": (
        _in("DutyShift", "person_id", "ON_DUTY", "Person", required=True),
        _out("DutyShift", "town", "COVERS", "Town"),
    ),
    "Event": (
        _out("Event", "town", "LOCATED_IN", "Town", required=True),
        _out("Event", "enterprise_id", "OCCURRED_AT", "Enterprise"),
        _in("Event", "camera_id", "DETECTED", "Camera"),
        _in("Event", "sensor_id", "TRIGGERED", "Sensor"),
    ),
}

LABELS: tuple[str, ...] = tuple(t.label for t in ENTITY_TYPES)

# Properties that later issues filter or sort on; each gets a range index.
INDEXED_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Enterprise": ("town", "category", "name"),
    "Hazard": ("status", "enterprise_id"),
    "Event": ("occurred_at", "town", "event_type", "status"),
    "Sensor": ("enterprise_id",),
    "SpecialOperation": ("starts_at",),
    "DutyShift": ("starts_at",),
}

# Labels whose ``grid`` cell (core.geo.grid_cell) answers "what is near" queries.
GRID_INDEXED: tuple[str, ...] = ("Enterprise",)

assert set(RELATIONSHIPS) == set(LABELS), "every label needs a relationship entry"

# Digital emergency plans (graph/plan_queries.py): their own labels, outside the entity loader.
PLAN_LABELS: tuple[str, ...] = (
    "Plan",
    "PlanVersion",
    "PlanTemplate",
    "ResponseLevel",
    "Action",
    "OrgUnit",
    "Role",
    "PlanResource",
    "AccidentType",
)
PLAN_INDEXED_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Plan": ("town", "plan_type", "status", "enterprise_id"),
    "ResponseLevel": ("plan_id",),
    "Action": ("plan_id",),
    "OrgUnit": ("plan_id",),
    "Role": ("plan_id",),
    "PlanResource": ("plan_id",),
}

# (relationship, from, to, meaning) of the plan subgraph, for docs/graph-model.md.
PLAN_RELATIONSHIPS: tuple[tuple[str, str, str, str], ...] = (
    ("HAS_VERSION", "Plan", "PlanVersion", "version history; at most one `enabled`"),
    ("SUBPLAN_OF", "Plan", "Plan", "plan system 总体 → 专项 → 部门 → 企业 → 现场处置方案"),
    ("HAS_RESPONSE_LEVEL", "Plan", "ResponseLevel", "verified response levels of the enabled version"),
    ("REQUIRES_ACTION", "ResponseLevel", "Action", "verified actions, `seq` in document order"),
    ("HAS_ORG_UNIT", "Plan", "OrgUnit", "command HQ, office, working groups"),
    ("SUB_UNIT_OF", "OrgUnit", "OrgUnit", "verified `parent`"),
    ("HAS_ROLE", "OrgUnit", "Role", "总指挥 / 副总指挥 / 组长 / 成员"),
    ("HELD_BY", "Role", "Person", "holder matched by name within the plan's jurisdiction"),
    ("MAPS_TO", "OrgUnit / Role", "Department", "unit or holder naming a department"),
    ("REQUIRES_RESOURCE", "Plan", "PlanResource", "resources the plan relies on"),
    (
        "PROVIDED_BY",
        "PlanResource",
        "RescueTeam / Equipment / Expert / MedicalFacility / Material / Shelter",
        "matched by name; `matched_id` remembers it when the target disappears",
    ),
    (
        "APPLIES_TO",
        "Plan",
        "AccidentType / Town / Enterprise",
        "verified accident types and the jurisdiction: the plan's own town plus every town its verified "
        "适用范围 names (`plans/plan_scope.py`); accidents the scope hands to other plans are the Plan's `scope_excludes`",
    ),
    ("COVERS_HAZARD_SOURCE", "Plan", "MajorHazardSource", "major hazard sources of the plan's enterprise"),
)
