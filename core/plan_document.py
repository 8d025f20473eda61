"""The canonical structured emergency plan (数字化预案), shaped after GB/T 29639-2020.

``EmergencyPlan`` is the contract between the import pipeline (``plans/``), the review workflow,
the graph writer and other subsystems: ``plans/schema/emergency-plan.schema.json`` is generated
from it. Values are kept clean (closed vocabularies normalised, numbers as numbers); *where* each
value came from lives in ``sources`` as one ``SourceRef`` per field path, so the review page can
show the source text next to the field and the graph only receives verified fields.

Field paths are JSON pointers into the plan (``/response_levels/0/trigger``,
``/contacts/3/phone``), the same pointers the review API accepts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.plan_keys import clean_name

# 总体 (government overall plan; an enterprise's 综合应急预案 maps here), 专项, 部门, 现场处置方案.
PlanType = Literal["总体", "专项", "部门", "现场处置方案"]
# Response and warning levels are normalised to Chinese ordinals: Ⅰ级 / I级 / 1级 → 一级.
LevelName = Literal["一级", "二级", "三级", "四级"]
WarningColor = Literal["红色", "橙色", "黄色", "蓝色"]
ExtractionMethod = Literal["structure", "rule", "llm", "manual"]
ResourceType = Literal["救援队伍", "装备", "物资", "专家", "医疗机构", "避难场所", "通信", "资金", "其他"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class WarningLevel(_Part):
    level: LevelName
    color: WarningColor | None = None
    criteria: str = ""


class ResponseLevel(_Part):
    level: LevelName
    name: str = Field("", description="as written, e.g. Ⅱ级响应")
    trigger: str = ""
    commander: str | None = None
    actions: list[str] = Field(default_factory=list)


class Role(_Part):
    title: str = Field(min_length=1, description="总指挥 / 副总指挥 / 组长 / 成员 …")
    holder: str | None = Field(None, description="person or post holding the role, as written")
    duties: list[str] = Field(default_factory=list)


class OrgUnit(_Part):
    name: str = Field(min_length=1, description="应急指挥部 / 指挥部办公室 / 抢险救援组 …")
    parent: str | None = None
    duties: list[str] = Field(default_factory=list, description="duties of the unit as a whole")
    roles: list[Role] = Field(default_factory=list)


class ReportingRule(_Part):
    time_limit_minutes: int | None = Field(None, ge=0)
    to: str = ""
    channel: str | None = None


class PlanResource(_Part):
    type: ResourceType
    name: str = Field(min_length=1)
    quantity: float | None = Field(None, ge=0)
    unit: str | None = None
    holder: str | None = None


class Contact(_Part):
    name: str = ""
    role: str = ""
    org: str = ""
    phone: str = ""


class SourceRef(_Part):
    """Provenance of one extracted field."""

    field: str = Field(description="JSON pointer of the field, e.g. /response_levels/0/trigger")
    page: int | None = Field(None, ge=1, description="1-based page (PDF); None for DOCX")
    paragraph: int = Field(ge=0, description="index of the block in document order")
    start: int = Field(0, ge=0, description="character span inside the block")
    end: int = Field(0, ge=0)
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    method: ExtractionMethod = "rule"


class PlanSection(_Part):
    """A section of the source document and the GB/T 29639 skeleton part it was mapped to."""

    number: str = ""
    heading: str
    skeleton: str | None = Field(None, description="总则 / 组织机构及职责 / … ; None = unmapped")
    text: str = ""
    paragraph: int = Field(0, ge=0)
    page: int | None = None


class EmergencyPlan(_Part):
    title: str = Field(min_length=1)
    plan_type: PlanType
    issuing_unit: str = ""
    version: str = ""
    issued_at: str | None = Field(None, description="ISO date YYYY-MM-DD")
    scope: str = ""
    purpose: str = ""
    basis: list[str] = Field(default_factory=list, description="编制依据: laws and standards")
    accident_types: list[str] = Field(default_factory=list)
    warning_levels: list[WarningLevel] = Field(default_factory=list)
    response_levels: list[ResponseLevel] = Field(default_factory=list)
    org_units: list[OrgUnit] = Field(default_factory=list)
    reporting: list[ReportingRule] = Field(default_factory=list)
    resources: list[PlanResource] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    sections: list[PlanSection] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)

    # One-line names as uploads store them (``clean_name``): an extracted or review-edited title
    # with a zero-width space or a bidi mark looked like, but was not, the title shown.
    _clean_names = field_validator("title", "issuing_unit", "version", mode="before")(
        lambda v: clean_name(v) if isinstance(v, str) else v
    )


# GB/T 29639-2020 skeleton: top-level parts and the sub-parts the import pipeline tells apart.
# ``PlanSection.skeleton`` holds a part ("预警") or "part/sub-part" ("应急响应/信息报告").
SKELETON: dict[str, tuple[str, ...]] = {
    "总则": ("目的", "编制依据", "适用范围", "响应分级"),
    "组织机构及职责": (),
    "预警": (),
    "应急响应": ("信息报告", "分级响应", "应急支援", "响应终止"),
    "后期处置": (),
    "应急保障": (),
    "附件": (),
}
SKELETON_PATHS: tuple[str, ...] = tuple(
    path for part, subs in SKELETON.items() for path in (part, *(f"{part}/{s}" for s in subs))
)
