"""The text blocks of a plan's organisation section, and the body each one sits under: what the
line-by-line post rules (dash lines, floor posts, "姓名——职务——职责" lines) all walk."""

from __future__ import annotations

from collections.abc import Iterator

from plans.draft import PlanDraft
from plans.sections import Outline
from plans.structure import Block


def org_text_blocks(draft: PlanDraft, outline: Outline) -> Iterator[Block]:
    """Paragraph blocks (no tables) classified as 组织机构及职责, in document order."""
    for block in draft.blocks:
        if outline.block_skeleton[block.paragraph] == "组织机构及职责" and block.kind != "table":
            yield block


def unit_set_up_above(set_up_at: dict[int, int], paragraph: int) -> int | None:
    """Index of the body set up last at or before ``paragraph`` (``PlanDraft.units_set_up_at``)."""
    above = [i for i, at in set_up_at.items() if at <= paragraph]
    return max(above, key=lambda i: (set_up_at[i], i)) if above else None
