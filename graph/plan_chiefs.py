"""Who heads a plan's command: the 总指挥 (or 指挥 / 主任 / 组长) of its top organisation unit.

"谁是总指挥" asks for the post a plan puts at the head of its command body, with no level: the level
facts name who commands each response, not who heads the 指挥部. The roles are verified plan facts
(``Role`` under an ``OrgUnit`` that is no other unit's sub-unit), read here for the plans listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from core.ports import GraphStore

# Titles of the head of a command body, most specific first (a 委员会 has a 主任, a 领导小组 a 组长).
HEAD_TITLES = ("总指挥", "指挥长", "指挥", "主任", "组长")

PLAN_HEADS = """
MATCH (p:Plan)-[:HAS_ORG_UNIT]->(u:OrgUnit)-[:HAS_ROLE]->(r:Role)
WHERE p.id IN $plan_ids AND r.title IN $titles AND NOT (u)-[:SUB_UNIT_OF]->(:OrgUnit)
RETURN p.id AS plan_id, u.id AS unit_id, u.name AS unit, r.id AS role_id, r.title AS title, r.holder AS holder
"""


def _unit_order(unit_id: str) -> tuple[int, str]:
    tail = unit_id.rsplit("/ou", 1)[-1]
    return (int(tail), unit_id) if tail.isdigit() else (1 << 30, unit_id)


def with_heads(store: GraphStore, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with ``heads``: the plan's head post(s) as ``{unit, title, holder}``, best first."""
    ids = [str(r.get("id")) for r in rows if r.get("id")]
    found = store.read(PLAN_HEADS, {"plan_ids": ids, "titles": list(HEAD_TITLES)}) if ids else []
    by_plan: dict[str, list[dict[str, Any]]] = {}
    for head in sorted(
        (dict(f) for f in found if f.get("holder")),
        key=lambda f: (HEAD_TITLES.index(f["title"]), _unit_order(str(f["unit_id"])), str(f["role_id"])),
    ):
        by_plan.setdefault(str(head["plan_id"]), []).append(
            {"unit": head["unit"], "title": head["title"], "holder": head["holder"]}
        )
    return [dict(r) | {"heads": by_plan.get(str(r.get("id")), [])} for r in rows]


# "启动响应要谁批准": the unit whose verified duties give it the decision to start a response; the
# names of its sub-units carry the short name the plan's text uses for it (镇指挥部办公室 → 镇指挥部).
PLAN_STARTERS = """
MATCH (p:Plan)-[:HAS_ORG_UNIT]->(u:OrgUnit)
WHERE p.id IN $plan_ids
RETURN p.id AS plan_id, u.id AS unit_id, u.name AS unit, u.duties AS duties,
       [(u)<-[:SUB_UNIT_OF]-(s:OrgUnit) | s.name] AS sub_units
"""
_STARTS = re.compile(r"(?:决定|批准|宣布|下达)(?:[^，,；;。]{0,6}?)启动")
_OFFICE = re.compile(r"^(.{1,12}?(?:指挥部|领导小组|委员会))(?:办公室|办)")  # 镇指挥部办公室 → 镇指挥部


def _short_name(unit: str, sub_units: Sequence[str]) -> str:
    """The name the plan's text calls the unit by, where a sub-unit's name shows it (else none)."""
    for sub in sub_units:
        m = _OFFICE.match(str(sub or ""))
        if m and m.group(1) != unit:
            return m.group(1)
    return ""


def with_starters(store: GraphStore, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with ``starters``: ``{unit, short, duty}`` for each unit that decides to start a response."""
    ids = [str(r.get("id")) for r in rows if r.get("id")]
    found = store.read(PLAN_STARTERS, {"plan_ids": ids}) if ids else []
    by_plan: dict[str, list[dict[str, Any]]] = {}
    for f in sorted(found, key=lambda f: _unit_order(str(f.get("unit_id")))):
        duty = next((str(d) for d in f.get("duties") or [] if _STARTS.search(str(d))), "")
        if duty and f.get("unit"):
            short = _short_name(str(f["unit"]), list(f.get("sub_units") or []))
            by_plan.setdefault(str(f["plan_id"]), []).append(
                {"unit": f["unit"], "short": short, "duty": duty}
            )
    return [dict(r) | {"starters": by_plan.get(str(r.get("id")), [])} for r in rows]


__all__ = ["HEAD_TITLES", "PLAN_HEADS", "PLAN_STARTERS", "with_heads", "with_starters"]
