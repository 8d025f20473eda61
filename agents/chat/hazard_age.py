"""超过30天还没整改: how long an open hazard has stayed open, not how many hazards there are.

"华士镇有多少家企业的隐患超过30天还没整改" was read as a bound on the number of hazards ("超过 30 条")
and the town was lost. A duration with a day/week/month unit, said with 超过/以上/拖了/已经 and followed
by 没整改/未整改, bounds each open hazard's age: found more than that long ago and still open
(``open_for_ms``; the templates compare ``found_at < now - open_for_ms``). The duration is then taken
out of the text the count-bound readers see (aggregate, coverage), so it is no threshold there.
Pure functions; no I/O.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import cn_to_int

_DAY_MS = 86_400_000
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 31}  # a month = 31 days (house rule)
_N = r"[0-9]+|[一二两三四五六七八九十]+"
# "超过30天", "拖了一个多月", "60天以上", "已经20天了", "发现后两周多": the duration, then (还/仍)没整改.
_AGE = re.compile(
    rf"(?:发现(?:后|以后|之后)?)?(?:已经|已)?(?:超过了?|超出了?|多于|拖了|拖|过了|满了?)?\s*(?:已经|已)?"
    rf"(?P<n>{_N})\s*(?:个)?\s*(?:多)?\s*(?P<unit>天|日|周|星期|礼拜|月)\s*(?:多)?\s*"
    r"(?P<up>以上|及以上|多|了)?\s*(?:了)?\s*(?:都|还|仍|仍然|依然|依旧|也)?\s*(?:没有|没|未|尚未|还未)\s*(?:有)?\s*整改"
)


def _match(text: str) -> re.Match[str] | None:
    return _AGE.search(text)  # "30天没整改" without 超过 is an age too: no count is said in days


def open_for(text: str) -> dict[str, Any]:
    """``{"open_for_ms": …, "open_only": True}`` when an age of open hazards is said, else ``{}``."""
    m = _match(text)
    if m is None:
        return {}
    n = int(m["n"]) if m["n"].isdigit() else cn_to_int(m["n"].replace("两", "二"))
    if not n:
        return {}
    return {"open_for_ms": n * _UNIT_DAYS[m["unit"]] * _DAY_MS, "open_only": True}


def without_age(text: str) -> str:
    """``text`` with the duration taken out ("超过30天还没整改" → "还没整改"), for the count-bound readers."""
    m = _match(text)
    if m is None:
        return text
    kept = re.search(r"(?:都|还|仍|仍然|依然|依旧|也)?\s*(?:没有|没|未|尚未|还未)\s*(?:有)?\s*整改$", m[0])
    return text[: m.start()] + (kept[0] if kept else "没整改") + text[m.end() :]


__all__ = ["open_for", "without_age"]
