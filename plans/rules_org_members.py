"""Member units of a department plan (成员单位职责): under a "成员单位职责" heading or intro line, each
"单位：负责a；b" paragraph is a body of the plan's organisation — a 科 of the bureau, another bureau, a
hospital, a 管理处 — sitting under the command body (领导小组 / 工作专班 / 指挥部), its clauses its duties.

Other sections name the same kind of unit before a colon ("安全科：0510-…" in a contact list), so the
rule only reads paragraphs below such a heading or line.
"""

from __future__ import annotations

import re
from typing import Any

from plans.draft import PlanDraft
from plans.rules_meta import strip_number
from plans.rules_org_cells import cell_items
from plans.rules_org_duties import add_duties
from plans.rules_org_names import ROLE_TITLES, canonical, headquarters
from plans.structure import Block

# "成员单位职责" / "各成员单位职责如下：" / "各科室主要职责" / "成员单位及其职责"
_MEMBER_INTRO = re.compile(
    r"(?:成员单位|各成员|各科室|各部门|各单位|相关单位)(?:及其?|的)?(?:主要)?(?:工作)?职责"
)
# A unit's name before the colon: a 科 / 局 / 处 / 室 / 院 / 所 / 站 / 中心 / 队 / 委 / 办 / 公司
_MEMBER_LEAD = re.compile(
    r"^([^，。：:；;、\s（(]{2,20}?(?:科|局|处|室|院|所|站|中心|大队|支队|队|委|办|公司))\s*[：:]\s*(.+)$",
    re.S,
)


def member_intro(text: str) -> bool:
    """A heading or short line that opens the member units' duties."""
    return len(text.strip()) <= 30 and bool(_MEMBER_INTRO.search(text))


def member_unit(
    draft: PlanDraft, block: Block, units: dict[str, int], aliases: dict[str, str], make: Any
) -> bool:
    """ "市应急管理局：负责a；b" below a member-duties intro: the unit under the command body, with its
    duties; False (nothing added) for any other paragraph."""
    if block.kind not in ("paragraph", "list_item"):
        return False
    lead = _MEMBER_LEAD.match(strip_number(block.text.strip()))
    if (
        lead is None
        or lead.group(1) in ROLE_TITLES
        or re.search(r"(?:科长|局长|处长|主任|所长|站长)$", lead.group(1))
    ):
        return False
    name = canonical(lead.group(1), units, aliases) or lead.group(1)
    if name not in units:
        make(name, block, headquarters(units, name))
    add_duties(draft, units[name], block, re.split(r"[；;]", lead.group(2)))
    return True


# A member-units table: 成员单位 | 职责 (a 序号 column or not), no post columns
_MEMBER_COLUMN = re.compile(r"^(?:成员单位|单位|单位名称|责任单位|部门)$")
_DUTY_COLUMN = re.compile(r"职责|任务")


def member_table(
    draft: PlanDraft, block: Block, units: dict[str, int], aliases: dict[str, str], make: Any
) -> bool:
    """A 成员单位 | 主要职责 table: one unit per row under the command body, the "；" clauses of its
    duty cell its duties; False (nothing added) for any other table."""
    if block.kind != "table" or not block.cells or len(block.cells) < 2:
        return False
    header = [re.sub(r"\s+", "", h) for h in block.cells[0]]
    name_col = next((i for i, h in enumerate(header) if _MEMBER_COLUMN.match(h)), None)
    duty_col = next((i for i, h in enumerate(header) if _DUTY_COLUMN.search(h)), None)
    others = [h for i, h in enumerate(header) if i not in (name_col, duty_col) and h not in ("序号", "")]
    if name_col is None or duty_col is None or others:
        return False
    for row in block.cells[1:]:
        lead = row[name_col].strip() if name_col < len(row) else ""
        duties = row[duty_col].strip() if duty_col < len(row) else ""
        if not lead or not duties:
            continue
        name = canonical(lead, units, aliases) or lead
        if name not in units:
            make(name, block, headquarters(units, name))
        add_duties(draft, units[name], block, cell_items(duties))
    return True
