"""Contact lines led by a place: "石庄片区：网格长 王建军 139…；网格员 陈静 138…", "东盛社区：书记 杨建平 139…".

The label before the colon is where the people listed on that line serve, so every number on the line
reaches the place as its org; the post and person after it stay role and name. Read after the other
contact rules, which see only the few words just before a number and so either miss the label (the
second person on the line) or glue it to the post ("东盛社区：书记").
"""

from __future__ import annotations

import re

from plans.draft import PlanDraft

# A residential or grid place, not a body: bodies ("抢险组：组长 …") are read by the post rules
_PLACE_LABEL = re.compile(
    r"^\s*(?:[（(]?\d{1,2}[)）.、．]\s*)?"
    r"([\u4e00-\u9fff\d]{1,12}?(?:社区|村|片区|网格|小区|自然村|居委会|村委会|居民区|村民小组))\s*[:：]"
)


def line_place(line: str) -> str | None:
    """The place that leads a contact line ("沿江片区：…" → 沿江片区), or None."""
    m = _PLACE_LABEL.match(line)
    return m.group(1) if m else None


def fill_place_labels(draft: PlanDraft) -> None:
    """Give the contacts of a place-led line that place as org and strip it from a glued role."""
    cited = {ref.field: ref for ref in draft.sources}
    for index, contact in enumerate(draft.data["contacts"]):
        ref = cited.get(f"/contacts/{index}")
        if contact.get("org") or ref is None or ref.paragraph is None:
            continue
        text = draft.blocks[ref.paragraph].text
        if draft.blocks[ref.paragraph].kind == "table":
            continue
        line_start = text.rfind("\n", 0, ref.start) + 1
        place = line_place(text[line_start : ref.start])
        if place is None:
            continue
        contact["org"] = place
        role = contact.get("role") or ""
        contact["role"] = re.sub(rf"^{re.escape(place)}\s*[:：]\s*", "", role)
