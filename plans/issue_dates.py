"""A plan's issue date (印发日期) as typed or edited: a real calendar date in a plausible range.

``2026-02-30`` was already refused; ``2999-01-01`` (a slip of the year) was stored, and the plan list,
sorted by issue date, showed it first for nine centuries. A draft may name the date it will be issued
on, so up to a year ahead is allowed; a date before 1990 predates every plan the city keeps.
"""

from __future__ import annotations

from datetime import date, timedelta

EARLIEST = date(1990, 1, 1)
AHEAD = timedelta(days=366)


def issue_date_problem(value: str, today: date | None = None) -> str | None:
    """The Chinese reason ``value`` (YYYY-MM-DD) is no issue date, or None when it is one."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"不存在的日期：{value}"
    latest = (today or date.today()) + AHEAD
    if day > latest:
        return f"印发日期 {value} 晚于 {latest.isoformat()}（最多可提前一年），请检查年份"
    if day < EARLIEST:
        return f"印发日期 {value} 早于 {EARLIEST.isoformat()}，请检查年份"
    return None
