"""Digital emergency plans: upload, review, publish, versions, plan system, knowledge base, stats."""

from __future__ import annotations

from typing import Annotated, Any

import pydantic
from fastapi import APIRouter, File, Form, Query, Response, UploadFile
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool

from api.deps import BlankIsNone, ContainerDep, PageNumber, PrincipalDep
from core.errors import ValidationError
from core.plan_document import LevelName, PlanType
from core.plan_keys import clean_name
from plans.models import (
    FieldChange,
    FromTemplateInput,
    ParentInput,
    PlanMetaInput,
    PlanNodeInput,
    PlanPage,
    PlanPassage,
    PlanStats,
    PlanStatus,
    PlanSummary,
    ProjectionReport,
    ReviewPatch,
    ReviewView,
    SystemGraph,
    TemplateInput,
    TemplateView,
    UploadResult,
    VersionInput,
    VersionView,
)
from plans.plan_system_links import system_graph

router = APIRouter(prefix="/api/v1", tags=["plans"])

_READ_CHUNK = 1024 * 1024


async def _read_limited(file: UploadFile, limit: int) -> bytes:
    """Read at most ``limit`` bytes: a larger upload is refused without buffering all of it."""
    parts, size = [], 0
    while chunk := await file.read(_READ_CHUNK):
        size += len(chunk)
        if size > limit:
            raise ValidationError(f"文件超过大小上限 {limit // (1024 * 1024)} MB", code="file_too_large")
        parts.append(chunk)
    return b"".join(parts)


# ---- plans ---------------------------------------------------------------------------------
@router.post("/plans", response_model=UploadResult, status_code=201)
async def upload_plan(
    c: ContainerDep,
    p: PrincipalDep,
    file: Annotated[UploadFile, File(description="DOCX / DOC / WPS / PDF")],
    plan_id: Annotated[str | None, Form(description="已有预案：上传为其新版本")] = None,
    version_no: Annotated[str | None, Form(max_length=30)] = None,
    title: Annotated[str | None, Form(max_length=200)] = None,
    plan_type: Annotated[PlanType | None, Form()] = None,
    town: Annotated[str | None, Form(max_length=50)] = None,
    enterprise_id: Annotated[str | None, Form(max_length=40)] = None,  # spaces trimmed, then 18 checked
    accident_category: Annotated[str | None, Form(max_length=50)] = None,
    allow_duplicate: Annotated[bool, Form(description="同一文件已上传过时仍然导入")] = False,
) -> UploadResult:
    svc = c.plans.service
    data = await _read_limited(file, svc.max_upload_bytes)
    try:
        meta = PlanMetaInput(
            title=title or None,
            plan_type=plan_type,
            town=town or None,
            enterprise_id=enterprise_id or None,
            accident_category=accident_category or None,
        )
    except pydantic.ValidationError as exc:  # a form field the model refuses (a code over 18 once trimmed)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None
    # The import (parsing, OCR, the LLM) takes seconds to minutes: on the event loop it held up every
    # other request of the server (a duty officer's chat waited for a plan author's scan).
    return await run_in_threadpool(
        svc.upload,
        p,
        data,
        file.filename or "plan",
        meta,
        plan_id=plan_id or None,
        version_no=clean_name(version_no or "") or None,  # zero-width and bidi marks dropped, as in titles
        allow_duplicate=allow_duplicate,
    )


@router.get("/plans", response_model=PlanPage)
def list_plans(
    c: ContainerDep,
    p: PrincipalDep,
    plan_type: Annotated[PlanType | None, Query(alias="type")] = None,
    town: Annotated[str | None, Query(max_length=50), BlankIsNone] = None,
    status: Annotated[PlanStatus | None, Query()] = None,  # an unknown one had listed nothing, silently
    q: Annotated[str | None, Query(max_length=100)] = None,
    page: PageNumber = 1,
    size: Annotated[int, Query(ge=1, le=200)] = 20,
) -> PlanPage:
    c.scopes.check_town_filter(p.scope, town)
    return c.plans.service.list_plans(
        p, plan_type=plan_type, town=town, status=status, q=q, page=page, size=size
    )


