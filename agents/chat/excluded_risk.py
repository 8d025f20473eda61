"""Risk levels left out: "除了低风险的还有哪些风险点" asks for the 重大, 较大 and 一般 risk points.

Risk points have four levels (重大 红, 较大 橙, 一般 黄, 低 蓝), so excluding some names the others. Read
as written, the excluded word was taken as the question's own level: "除了低风险的还有哪些风险点" listed
the 低 risk points, the very ones left out (chatfix2 left it; agents.chat.excluded_level does the same
for the two hazard levels). "除了蓝色的呢" after a risk-point list is the follow-up form.
Pure functions; no I/O.
"""

from __future__ import annotations

import re

_ORDER = ("重大", "较大", "一般", "低")
_COLOURS = {"红": "重大", "橙": "较大", "黄": "一般", "蓝": "低"}
_LEVEL = r"(?:重大|较大|一般|低|[红橙黄蓝]色?)(?:风险)?(?:级|等级)?"
# "除了低风险的", "除去红色和橙色风险点以外", "除了一般和低风险的": one or more levels after 除(了/去/开).
_EXCLUDED = re.compile(rf"除(?:了|去|开)?\s*({_LEVEL}(?:\s*(?:和|跟|与|及|、|或)\s*{_LEVEL})*)(?!危险|隐患)")
_ONE = re.compile(r"重大|较大|一般|低|[红橙黄蓝]")


def kept_risk_levels(text: str, *, follow_up: bool = False) -> list[str] | None:
    """The risk levels left when ``text`` excludes some, most severe first, or None.

    Said alone the question must be about risk (风险 in it: not "除了重大隐患"); ``follow_up`` is a turn
    after a risk-point question ("除了蓝色的呢"), where the level word alone is enough.
    """
    if not follow_up and "风险" not in text:
        return None
    m = _EXCLUDED.search(text)
    if m is None:
        return None
    excluded = {_COLOURS.get(w, w) for w in _ONE.findall(m.group(1))}
    kept = [level for level in _ORDER if level not in excluded]
    return kept if kept and len(kept) < len(_ORDER) else None


__all__ = ["kept_risk_levels"]
