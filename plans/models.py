"""Shapes of the plan workflow (review, versions, templates, plan system, search, statistics).

``EmergencyPlan`` (core.plan_document) is the document; these models are what the API and the
graph store exchange around it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.plan_document import PlanType, SourceRef
from core.plan_keys import clean_name
from core.text_input import control_character_message
from plans.issue_dates import issue_date_problem

ReviewStatus = Literal["pending", "accepted", "edited", "rejected"]
VERIFIED: frozenset[str] = frozenset({"accepted", "edited"})
IssueStatus = Literal["草稿", "待审核", "已发布", "已废止"]
# Plan-level status: 未启用 (no enabled version), 已启用, 已废止 (soft-deleted).
PlanStatus = Literal["未启用", "已启用", "已废止"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ReviewField(BaseModel):
    """One extracted value shown on the review page next to its source block."""

    field: str = Field(description="JSON pointer, e.g. /response_levels/0/trigger")
    section: str = Field(description="top-level part of the plan the field belongs to")
    value: Any
    status: ReviewStatus
    confidence: float | None = None
    source: SourceRef | None = None
    # the author's text of the source block when the importer rewrote it (plans.structure.Block)
    source_origin: str | None = None


class SourceBlock(BaseModel):
    paragraph: int
    page: int | None = None
    kind: str = "paragraph"
    text: str
    heading_level: int | None = None
    number: str | None = None
    origin_paragraph: int | None = None  # the parsed block a rewrite pass made this one from
    origin_text: str | None = None  # that block's text as the author wrote it


class ReviewView(BaseModel):
    plan_id: str
    version_id: str
    version_no: str
    issue_status: str
    blocks: list[SourceBlock]
    fields: list[ReviewField]
    counts: dict[str, int]


class Decision(_Model):
    field: str = Field(min_length=1, description="JSON pointer of the field")
    action: Literal["accept", "edit", "reject"]
    value: Any = None


class ReviewPatch(_Model):
    decisions: list[Decision] = Field(default_factory=list)
    accept_above: float | None = Field(
        None, ge=0.0, le=1.0, description="accept all pending fields ≥ this confidence"
    )


def _blank_is_none(v: str | None) -> str | None:
    """A form field left blank is a field left out: stored as "", a plan's town was neither 市级
    (null, seen by every town) nor a town (seen by none of them)."""
    return v or None


def _credit_code(v: object) -> object:
    """A credit code without surrounding spaces, upper case; blank is left out, as above."""
    return (v.strip().upper() or None) if isinstance(v, str) else v


def _no_controls(v: str) -> str:
    """A typed name with ESC, BEL, a NUL… is refused, not cleaned: ``core.text_input``."""
    if (message := control_character_message(v)) is not None:
        raise ValueError(message)
    return v


def _clean_optional(v: str | None) -> str | None:
    """A one-line name with its invisible characters dropped (``core.plan_keys.clean_name``); blank
    is left out, as above."""
    return (clean_name(_no_controls(v)) or None) if v is not None else None


def _clean_required(v: str | None) -> str:
    """As ``_clean_optional`` for a name that must be given: one made only of invisible characters
    (zero-width spaces, bidi marks) is no name."""
    cleaned = clean_name(_no_controls(v or ""))  # None: a parent validator already found it blank
    if not cleaned:
        raise ValueError("不能为空（只有空白或不可见字符）")
    return cleaned


class Jurisdiction(_Model):
    town: str | None = Field(None, max_length=50, description="None = 市级")
    enterprise_id: str | None = Field(None, max_length=18)

    # Pasted from a spreadsheet or typed: "华士镇 " and " 9132…a " had been unknown; a credit code is
    # stored upper case everywhere else (users, the enterprise routes).
    _clean_town = field_validator("town")(_clean_optional)
    _enterprise_key = field_validator("enterprise_id", mode="before")(_credit_code)


class PlanMetaInput(Jurisdiction):
    title: str | None = Field(None, max_length=200)
    plan_type: PlanType | None = None
    issuing_unit: str | None = Field(None, max_length=200)
    accident_category: str | None = Field(None, max_length=50)

    _blank_meta = field_validator("title", "issuing_unit", "accident_category")(_clean_optional)


class PlanNodeInput(PlanMetaInput):
    """A plan-system node created without a document (预案体系节点)."""

    title: str = Field(min_length=1, max_length=200)
    plan_type: PlanType
    parent_id: str | None = None

    _clean_title = field_validator("title")(_clean_required)


class ParentInput(_Model):
    parent_id: str | None = Field(None, description="上级预案；null = 解除上级")


class VersionInput(_Model):
    version_no: str = Field(min_length=1, max_length=30)
    issue_status: IssueStatus = "草稿"
    issued_at: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    town: str | None = Field(None, max_length=50)
    enterprise_id: str | None = Field(None, max_length=18)
    accident_category: str | None = Field(None, max_length=50)
    copy_from: str | None = Field(None, description="version id whose document and review are copied")

    _clean_no = field_validator("version_no")(_clean_required)

    _blank = field_validator("accident_category", "copy_from")(_blank_is_none)
    _clean_town = field_validator("town")(_clean_optional)  # as Jurisdiction
    _enterprise_key = field_validator("enterprise_id", mode="before")(_credit_code)

    @field_validator("issued_at")
    @classmethod
    def _real_date(cls, v: str | None) -> str | None:
        if v is not None and (problem := issue_date_problem(v)) is not None:
            raise ValueError(problem)
        return v


class PlanSummary(BaseModel):
    id: str
    title: str
    plan_type: str
    issuing_unit: str = ""
    town: str | None = None
    enterprise_id: str | None = None
    accident_category: str | None = None
    status: str
    enabled_version_id: str | None = None
    enabled_version_no: str | None = None
    created_at: int
    parents: list[str] = Field(default_factory=list)
    children: list[str] = Field(default_factory=list)


class PlanPage(BaseModel):
    total: int
    page: int
    size: int
    items: list[PlanSummary]


class VersionView(BaseModel):
    id: str
    plan_id: str
    version_no: str
    issue_status: str
    issued_at: str | None = None
    enabled: bool
    town: str | None = None
    enterprise_id: str | None = None
    accident_category: str | None = None
    source_sha256: str | None = None
    source_filename: str | None = None
    created_at: int
    created_by: str
    copied_from: str | None = None
    seq: int


class FieldChange(BaseModel):
    field: str
    change: Literal["added", "removed", "changed"]
    old: Any = None
    new: Any = None


class UnmatchedLink(BaseModel):
    kind: Literal["person", "resource"]
    field: str
    text: str
    reason: str
    candidates: list[str] = Field(default_factory=list)


class ProjectionReport(BaseModel):
    plan_id: str
    version_id: str | None
    facts: dict[str, int]
    linked: dict[str, int]
    unmatched: list[UnmatchedLink]
    chunks_indexed: int = 0


class UploadResult(BaseModel):
    plan_id: str
    version_id: str
    sha256: str
    report: dict[str, Any]


class TemplateModule(_Model):
    skeleton: str = Field(  # bounded like a title: an unknown part is echoed in its refusal
        min_length=1,
        max_length=20,
        description="GB/T 29639 part: 总则 / 组织机构及职责 / 预警 / 应急响应 / …",
    )
    title: str = Field(min_length=1, max_length=100)
    default_text: str = Field("", max_length=20_000)  # a long text: Word's line and page breaks stay

    _typed_title = field_validator("title")(_no_controls)

    _clean_title = field_validator("title")(_clean_required)


class TemplateInput(_Model):
    name: str = Field(min_length=1, max_length=100)
    plan_type: PlanType = "专项"
    accident_category: str | None = Field(None, max_length=50)
    description: str = Field("", max_length=2_000)
    modules: list[TemplateModule] = Field(min_length=1, max_length=100)

    _clean_name = field_validator("name")(_clean_required)


class TemplateView(TemplateInput):
    id: str
    created_at: int
    updated_at: int

    # Read back from the graph: a name stored before names were cleaned is shown, not refused.
    _clean_name = field_validator("name")(lambda v: v)


class FromTemplateInput(Jurisdiction):
    template_id: str
    title: str = Field(min_length=1, max_length=200)
    issuing_unit: str = Field("", max_length=200)  # as PlanMetaInput: a unit's name, not a document
    version_no: str = Field("1.0", min_length=1, max_length=30)
    parent_id: str | None = None

    _clean_title = field_validator("title", "version_no")(_clean_required)
    _clean_unit = field_validator("issuing_unit")(clean_name)


class PlanPassage(BaseModel):
    plan_id: str
    title: str
    version_no: str
    section: str
    skeleton: str | None = None
    levels: list[str] = Field(default_factory=list)
    page: int | None = None
    paragraph: int
    text: str
    score: float


class PlanStats(BaseModel):
    by_type: dict[str, int]
    by_status: dict[str, int]
    by_level: dict[str, int]
    by_jurisdiction: dict[str, int]
    uncovered_hazard_enterprises: list[dict[str, Any]]
    missing_resources: list[dict[str, Any]]


class OrphanPlan(BaseModel):
    """A live plan without a parent for which no parent exists (the level above it is missing)."""

    id: str
    title: str
    tier: str
    reason: str  # Chinese: which plans were looked for


class SystemGraph(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, str]]
    orphans: list[OrphanPlan] = Field(default_factory=list)
