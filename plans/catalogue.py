"""Templates (预案模板), the plan system (预案体系), the knowledge-base search and statistics."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from core.errors import NotFoundError, PermissionDeniedError, UniqueConflictError, ValidationError
from core.plan_document import SKELETON, SKELETON_PATHS, EmergencyPlan, PlanSection
from core.plan_keys import name_key, normalise, title_key
from core.scope import Principal, ScopeLevel
from plans import review as rv
from plans.knowledge import PlanKnowledgeBase
from plans.models import (
    FromTemplateInput,
    PlanNodeInput,
    PlanPassage,
    PlanStats,
    PlanSummary,
    SystemGraph,
    TemplateInput,
    TemplateView,
)
from plans.plan_tiers import TIER, may_parent, tier, tier_name
from plans.plan_titles import claim_title
from plans.service import PlanService, new_id, summary

RETIRED = "已废止"
_NODE_FIELDS_KEPT_WHEN_OMITTED = frozenset({"issuing_unit", "accident_category"})


class PlanCatalogue:
    def __init__(self, plans: PlanService, knowledge: PlanKnowledgeBase) -> None:
        self.plans = plans
        self.repo = plans.repo
        self.knowledge = knowledge

    # ---- templates -------------------------------------------------------------------------
    def _template(self, template_id: str) -> TemplateView:
        row = self.repo.get_template(template_id)
        if row is None:
            raise NotFoundError(f"未找到预案模板 {template_id}", code="template_not_found")
        return TemplateView(**{**row, "modules": json.loads(row["modules"])})

    def templates(self) -> list[TemplateView]:
        return [
            TemplateView(**{**r, "modules": json.loads(r["modules"])}) for r in self.repo.list_templates()
        ]

    def template(self, template_id: str) -> TemplateView:
        return self._template(template_id)

    def create_template(self, principal: Principal, body: TemplateInput) -> TemplateView:
        require_city(principal)
        now = self.plans.clock()
        template_id = new_id("TPL")
        props = {**_template_props(body), "id": template_id, "created_at": now, "updated_at": now}
        self._claim_name(body.name, template_id, lambda: self.repo.create_template(props))
        return self._template(template_id)

    def _claim_name(self, name: str, template_id: str, write: Callable[[], object]) -> None:
        """Check, write (with ``name_key``, unique in the graph), and when another worker took the
        name in between, refuse naming its template."""
        self._refuse_taken_name(name, template_id)
        try:
            write()
        except UniqueConflictError:
            self._refuse_taken_name(name, template_id)
            raise

    def _refuse_taken_name(self, name: str, template_id: str) -> None:
        """Authors pick a template by name (模板列表, 由模板新建): two with one name cannot be told apart."""
        for t in self.repo.list_templates():
            if normalise(t["name"]) == normalise(name) and t["id"] != template_id:
                raise UniqueConflictError(
                    f"模板名称“{normalise(name)}”已被模板“{t['name']}”（{t['id']}）使用，请换一个名称",
                    code="template_duplicate",
                    details={"template_id": t["id"]},
                )

    def update_template(self, principal: Principal, template_id: str, body: TemplateInput) -> TemplateView:
        require_city(principal)
        self._template(template_id)
        props = {**_template_props(body), "updated_at": self.plans.clock()}
        self._claim_name(body.name, template_id, lambda: self.repo.update_template(template_id, props))
        return self._template(template_id)

    def delete_template(self, principal: Principal, template_id: str) -> None:
        require_city(principal)
        if not self.repo.delete_template(template_id):
            raise NotFoundError(f"未找到预案模板 {template_id}", code="template_not_found")

    def preview(self, template_id: str) -> dict[str, Any]:
        """The template as a plan author sees it: modules grouped by skeleton part, in order."""
        t = self._template(template_id)
        groups: dict[str, list[dict[str, str]]] = {}
        for m in t.modules:
            groups.setdefault(m.skeleton, []).append({"title": m.title, "text": m.default_text})
        return {
            "template": t.model_dump(),
            "outline": [{"skeleton": k, "modules": v} for k, v in groups.items()],
            "document": template_document(t, t.name, "").model_dump(mode="json"),
        }

    def plan_from_template(self, principal: Principal, body: FromTemplateInput) -> dict[str, str]:
        t = self._template(body.template_id)
        town, enterprise_id = self.plans.resolve_jurisdiction(principal, body.town, body.enterprise_id)
        if body.parent_id:  # refused before anything is written
            self.check_parent(
                principal,
                {
                    "plan_type": t.plan_type,
                    "issuing_unit": body.issuing_unit,
                    "town": town,
                    "enterprise_id": enterprise_id,
                },
                body.parent_id,
            )
        document = template_document(t, body.title, body.issuing_unit)
        plan_id, version_id = claim_title(
            self.repo,
            body.title,
            town,
            enterprise_id,
            lambda: self._from_template(principal, t, body, document, town, enterprise_id),
        )
        if body.parent_id:
            self.repo.set_parent(plan_id, body.parent_id)
        return {"plan_id": plan_id, "version_id": version_id}

    def _from_template(
        self,
        principal: Principal,
        t: TemplateView,
        body: FromTemplateInput,
        document: EmergencyPlan,
        town: str | None,
        enterprise_id: str | None,
    ) -> tuple[str, str]:
        return self.plans.create_plan_with_version(
            principal,
            {
                "title": body.title,
                "plan_type": t.plan_type,
                "issuing_unit": body.issuing_unit,
                "town": town,
                "enterprise_id": enterprise_id,
                "accident_category": t.accident_category,
                "template_id": t.id,
                "title_key": title_key(body.title, town, enterprise_id),
            },
            document=document,
            review=rv.initial_state(document, manual=True),
            version_no=body.version_no,
            issue_status="草稿",
        )

    # ---- plan system -----------------------------------------------------------------------
    def system(self, principal: Principal) -> SystemGraph:
        rows = self.repo.system(principal.scope)
        visible = {r["id"] for r in rows}
        nodes = [{**r, "tier": tier_name(r), "parents": sorted(r["parents"])} for r in rows]
        edges = [
            {"source": r["id"], "target": parent}
            for r in rows
            for parent in sorted(r["parents"])
            if parent in visible
        ]
        return SystemGraph(nodes=nodes, edges=edges)

    def create_node(self, principal: Principal, body: PlanNodeInput) -> PlanSummary:
        town, enterprise_id = self.plans.resolve_jurisdiction(principal, body.town, body.enterprise_id)
        if body.parent_id:  # refused before anything is written
            self.check_parent(
                principal,
                {
                    "plan_type": body.plan_type,
                    "issuing_unit": body.issuing_unit,
                    "town": town,
                    "enterprise_id": enterprise_id,
                },
                body.parent_id,
            )
        plan_id = claim_title(
            self.repo,
            body.title,
            town,
            enterprise_id,
            lambda: self.plans.create_plan_node(
                principal,
                title=body.title,
                title_key=title_key(body.title, town, enterprise_id),
                plan_type=body.plan_type,
                issuing_unit=body.issuing_unit,
                town=town,
                enterprise_id=enterprise_id,
                accident_category=body.accident_category,
            ),
        )
        if body.parent_id:
            self.repo.set_parent(plan_id, body.parent_id)
        return self.plans.get(principal, plan_id)

    def update_node(self, principal: Principal, plan_id: str, body: PlanNodeInput) -> PlanSummary:
        current = self.plans.writable_plan(principal, plan_id)
        town, enterprise_id = self.plans.resolve_jurisdiction(principal, body.town, body.enterprise_id)
        if body.parent_id:  # checked against the plan as it will be, before anything is written
            self.check_parent(
                principal,
                {
                    "id": plan_id,
                    "plan_type": body.plan_type,
                    "issuing_unit": body.issuing_unit
                    if "issuing_unit" in body.model_fields_set
                    else current.get("issuing_unit"),
                    "town": town,
                    "enterprise_id": enterprise_id,
                },
                body.parent_id,
            )
        props = {
            "title": body.title,
            "plan_type": body.plan_type,
            "issuing_unit": body.issuing_unit or "",
            "town": town,
            "enterprise_id": enterprise_id,
            "accident_category": body.accident_category,
            # A retired plan holds no title (None removes the key); a live one claims it here.
            "title_key": None
            if current.get("status") == RETIRED
            else title_key(body.title, town, enterprise_id),
            "updated_at": self.plans.clock(),
        }
        # The plan-system editor has no issuing-unit or accident-category input: leaving them out
        # keeps what the import found (renaming a node wiped both, and the dispatch guide matches
        # plans by accident category); town, enterprise and parent left out do mean 市级 / none.
        for kept in _NODE_FIELDS_KEPT_WHEN_OMITTED - body.model_fields_set:
            props.pop(kept)
        # Renamed onto another live plan's title is the same clash.
        claim_title(
            self.repo,
            body.title,
            town,
            enterprise_id,
            lambda: self.repo.update_plan(plan_id, props),
            own_id=plan_id,
        )
        self.repo.set_parent(plan_id, body.parent_id)
        return self.plans.get(principal, plan_id)

    def set_parent(self, principal: Principal, plan_id: str, parent_id: str | None) -> None:
        child = self.plans.writable_plan(principal, plan_id)
        if parent_id is not None:
            self.check_parent(principal, child, parent_id)
        self.repo.set_parent(plan_id, parent_id)

    def check_parent(self, principal: Principal, child: dict[str, Any], parent_id: str) -> None:
        """The parent is visible, sits strictly higher in the system, and is not a descendant."""
        parent = self.plans.plan(principal, parent_id)
        child_id = child.get("id")
        if child_id and (parent_id == child_id or child_id in self.repo.ancestors(parent_id)):
            raise ValidationError("预案体系不能形成环", code="plan_system_cycle")
        if not may_parent(child, parent):
            same = tier(child) == tier(parent)
            raise ValidationError(
                f"“{tier_name(child)}”预案不能作为“{tier_name(parent)}”预案的下级"
                + (
                    "（同一层级内，下级须是更具体的预案类型或更小的辖区：综合 → 专项 → 现场，市 → 镇街 → 村社 → 企业）"
                    if same
                    else "（体系顺序：总体 → 专项 → 部门 → 企业 → 现场处置方案）"
                ),
                code="plan_system_order",
            )

    # ---- knowledge base --------------------------------------------------------------------
    def search(
        self, principal: Principal, q: str, *, level: str | None, plan_type: str | None, limit: int
    ) -> list[PlanPassage]:
        if not q.strip():
            raise ValidationError("请输入检索内容", code="empty_query")
        return self.knowledge.search(
            principal.scope, q.strip(), level=level, plan_type=plan_type, limit=limit
        )

    def response_guide(
        self, principal: Principal, *, level: str, town: str | None, accident_type: str | None
    ) -> list[dict[str, Any]]:
        """Who commands, which teams, what first: for each enabled plan that covers the town (or
        the whole city) and the accident type, the verified facts of the requested level. A town
        that does not exist, or lies outside a town officer's scope, is refused: answered with the
        city-level plans alone, the guide read as complete for it."""
        if town and not self.repo.town_exists(town):
            raise ValidationError(f"镇街“{town}”不存在", code="unknown_town")
        if town and principal.scope.level is ScopeLevel.TOWN and town != principal.scope.town:
            raise PermissionDeniedError(f"无权查看“{town}”的数据", code="out_of_scope")
        guides = []
        for row in self.repo.response_level_plans(
            principal.scope, level=level, town=town, accident_type=accident_type
        ):
            facts = self.repo.facts(row["plan_id"])
            lv = next(x for x in facts["levels"] if x["id"] == row["level_id"])
            guides.append(
                {
                    "plan_id": row["plan_id"],
                    "title": row["title"],
                    "version_no": row["version_no"],
                    "town": row["town"],
                    "enterprise_id": row["enterprise_id"],
                    "level": lv["level"],
                    "trigger": lv["trigger"],
                    "commander": lv["commander"],
                    "actions": lv["actions"],
                    "roles": [
                        {k: r[k] for k in ("unit", "title", "holder", "persons", "departments")}
                        for r in facts["roles"]
                    ],
                    "resources": [
                        {k: r[k] for k in ("type", "name", "linked")}
                        for r in facts["resources"]
                        if r["linked"]
                    ],
                }
            )
        return guides

    # ---- statistics ------------------------------------------------------------------------
    def stats(self, principal: Principal) -> PlanStats:
        rows = self.repo.stats_rows(principal.scope)
        by_type: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        for r in rows["by_type"]:
            by_type[r["plan_type"] or "未分类"] += r["n"]
            by_status[r["status"] or "未启用"] += r["n"]
        return PlanStats(
            by_type=dict(by_type),
            by_status=dict(by_status),
            by_level={r["level"]: r["n"] for r in rows["by_level"]},
            by_jurisdiction={(r["town"] or "市级"): r["n"] for r in rows["by_jurisdiction"]},
            uncovered_hazard_enterprises=rows["uncovered"],
            missing_resources=rows["missing"],
        )


def require_city(principal: Principal) -> None:
    """Templates are shared by the whole city: only city-level users (系统管理员) change them."""
    if principal.scope.level is not ScopeLevel.CITY:
        raise PermissionDeniedError("只有市级管理员可以维护预案模板", code="out_of_scope")


def _template_props(body: TemplateInput) -> dict[str, Any]:
    return {
        **body.model_dump(exclude_none=True),
        "modules": _modules_json(body),
        "name_key": name_key(body.name),
    }


def _modules_json(body: TemplateInput) -> str:
    """The modules to store; each must sit in a GB/T 29639 part, as the editor's picker offers:
    the sections of plans started from the template are filed (and searched) by that part."""
    for m in body.modules:
        if m.skeleton not in SKELETON_PATHS:
            raise ValidationError(
                f"模块“{m.title}”的预案结构“{m.skeleton}”不在 GB/T 29639 结构中，可选：{'、'.join(SKELETON)}",
                code="unknown_skeleton",
            )
    return json.dumps([m.model_dump() for m in body.modules], ensure_ascii=False)


def template_document(t: TemplateView, title: str, issuing_unit: str) -> EmergencyPlan:
    return EmergencyPlan(
        title=title,
        plan_type=t.plan_type,
        issuing_unit=issuing_unit,
        accident_types=[t.accident_category] if t.accident_category else [],
        sections=[
            PlanSection(
                number=str(i + 1), heading=m.title, skeleton=m.skeleton, text=m.default_text, paragraph=i
            )
            for i, m in enumerate(t.modules)
        ],
    )


__all__ = ["TIER", "PlanCatalogue", "summary", "tier"]
