"""离线超过36个小时: how long a sensor has been offline, not how many sensors there are.

"镇里离线超过36个小时的传感器有哪些" was declined as a bound on a count ("超过 36 个", the coverage
check's 数量门槛) although the officer bounds each sensor's silence (chat round 38). A duration in
hours or days said with 离线/掉线/断线/不在线/没上线 bounds each offline sensor's ``last_seen``: silent
for longer than that (``offline_for_ms``; sensors_offline compares ``last_seen < now - offline_for_ms``).
The duration is then taken out of the text the count-bound readers see, as ``hazard_age`` does for
hazards left open. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from typing import Any

from agents.llm.vocab import cn_to_int

_HOUR_MS = 3_600_000
_UNIT_HOURS = {"小时": 1, "钟头": 1, "天": 24, "日": 24}
_N = r"[0-9]+(?:\.5)?|[一二两三四五六七八九十百]+"
_OFFLINE = r"(?:离线|掉线|断线|断开|不在线|脱机|失联|没(?:有)?上线|未上线|没(?:有)?数据|没(?:有)?回传)"
_SPAN = rf"(?:超过了?|超出了?|多于|大于|已经|已|达到|满)?\s*(?P<n>{_N})\s*(?:个)?\s*(?:多)?\s*(?P<unit>小时|钟头|天|日)\s*(?:半)?(?P<up>以上|及以上|多)?"
# "离线超过36个小时", "掉线两天以上", "超过24小时没上线", "已经三天没数据".
_AGES = (
    re.compile(rf"{_OFFLINE}(?:了|的时间|时间)?\s*{_SPAN}"),
    re.compile(rf"{_SPAN}\s*(?:了|都|还|仍)?\s*{_OFFLINE}"),
)
_SPAN_RX = re.compile(_SPAN)


def _match(text: str) -> re.Match[str] | None:
    return next((m for rx in _AGES if (m := rx.search(text))), None)


def offline_for(text: str) -> dict[str, Any]:
    """``{"offline_for_ms": …}`` when a time offline is said of sensors, else ``{}``."""
    m = _match(text)
    if m is None:
        return {}
    digits = m["n"]
    value = float(digits) if digits[0].isdigit() else cn_to_int(digits.replace("两", "二"))
    if not value:
        return {}
    return {"offline_for_ms": int(float(value) * _UNIT_HOURS[m["unit"]] * _HOUR_MS)}


def without_offline_age(text: str) -> str:
    """``text`` with the time offline taken out ("离线超过36个小时的传感器" → "离线的传感器")."""
    m = _match(text)
    if m is None:
        return text
    span = _SPAN_RX.search(m[0])
    return text if span is None else text[: m.start() + span.start()] + text[m.start() + span.end() :]


__all__ = ["offline_for", "without_offline_age"]
