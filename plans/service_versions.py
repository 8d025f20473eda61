"""The version lifecycle of a plan: publish, enable, disable, roll back, retire, copy and compare.

Rules kept here, not in routes:
* a principal reads plans of its jurisdiction plus city-level ones, and changes only plans of
  its own jurisdiction (city principals change all);
* a plan has at most one enabled version; enabling, publishing, disabling and rolling back are
  all one projection query (graph.plan_repository.PlanGraphRepository.project), so the enabled
  flag and the facts never disagree;
* uniqueness (one version number per plan, one enabled version) is the graph's: unique
  constraints on derived keys (core.plan_keys, ADR 0015) hold across API worker processes, where
  an in-process lock did not. A write that loses a race reads again and retries or is refused.

``PlanVersionLifecycle`` is the base of ``plans.service.PlanService``, which adds upload, plan
creation, listing and review. The scoped reads (``plan``, ``writable_plan``, ``version``) sit here
because every lifecycle step starts with them; the version write (``_create_version``) is the
``plans.version_writes.VersionWrites`` mixin.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from core.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UniqueConflictError,
    ValidationError,
)
from core.plan_document import EmergencyPlan
from core.scope import DataScope, Principal, ScopeLevel
from graph.plan_repository import PlanGraphRepository
from plans.diff import diff_documents
from plans.graph_mapping import (
    ProjectionContext,
    department_probe_names,
    holder_names,
    map_plan,
    resolve_links,
    resource_names_by_label,
)
from plans.knowledge import PlanKnowledgeBase
from plans.models import FieldChange, PlanSummary, ProjectionReport, VersionInput, VersionView
from plans.plan_scope import applies_towns, handed_types
from plans.version_rules import require_published, require_verified
from plans.version_writes import VersionWrites, explicit_number, new_id, rollback_rule

RETIRED = "已废止"
RETIRED_MESSAGE = "预案已废止，不能启用其版本；如需恢复请先恢复预案"


class PlanVersionLifecycle(VersionWrites):
    """Scoped reads of a plan and its versions, and every step that changes which version is live."""

    def __init__(
        self,
        repo: PlanGraphRepository,
        *,
        knowledge: PlanKnowledgeBase,
        clock: Callable[[], int],
    ) -> None:
        self.repo = repo
        self.knowledge = knowledge
        self.clock = clock

    # ---- access ----------------------------------------------------------------------------
    def plan(self, principal: Principal, plan_id: str) -> dict[str, Any]:
        plan = self.repo.get_plan(plan_id, principal.scope)
        if plan is None:
            raise NotFoundError(f"未找到预案 {plan_id}（或不在您的数据范围内）", code="plan_not_found")
        return plan

    def writable_plan(self, principal: Principal, plan_id: str) -> dict[str, Any]:
        plan = self.plan(principal, plan_id)
        check_jurisdiction(principal.scope, plan.get("town"), plan.get("enterprise_id"))
        return plan

    def _live_plan(self, principal: Principal, plan_id: str) -> dict[str, Any]:
        """A writable plan that is not retired: making one of its versions live would quietly undo
        the 废止 (the plan came back as 已启用); ``restore`` is the explicit way back."""
        plan = self.writable_plan(principal, plan_id)
        if plan.get("status") == RETIRED:
            raise ConflictError(RETIRED_MESSAGE, code="plan_retired", details={"plan_id": plan_id})
        return plan

    def version(self, plan_id: str, version_id: str) -> dict[str, Any]:
        v = self.repo.get_version(plan_id, version_id)
        if v is None:
            raise NotFoundError(f"未找到预案版本 {version_id}", code="plan_version_not_found")
        return v

    def _latest_version(self, plan_id: str) -> dict[str, Any]:
        versions = self.repo.versions(plan_id)
        if not versions:
            raise NotFoundError("该预案尚无版本，请先上传或由模板创建", code="plan_version_not_found")
        return self.version(plan_id, versions[0]["id"])

    def resolve_jurisdiction(
        self, principal: Principal, town: str | None, enterprise_id: str | None
    ) -> tuple[str | None, str | None]:
        scope = principal.scope
        if scope.level is ScopeLevel.TOWN and not town and not enterprise_id:
            town = scope.town
        if scope.level is ScopeLevel.ENTERPRISE and not enterprise_id:
            enterprise_id = scope.enterprise_id
        if enterprise_id:
            found = self.repo.enterprise_town(enterprise_id)
            if found is None:
                raise ValidationError(f"适用企业 {enterprise_id} 不存在", code="unknown_enterprise")
            if town and town != found:  # had been replaced by the firm's town without a word
                raise ValidationError(
                    f"适用镇街“{town}”与适用企业所在的“{found}”不一致：企业预案归属企业所在镇街，"
                    "请改正或清空适用镇街",
                    code="jurisdiction_mismatch",
                )
            town = found
        elif town and not self.repo.town_exists(town):  # a plan filed under no real town reaches no one
            raise ValidationError(f"适用镇街“{town}”不存在", code="unknown_town")
        check_jurisdiction(scope, town, enterprise_id)
        return town, enterprise_id

    # ---- version writes: plans.version_writes.VersionWrites -------------------------------
    # ---- publish / enable / disable / roll back --------------------------------------------
    def publish(self, principal: Principal, plan_id: str, version_id: str) -> ProjectionReport:
        plan = self._live_plan(principal, plan_id)
        v = self.version(plan_id, version_id)
        if v["issue_status"] == "已废止":
            raise ValidationError("已废止的版本不能发布", code="version_retired")
        require_verified(v)
        return self._project(plan, v, issue_status="已发布")

    def enable(self, principal: Principal, plan_id: str, version_id: str) -> ProjectionReport:
        plan = self._live_plan(principal, plan_id)
        v = self.version(plan_id, version_id)
        require_published(v, "启用")
        require_verified(v)  # a version registered as 已发布 never went through publish's check
        return self._project(plan, v, issue_status=None)

    def disable(self, principal: Principal, plan_id: str, version_id: str) -> ProjectionReport:
        plan = self.writable_plan(principal, plan_id)
        v = self.version(plan_id, version_id)
        if not v["enabled"]:
            raise ValidationError("该版本未启用", code="version_not_enabled")
        return self._retire_facts(plan, status="未启用")

    def rollback(
        self, principal: Principal, plan_id: str, version_id: str, version_no: str | None = None
    ) -> ProjectionReport:
        """Enable an older version by copying it into a new one, so the history stays intact."""
        plan = self._live_plan(principal, plan_id)
        old = self.version(plan_id, version_id)
        # Rolling back goes to a version that was live once: a draft or a 已废止 version would
        # otherwise go live as a copy, skipping publish (which refuses 已废止) and review.
        require_published(old, "回滚到")
        require_verified(old)
        new_version = self._copy_version(
            principal, plan, old, explicit_number(version_no) if version_no else rollback_rule(old), "已发布"
        )
        return self._project(
            self.plan(principal, plan_id), self.version(plan_id, new_version), issue_status=None
        )

    def retire(self, principal: Principal, plan_id: str) -> PlanSummary:
        """Soft delete (废止): facts and passages go, the plan and its history stay. Retiring a
        retired plan (废止 clicked twice) changes nothing."""
        plan = self.writable_plan(principal, plan_id)
        if plan.get("status") != RETIRED:
            self._retire_facts(plan, status=RETIRED)
        return summary(self.plan(principal, plan_id))

    def restore(self, principal: Principal, plan_id: str) -> PlanSummary:
        """Undo a 废止: the plan is 未启用 again, its versions kept; a version is then enabled or
        published as usual (nothing is projected here, so no old facts come back unasked)."""
        plan = self.writable_plan(principal, plan_id)
        if plan.get("status") != RETIRED:
            raise ConflictError(
                f"预案状态为“{plan.get('status')}”，只有已废止的预案可以恢复", code="plan_not_retired"
            )
        self._retire_facts(plan, status="未启用")
        return summary(self.plan(principal, plan_id))

    def _project(
        self, plan: dict[str, Any], v: dict[str, Any], *, issue_status: str | None
    ) -> ProjectionReport:
        document = EmergencyPlan.model_validate_json(v["document"])
        state = json.loads(v["review"] or "{}")
        now = self.clock()
        town, enterprise_id = v.get("town"), v.get("enterprise_id")
        ctx = ProjectionContext(
            plan_id=plan["id"],
            version_id=v["id"],
            fact_set=f"F{now}-{uuid.uuid4().hex[:6]}",
            issuing_unit=document.issuing_unit or plan.get("issuing_unit", ""),
            town=town,
            enterprise_id=enterprise_id,
        )
        facts = map_plan(document, state, ctx)
        candidates = self.repo.link_candidates(
            holder_names(facts), department_probe_names(facts), resource_names_by_label(facts)
        )
        links = resolve_links(facts, candidates, ctx)
        try:  # the enabled version is compared and set in the store: see _enable_conflict
            self.repo.project(
                plan_id=plan["id"],
                expected_version_id=plan.get("enabled_version_id"),
                expected_status=plan.get("status"),
                version_id=v["id"],
                issue_status=issue_status,
                fact_set=ctx.fact_set,
                facts=facts,
                links=links,
                applies_towns=applies_towns(document, state, town, self.repo.town_names()),
                applies_enterprise=enterprise_id,
                hazard_sources=self.repo.hazard_sources_of(enterprise_id),
                plan_props={
                    "status": "已启用",
                    "enabled_version_id": v["id"],
                    "enabled_version_no": v["version_no"],
                    "town": town,
                    "enterprise_id": enterprise_id,
                    "accident_category": v.get("accident_category"),
                    "scope_excludes": handed_types(document, state),
                    "updated_at": now,
                },
            )
        except UniqueConflictError as exc:
            raise self._enable_conflict(plan) from exc
        except ConflictError as exc:
            raise self._state_conflict(plan, exc) from exc
        # The index follows the committed graph; a failure here leaves the facts and is reported.
        chunks = self.knowledge.replace(plan, v, document)
        return ProjectionReport(
            plan_id=plan["id"],
            version_id=v["id"],
            facts=facts.counts(),
            linked=links.counts(),
            unmatched=links.unmatched,
            chunks_indexed=chunks,
        )

    def _state_conflict(self, plan: dict[str, Any], exc: ConflictError) -> ConflictError:
        """The plan's status changed between this request's check and its write (the projection's
        compare-and-set refused): say what it is now; another enabled version is named as such."""
        if exc.code != "plan_state_changed":
            return exc
        now = self.repo.get_plan(plan["id"], None) or plan
        if now.get("enabled_version_id") not in (None, plan.get("enabled_version_id")):
            return self._enable_conflict(plan)
        return ConflictError(
            f"预案“{plan.get('title')}”的状态刚刚已被他人改为“{now.get('status')}”，本次操作未生效，请刷新后再试",
            code="plan_state_changed",
            details={"plan_id": plan["id"], "status": now.get("status")},
        )

    def _retire_facts(self, plan: dict[str, Any], *, status: str) -> ProjectionReport:
        try:
            self._write_status(plan, status)
        except ConflictError as exc:
            raise self._state_conflict(plan, exc) from exc
        self.knowledge.remove(plan)
        return ProjectionReport(plan_id=plan["id"], version_id=None, facts={}, linked={}, unmatched=[])

    def _write_status(self, plan: dict[str, Any], status: str) -> None:
        from plans.graph_mapping import Links, PlanFacts

        self.repo.project(
            plan_id=plan["id"],
            version_id=None,
            issue_status=None,
            fact_set=f"F{self.clock()}-none-{uuid.uuid4().hex[:6]}",  # unique: the status CAS relies on it
            facts=PlanFacts(),
            links=Links(),
            applies_towns=[],
            applies_enterprise=None,
            hazard_sources=[],
            expected_status=plan.get("status"),
            plan_props={
                "status": status,
                # A retired plan frees its title (plans.plan_titles); a restored one takes it back
                # only through a rename (catalogue.update_node), which is checked.
                **({"title_key": None} if status == RETIRED else {}),
                "enabled_version_id": None,
                "enabled_version_no": None,
                "updated_at": self.clock(),
            },
        )

    # ---- versions --------------------------------------------------------------------------
    def versions(self, principal: Principal, plan_id: str) -> list[VersionView]:
        self.plan(principal, plan_id)
        return [VersionView(**v) for v in self.repo.versions(plan_id)]

    def create_version(self, principal: Principal, plan_id: str, body: VersionInput) -> VersionView:
        plan = self.writable_plan(principal, plan_id)
        if body.town or body.enterprise_id:
            self.resolve_jurisdiction(principal, body.town, body.enterprise_id)
        base_id = body.copy_from or (plan.get("enabled_version_id") or self._latest_version(plan_id)["id"])
        base = self.version(plan_id, base_id)
        # Versions are told apart by number in the version list and the diff picker.
        new_id_ = self._copy_version(
            principal,
            plan,
            base,
            explicit_number(body.version_no),
            body.issue_status,
            issued_at=body.issued_at,
            town=body.town,
            enterprise_id=body.enterprise_id,
            accident_category=body.accident_category,
        )
        return VersionView(**self.version(plan_id, new_id_))

    def diff(self, principal: Principal, plan_id: str, from_id: str, to_id: str) -> list[FieldChange]:
        self.plan(principal, plan_id)
        old = json.loads(self.version(plan_id, from_id)["document"])
        new = json.loads(self.version(plan_id, to_id)["document"])
        return diff_documents(old, new)

    def facts(self, principal: Principal, plan_id: str) -> dict[str, Any]:
        self.plan(principal, plan_id)
        return self.repo.facts(plan_id)


def check_jurisdiction(scope: DataScope, town: str | None, enterprise_id: str | None) -> None:
    """Scoped principals change only plans of their own town / enterprise."""
    if scope.level is ScopeLevel.TOWN and (town != scope.town):
        raise PermissionDeniedError(f"无权管理“{town or '市级'}”的预案", code="out_of_scope")
    if scope.level is ScopeLevel.ENTERPRISE and enterprise_id != scope.enterprise_id:
        raise PermissionDeniedError("无权管理其他单位的预案", code="out_of_scope")


def summary(row: dict[str, Any]) -> PlanSummary:
    keys = PlanSummary.model_fields
    return PlanSummary(**{k: v for k, v in row.items() if k in keys})


__all__ = [
    "PlanVersionLifecycle",
    "check_jurisdiction",
    "new_id",
    "summary",
]
