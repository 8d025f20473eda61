"""Weeks of a month (11月第2周, 本月最后一周) and the first or last day of a year or month (2026年最后一天,
上个月最后一天, 本月第一天): ADR 0010, events-robust14. Weekly reports and year-end summaries name
periods this way; without these the grammar read only the month or the year around them.

A week runs Monday → the next Monday and belongs to the month that holds its Thursday, as an ISO week
belongs to the year that holds its Thursday (``week_numbers``): 12月第1周 of 2026 starts on Monday
30 November, because 3 December is its Thursday, and 10月第1周 of 2026 starts on 28 September.
``M月`` without a year is the latest such month not after today (12月第5周 said in January is last
December's), the same rule a date without a year follows; 本月/上个月 count from this month.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# Numerals are Arabic here (normalise_numerals turns 第二周 into 第2周 and 最后一天 into 最后1天).
_YEAR = r"(?:(?P<year>\d{4})年|(?P<year_word>今年|本年|去年|前年))"
# 上 and 下 not as the end of 晚上/早上/楼下 … (晚上月城 is 晚上 + 月城镇), as ``time_patterns._REL``
_MONTH = (
    r"(?:(?P<month>\d{1,2})月份?"
    r"|(?P<rel>(?<![晚早马楼路街线])上上|(?<![晚早马楼路街线])上|本|这|(?<![午])下)(?:一|1)?个?月份?)"
)
# 11月第2周的周三: that weekday of the week (a weekday said alone would be this week's)
MONTH_WEEK = (
    rf"(?:{_YEAR}的?)?{_MONTH}的?(?:第(?P<nth>[1-6])个?|(?P<last>最后)1?个?)(?:周|星期|礼拜)(?![一二三四五六日天1-7])"
    r"(?:\s*的?\s*(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天1-7]))?"
)
# 这个月前10天 / 本月头3天 / 今年前10天: the first N days of that month or year (a bare 前10天 is the last
# ten days, ``rolling``); the month or year said before it is what makes it a start, not a count back.
_EDGE_DAY = r"的?(?:(?P<first>第1)|(?P<last>最后|最末)1?|(?:前|头)(?P<lead>\d{1,3}))[天日]"
MONTH_EDGE_DAY = rf"(?:{_YEAR}的?)?{_MONTH}{_EDGE_DAY}"
# 今年前3个月 / 去年头两个月: the year's first N months (a bare 前3个月 is the last three, ``rolling``)
YEAR_EDGE_DAY = rf"{_YEAR}(?:{_EDGE_DAY}|的?(?:前|头)(?P<lead_months>1[0-2]|[1-9])个?月(?!份?\d))"
# 上周前两天 / 本周头3天: the first N days of that week, Monday first (a bare 前两天 is the last two days).
WEEK_EDGE_DAY = r"(?P<week>上上|(?<![晚早马楼路街线])上|本|这)(?:一|1)?个?(?:周|星期|礼拜)的?(?:前|头)(?P<lead>[1-7])[天日]"

_YEAR_WORDS = {"今年": 0, "本年": 0, "去年": -1, "前年": -2}
_MONTH_WORDS = {"上上": -2, "上": -1, "本": 0, "这": 0, "下": 1}
_WEEK_WORDS = {"上上": 2, "上": 1, "本": 0, "这": 0}  # weeks back
_THURSDAY = 3
# weekday → days after Monday (天 = 日, 7 = Sunday)
_WEEKDAYS = {**{c: i % 7 for i, c in enumerate("一二三四五六日1234567")}, "天": 6}


def period_days(kind: str, m: re.Match[str], today: date) -> tuple[date, date] | None:
    """``[first day, day after the last)`` of a ``month_week`` (or of its weekday, 11月第2周的周三),
    ``month_edge_day`` or ``year_edge_day`` match (its first N days with 前N天/头N天), or None when the
    month has no such week."""
    if kind == "week_edge_day":
        monday = today - timedelta(days=today.weekday()) - timedelta(weeks=_WEEK_WORDS[m.group("week")])
        return monday, monday + timedelta(days=int(m.group("lead")))
    year = _said_year(m, today)
    if kind == "year_edge_day" and m.group("lead_months"):
        start = date(year or today.year, 1, 1)
        return start, date(
            start.year + int(m.group("lead_months")) // 12, int(m.group("lead_months")) % 12 + 1, 1
        )
    if kind in ("year_edge_day", "month_edge_day") and m.group("lead"):
        start = date(year or today.year, 1, 1) if kind == "year_edge_day" else _month(m, today, year)
        end = _next_month(start) if kind == "month_edge_day" else date(start.year + 1, 1, 1)
        return start, min(start + timedelta(days=int(m.group("lead"))), end)
    if kind == "year_edge_day":
        day = date(year or today.year, 12, 31) if m.group("last") else date(year or today.year, 1, 1)
        return day, day + timedelta(days=1)
    first = _month(m, today, year)
    if kind == "month_edge_day":
        day = _next_month(first) - timedelta(days=1) if m.group("last") else first
        return day, day + timedelta(days=1)
    monday = (
        _last_week(first)
        if m.group("last")
        else _first_week(first) + timedelta(weeks=int(m.group("nth")) - 1)
    )
    if (monday + timedelta(days=_THURSDAY)).month != first.month:
        return None  # 11月第6周: no such week
    if m.group("weekday"):
        day = monday + timedelta(days=_WEEKDAYS[m.group("weekday")])
        return day, day + timedelta(days=1)
    return monday, monday + timedelta(days=7)


def _said_year(m: re.Match[str], today: date) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    if m.group("year_word"):
        return today.year + _YEAR_WORDS[m.group("year_word")]
    return None


def _month(m: re.Match[str], today: date, year: int | None) -> date:
    """The first day of the month said."""
    if m.group("rel"):
        index = today.year * 12 + today.month - 1 + _MONTH_WORDS[m.group("rel")]
        return date(index // 12, index % 12 + 1, 1)
    month = int(m.group("month"))
    if year is None:  # the latest such month not after today
        year = today.year if month <= today.month else today.year - 1
    return date(year, month, 1)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _first_week(first: date) -> date:
    """The Monday of the month's first week: the week of its first Thursday."""
    thursday = first + timedelta(days=(_THURSDAY - first.weekday()) % 7)
    return thursday - timedelta(days=_THURSDAY)


def _last_week(first: date) -> date:
    """The Monday of the month's last week: the week of its last Thursday."""
    last = _next_month(first) - timedelta(days=1)
    thursday = last - timedelta(days=(last.weekday() - _THURSDAY) % 7)
    return thursday - timedelta(days=_THURSDAY)
