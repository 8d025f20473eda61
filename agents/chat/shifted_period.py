"""再往前一个月 / 再往前一周 / 再早一年: the previous turn's period, moved back, as a follow-up.

"上个月全市检查了多少次" → "再往前一个月呢" asks the same question for the month before; the time
grammar has no "previous window" to move, and 前一个 read as "the top one" sent the turn to the ranking
step, which declined it (chat round 23). The follow-up is restated with the moved period written out as
calendar words the grammar reads ("那2026年9月呢", "那2026年11月9日至2026年11月15日呢"), so every other
condition of the previous turn is kept by the ordinary follow-up merge. Only whole-day periods are
moved (calendar months, weeks, days, years: what 上个月/上周/昨天/去年 name); a rolling window such as
"近24小时" is left to the ordinary rules. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from agents.chat.models import TurnState
from agents.chat.timewords import CST

_NUM = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_SHIFT = re.compile(
    r"^(?:那|那么)?(?:再|还)?(?:往前|向前|往回|早)(?:推|倒)?(?P<n>[一两二三四五六\d])?"
    r"(?:个)?(?P<unit>月|周|星期|礼拜|天|日|年)(?:的)?(?:呢|的情况呢|的数据呢)?[?？]?$"
)


def _at(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(CST)


def _months_back(at: datetime, n: int) -> datetime:
    month = at.year * 12 + at.month - 1 - n
    return at.replace(year=month // 12, month=month % 12 + 1, day=1)


def _day(at: datetime) -> str:
    return f"{at.year}年{at.month}月{at.day}日"


def moved_back(asked: str, previous: TurnState | None) -> str:
    """The follow-up with the moved period written out; ``asked`` itself when it moves no whole-day period."""
    return _restate(asked, previous) or asked


def _restate(asked: str, previous: TurnState | None) -> str | None:
    said = _SHIFT.match(asked.strip())
    if said is None or previous is None or previous.declined:
        return None
    slots = previous.slots or {}
    if slots.get("from_ms") is None or slots.get("to_ms") is None:
        return None
    start, end = _at(int(slots["from_ms"])), _at(int(slots["to_ms"]))
    if start.time() != datetime.min.time() or end.time() != datetime.min.time():
        return None  # a rolling window ("近24小时"): no calendar period to move
    raw = said.group("n") or "一"
    n = int(raw) if raw.isdigit() else _NUM[raw]
    unit = said.group("unit")
    if unit == "月" and start.day == 1 and end.day == 1:
        first = _months_back(start, n)
        last = _months_back(end, n)
        if _months_back(last, 1) == first:
            return f"那{first.year}年{first.month}月呢"
        return f"那{_day(first)}至{_day(last - timedelta(days=1))}呢"
    if unit == "年" and (start.month, start.day, end.month, end.day) == (1, 1, 1, 1):
        if end.year - start.year == 1:
            return f"那{start.year - n}年呢"
        return f"那{start.year - n}年至{end.year - n - 1}年呢"
    days = {"周": 7, "星期": 7, "礼拜": 7, "天": 1, "日": 1}.get(unit)
    if days is None:
        return None
    first, last = start - timedelta(days=days * n), end - timedelta(days=days * n)
    if last - first == timedelta(days=1):
        return f"那{_day(first)}呢"
    return f"那{_day(first)}至{_day(last - timedelta(days=1))}呢"


__all__ = ["moved_back"]
