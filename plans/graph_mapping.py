"""EmergencyPlan + review state → graph rows. Pure: no I/O, so every rule here is unit-testable.

Only fields a person accepted or edited become facts. A row whose identifying field was not
verified (a response level's ``level``, an org unit's ``name``, a role's ``title``, a resource's
``name``) is left out with everything under it; an unverified detail (a trigger, a holder, one
action) is left out on its own.

Linking to the real graph is the second pure step: ``resolve_links`` gets the candidate
Person/Department/resource rows the graph store read for the names in the facts and decides
which ones are unambiguous. Anything else is reported as unmatched for the reviewer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.plan_document import EmergencyPlan
from plans.models import UnmatchedLink
from plans.review import is_verified

LEVEL_RANK = {"一级": 1, "二级": 2, "三级": 3, "四级": 4}

# Plan resource type → the graph label its real counterparts carry (graph.plan_queries.RESOURCE_TARGETS).
RESOURCE_LABEL = {
    "救援队伍": "RescueTeam",
    "装备": "Equipment",
    "物资": "Material",
    "专家": "Expert",
    "医疗机构": "MedicalFacility",
    "避难场所": "Shelter",
}


@dataclass(frozen=True)
class ProjectionContext:
    plan_id: str
    version_id: str
    fact_set: str  # unique per projection: the previous set is deleted after this one is written
    issuing_unit: str = ""
    town: str | None = None
    enterprise_id: str | None = None


@dataclass
class PlanFacts:
    levels: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    units: list[dict[str, Any]] = field(default_factory=list)
    unit_parents: list[dict[str, str]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    resources: list[dict[str, Any]] = field(default_factory=list)
    accident_types: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "response_levels": len(self.levels),
            "actions": len(self.actions),
            "org_units": len(self.units),
            "roles": len(self.roles),
            "resources": len(self.resources),
            "accident_types": len(self.accident_types),
        }


def _verified_items(state: Mapping[str, str], base: str, items: Sequence[str]) -> list[str]:
    return [v for j, v in enumerate(items) if is_verified(state, f"{base}/{j}")]


def _opt(state: Mapping[str, str], pointer: str, value: Any) -> Any:
    return value if value not in (None, "") and is_verified(state, pointer) else None


def map_plan(plan: EmergencyPlan, state: Mapping[str, str], ctx: ProjectionContext) -> PlanFacts:
    facts = PlanFacts()
    common = {"plan_id": ctx.plan_id, "version_id": ctx.version_id, "fact_set": ctx.fact_set}
    prefix = f"{ctx.version_id}/{ctx.fact_set}"

    for i, lv in enumerate(plan.response_levels):
        base = f"/response_levels/{i}"
        if not is_verified(state, f"{base}/level"):
            continue
        level_id = f"{prefix}/rl{i}"
        facts.levels.append(
            {
                **common,
                "id": level_id,
                "level": lv.level,
                "rank": LEVEL_RANK[lv.level],
                "name": _opt(state, f"{base}/name", lv.name),
                "trigger": _opt(state, f"{base}/trigger", lv.trigger),
                "commander": _opt(state, f"{base}/commander", lv.commander),
                "field": base,
            }
        )
        for j, text in enumerate(lv.actions):
            if is_verified(state, f"{base}/actions/{j}"):
                facts.actions.append(
                    {**common, "id": f"{level_id}/a{j}", "level_id": level_id, "seq": j + 1, "text": text}
                )

    unit_ids: dict[str, str] = {}
    for i, unit in enumerate(plan.org_units):
        base = f"/org_units/{i}"
        if not is_verified(state, f"{base}/name"):
            continue
        unit_id = f"{prefix}/ou{i}"
        unit_ids.setdefault(unit.name, unit_id)
        facts.units.append(
            {
                **common,
                "id": unit_id,
                "name": unit.name,
                "duties": _verified_items(state, f"{base}/duties", unit.duties),
                "field": base,
            }
        )
        for j, role in enumerate(unit.roles):
            rbase = f"{base}/roles/{j}"
            if not is_verified(state, f"{rbase}/title"):
                continue
            facts.roles.append(
                {
                    **common,
                    "id": f"{unit_id}/r{j}",
                    "unit_id": unit_id,
                    "title": role.title,
                    "holder": _opt(state, f"{rbase}/holder", role.holder),
                    "duties": _verified_items(state, f"{rbase}/duties", role.duties),
                    "field": rbase,
                }
            )
    for i, unit in enumerate(plan.org_units):
        parent = _opt(state, f"/org_units/{i}/parent", unit.parent)
        child_id = unit_ids.get(unit.name)
        if parent and child_id and parent in unit_ids and unit_ids[parent] != child_id:
            facts.unit_parents.append({"src": child_id, "dst": unit_ids[parent]})

    for i, res in enumerate(plan.resources):
        base = f"/resources/{i}"
        if not is_verified(state, f"{base}/name"):
            continue
        facts.resources.append(
            {
                **common,
                "id": f"{prefix}/res{i}",
                "type": _opt(state, f"{base}/type", res.type) or "其他",
                "name": res.name,
                "quantity": _opt(state, f"{base}/quantity", res.quantity),
                "unit": _opt(state, f"{base}/unit", res.unit),
                "holder": _opt(state, f"{base}/holder", res.holder),
                "field": base,
            }
        )

    facts.accident_types = list(dict.fromkeys(_verified_items(state, "/accident_types", plan.accident_types)))
    return facts


# ---- linking to real nodes -----------------------------------------------------------------
@dataclass
class Candidates:
    """Rows read from the graph for the names in the facts (graph.plan_queries *_CANDIDATES)."""

    persons: list[dict[str, Any]] = field(default_factory=list)
    departments: list[dict[str, Any]] = field(default_factory=list)
    resources: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # label → rows


@dataclass
class Links:
    persons: list[dict[str, str]] = field(default_factory=list)  # Role → Person
    unit_departments: list[dict[str, str]] = field(default_factory=list)
    role_departments: list[dict[str, str]] = field(default_factory=list)
    resources: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # label → PlanResource → node
    unmatched: list[UnmatchedLink] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "persons": len(self.persons),
            "departments": len(self.unit_departments) + len(self.role_departments),
            "resources": sum(len(v) for v in self.resources.values()),
        }


def _in_jurisdiction(town: str | None, enterprise_id: str | None, ctx: ProjectionContext) -> bool:
    if ctx.enterprise_id:
        return enterprise_id == ctx.enterprise_id
    if ctx.town:
        return town in (ctx.town, None)
    return True


def _person_in_jurisdiction(p: Mapping[str, Any], ctx: ProjectionContext) -> bool:
    """Staff of the plan's enterprise, or officials of a department of the plan's town or the city
    (a town 安监办 officer is a legitimate role holder in an enterprise plan)."""
    if p.get("department") is not None:
        return ctx.town is None or p.get("department_town") in (ctx.town, None)
    if ctx.enterprise_id:
        return p.get("enterprise_id") == ctx.enterprise_id
    return ctx.town is None or p.get("enterprise_town") == ctx.town


def _person_town(p: Mapping[str, Any]) -> str | None:
    return p.get("enterprise_town") or p.get("department_town")


def _pick_person(
    holder: str, unit: str, persons: Sequence[Mapping[str, Any]], ctx: ProjectionContext
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """(chosen, all candidates): a person is named in the holder text and belongs to the plan's
    jurisdiction; among several, the one whose unit is named in the holder/unit/issuing unit."""
    named = [p for p in persons if p["name"] and p["name"] in holder]
    local = [p for p in named if _person_in_jurisdiction(p, ctx)]
    if len(local) > 1:
        context = f"{holder} {unit} {ctx.issuing_unit}"
        by_unit = [
            p for p in local
            if (p.get("enterprise") and p["enterprise"] in context) or (p.get("department") and p["department"] in context)
        ]  # fmt: skip
        local = by_unit or local
    return local, named


def _pick_department(
    text: str, departments: Sequence[Mapping[str, Any]], ctx: ProjectionContext
) -> list[Mapping[str, Any]]:
    hits = [d for d in departments if d["name"] and (d["name"] in text or text in d["name"])]
    exact = [d for d in hits if d["name"] == text]
    hits = exact or hits
    local = [d for d in hits if ctx.enterprise_id or _in_jurisdiction(d.get("town"), None, ctx)]
    return local or hits


def _pick_resource(
    name: str, rows: Sequence[Mapping[str, Any]], ctx: ProjectionContext
) -> list[Mapping[str, Any]]:
    exact = [r for r in rows if r["name"] == name]
    partial = [r for r in rows if r["name"] and (name in r["name"] or r["name"] in name)]
    hits = exact or partial
    # Rescue resources are dispatched city-wide; prefer those inside the plan's town when several match.
    local = [r for r in hits if ctx.town and r.get("town") == ctx.town]
    return local if len(hits) > 1 and local else hits


def resolve_links(facts: PlanFacts, candidates: Candidates, ctx: ProjectionContext) -> Links:
    links = Links()
    unit_names = {u["id"]: u["name"] for u in facts.units}
    for unit in facts.units:
        depts = _pick_department(unit["name"], candidates.departments, ctx)
        if len(depts) == 1 and depts[0]["name"] == unit["name"]:
            links.unit_departments.append({"src": unit["id"], "dst": depts[0]["id"]})
    for role in facts.roles:
        holder = role.get("holder")
        if not holder:
            continue
        chosen, named = _pick_person(holder, unit_names.get(role["unit_id"], ""), candidates.persons, ctx)
        if len(chosen) == 1:
            links.persons.append({"src": role["id"], "dst": chosen[0]["id"]})
            continue
        depts = _pick_department(holder, candidates.departments, ctx) if not named else []
        if len(depts) == 1:
            links.role_departments.append({"src": role["id"], "dst": depts[0]["id"]})
            continue
        links.unmatched.append(
            UnmatchedLink(
                kind="person",
                field=f"{role['field']}/holder",
                text=holder,
                reason="多个同名人员，无法确定"
                if len(chosen) > 1
                else "同名人员不在预案适用辖区内"
                if named
                else "图谱中未找到该人员或单位",
                candidates=[p["id"] for p in (chosen or named)],
            )
        )
    for res in facts.resources:
        label = RESOURCE_LABEL.get(res["type"])
        if label is None:
            continue  # 通信/资金/其他: nothing in the graph to link to
        hits = _pick_resource(res["name"], candidates.resources.get(label, []), ctx)
        if len(hits) == 1:
            res["matched_id"], res["matched_label"] = hits[0]["id"], label
            links.resources.setdefault(label, []).append({"src": res["id"], "dst": hits[0]["id"]})
        else:
            links.unmatched.append(
                UnmatchedLink(
                    kind="resource",
                    field=f"{res['field']}/name",
                    text=res["name"],
                    reason="多个同名资源，无法确定" if hits else "图谱中未找到该资源",
                    candidates=[h["id"] for h in hits],
                )
            )
    return links


def holder_names(facts: PlanFacts) -> list[str]:
    return sorted({r["holder"] for r in facts.roles if r.get("holder")})


def department_probe_names(facts: PlanFacts) -> list[str]:
    return sorted({u["name"] for u in facts.units} | set(holder_names(facts)))


def resource_names_by_label(facts: PlanFacts) -> dict[str, list[str]]:
    out: dict[str, set[str]] = {}
    for res in facts.resources:
        label = RESOURCE_LABEL.get(res["type"])
        if label:
            out.setdefault(label, set()).add(res["name"])
    return {k: sorted(v) for k, v in out.items()}
