"""The plan workflow: upload → review, on top of the version lifecycle in ``plans.service_versions``
(publish → graph facts + knowledge base, enable, disable, roll back, retire, versions).

Rules kept here, not in routes:
* an upload's jurisdiction (``check_jurisdiction``, in ``plans.service_versions``) is checked
  before the (slow) import, so a refusal costs nothing;
* the import pipeline is injected (``PlanImporter``): nothing is written unless it returns a plan;
* the same file twice in one jurisdiction, or a second live plan of one title there, is refused by
  the graph (unique ``source_key`` / ``title_key``, core.plan_keys, ADR 0015), so two API workers
  uploading at once cannot both win; the loser gets the 409 a later upload would get.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from core.errors import ConflictError, UniqueConflictError, ValidationError
from core.plan_document import EmergencyPlan
from core.plan_keys import source_key, title_key
from core.scope import Principal
from core.text_input import safe_filename
from graph.plan_repository import PlanGraphRepository
from plans import review as rv
from plans.knowledge import PlanKnowledgeBase
from plans.models import (
    Decision,
    PlanMetaInput,
    PlanPage,
    PlanSummary,
    ReviewPatch,
    ReviewView,
    SourceBlock,
    UploadResult,
)
from plans.service_versions import PlanVersionLifecycle, check_jurisdiction, new_id, summary
from plans.upload_claims import OriginalStore, UploadClaims
from plans.version_rules import refuse_taken_number, reupload_number
from plans.version_writes import NumberRule, explicit_number

log = logging.getLogger(__name__)
REVIEW_SAVE_TRIES = 5  # saves of one version rarely collide; five losses in a row is a busy version


class ImportedPlan(Protocol):
    """What ``plans.pipeline.import_plan`` returns (only the parts used here; read-only, as the
    pipeline's ``ImportResult`` is a frozen dataclass)."""

    @property
    def plan(self) -> EmergencyPlan: ...
    @property
    def report(self) -> Any: ...  # pydantic ExtractionReport
    @property
    def sha256(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def blocks(self) -> list[Any]: ...


PlanImporter = Callable[[bytes, str], ImportedPlan]


def _block(b: Any) -> dict[str, Any]:
    """A parsed block (plans.structure.Block) as the review page shows it; tables as rows of cells."""
    get = b.get if isinstance(b, dict) else lambda k, d=None: getattr(b, k, d)
    kind = get("kind", "paragraph")
    text = get("text", "") or ""
    cells = get("cells")
    if cells and not text.strip():
        text = "\n".join(" | ".join(row) for row in cells)
    return {
        "paragraph": get("paragraph", 0),
        "page": get("page"),
        "kind": str(getattr(kind, "value", kind)),
        "text": text,
        "heading_level": get("heading_level"),
        "number": get("number"),
        "origin_paragraph": get("origin_paragraph"),
        "origin_text": get("origin_text"),
    }


def _report(report: Any) -> dict[str, Any]:
    if hasattr(report, "model_dump"):
        return report.model_dump(mode="json")  # type: ignore[no-any-return]
    return dict(report or {})


class PlanService(UploadClaims, PlanVersionLifecycle):
    def __init__(
        self,
        repo: PlanGraphRepository,
        *,
        importer: PlanImporter | None,
        knowledge: PlanKnowledgeBase,
        clock: Callable[[], int],
        max_upload_bytes: int = 50 * 1024 * 1024,
        originals: OriginalStore | None = None,
    ) -> None:
        super().__init__(repo, knowledge=knowledge, clock=clock)
        self.importer = importer
        self.max_upload_bytes = max_upload_bytes
        self.originals = originals
        # Storing an original, writing its plan and taking the original back when the write is refused
        # happen under one lock: another upload of the same bytes in this process must not see (and
        # rely on) a file that is about to be discarded. Duplicates themselves are the graph's to refuse.
        self._originals_lock = threading.Lock()

    # ---- create ----------------------------------------------------------------------------
    def upload(
        self,
        principal: Principal,
        data: bytes,
        filename: str,
        meta: PlanMetaInput,
        *,
        plan_id: str | None = None,
        version_no: str | None = None,
        allow_duplicate: bool = False,
    ) -> UploadResult:
        if self.importer is None:
            raise ValidationError("未配置预案导入流水线", code="importer_unavailable")
        if not data:
            raise ValidationError("上传的文件为空", code="empty_file")
        if len(data) > self.max_upload_bytes:
            raise ValidationError(
                f"文件超过大小上限 {self.max_upload_bytes // (1024 * 1024)} MB", code="file_too_large"
            )
        existing = self.writable_plan(principal, plan_id) if plan_id else None
        town_ids: tuple[str | None, str | None] = (None, None)
        if existing is None:  # checked before the (slow) import: a refusal costs nothing
            town_ids = self.resolve_jurisdiction(principal, meta.town, meta.enterprise_id)
        elif version_no:  # a number already in use is refused before the import, too
            refuse_taken_number(version_no, self._taken_numbers(existing["id"]))
        if not allow_duplicate:
            # a title typed in is refused before the import too
            self._refuse_taken(principal, data, meta.title if existing is None else None, town_ids)
        # Browsers may send a path ("C:\\Users\\…\\预案.docx", "../x.pdf"): only the name is the user's.
        # Bidi and zero-width marks dropped as from titles: the 来源文件 column shows this name, and
        # "预案\u202excod.exe" displayed as "预案exe.docx".
        filename = safe_filename(filename)  # bare (splits at / and \\), no control characters, bounded
        result = self.importer(data, filename)  # typed DocumentError etc. propagate: nothing written yet
        plan = result.plan
        title = meta.title or plan.title  # the new plan's title, as _write_upload files it
        if not allow_duplicate:  # another upload may have landed during the (slow) import
            self._refuse_taken(principal, data, title if existing is None else None, town_ids)
        version = {
            "document": plan,
            "review": rv.initial_state(plan),
            "version_no": (version_no or plan.version or "1.0").strip(),
            "issue_status": "待审核",
            "issued_at": plan.issued_at,
            "extra": {
                "source_sha256": result.sha256,
                "source_filename": result.filename or filename,
                "blocks": json.dumps([_block(b) for b in result.blocks], ensure_ascii=False),
                "report": json.dumps(_report(result.report), ensure_ascii=False),
            },
        }
        with self._originals_lock:
            stored = self._store_original(data, result.sha256)
            try:
                plan_id, version_id = self._write_upload(
                    principal,
                    existing,
                    plan_id,
                    meta,
                    plan,
                    version,
                    town_ids,
                    explicit_no=bool(version_no),
                    unique_source=not allow_duplicate,
                )
            except BaseException as exc:  # a refused write keeps no original: nothing half-written
                self._take_back_original(stored, result.sha256)
                if isinstance(exc, UniqueConflictError) and not allow_duplicate:
                    # The same file (a double click) or the same title (two colleagues filing one
                    # plan) sent at once by two workers: the graph kept the first; the loser is told
                    # which plan holds it, as a later upload would be.
                    self._refuse_taken(principal, data, title if existing is None else None, town_ids)
                raise
        return UploadResult(
            plan_id=plan_id, version_id=version_id, sha256=result.sha256, report=_report(result.report)
        )

    def _write_upload(
        self,
        principal: Principal,
        existing: Any,
        plan_id: str | None,
        meta: PlanMetaInput,
        plan: EmergencyPlan,
        version: dict[str, Any],
        town_ids: tuple[str | None, str | None],
        *,
        explicit_no: bool = False,
        unique_source: bool = True,
    ) -> tuple[str, str]:
        town, enterprise_id = town_ids
        if unique_source:  # 允许重复 uploads stay outside the one-upload-per-jurisdiction rule
            place = (
                (town, enterprise_id)
                if existing is None
                else (existing.get("town"), existing.get("enterprise_id"))
            )
            version["extra"]["source_key"] = source_key(version["extra"]["source_sha256"], *place)
        if existing is None:
            title = meta.title or plan.title
            plan_id, version_id = self.create_plan_with_version(
                principal,
                {
                    "title": title,
                    # One live plan per title and jurisdiction (ADR 0015); 允许重复 files a second
                    # plan of the same document on purpose, so it claims neither file nor title.
                    "title_key": title_key(title, town, enterprise_id) if unique_source else None,
                    "plan_type": meta.plan_type or plan.plan_type,
                    "issuing_unit": meta.issuing_unit or plan.issuing_unit,
                    "town": town,
                    "enterprise_id": enterprise_id,
                    "accident_category": meta.accident_category
                    or (plan.accident_types[0] if plan.accident_types else None),
                },
                upload=unique_source,
                **version,
            )
        else:
            assert plan_id is not None
            number = version.pop("version_no")
            # An explicit number taken while this file imported is refused; a document's own number
            # moves on to “（第2次上传）”…
            rule: NumberRule = explicit_number(number) if explicit_no else _reupload(number)
            version_id = self._create_version(principal, existing, rule, upload=unique_source, **version)
        return plan_id, version_id

    def _plan_props(self, principal: Principal, props: dict[str, Any]) -> dict[str, Any]:
        now = self.clock()
        return {
            "id": new_id("PLN"),
            **{k: v for k, v in props.items() if v is not None},
            "status": "未启用",
            "created_at": now,
            "updated_at": now,
            "created_by": principal.user_id,
            "chunk_count": 0,
        }

    def create_plan_node(self, principal: Principal, **props: Any) -> str:
        """A plan without versions (a node of the plan system)."""
        return self.repo.create_plan(self._plan_props(principal, props))

    def create_plan_with_version(
        self, principal: Principal, plan_fields: dict[str, Any], *, upload: bool = False, **version: Any
    ) -> tuple[str, str]:
        """Plan and first version in one write: a failure leaves neither. ``upload``: refused in the
        write when a plan the principal sees holds the file (``UniqueConflictError``)."""
        plan = self._plan_props(principal, plan_fields)
        props = self._version_props(principal, plan, seq=1, **version)
        self.repo.create_plan(plan, version=props, unseen_by=principal.scope if upload else None)
        return plan["id"], props["id"]

    # ---- read ------------------------------------------------------------------------------
    def list_plans(
        self,
        principal: Principal,
        *,
        plan_type: str | None,
        town: str | None,
        status: str | None,
        q: str | None,
        page: int,
        size: int,
    ) -> PlanPage:
        total, rows = self.repo.list_plans(
            principal.scope,
            plan_type=plan_type or None,
            town=town or None,
            status=status or None,
            q_text=(q or "").strip() or None,
            skip=(page - 1) * size,
            limit=size,
        )
        return PlanPage(total=total, page=page, size=size, items=[summary(r) for r in rows])

    def get(self, principal: Principal, plan_id: str) -> PlanSummary:
        return summary(self.plan(principal, plan_id))

    # ---- review ----------------------------------------------------------------------------
    def review(self, principal: Principal, plan_id: str, version_id: str | None = None) -> ReviewView:
        self.plan(principal, plan_id)
        v = self.version(plan_id, version_id) if version_id else self._latest_version(plan_id)
        document = EmergencyPlan.model_validate_json(v["document"])
        fields = rv.review_fields(document, json.loads(v["review"] or "{}"))
        blocks = [SourceBlock(**b) for b in json.loads(v.get("blocks") or "[]")]
        if not blocks:  # plans from templates: their sections are the source
            blocks = [
                SourceBlock(
                    paragraph=s.paragraph, page=s.page, kind="section", text=f"{s.heading}\n{s.text}".strip()
                )
                for s in document.sections
            ]
        fields = rv.with_origins(fields, blocks)
        return ReviewView(
            plan_id=plan_id,
            version_id=v["id"],
            version_no=v["version_no"],
            issue_status=v["issue_status"],
            blocks=blocks,
            fields=fields,
            counts=rv.counts(fields),
        )

    def patch_review(
        self, principal: Principal, plan_id: str, version_id: str, patch: ReviewPatch
    ) -> ReviewView:
        self.writable_plan(principal, plan_id)
        for _ in range(REVIEW_SAVE_TRIES):  # another reviewer saved in between: apply ours to theirs
            if self._save_decisions(plan_id, version_id, patch):
                return self.review(principal, plan_id, version_id)
        raise ConflictError("该版本正被其他人同时审核，请刷新后重试", code="review_conflict")

    def _save_decisions(self, plan_id: str, version_id: str, patch: ReviewPatch) -> bool:
        v = self.version(plan_id, version_id)
        if v["enabled"]:
            raise ValidationError("已启用的版本不能再修改，请创建新版本后审核", code="version_locked")
        # A published version is history once it is disabled or rolled past: editing it would change
        # what was published, and enabling it again would make unpublished edits live.
        if v["issue_status"] in ("已发布", "已废止"):
            raise ValidationError(
                f"{v['issue_status']}的版本不能再修改，请创建新版本后审核", code="version_locked"
            )
        document = EmergencyPlan.model_validate_json(v["document"])
        state: dict[str, str] = json.loads(v["review"] or "{}")
        document, state = rv.apply_decisions(document, state, patch.decisions)
        if patch.accept_above is not None:
            state, _ = rv.accept_above(document, state, patch.accept_above)
        return self.repo.save_review(
            version_id,
            document.model_dump_json(),
            json.dumps(state, ensure_ascii=False),
            self.clock(),
            expected_rev=int(v.get("review_rev") or 0),
        )


def _reupload(number: str) -> NumberRule:
    return lambda taken: reupload_number(number, taken)


__all__ = ["Decision", "PlanImporter", "PlanService", "check_jurisdiction", "new_id", "summary"]
