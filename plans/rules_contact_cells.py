"""Contact-table cells that pack several people or units with their numbers: a 联系人及电话 column
holding "王建（生产副总经理）138…" lines, "许斌（经理）139…；应急办公室值班电话0510-…" or "镇卫生院0510-…；
镇派出所0510-…". Each number takes the person or unit written right before it."""

from __future__ import annotations

import re

from plans.rules_contacts import contact_before


def clause_contact(cell: str, start: int, previous_end: int) -> dict[str, str] | None:
    """name / role / org from the text between the previous number and this one, when that text names
    a person or a unit (a bare "手机：" or "值班：" label names neither and leaves the columns' values)."""
    clause = re.split(r"[；;，,、\n]", cell[previous_end:start])[-1].strip(" ：:　")
    if not re.search(r"[\u4e00-\u9fff]{2}", clause):
        return None
    found = contact_before(clause)
    if not (found.get("name") or found.get("org")):
        return None
    return {k: v for k, v in found.items() if v}