@router.get("/plans/search", response_model=list[PlanPassage])
def search_plans(
    c: ContainerDep,
    p: PrincipalDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    level: Annotated[LevelName | None, Query()] = None,
    plan_type: Annotated[PlanType | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[PlanPassage]:
    """Cited passages of enabled plans (plan, version, section, page/paragraph), in the caller's scope."""
    return c.plans.catalogue.search(p, q, level=level, plan_type=plan_type, limit=limit)


@router.get("/plans/response")
def response_guide(
    c: ContainerDep,
    p: PrincipalDep,
    level: Annotated[LevelName, Query()],
    town: Annotated[str | None, Query(max_length=50), BlankIsNone] = None,
    accident_type: Annotated[
        str | None, Query(max_length=50, description="如 危险化学品 / 泄漏"), BlankIsNone
    ] = None,
) -> list[dict[str, Any]]:
    """For dispatch: the enabled plans covering ``town`` (and city-level ones) and the accident type,
    with the level's trigger, commander, actions, command roles (linked people) and linked resources."""
    return c.plans.catalogue.response_guide(p, level=level, town=town, accident_type=accident_type)


@router.get("/plans/stats", response_model=PlanStats)
def plan_stats(c: ContainerDep, p: PrincipalDep) -> PlanStats:
    return c.plans.catalogue.stats(p)


@router.get("/plans/system", response_model=SystemGraph)
def plan_system(c: ContainerDep, p: PrincipalDep) -> SystemGraph:
    return system_graph(c.plans.catalogue, p)


@router.post("/plans/nodes", response_model=PlanSummary, status_code=201)
def create_plan_node(body: PlanNodeInput, c: ContainerDep, p: PrincipalDep) -> PlanSummary:
    return c.plans.catalogue.create_node(p, body)


@router.put("/plans/{plan_id}/node", response_model=PlanSummary)
def update_plan_node(plan_id: str, body: PlanNodeInput, c: ContainerDep, p: PrincipalDep) -> PlanSummary:
    return c.plans.catalogue.update_node(p, plan_id, body)


@router.post("/plans/from-template", status_code=201)
def plan_from_template(body: FromTemplateInput, c: ContainerDep, p: PrincipalDep) -> dict[str, str]:
    return c.plans.catalogue.plan_from_template(p, body)


@router.get("/plans/{plan_id}", response_model=PlanSummary)
def get_plan(plan_id: str, c: ContainerDep, p: PrincipalDep) -> PlanSummary:
    return c.plans.service.get(p, plan_id)


@router.delete("/plans/{plan_id}", response_model=PlanSummary)
def retire_plan(plan_id: str, c: ContainerDep, p: PrincipalDep) -> PlanSummary:
    """Soft delete: the plan becomes 已废止, its facts and passages are withdrawn, history stays."""
    return c.plans.service.retire(p, plan_id)


@router.post("/plans/{plan_id}/restore", response_model=PlanSummary)
def restore_plan(plan_id: str, c: ContainerDep, p: PrincipalDep) -> PlanSummary:
    """Undo a 废止: the plan is 未启用 again; enable or publish a version to make it live."""
    return c.plans.service.restore(p, plan_id)


@router.get("/plans/{plan_id}/facts")
def plan_facts(plan_id: str, c: ContainerDep, p: PrincipalDep) -> dict[str, Any]:
    return c.plans.service.facts(p, plan_id)


# ---- review --------------------------------------------------------------------------------
@router.get("/plans/{plan_id}/review", response_model=ReviewView)
def get_review(
    plan_id: str, c: ContainerDep, p: PrincipalDep, version_id: Annotated[str | None, Query()] = None
) -> ReviewView:
    return c.plans.service.review(p, plan_id, version_id)


@router.patch("/plans/{plan_id}/review", response_model=ReviewView)
def patch_review(
    plan_id: str,
    body: ReviewPatch,
    c: ContainerDep,
    p: PrincipalDep,
    version_id: Annotated[str | None, Query()] = None,
) -> ReviewView:
    svc = c.plans.service
    vid = version_id or svc.review(p, plan_id).version_id
    return svc.patch_review(p, plan_id, vid, body)


# ---- versions ------------------------------------------------------------------------------
@router.get("/plans/{plan_id}/versions", response_model=list[VersionView])
def list_versions(plan_id: str, c: ContainerDep, p: PrincipalDep) -> list[VersionView]:
    return c.plans.service.versions(p, plan_id)


@router.post("/plans/{plan_id}/versions", response_model=VersionView, status_code=201)
def create_version(plan_id: str, body: VersionInput, c: ContainerDep, p: PrincipalDep) -> VersionView:
    return c.plans.service.create_version(p, plan_id, body)


@router.post("/plans/{plan_id}/versions/{version_id}/publish", response_model=ProjectionReport)
def publish_version(plan_id: str, version_id: str, c: ContainerDep, p: PrincipalDep) -> ProjectionReport:
    """已发布 + enabled: verified fields become graph facts, passages enter the knowledge base."""
    return c.plans.service.publish(p, plan_id, version_id)


@router.post("/plans/{plan_id}/versions/{version_id}/enable", response_model=ProjectionReport)
def enable_version(plan_id: str, version_id: str, c: ContainerDep, p: PrincipalDep) -> ProjectionReport:
    return c.plans.service.enable(p, plan_id, version_id)


@router.post("/plans/{plan_id}/versions/{version_id}/disable", response_model=ProjectionReport)
def disable_version(plan_id: str, version_id: str, c: ContainerDep, p: PrincipalDep) -> ProjectionReport:
    return c.plans.service.disable(p, plan_id, version_id)


@router.post("/plans/{plan_id}/versions/{version_id}/rollback", response_model=ProjectionReport)
def rollback_version(plan_id: str, version_id: str, c: ContainerDep, p: PrincipalDep) -> ProjectionReport:
    """A new version copied from ``version_id`` becomes the enabled one; history is kept."""
    return c.plans.service.rollback(p, plan_id, version_id)


@router.get("/plans/{plan_id}/diff", response_model=list[FieldChange])
def diff_versions(
    plan_id: str,
    c: ContainerDep,
    p: PrincipalDep,
    from_version: Annotated[str, Query(alias="from")],
    to_version: Annotated[str, Query(alias="to")],
) -> list[FieldChange]:
    return c.plans.service.diff(p, plan_id, from_version, to_version)


@router.put("/plans/{plan_id}/parent", status_code=204)
def set_parent(plan_id: str, body: ParentInput, c: ContainerDep, p: PrincipalDep) -> Response:
    c.plans.catalogue.set_parent(p, plan_id, body.parent_id)
    return Response(status_code=204)


# ---- templates -----------------------------------------------------------------------------
@router.get("/plan-templates", response_model=list[TemplateView])
def list_templates(c: ContainerDep, _: PrincipalDep) -> list[TemplateView]:
    return c.plans.catalogue.templates()


@router.post("/plan-templates", response_model=TemplateView, status_code=201)
def create_template(body: TemplateInput, c: ContainerDep, p: PrincipalDep) -> TemplateView:
    return c.plans.catalogue.create_template(p, body)


@router.get("/plan-templates/{template_id}", response_model=TemplateView)
def get_template(template_id: str, c: ContainerDep, _: PrincipalDep) -> TemplateView:
    return c.plans.catalogue.template(template_id)


@router.put("/plan-templates/{template_id}", response_model=TemplateView)
def update_template(template_id: str, body: TemplateInput, c: ContainerDep, p: PrincipalDep) -> TemplateView:
    return c.plans.catalogue.update_template(p, template_id, body)


@router.delete("/plan-templates/{template_id}", status_code=204)
def delete_template(template_id: str, c: ContainerDep, p: PrincipalDep) -> Response:
    c.plans.catalogue.delete_template(p, template_id)
    return Response(status_code=204)


@router.get("/plan-templates/{template_id}/preview")
def preview_template(template_id: str, c: ContainerDep, _: PrincipalDep) -> dict[str, Any]:
    return c.plans.catalogue.preview(template_id)
