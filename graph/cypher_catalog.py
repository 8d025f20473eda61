"""What LLM-written Cypher may name, and how each label is tied to a data scope.

Allow-lists come from ``graph/schema.py`` and ``core/models`` (labels, relationship types, the
properties of each label), so a new field is allowed the moment it is stored. The scope predicates
are the Cypher fragments ``graph.cypher_guard`` injects for every bound node of a label; ``{v}`` is
the node variable. A label without a predicate for a scope level is not visible at that level.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from core.models import ENTITY_TYPES, Located
from core.ports import GraphStore
from core.scope import DataScope, ScopeLevel
from graph.schema import LABELS, RELATIONSHIPS

REL_TYPES: frozenset[str] = frozenset(s.rel for specs in RELATIONSHIPS.values() for s in specs)
# (source label, relationship type, target label) of every edge the schema can hold.
REL_TRIPLES: frozenset[tuple[str, str, str]] = frozenset(
    (s.src_label, s.rel, s.dst_label) for specs in RELATIONSHIPS.values() for s in specs
)


@cache
def label_properties() -> dict[str, frozenset[str]]:
    """Stored properties per label: every model field, plus ``grid`` for located entities."""
    out: dict[str, frozenset[str]] = {}
    for model in ENTITY_TYPES:
        names = set(model.model_fields)
        if issubclass(model, Located):
            names.add("grid")
        out[model.label] = frozenset(names)
    return out


@cache
def all_properties() -> frozenset[str]:
    return frozenset().union(*label_properties().values())


assert set(label_properties()) == set(LABELS)

# Functions the guard lets through (lower-case). No procedures, no namespaced functions (apoc.*,
# db.*), nothing that reads outside the graph or the current row.
ALLOWED_FUNCTIONS: frozenset[str] = frozenset(
    [
        "count",
        "sum",
        "avg",
        "min",
        "max",
        "collect",
        "size",
        "length",
        "coalesce",
        "tolower",
        "toupper",
        "tostring",
        "tointeger",
        "tofloat",
        "toboolean",
        "round",
        "abs",
        "ceil",
        "floor",
        "sqrt",
        "substring",
        "left",
        "right",
        "trim",
        "ltrim",
        "rtrim",
        "replace",
        "split",
        "reverse",
        "head",
        "last",
        "tail",
        "keys",
        "properties",
        "labels",
        "type",
        "any",
        "all",
        "none",
        "single",
        "timestamp",
        "percentilecont",
        "percentiledisc",
        "stdev",
    ]
)

# Town-scope predicates. Labels that carry ``town`` use it; owned entities are tied to their
# owner's id list, computed by a trusted query (``SCOPE_ID_LISTS``) before the untrusted one runs.
_TOWN: dict[str, str] = {
    "Town": "{v}.id = $scope_town",
    "Chemical": "",  # reference data shared by the whole city
    **{
        label: "{v}.town = $scope_town"
        for label in (
            "Village", "Department", "Enterprise", "Lessor", "Camera", "RescueTeam", "Expert",
            "Warehouse", "MedicalFacility", "Shelter", "DutyShift", "Event",
        )
    },
    **{
        label: "{v}.enterprise_id IN $scope_enterprise_ids"
        for label in (
            "ClassAssessment", "MajorHazardSource", "ChemicalStock", "Sensor", "RiskPoint",
            "Inspection", "Hazard", "Penalty", "SpecialOperation",
        )
    },
    "LeaseAgreement": "{v}.lessor_id IN $scope_lessor_ids",
    "DailyPatrol": "{v}.lessor_id IN $scope_lessor_ids",
    "MonthlyInspection": "{v}.lessor_id IN $scope_lessor_ids",
    "Drill": "({v}.enterprise_id IN $scope_enterprise_ids OR {v}.lessor_id IN $scope_lessor_ids)",
    "Person": "({v}.enterprise_id IN $scope_enterprise_ids OR {v}.department_id IN $scope_department_ids)",
    "Equipment": "({v}.team_id IN $scope_team_ids OR {v}.warehouse_id IN $scope_warehouse_ids)",
    "Material": "{v}.warehouse_id IN $scope_warehouse_ids",
}  # fmt: skip

# Enterprise scope: the enterprise's own records only; public resources are not part of it.
_ENTERPRISE: dict[str, str] = {
    "Enterprise": "{v}.id = $scope_enterprise",
    "Town": "{v}.id = $scope_enterprise_town",
    "Chemical": "",
    **{
        label: "{v}.enterprise_id = $scope_enterprise"
        for label in (
            "ClassAssessment", "MajorHazardSource", "ChemicalStock", "Sensor", "RiskPoint",
            "Inspection", "Hazard", "Penalty", "SpecialOperation", "Camera", "Event", "Person",
            "Lessor",
        )
    },
    "LeaseAgreement": "({v}.lessee_id = $scope_enterprise OR {v}.lessor_id = $scope_enterprise)",
    "Drill": "({v}.enterprise_id = $scope_enterprise OR {v}.lessor_id = $scope_enterprise)",
    "DailyPatrol": "{v}.lessor_id = $scope_enterprise",
    "MonthlyInspection": "{v}.lessor_id = $scope_enterprise",
}  # fmt: skip

assert set(_TOWN) == set(LABELS)

SCOPE_PREDICATES: dict[ScopeLevel, Mapping[str, str]] = {
    ScopeLevel.TOWN: _TOWN,
    ScopeLevel.ENTERPRISE: _ENTERPRISE,
}

# Trusted queries behind the id-list parameters of the town predicates ({label} from this table).
_ID_LIST_LABELS = {
    "scope_enterprise_ids": "Enterprise",
    "scope_lessor_ids": "Lessor",
    "scope_department_ids": "Department",
    "scope_team_ids": "RescueTeam",
    "scope_warehouse_ids": "Warehouse",
}
SCOPE_ID_LIST = "MATCH (x:{label}) WHERE x.town = $scope_town RETURN collect(x.id) AS ids"
SCOPE_ENTERPRISE_TOWN = "MATCH (e:Enterprise {id: $scope_enterprise}) RETURN e.town AS town"


def scope_parameters(scope: DataScope, store: GraphStore) -> dict[str, Any]:
    """Every ``$scope_*`` parameter the injected predicates may use, for ``scope``."""
    params: dict[str, Any] = dict(scope.as_params())
    if scope.level is ScopeLevel.TOWN:
        for name, label in _ID_LIST_LABELS.items():
            rows = store.read(SCOPE_ID_LIST.format(label=label), {"scope_town": scope.town})
            params[name] = list(rows[0]["ids"]) if rows else []
    elif scope.level is ScopeLevel.ENTERPRISE:
        rows = store.read(SCOPE_ENTERPRISE_TOWN, {"scope_enterprise": scope.enterprise_id})
        params["scope_enterprise_town"] = rows[0]["town"] if rows else None
    return params


# Town names for the prompt (the model must write full names: 临港 → 临港经济开发区).
TOWN_NAMES = "MATCH (t:Town) RETURN t.id AS name ORDER BY name"


# Free-text properties whose stored values the text-to-Cypher prompt may quote when a question
# names one (液氨 → Chemical.name, 危化 → Expert.speciality); closed vocabularies are in the schema
# text already. (label, property, is_list)
VALUE_HINT_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("Chemical", "name", False),
    ("RescueTeam", "team_type", False),
    ("Expert", "speciality", False),
    ("Equipment", "equipment_type", False),
    ("Equipment", "name", False),
    ("Material", "name", False),
    ("MedicalFacility", "grade", False),
    ("DutyShift", "role", False),
    ("Person", "title", False),
    ("Inspection", "kind", False),
    ("Camera", "algorithms", True),
    ("Enterprise", "tags", True),
)


def value_samples_query(label: str, prop: str, is_list: bool) -> str:
    """Distinct stored values of one ``VALUE_HINT_FIELDS`` entry (trusted: names come from the table)."""
    if (label, prop, is_list) not in VALUE_HINT_FIELDS:
        raise ValueError(f"{label}.{prop} is not a value-hint field")
    if is_list:
        return f"MATCH (n:{label}) UNWIND n.{prop} AS v RETURN DISTINCT v LIMIT 500"
    return f"MATCH (n:{label}) WHERE n.{prop} IS NOT NULL RETURN DISTINCT n.{prop} AS v LIMIT 500"


ENTERPRISE_NAME = "MATCH (e:Enterprise {id: $scope_enterprise}) RETURN e.name AS name"
