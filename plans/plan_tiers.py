"""Where a plan sits in the plan system (预案体系) and which existing plan it answers to.

The system is ordered 总体 → 专项 → 部门 → 企业 → 现场处置方案 (``TIER``). Within one tier two finer
keys order plans that the tier alone cannot tell apart: the plan type (a firm's 综合预案 above the
same firm's 专项预案, both 企业 plans) and the jurisdiction (a town's 专项 below the city's 专项 of
the same accident class). ``rank`` is that triple; a parent must rank strictly lower than its child,
so links that respect it can never close a cycle.

``propose_parent`` is the rule the demo install and ``safecloud plans link-system`` apply to plans
that have no parent yet: from the plan's verified fields (type, issuer, town/enterprise, accident
types) it names the nearest fitting plan that already exists, or none — it never invents a plan.
Pure: no I/O, the caller passes every plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ConfigDict

from plans.models import PlanSummary

TIER = {"总体": 0, "专项": 1, "部门": 2, "企业": 3, "现场处置方案": 4}
_TYPE_RANK = {"总体": 0, "专项": 1, "部门": 2, "现场处置方案": 3}
# Jurisdiction, widest first: the city, a town/street/zone, a village or community, a firm.
CITY, TOWN, VILLAGE, FIRM = 0, 1, 2, 3

# A firm's or an institution's own plan (a hospital, a school, a hotel, a venue is no authority).
_PRIVATE = re.compile(
    r"公司|集团|[厂场站库]$|车间|工厂|项目部|医院$|卫生院$|学校$|[中小]学$|幼儿园$|酒店$|宾馆$|管理处$"
)
_VILLAGE = re.compile(r"村民委员会|居民委员会|村委会|居委会|社区$")
# The firm a sub-unit (车间, 项目部, 供应站, 水厂) belongs to: its name up to the company suffix.
_FIRM_NAME = re.compile(r"^.*?(?:有限(?:责任)?公司|股份公司|集团公司|公司|集团)")

# Accident types (the plan vocabulary) and title words that name a sector. The generic types
# (火灾, 爆炸, 泄漏, 中毒和窒息, 自然灾害 …) occur in nearly every plan and tell no sector: matched on
# them a hospital's fire plan answered to the tourism bureau's scenic-area plan.
_SECTOR_TYPES = {
    "危险化学品事故": "危化", "燃气事故": "燃气", "粉尘爆炸": "工贸", "有限空间": "工贸",
    "建筑施工事故": "建筑施工", "洪涝灾害": "防汛防台", "台风": "防汛防台",
    "特种设备事故": "特种设备", "道路交通事故": "交通",
}  # fmt: skip
_SECTOR_WORDS = {
    "危险化学品": "危化", "危化": "危化", "危险货物": "危化", "危险货物运输": "危货运输", "道路运输": "危货运输",
    "运输车辆": "危货运输", "燃气": "燃气", "煤气": "燃气", "液化气": "燃气", "工贸": "工贸",
    "粉尘": "工贸", "有限空间": "工贸", "受限空间": "工贸", "冶金": "冶金", "钢铁": "冶金",
    "铸造": "冶金", "熔融金属": "冶金", "建设工程": "建筑施工", "建设集团": "建筑施工", "建筑施工": "建筑施工",
    "施工现场": "建筑施工", "防汛": "防汛防台", "防台": "防汛防台", "地质灾害": "地质灾害",
    "森林火灾": "森林防火", "特种设备": "特种设备", "锅炉": "特种设备", "起重": "特种设备",
    "道路交通": "交通", "校园": "教育", "学校": "教育", "中学": "教育", "小学": "教育",
    "医院": "卫生", "医疗": "卫生", "养老": "养老", "商贸": "商贸", "购物": "商贸", "商场": "商贸",
    "景区": "文旅", "旅游": "文旅", "供水": "供水", "水厂": "供水", "储备库": "粮食仓储",
    "粮库": "粮食仓储", "电力": "电力", "供电": "电力",
}  # fmt: skip


class PlanNode(PlanSummary):
    """A plan as the rule sees it: its summary (type, issuer, town/firm, parents), plus every
    accident type of its enabled version (the summary keeps only the first, its category)."""

    model_config = ConfigDict(frozen=True)

    accident_types: tuple[str, ...] = ()

    @classmethod
    def of(cls, row: Mapping[str, Any], accident_types: Iterable[str] = ()) -> PlanNode:
        """From a plan row of the graph (``PlanGraphRepository.system``): an untyped plan counts as
        专项, as the system page shows it; no types read from the document fall back to the category."""
        types = list(accident_types) or ([row["accident_category"]] if row.get("accident_category") else [])
        fields = {k: row[k] for k in PlanSummary.model_fields if row.get(k) is not None}
        return cls(
            **{
                "status": "未启用",
                "created_at": 0,
                **fields,
                "plan_type": str(row.get("plan_type") or "专项"),
                "issuing_unit": str(row.get("issuing_unit") or ""),
            },
            accident_types=tuple(dict.fromkeys(types)),
        )


def _private(plan: Mapping[str, Any]) -> bool:
    unit = str(plan.get("issuing_unit") or "").split("（")[0].strip()
    return bool(plan.get("enterprise_id")) or bool(unit and _PRIVATE.search(unit))


def tier(plan: Mapping[str, Any]) -> int:
    """总体 0 … 现场处置方案 4. A plan of a firm or an institution is a 企业 plan whether or not it is
    filed under a firm of the city's register (many are filed under their town only)."""
    if plan.get("plan_type") == "现场处置方案":
        return TIER["现场处置方案"]
    if _private(plan):
        return TIER["企业"]
    return TIER.get(str(plan.get("plan_type")), TIER["专项"])


