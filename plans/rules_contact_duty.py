"""A contact written inside a duty sentence: "定山社区由网格员周立群（电话139…）负责", "气体检测由安全员顾晓峰
（电话139…）负责" — the post and the person come after 由, the place before it (when it names one)."""

from __future__ import annotations

import re

# "…由<post><name>": a post ending in a post word, then a two- or three-character name
_BY_POST_NAME = re.compile(
    r"^(.*?)由\s*([\u4e00-\u9fff]{1,8}?(?:员|长|主任|主管|经理|工|师|书记))([\u4e00-\u9fff]{2,3})$"
)
# What the part before 由 must end in to be the unit the post belongs to (a task such as 气体检测 is none)
_PLACE = re.compile(r"(?:社区|村|镇|街道|公司|厂|车间|部|科|办|站|所|中心|队|组|局)$")


def contact_in_duty(label: str) -> dict[str, str] | None:
    """name, role and org of "X由<post><name>" before a number, else None."""
    m = _BY_POST_NAME.match(label)
    if not m:
        return None
    place = m.group(1).strip()
    return {"name": m.group(3), "role": m.group(2), "org": place if _PLACE.search(place) else ""}
