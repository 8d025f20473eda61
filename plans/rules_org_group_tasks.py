"""Whose a bare "任务：a；b" / "工作任务：a；b" paragraph is: the unit its label names, else the group whose
"■ X组　组长：A　成员：B" (or "● X组：组长 A，组员 B") line stands just above it (the group's own duties, not those of the body the section
is about)."""

from __future__ import annotations

import re

from plans.rules_meta import strip_number
from plans.rules_org_names import ROLE_HOLDER, canonical
from plans.rules_org_patterns import DUTY_LABEL, UNIT_LEAD
from plans.structure import Block

# A label that names no unit: "任务：", "工作任务：", "主要任务：" (the 主要 is outside the captured label)
_BARE_LABEL = re.compile(r"^(?:工作|具体|本组|该组)?$")
# The group line names its posts after the group: "■ X组　组长：A（post）　成员：B"
# or after a space ("● X组：组长 A（post），组员 B")
_POST_LABEL = re.compile(r"(?:组长|队长|负责人|成员|组员)(?:\s*[:：]|[ \u3000]+[^\s，,。；;：:])")


def task_owner(
    label: str, blocks: list[Block], at: int, units: dict[str, int], aliases: dict[str, str]
) -> str | None:
    """The unit a duty label at ``blocks[at]`` belongs to, or None for the section's current unit."""
    label = label.strip()
    if len(label) >= 2 and not _BARE_LABEL.match(label):
        return canonical(label, units, aliases)
    if not _BARE_LABEL.match(label) or at == 0:
        return None
    above = blocks[at - 1]
    text = strip_number(above.text.strip())
    if above.kind not in ("paragraph", "list_item") or DUTY_LABEL.match(text) or ROLE_HOLDER.match(text):
        return None
    lead = UNIT_LEAD.match(text)
    if not lead or not _POST_LABEL.search(text[lead.end(1) :]):
        return None
    return canonical(lead.group(1).strip(), units, aliases)