def tier_name(plan: Mapping[str, Any]) -> str:
    return next(name for name, t in TIER.items() if t == tier(plan))


def jurisdiction(plan: Mapping[str, Any]) -> int:
    if _private(plan):
        return FIRM
    if _VILLAGE.search(str(plan.get("issuing_unit") or "")):
        return VILLAGE
    return TOWN if plan.get("town") else CITY


def rank(plan: Mapping[str, Any]) -> tuple[int, int, int]:
    """A parent ranks strictly lower than its child (lexicographically)."""
    return (tier(plan), _TYPE_RANK.get(str(plan.get("plan_type")), 1), jurisdiction(plan))


def may_parent(child: Mapping[str, Any], parent: Mapping[str, Any]) -> bool:
    return rank(parent) < rank(child)


def named_sectors(node: PlanNode) -> set[str]:
    """The sectors its title or issuer names (校园, 特种设备, 道路危险货物运输 …)."""
    text = node.title + node.issuing_unit
    return {s for word, s in _SECTOR_WORDS.items() if word in text}


def sectors(node: PlanNode) -> set[str]:
    """The sectors a plan covers, from its accident types, its title and its issuer."""
    return {_SECTOR_TYPES[t] for t in node.accident_types if t in _SECTOR_TYPES} | named_sectors(node)


def fits(child: PlanNode, parent: PlanNode) -> bool:
    """The parent covers the child's sector. A department's plan is about the domain its title
    names (储备库, 特种设备, 道路危险货物运输): the hazards it lists (粉尘爆炸 in a grain store) put
    every 工贸 firm under the grain bureau, so it fits only a child of every domain it names."""
    if parent.plan_type == "部门":
        named = named_sectors(parent)
        return bool(named) and named <= sectors(child)
    return bool(sectors(child) & sectors(parent))


def firm_key(node: PlanNode) -> str | None:
    """Which firm a 企业 plan belongs to: its register id, else its issuer's company name."""
    if node.enterprise_id:
        return f"id:{node.enterprise_id}"
    m = _FIRM_NAME.match(node.issuing_unit.strip())
    return f"name:{m.group(0)}" if m else None


def _view(node: PlanNode) -> dict[str, Any]:
    return {
        "plan_type": node.plan_type,
        "issuing_unit": node.issuing_unit,
        "town": node.town,
        "enterprise_id": node.enterprise_id,
    }


@dataclass(frozen=True)
class ParentGroup:
    """One place a parent is looked for, in the order of the rule."""

    label: str  # Chinese, as the admin command and the plan-system page show it
    where: str  # "own" (the same firm), "town" (its town/zone), "city"
    types: frozenset[str]
    sector: bool  # the parent must cover the child's sector (``fits``)


