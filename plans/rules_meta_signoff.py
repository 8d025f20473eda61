"""Cover fields a plan writes in a sign-off table instead of on a cover (编制单位 | 发布日期 | 版本).

A 现场处置方案 printed as one or two pages often has no cover: who issued it, when, and which edition sit in a small
label | value table at its end (or its start), sometimes beside 审核 / 批准 rows. Each field the cover rules left
empty is taken from such a table wherever it stands; a cover that gave the field wins. The same labels as lines
("编制单位：…") count near the end of the document, where a sign-off block stands, and elsewhere only two or
more in a row.
"""

from __future__ import annotations

import re

from agents.llm.vocab import normalise_date
from plans.draft import PlanDraft
from plans.structure import Block, table_cell

_LABELS = (
    ("issuing_unit", re.compile(r"^(?:编制|发布|印发|制定)(?:单位|部门)$")),
    ("issued_at", re.compile(r"^(?:发布|印发|颁布)(?:日期|时间)$")),
    ("version", re.compile(r"^(?:版本号?|版次)$")),
)
_LINE = re.compile(r"^\s*([^：:\s]{2,6})\s*[：:]\s*(\S.{0,40}?)\s*$")
_TAIL_BLOCKS = 8  # a sign-off block written as lines stands among the last paragraphs


def _field(label: str) -> str | None:
    plain = re.sub(r"\s+", "", label)
    return next((key for key, pattern in _LABELS if pattern.match(plain)), None)


def _pairs(blocks: list[Block]) -> list[tuple[str, str, Block]]:
    """(field, value, block) of every sign-off label found."""
    out: list[tuple[str, str, Block]] = []
    for block in blocks:
        if block.kind == "table" and block.cells:
            rows = [(table_cell(r, 0), table_cell(r, 1)) for r in block.cells if len(r) >= 2]
            found = [
                (key, value.strip(), block)
                for label, value in rows
                if (key := _field(label)) and value.strip()
            ]
            if len(found) >= 2:  # one label alone is a form's row, not a sign-off table
                out += found
    for block in blocks[-_TAIL_BLOCKS:]:
        if (line := _line(block)) is not None:
            out.append((*line, block))
    # elsewhere, two or more such lines in a row are the same block ("版本：第2版" over "发布日期：…", as the
    # rows of a 要素 | 内容 overview read back as labelled lines); one label alone is a field of a form
    run: list[tuple[str, str, Block]] = []
    for block in blocks[:-_TAIL_BLOCKS]:
        line = _line(block)
        if line is not None:
            run.append((*line, block))
            continue
        out += run if len(run) >= 2 else []
        run = []
    return out + (run if len(run) >= 2 else [])


def _line(block: Block) -> tuple[str, str] | None:
    m = _LINE.match(block.text) if block.kind != "table" else None
    key = _field(m.group(1)) if m else None
    return (key, m.group(2)) if m and key else None


def fill_signoff_fields(draft: PlanDraft) -> None:
    for key, value, block in _pairs(draft.blocks):
        if draft.data.get(key):
            continue
        if key == "issued_at":
            iso = normalise_date(re.sub(r"\s+", "", value))
            if not iso or len(iso) != 10:
                continue
            value = iso
        draft.set(key, value, block.paragraph, confidence=0.85)
