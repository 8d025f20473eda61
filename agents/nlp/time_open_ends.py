"""Time phrases whose range is not "one calendar period" (ADR 0010, events-robust11): a date with
以前/之前/前 (no start at all), 上月同期 (last month up to the same moment) and a holiday with
节后/之后 (from the day after the holiday up to now). ``timeexpr.parse_time_range`` asks these first
(the first two) or after resolving a lone holiday (the third), on the text ``time_rewrites.prepare``
gave, and maps the spans back itself.
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime

from agents.nlp.calendar_days import CST

# Everything before a date has no lower bound; callers that need a number get the epoch, and
# ``TimeRange.open_start`` says the start was never said (the event filter leaves ``time_from`` empty).
EPOCH = datetime(1970, 1, 1, tzinfo=CST)

# 12月10日以前, 本月8号之前, 2026年12月5日前, 10号之前: a date said with its month, or a 号 day (号 is
# never a count of days), then "before". 5日前/5天前 without a month stay "5 days ago" (ADR 0010), so a
# bare N日 is not matched; 前后 is "around", 前天 a day word.
BEFORE_DATE = re.compile(
    r"((?:\d{4}年)?(?:\d{1,2}月份?|本月|这个月|当月|上个?月)\d{1,2}[日号]|(?<![\d月])\d{1,2}号)"
    r"\s*(?:以前|之前|前)(?![后天])"
)
# 上月同期 / 上个月同期 / 上月的同期: the same stretch of last month as this month has run so far.
LAST_MONTH_SAME = re.compile(r"(?:上个?月|上一个?月)的?同期")
# Right after a holiday: 国庆节后, 春节过后, 国庆之后 (not 后天, not 后面的 = "the ones after it" in a list).
AFTER_HOLIDAY = re.compile(r"\s*(?:过后|之后|以后|后)(?![天面])")


def before_date(norm: str) -> re.Match[str] | None:
    """The first "date + 以前/之前" in the normalised text, or None."""
    return BEFORE_DATE.search(norm)


def last_month_same(norm: str, now: datetime) -> tuple[re.Match[str], datetime, datetime] | None:
    """上月同期: the 1st of last month → ``now`` one month back (clamped to that month's last day)."""
    m = LAST_MONTH_SAME.search(norm)
    if m is None:
        return None
    year, month = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    day = min(now.day, calendar.monthrange(year, month)[1])
    start = datetime(year, month, 1, tzinfo=CST)
    return m, start, now.replace(year=year, month=month, day=day)
