"""Plan lifecycle events on the event bus (requirements: 分析结果通过 Kafka 中间件推送, 事件订阅与推送).

``EventfulPlanService`` is the plan service that, after each lifecycle write has committed to the
graph, publishes a ``core.bus.PlanEvent`` on the plans topic (``<prefix>plans``, default
``safecloud.plans``): a plan imported (with its extraction summary), a version published, enabled,
disabled or rolled back, a plan retired or restored. The payload schema is
``plans/schema/plan_event.schema.json``.

Publishing never fails or half-undoes the write the user asked for: the composition root gives this
service the local outbox (``ingestion.bus.outbox_event_bus``), which stores the event on disk in
milliseconds whether or not Kafka is up; the relay delivers it later. Should even the outbox fail
(a full disk), the write stands and the lost event is logged as an error.

The event is built by the pure ``plan_event`` from the rows the write left behind.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Protocol

from core.bus import PlanEvent, PlanEventType
from core.scope import Principal
from plans.models import PlanMetaInput, PlanSummary, ProjectionReport, UploadResult
from plans.service import PlanService
from plans.service_versions import RETIRED

log = logging.getLogger(__name__)

# What of the import report goes into plan.imported: counts and flags, not the whole report.
_EXTRACTION_KEYS = (
    "pages",
    "blocks",
    "sections_mapped",
    "sections_unmapped",
    "ocr_pages",
    "llm_calls",
    "partial",
)
MAX_WARNINGS = 10


class Publisher(Protocol):
    """The part of ``core.ports.EventBus`` the plan service uses."""

    def publish(self, topic: str, key: str, payload: Mapping[str, Any]) -> str: ...


def extraction_summary(report: Mapping[str, Any]) -> dict[str, Any]:
    """The import report's counts, its warnings (at most ``MAX_WARNINGS``) and how many there were."""
    out: dict[str, Any] = {k: report[k] for k in _EXTRACTION_KEYS if k in report}
    warnings = [str(w) for w in report.get("warnings") or []]
    out["warning_count"] = len(warnings)
    out["warnings"] = warnings[:MAX_WARNINGS]
    return out


def plan_event(
    event_type: PlanEventType,
    plan: Mapping[str, Any],
    version: Mapping[str, Any] | None,
    *,
    actor: str,
    occurred_at: int,
    **fields: Any,
) -> PlanEvent:
    """The event for a committed change, from the plan row (and version row) as they are now."""
    return PlanEvent(
        type=event_type,
        plan_id=str(plan["id"]),
        title=plan.get("title"),
        plan_type=plan.get("plan_type"),
        town=plan.get("town"),
        status=plan.get("status"),
        version_id=version.get("id") if version else None,
        version_no=version.get("version_no") if version else None,
        actor=actor,
        occurred_at=occurred_at,
        **fields,
    )


class EventfulPlanService(PlanService):
    """``PlanService`` that publishes a ``PlanEvent`` after every lifecycle write."""

    def __init__(self, *args: Any, events: Publisher, topic: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.events = events
        self.topic = topic

    def _emit(
        self,
        principal: Principal,
        event_type: PlanEventType,
        plan_id: str,
        version_id: str | None,
        **fields: Any,
    ) -> None:
        # The write has committed: nothing from here on may fail the request (see module docstring).
        try:
            plan = self.plan(principal, plan_id)
            version = self.version(plan_id, version_id) if version_id else None
            event = plan_event(
                event_type, plan, version, actor=principal.user_id, occurred_at=self.clock(), **fields
            )
            self.events.publish(self.topic, plan_id, event.model_dump(mode="json", exclude_none=True))
        except Exception:
            log.exception("plan event %s for %s was not published", event_type, plan_id)

    def upload(
        self, principal: Principal, data: bytes, filename: str, meta: PlanMetaInput, **kwargs: Any
    ) -> UploadResult:
        result = super().upload(principal, data, filename, meta, **kwargs)
        self._emit(
            principal,
            "plan.imported",
            result.plan_id,
            result.version_id,
            extraction=extraction_summary(result.report),
        )
        return result

    def _projected(self, principal: Principal, event_type: PlanEventType, report: ProjectionReport) -> None:
        self._emit(
            principal,
            event_type,
            report.plan_id,
            report.version_id,
            facts=report.facts,
            chunks_indexed=report.chunks_indexed,
        )

    def publish(self, principal: Principal, plan_id: str, version_id: str) -> ProjectionReport:
        report = super().publish(principal, plan_id, version_id)
        self._projected(principal, "plan.version_published", report)
        return report

    def enable(self, principal: Principal, plan_id: str, version_id: str) -> ProjectionReport:
        report = super().enable(principal, plan_id, version_id)
        self._projected(principal, "plan.version_enabled", report)
        return report

    def disable(self, principal: Principal, plan_id: str, version_id: str) -> ProjectionReport:
        report = super().disable(principal, plan_id, version_id)
        self._emit(principal, "plan.version_disabled", plan_id, version_id)
        return report

    def rollback(
        self, principal: Principal, plan_id: str, version_id: str, version_no: str | None = None
    ) -> ProjectionReport:
        report = super().rollback(principal, plan_id, version_id, version_no)
        self._emit(
            principal,
            "plan.version_rolled_back",
            plan_id,
            report.version_id,
            facts=report.facts,
            chunks_indexed=report.chunks_indexed,
            copied_from=version_id,
        )
        return report

    def retire(self, principal: Principal, plan_id: str) -> PlanSummary:
        already = self.plan(principal, plan_id).get("status") == RETIRED
        result = super().retire(principal, plan_id)
        if not already:  # a second 废止 is no news for subscribers
            self._emit(principal, "plan.retired", plan_id, None)
        return result

    def restore(self, principal: Principal, plan_id: str) -> PlanSummary:
        result = super().restore(principal, plan_id)
        self._emit(principal, "plan.restored", plan_id, None)
        return result
