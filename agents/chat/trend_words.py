"""是不是越来越多了: a trend asked of one period, compared with the period before it (chat round 32).

"这个月报警是不是越来越多了", "镇上这个月的报警比上个月是不是越来越多了": the caller asks which way a
count went, as "比上个月多还是少" does, but the rules read only this period's list. A trend word
(越来越多/越来越少/越来越频繁, 逐渐增多) after a quantity with one period is rewritten into the
comparison ``agents.chat.versus`` answers: against the period said after 比, or else against the
calendar period before the one said (这个月 → 上个月, 本周 → 上周, 今年 → 去年, 今天 → 昨天). With
no period said there is nothing to compare (convention of chat round 31) and the text is left alone.
"""

from __future__ import annotations

import re

from agents.chat.composed_followup import PERIOD

_TREND = re.compile(
    r"(?:是不是|是否|有没有|会不会)?(?:越来越|逐渐|慢慢)(?:多|少|频繁|增多|减少)(?:了)?(?:吗|没有|没|呢)?"
)
_PREVIOUS = {
    "这个月": "上个月", "本月": "上个月", "当月": "上个月", "这周": "上周", "本周": "上周", "这礼拜": "上周",
    "这个礼拜": "上周", "今年": "去年", "本年": "去年", "本年度": "去年", "这一年": "去年", "这年": "去年",
    "今天": "昨天", "昨天": "前天",
}  # fmt: skip
# "…比上个月": the other period is said before the trend word
_THAN = re.compile(rf"(?:比|和|跟|与)(?:{PERIOD.pattern})(?:相比|比)?$")
_TAIL = re.compile(r"[，,\s呢？?。的]+$")


def as_comparison(text: str) -> str | None:
    """The 多还是少 form of a trend question, or None when no trend with a period is asked."""
    m = _TREND.search(text)
    if m is None:
        return None
    rest = _TAIL.sub("", text[: m.start()] + text[m.end() :])
    if _THAN.search(rest):
        return rest + "多还是少"
    said = PERIOD.search(rest)
    if said is None or (previous := _PREVIOUS.get(said.group(0))) is None:
        return None
    return f"{rest}和{previous}比多还是少"


__all__ = ["as_comparison"]
