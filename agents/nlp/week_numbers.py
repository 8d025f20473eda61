"""Weeks said by their number (第48周, 2026年第48周, 今年第3周): the ISO 8601 week, Monday 00:00 → the next
Monday (ADR 0010, events-robust13). Report tables and planning sheets count weeks this way.

Without a year the week is this year's, or last year's when this year's has not begun yet (第52周 said in
January), the same "latest one not after today" rule a date without a year follows. A week of a month
(11月第2周) is not an ISO week and is left alone.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# Numerals are already Arabic here (normalise_numerals turns 第四十八周 into 第48周).
WEEK_NUMBER = r"(?:(?:(\d{4})年|(今年|本年|去年))度?的?)?(?<![月份])第(\d{1,2})(?:个)?(?:周|星期|礼拜)(?![一二三四五六日天1-7])"

_YEAR_WORDS = {"今年": 0, "本年": 0, "去年": -1}


def iso_week(m: re.Match[str], today: date) -> tuple[date, date] | None:
    """``m`` a match of ``WEEK_NUMBER``: the week's Monday and the next Monday, or None when the
    year has no such week."""
    number = int(m.group(3))
    said_year = int(m.group(1)) if m.group(1) else None
    if m.group(2):
        said_year = today.year + _YEAR_WORDS[m.group(2)]
    year = said_year if said_year is not None else today.year
    monday = _monday(year, number)
    if said_year is None and (monday is None or monday > today):
        monday = _monday(year - 1, number)
    if monday is None:
        return None
    return monday, monday + timedelta(days=7)


def _monday(year: int, number: int) -> date | None:
    try:
        return date.fromisocalendar(year, number, 1)
    except ValueError:  # week 0, or week 53 of a year with 52
        return None
