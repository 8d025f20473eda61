"""The plan import pipeline: bytes → intake → parser → blocks → sections → extractors → EmergencyPlan.

``import_plan`` is the one entry point (CLI, API, evals). It is pure except for writing the original
file to the content-addressed blob store (idempotent, and only after the plan validated), so a
failed import leaves nothing behind. Bad input raises a ``plans.errors`` ``DocumentError`` with a
Chinese message; a document that parses but is not recognisably a plan, or whose pages could not all
be read, comes back with ``report.partial = True`` and the reasons in ``report.warnings``.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from core.errors import DocumentError
from core.plan_document import EmergencyPlan
from core.ports import ChatModel
from plans.bilingual import drop_post_line_glosses
from plans.card_text import card_blocks
from plans.chain_posts import chain_post_blocks
from plans.docx_parser import parse_docx
from plans.draft import PlanDraft
from plans.group_sentences import group_sentence_blocks
from plans.intake import ArchiveLimits, BlobStore, intake
from plans.intro_lists import introduced_lists
from plans.llm_extract import LlmExtractor
from plans.member_bullets import member_bullet_blocks
from plans.ocr import OcrEngine, default_ocr_engine
from plans.outline_text import outline_blocks
from plans.pdf_parser import parse_pdf
from plans.qa_text import qa_blocks
from plans.rules_card_tables import extract_card_tables
from plans.rules_contact_lines import fill_number_first_lines
from plans.rules_contact_places import fill_place_labels
from plans.rules_contacts import extract_phone_contacts
from plans.rules_crew_roster import crew_duties, extract_crew_rosters, post_line_duty_runs
from plans.rules_floor_posts import extract_floor_posts
from plans.rules_level_branches import fill_branch_levels
from plans.rules_level_grade_lines import fill_grade_line_triggers
from plans.rules_level_grades import extract_grade_items
from plans.rules_levels import extract_response_levels, extract_warning_levels
from plans.rules_meta import extract_meta, find_title
from plans.rules_meta_signoff import fill_signoff_fields
from plans.rules_name_duty_lines import extract_name_duty_lines
from plans.rules_org import extract_org_units
from plans.rules_org_answers_to import desk_duties, place_answering_bodies
from plans.rules_org_kind_rows import drop_kind_units
from plans.rules_paired_levels import fill_paired_levels
from plans.rules_post_cards import extract_post_cards
from plans.rules_post_columns import extract_post_columns
from plans.rules_post_lines import extract_post_lines
from plans.rules_reporting import extract_reporting
from plans.rules_resource_subject import fill_kit_holders
from plans.rules_resources import extract_tables, extract_text_resources
from plans.rules_roster_lines import strip_holder_phones
from plans.sections import Outline, outline
from plans.stock_rows import stock_row_blocks
from plans.structure import Block, DocumentStructure, settle_origins, stamp_origins
from plans.table_text import aligned_tables, expand_key_value_tables, two_column_sheets

log = logging.getLogger(__name__)

# Lines that address a language model rather than describe a plan. They are kept in the blocks
# (the reviewer sees them) but excluded from extraction and from every LLM prompt.
_INJECTION = re.compile(
    r"(?:忽略|无视|忘记|不要理会)(?:掉)?(?:以上|上述|之前|前面|先前|所有|前述|系统)(?:的)?(?:所有|全部)?"
    r"(?:指令|指示|要求|提示|规则|设定)|你现在是|系统提示词|system prompt|"
    r"(?:ignore|disregard|forget) (?:all |any |the )?(?:previous|above|prior|earlier) (?:instructions|prompts?|rules)",
    re.IGNORECASE,
)


class ExtractionReport(BaseModel):
    pages: int
    blocks: int
    sections_mapped: int
    sections_unmapped: int
    ocr_pages: int
    llm_calls: int
    warnings: list[str]
    partial: bool
    seconds: float


@dataclass(frozen=True)
class ImportResult:
    plan: EmergencyPlan
    report: ExtractionReport
    sha256: str
    filename: str
    media_type: str
    blocks: list[Block]


def parse_document(
    data: bytes, fmt: Literal["docx", "pdf"], *, ocr: OcrEngine | None = None
) -> DocumentStructure:
    return parse_docx(data) if fmt == "docx" else parse_pdf(data, ocr=ocr)


def suspicious_blocks(blocks: list[Block]) -> set[int]:
    """Blocks that look like instructions to a model (prompt injection)."""
    return {b.paragraph for b in blocks if _INJECTION.search(b.text)}


def extract_fields(draft: PlanDraft, sections: Outline) -> None:
    """Every rule extractor, in the order they build on each other: metadata first (the plan type
    and title steer the level and org rules), tables before running-text resources and contacts
    (a table row claims its items first)."""
    extract_meta(draft, sections)
    fill_signoff_fields(draft)  # 编制单位 | 发布日期 | 版本 at the end of a plan with no cover
    extract_warning_levels(draft, sections)
    extract_response_levels(draft, sections)
    fill_paired_levels(draft)  # "…的，由X发布蓝色预警，同时启动Ⅳ级响应，由Y现场指挥。主要措施：a；b"
    fill_branch_levels(draft)  # "①情形→Ⅲ级响应（年级级）：X指挥，a，b。" lines of a flow chart
    extract_grade_items(draft, sections)  # "分两级处置：（1）一般泄漏：…" where no level is numbered
    fill_grade_line_triggers(draft, sections)  # "响应分为Ⅲ级、Ⅱ级：" then "Ⅲ级：<trigger>；" lines
    extract_org_units(draft, sections)
    drop_kind_units(draft)  # "下设年级组，…见下表": the rows are the bodies, 年级组 only their kind
    place_answering_bodies(draft)  # "调度室在指挥部领导下…": a standing body's parent
    desk_duties(draft)  # "调度中心是指挥部的日常值守机构，…，负责a": the desk's duty
    extract_post_lines(draft, sections)  # dash lines and spaced posts the sentence rules leave
    strip_holder_phones(draft)  # "总指挥：校长　陈国平（139…）": the bracket is how to reach the holder
    extract_name_duty_lines(draft, sections)  # "顾振华——总经理、组长——a；b": the post's, not the body's
    extract_floor_posts(draft, sections)  # "B1层引导员：王磊（超市店长）" under a group
    extract_post_cards(draft)  # the posts' cards need the roles the org rules found
    extract_card_tables(draft)  # so does a card table under its own heading
    extract_post_columns(draft)  # "处置步骤 | 值班长 | 内操": one column per post the unit was given
    extract_crew_rosters(draft)  # "车辆 | 驾驶员 | 押运员" with "姓名 手机" cells: one role and contact each
    crew_duties(draft)  # "驾驶员和押运员职责：" then numbered lines: those roles', not the unit's
    post_line_duty_runs(draft)  # "车队长：X，负责a；b。": b is the post's like a, not the unit's
    extract_reporting(draft, sections)
    extract_tables(draft)
    extract_text_resources(draft, sections)
    fill_kit_holders(draft)  # "园区消防站有消防员18人，配备水罐消防车2辆": the engines are the station's
    extract_phone_contacts(draft)
    fill_number_first_lines(draft)
    fill_place_labels(draft)  # "石庄片区：网格长 王建军 139…": the place is every number's org


def import_plan(
    data: bytes,
    filename: str,
    *,
    chat_model: ChatModel | None = None,
    max_bytes: int = 50 * 2**20,
    blob_dir: Path | None = None,
    media_type: str | None = None,
    ocr: OcrEngine | Literal["auto"] | None = "auto",
    archive_limits: ArchiveLimits | None = None,
) -> ImportResult:
    """Import one uploaded plan file. ``chat_model=None`` → rules only; ``ocr=None`` → no OCR."""
    started = time.perf_counter()
    checked = intake(
        data, filename, max_bytes=max_bytes, media_type=media_type, limits=archive_limits or ArchiveLimits()
    )
    engine = default_ocr_engine() if ocr == "auto" else ocr
    structure = parse_document(checked.parse_data, checked.parse_format, ocr=engine)
    # key-value tables (项目 | 内容) become the headings and paragraphs they stand for, and lines
    # padded into columns the table they stand for; bullet outlines the headings and fields they stand
    # for; question / answer pairs a heading over the answer's text; bulleted member names the
    # listing they stand for. A rewritten block keeps the author's text as its origin for the review page.
    rewritten = introduced_lists(
        group_sentence_blocks(
            chain_post_blocks(
                stock_row_blocks(
                    card_blocks(
                        member_bullet_blocks(
                            qa_blocks(
                                outline_blocks(
                                    aligned_tables(
                                        expand_key_value_tables(
                                            two_column_sheets(
                                                drop_post_line_glosses(stamp_origins(structure.blocks))
                                            )
                                        )
                                    )
                                )
                            )
                        )
                    )
                )
            )
        )
    )
    blocks = settle_origins(rewritten, structure.blocks)
    warnings = list(structure.warnings)
    partial = bool(structure.warnings)

    flagged = suspicious_blocks(blocks)
    for index in sorted(flagged):
        warnings.append(f"第 {index} 段疑似包含针对模型的指令，已作为普通文本保留，不参与抽取。")
    # Extractors see flagged blocks as empty text: same indices, nothing to extract.
    visible = [
        b.model_copy(update={"text": "", "cells": None}) if b.paragraph in flagged else b for b in blocks
    ]

    title_block = find_title(visible)
    sections = outline(visible, title_paragraph=title_block.paragraph if title_block else None)
    draft = PlanDraft(visible)
    extract_fields(draft, sections)

    llm_calls = 0
    if chat_model is not None:
        extractor = LlmExtractor(chat_model)
        extractor.enrich(draft, sections)
        llm_calls = extractor.calls
        warnings.extend(extractor.warnings)

    mapped = sum(1 for s in sections.sections if s.skeleton)
    unmapped = len(sections.sections) - mapped
    parts = {s.skeleton.split("/")[0] for s in sections.sections if s.skeleton}
    if title_block is None:
        partial = True
        warnings.append("未找到预案标题（含“预案”或“处置方案”的标题），文档可能不是应急预案。")
        draft.data["title"] = Path(filename).stem or "未命名文档"
        draft.data["plan_type"] = "总体"
        draft.cite("/title", 0, confidence=0.1, method="structure")
    if len(parts) < 2:
        partial = True
        warnings.append("文档中可对应 GB/T 29639 预案结构的章节少于两个，结果不完整，请人工核对。")
    draft.data["sections"] = sections.sections
    try:
        plan = EmergencyPlan.model_validate({**draft.data, "sources": draft.sources})
    except PydanticValidationError as exc:  # an extractor bug must surface as a typed, explainable error
        log.exception("extracted plan failed validation")
        raise DocumentError(
            "预案结构化结果未通过校验，请联系管理员。", details={"errors": str(exc)[:2000]}
        ) from exc

    sha256 = checked.sha256
    if blob_dir is not None:
        BlobStore(blob_dir).put(data)
    report = ExtractionReport(
        pages=structure.pages,
        blocks=len(blocks),
        sections_mapped=mapped,
        sections_unmapped=unmapped,
        ocr_pages=structure.ocr_pages,
        llm_calls=llm_calls,
        warnings=warnings,
        partial=partial,
        seconds=round(time.perf_counter() - started, 3),
    )
    return ImportResult(
        plan=plan,
        report=report,
        sha256=sha256,
        filename=filename,
        media_type=checked.media_type,
        blocks=blocks,
    )