def parent_groups(node: PlanNode) -> list[ParentGroup]:
    """Where ``propose_parent`` looks for ``node``'s parent, nearest first."""
    level = jurisdiction(_view(node))
    groups: list[ParentGroup] = []
    if level == FIRM and node.plan_type == "现场处置方案":
        groups.append(ParentGroup("本单位同类专项预案", "own", frozenset({"专项"}), True))
    if level == FIRM and node.plan_type != "总体":
        groups.append(ParentGroup("本单位综合预案", "own", frozenset({"总体"}), False))
    if level in (FIRM, VILLAGE):
        groups.append(ParentGroup("所在镇街同类专项预案", "town", frozenset({"专项"}), True))
    if level in (FIRM, VILLAGE, TOWN):
        groups.append(ParentGroup("所在镇街总体预案", "town", frozenset({"总体"}), False))
    groups.append(ParentGroup("市级同类部门预案", "city", frozenset({"部门"}), True))
    groups.append(ParentGroup("市级同类专项预案", "city", frozenset({"专项"}), True))
    groups.append(ParentGroup("市级总体预案", "city", frozenset({"总体"}), False))
    return groups


@dataclass(frozen=True)
class Proposal:
    child: str
    parent: str
    reason: str  # Chinese: why this parent (printed by the admin command)


def propose_parent(node: PlanNode, plans: Sequence[PlanNode]) -> Proposal | None:
    """The plan ``node`` answers to, among ``plans``, or None (it stays a root of the system).

    Candidates in order, the first group with a plan the system order allows wins; within a group
    the plan sharing most of the child's sectors (then the lowest id, so re-runs agree):
    a firm's 现场处置方案 → its own 专项 of the sector → its own 综合预案; a firm's 专项 → its own
    综合预案; a firm's plan with neither (or its 综合预案) → its town's 专项 of the sector → the
    town's 总体 → the city's 部门 plan of the sector → the city's 专项 of the sector → the city 总体.
    A village's plan → its town's 专项 of the sector → the town 总体; a town's or zone's 专项 → the
    town 总体; a town 总体, a department's plan or a city 专项 → the city's plans of the sector →
    the city 总体."""
    mine = sectors(node)
    firm_name = _FIRM_NAME.match(node.issuing_unit.strip())
    trade = {s for w, s in _SECTOR_WORDS.items() if firm_name and w in firm_name.group(0)}
    typed = trade | {_SECTOR_TYPES[t] for t in node.accident_types if t in _SECTOR_TYPES}
    child = _view(node)
    others = [p for p in plans if p.id != node.id and may_parent(child, _view(p))]
    firm = firm_key(node)

    def member(group: ParentGroup, p: PlanNode) -> bool:
        if p.plan_type not in group.types or (group.sector and not fits(node, p)):
            return False
        if group.where == "own":
            return jurisdiction(_view(p)) == FIRM and firm is not None and firm_key(p) == firm
        if group.where == "town":
            return bool(node.town) and p.town == node.town and jurisdiction(_view(p)) == TOWN
        return jurisdiction(_view(p)) == CITY

    groups = [(g.label, [p for p in others if member(g, p)]) for g in parent_groups(node)]
    for reason, found in groups:
        if found:
            # the sector its accident types or its firm's trade give outweighs one its title
            # happens to name (澄南实验学校…施工现场 of a 建设工程 firm: a 建筑施工 plan, not a school's)
            # then the plan whose title names fewest sectors the child lacks: a town's general 总体
            # over a sector plan it filed as 总体 (地质灾害防治), which took a metal firm by its lower
            # id (a general plan's accident types list every sector, so only its title tells)
            best = min(
                found,
                key=lambda p: (
                    -len(typed & sectors(p)),
                    -len(mine & sectors(p)),
                    len(named_sectors(p) - mine),
                    p.id,
                ),
            )
            return Proposal(node.id, best.id, reason)
    return None


def propose_links(plans: Sequence[PlanNode]) -> list[Proposal]:
    """Parents for every plan that has none yet; a plan with a parent keeps it (a user may have set it)."""
    return [p for node in plans if not node.parents and (p := propose_parent(node, plans)) is not None]


__all__ = [
    "TIER",
    "ParentGroup",
    "PlanNode",
    "Proposal",
    "jurisdiction",
    "may_parent",
    "parent_groups",
    "propose_links",
    "propose_parent",
    "rank",
    "sectors",
    "tier",
    "tier_name",
]
