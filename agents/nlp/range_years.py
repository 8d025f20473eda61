"""The far end of a range said without a year is placed after the near end.

A month, a part of a month or a date without a year is the latest one not after today when it stands
alone. At the far end of a range that rule can land it a year before the near end: 年中 (= 6月到7月)
said on 15 June took last July, 12月28日到1月2日 said in January found no range at all. A range is
read forwards, so such a far end moves on by a year when it would otherwise end before the near end
starts (events-robust16; ADR 0010).
"""

from __future__ import annotations

import re
from datetime import date, datetime

# hit kinds that name a month or a day of a month without a year of their own
_ALWAYS_YEARLESS = frozenset({"month", "date_md", "month_edge"})


def yearless(kind: str, m: re.Match[str]) -> bool:
    """Whether a time hit names a month or date without saying its year (7月, 7月上旬, 1月3日, 1.3)."""
    if kind == "date":  # groups 1 and 4 are the years of 2026年1月3日 and 2026-01-03
        return m.group(1) is None and m.group(4) is None
    return kind in _ALWAYS_YEARLESS


def far_end_after(near_start: datetime, far: tuple[datetime, datetime]) -> tuple[datetime, datetime]:
    """``far`` moved a year on when it ends before the near end starts (6月到7月 said in June)."""
    if far[1] > near_start:
        return far
    return _a_year_on(far[0]), _a_year_on(far[1])


def _a_year_on(t: datetime) -> datetime:
    try:
        return t.replace(year=t.year + 1)
    except ValueError:  # 29 February in a year without one
        return t.replace(year=t.year + 1, day=28)


def last_day_after(first: date, month: int, day: int) -> date | None:
    """The far date of 12月28日到1月2日: in the first date's year, or in the next one when its month
    comes earlier in the calendar (the range crosses New Year); None for a day the month does not
    have or a far date before the first one in the same month (3月8日到3月5日)."""
    year = first.year + (month < first.month)
    try:
        return date(year, month, day)
    except ValueError:
        return None
