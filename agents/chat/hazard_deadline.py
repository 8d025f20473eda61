"""Hazards that fall due soon: "七天内到整改期限的重大隐患", "一个月内要整改完的隐患有几条".

The duration then bounds the rectification deadline from now on (deadline in [now, now + N)), not
the date the hazard was found: the time grammar reads "七天内" as the past seven days, which for
these questions is the wrong side of today, so that window is dropped. Only a duration is read; a
calendar end (月底前, 本周内) stays with the found-date reading.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import cn_to_int

_DAY_MS = 86_400_000
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 31}  # 近一个月 = 31 days (house rule)
_DUE = re.compile(
    r"([0-9]+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(天|日|周|星期|礼拜|月)\s*(?:以内|之内|内)\s*"
    r"(?:就|将|即将|要|需要?|必须)?\s*(?:到期|到整改期限|整改到期|整改期限到|截止|整改完|完成整改)"
    r"|整改期限\s*(?:在|还剩|只剩)?\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个)?\s*(天|日|周|星期|礼拜|月)\s*(?:以内|之内|内)"
)  # fmt: skip


def due_within(text: str) -> dict[str, Any]:
    """``{"due_within_ms": …}`` and the found-date window cleared, when a due-soon duration is said."""
    m = _DUE.search(text)
    if m is None:
        return {}
    number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    n = int(number) if number.isdigit() else cn_to_int(number.replace("两", "二"))
    if not n:
        return {}
    return {
        "due_within_ms": n * _UNIT_DAYS[unit] * _DAY_MS,
        "from_ms": None,
        "to_ms": None,
        "window_label": None,
    }
