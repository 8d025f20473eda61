"""Contact-table cells that pack several people or units with their numbers: a 联系人及电话 column
holding "王建（生产副总经理）138…" lines, "许斌（经理）139…；应急办公室值班电话0510-…" or "镇卫生院0510-…；
镇派出所0510-…". Each number takes the person or unit written right before it."""

from __future__ import annotations

import re

from plans.rules_contacts import contact_before

# The end of a post: 经理, 主任, 科长, 班长, 安全员, 调度 …
_POST = re.compile(r"(?:经理|总监|主任|长|员|主管|书记|总|调度|负责人|工程师)$")


def clause_contact(cell: str, start: int, previous_end: int) -> dict[str, str] | None:
    """name / role / org from the text between the previous number and this one, when that text names
    a person or a unit (a bare "手机：" or "值班：" label names neither and leaves the columns' values)."""
    clause = re.split(r"[；;，,、\n]", cell[previous_end:start])[-1].strip(" ：:　")
    if not re.search(r"[\u4e00-\u9fff]{2}", clause):
        return None
    # "王建 生产副总经理" / "生产副总经理 王建": a name of two or three characters beside a post, spaced apart
    spaced = re.fullmatch(r"([\u4e00-\u9fff]{2,3})[\s\u3000]+([\u4e00-\u9fff]{2,12})", clause)
    if spaced and _POST.search(spaced.group(2)):
        return {"name": spaced.group(1), "role": spaced.group(2)}
    spaced = re.fullmatch(r"([\u4e00-\u9fff]{2,12})[\s\u3000]+([\u4e00-\u9fff]{2,3})", clause)
    if spaced and _POST.search(spaced.group(1)) and not _POST.search(spaced.group(2)):
        return {"name": spaced.group(2), "role": spaced.group(1)}
    found = contact_before(clause)
    if not (found.get("name") or found.get("org")):
        return None
    return {k: v for k, v in found.items() if v}
