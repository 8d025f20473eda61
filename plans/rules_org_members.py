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
