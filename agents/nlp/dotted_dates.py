"""Day.month dates typed with a dot (ADR 0010, events-robust28): 20.12 = 20 December.

11.3 is month.day (the Chinese order, round 9), so a dotted pair is read as day.month only when it cannot
be month.day: a first number of 13–31 with a second of at most 12, as D/M with a slash (``english_times``,
round 23). Both at most 12 stay month.day. The pair becomes 12月20日, which the grammar already reads (the
latest such day not after today when no year is said).

A dotted pair is also a decimal (25.5度, 温度35.8, 东经120.3, 压力16.5MPa, 25.11米), so it is a date only when
no digit, dot or unit follows, no digit, letter, dot or slash stands before it, and no measured quantity or
comparison is said just before it (温度超过25.5, 浓度 > 13.2, 液位达到 20.5, 北纬31.9 stay numbers); a day the month
lacks (31.9, 30.2) is no date either.

Since events40, a month.day pair with 晚 glued to it (11.3晚, as pasted from a report) is that evening: the bare 晚
after a dotted date was left over, so the pair becomes M月D日晚上, which the grammar reads (18:00–24:00) even after a
full-width colon (上报：11.3晚), where the dotted pair alone was misread.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

# What may follow a decimal: a unit (Chinese or Latin letters) or a percent sign, with or without a space; a
# digit or a dot only right after it (a clock after a space, 20.12 14:00, is the date's time).
_UNIT = r"[%％℃°度米吨元个万千克升斤秒分倍级号期版寸a-zA-Z]|小时|公里|公斤|立方"

# A dash before it is allowed: the second end of a range (20.12-25.12).
_DAY_DOT_MONTH = re.compile(
    r"(?<![\dA-Za-z./])(1[3-9]|2\d|3[01])\.(0?[1-9]|1[0-2])(?![\d.])(?!\s*(?:" + _UNIT + r"))"
)

# A reading or a threshold said just before the number makes it a value, not a date.
_MEASURED = re.compile(
    r"(?:[经纬經緯]度?|温度|压力|液位|浓度|含量|读数|数值|数据|阈值|超过|超出|达到|高于|低于|大于|小于|不足|为|是|[>＞<＜=＝≥≤])\s*$"
)
# The most days each month has (29 February: the year is resolved later by the grammar).
_DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _day_month(m: re.Match[str]) -> str:
    day, month = int(m.group(1)), int(m.group(2))
    if _MEASURED.search(m.string[max(0, m.start() - 6) : m.start()]) or day > _DAYS_IN[month - 1]:
        return m.group()
    return f"{month}月{day}日"


# 11.3晚 / 11.3晚华士镇: 晚 not already part of 晚上 / 晚间 / 晚饭 / 晚点 (a later time, not the evening).
_MONTH_DOT_DAY_EVENING = re.compile(
    r"(?<![\dA-Za-z./])(0?[1-9]|1[0-2])\.(0?[1-9]|[12]\d|3[01])晚(?![上间饭点些])"
)


def _evening(m: re.Match[str]) -> str:
    if _MEASURED.search(m.string[max(0, m.start() - 6) : m.start()]):
        return m.group()
    return f"{int(m.group(1))}月{int(m.group(2))}日晚上"


def dotted_date_rules() -> list[_Rule]:
    """20.12 → 12月20日 (day.month only where month.day is impossible); 11.3晚 → 11月3日晚上."""
    return [(_DAY_DOT_MONTH, _day_month), (_MONTH_DOT_DAY_EVENING, _evening)]
