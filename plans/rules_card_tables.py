"""Duty cards written as one table for all posts (岗位 | 应急处置措施 | 报警电话 | 内部电话) under their own
heading ("应急处置卡"), away from the organisation section the organisation rules read.

The posts were set up earlier ("组长由车间主任担任，…组员为A、B、C"): each row's duty cells are the duties
of the role that post holds, a member listing splitting into one role per post as the other card rules
do. A table whose posts hold no role of the plan is left alone (it is not this plan's card).
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft
from plans.rules_org_cells import cell_items
from plans.rules_post_cards import held_role
from plans.structure import table_cell

_POST_COLUMN = re.compile(r"^(?:岗位|岗位名称|应急岗位|职务|应急职务)$")
_PERSON_COLUMN = re.compile(r"人员|姓名|担任|负责人")
_DUTY_COLUMN = re.compile(r"职责|任务|措施|处置|行动|要点")
_PHONE_COLUMN = re.compile(r"电话|手机|联系|号码")


def extract_card_tables(draft: PlanDraft) -> None:
    """Duties of each post from a multi-column card table (after the organisation rules)."""
    for block in draft.blocks:
        if block.kind != "table" or not block.cells or len(block.cells) < 3:
            continue
        header = [re.sub(r"\s+", "", h) for h in block.cells[0]]
        post_col = next((i for i, h in enumerate(header) if _POST_COLUMN.match(h)), None)
        duty_cols = [
            i for i, h in enumerate(header)
            if i != post_col and _DUTY_COLUMN.search(h) and not _PHONE_COLUMN.search(h)
        ]  # fmt: skip
        if post_col is None or not duty_cols or any(_PERSON_COLUMN.search(h) for h in header):
            continue
        posts = [re.sub(r"\s+", "", table_cell(row, post_col)) for row in block.cells[1:]]
        # only a card whose posts the organisation set up, and whose duties it has not read yet
        found = [held_role(draft, post, block.paragraph) if post else None for post in posts]
        if sum(f is not None for f in found) < 2 or any(f and f[1]["duties"] for f in found):
            continue
        for row, hit in zip(block.cells[1:], found, strict=True):
            if hit is None:
                continue
            index, role = hit
            n = draft.data["org_units"][index]["roles"].index(role)
            for duty in (d for col in duty_cols for d in cell_items(table_cell(row, col))):
                if duty not in role["duties"]:
                    role["duties"].append(duty)
                    at = f"/org_units/{index}/roles/{n}/duties/{len(role['duties']) - 1}"
                    draft.cite(at, block.paragraph, confidence=0.8)
