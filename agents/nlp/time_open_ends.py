"""Time phrases whose range is not "one calendar period" (ADR 0010, events-robust11/12): a date with
以前/之前/前 (no start at all), 上月同期 (last month up to the same moment) and a holiday with
节后/之后 (from the day after the holiday up to now); since events-robust12 also 截至昨天 said with no
start (no start, up to the end of what it names), 上个月同一时期 (= 上月同期) and a day or period with
以前/之前 (本月之前: no start, up to the period's start); since events41 上周同期 (last week up to the
same moment). ``timeexpr.parse_time_range`` asks ``open_ended`` first and the others after resolving its
cluster, on the text ``time_rewrites.prepare`` gave, and maps the spans back itself.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from agents.nlp.calendar_days import CST
from agents.nlp.numerals import normalise_numerals

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
# 上月同期 / 上个月同期 / 上月的同期 / 上个月同一时期 / 上月同一时段 / 上个月同一个时间段: the same stretch of last
# month as this month has run so far; since events41 also of last week (上周同期, 上个礼拜同期, 上星期同一时段),
# as a weekly report sets this week so far against it.
LAST_PERIOD_SAME = re.compile(
    r"(?:(?P<month>上个?月|上[一1]个?月)|上[一1]?个?(?:周|星期|礼拜))的?(?:同期|同[一1]?个?(?:时期|时段|时间段|阶段))"
)
# 截至昨天, 截止到3月15号, 截至去年11月底 with no time phrase before them: everything up to the end of what
# they name. ``time_rewrites`` turns a 截至 glued to earlier text into the connector " 至", so that form
# counts too when nothing before it was a time phrase (【转】截至昨天).
# The cut-off phrase ends in a clock time (10点, 9点30分, 5点半, 7点钟, 5点为止): numerals are normalised.
AT_A_CLOCK = re.compile(r"\d{1,2}[点时](?:\d{1,2}分?|半|钟)?(?:为止|止)?\s*$")
UNTIL_THEN = re.compile(r"(?:截至|截止到?|(?<!\S)至)\s*$")
# 截至昨天，今年… / 截至昨天本月… / 截止到上周五，本季度…: a cut-off, then the current period it falls in
# (chat-robust15, an auditor's wording). The period gives the start that 截至X alone leaves open.
UNTIL_IN_PERIOD = re.compile(
    r"(?:截至|截止到?)\s*([^，,。；;\s]{1,12}?)[\s,，]*((?:今年|本年度?|本季度|这个?季度|本月|这个月|当月|本周|这周|这个?星期)(?:以来)?)"
)
# 本月之前, 本周以前, 昨天之前: a calendar day or period with 以前/之前 (前 alone is left alone: 春节前 is "the
# days before the holiday", and N天前 is "N days ago").
BEFORE_PERIOD = re.compile(r"\s*(?:以前|之前)")
# The hit kinds that name whole calendar days or periods (not clock times, parts of the day or rolling windows).
PERIOD_KINDS = frozenset(
    (
        "holiday", "date", "date_md", "year_month", "month", "month_rel_day", "day_of_month", "week_day",
        "week", "month_rel", "month_edge", "half_year", "quarter_rel", "quarter", "year", "year_edge", "day_word",
    )
)  # fmt: skip
# Right after a holiday: 国庆节后, 春节过后, 国庆之后 (not 后天, not 后面的 = "the ones after it" in a list).
AFTER_HOLIDAY = re.compile(r"\s*(?:过后|之后|以后|后)(?![天面])")


# 年底前 / 去年年底前 / 月底前: "by the end of" the year or month, the deadline idiom (as chat's 年底前/月底前) =
# no start, up to the end of that edge (events42). Only a bare 前: 年底之前 stays "before 年底 begins", as 本月之前.
EDGE_DUE = re.compile(r"((?:(?:今|去|前)年)?的?年[底末]|(?:上个?月|本月|这个?月)?的?月[底末])\s*前(?![后天])")


def before_date(norm: str) -> re.Match[str] | None:
    """The first "date + 以前/之前" in the normalised text, or None."""
    return BEFORE_DATE.search(norm)


def last_period_same(norm: str, now: datetime) -> tuple[re.Match[str], datetime, datetime] | None:
    """上月同期: the 1st of last month → ``now`` one month back (clamped to that month's last day); 上周同期:
    last week's Monday 00:00 → ``now`` seven days back."""
    m = LAST_PERIOD_SAME.search(norm)
    if m is None:
        return None
    if m.group("month") is None:
        back = now - timedelta(days=7)
        monday = back.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=back.weekday())
        return m, monday, back
    year, month = (now.year, now.month - 1) if now.month > 1 else (now.year - 1, 12)
    day = min(now.day, calendar.monthrange(year, month)[1])
    start = datetime(year, month, 1, tzinfo=CST)
    return m, start, now.replace(year=year, month=month, day=day)


def before_period(norm: str, last: int, kinds: Sequence[str]) -> re.Match[str] | None:
    """以前/之前 right after a cluster of calendar days or periods (本月之前), or None."""
    if not kinds or any(k not in PERIOD_KINDS for k in kinds):
        return None
    return BEFORE_PERIOD.match(norm, last)


class _Hit(Protocol):
    start: int


class _Range(Protocol):
    start: datetime
    end: datetime
    span: tuple[int, int]
    text: str
    open_start: bool


# (start, end, span in the input, open start) of an open-ended phrase
OpenEnded = tuple[datetime, datetime, tuple[int, int], bool]


def open_ended(
    norm: str, index: list[int], text: str, hits: Sequence[_Hit], now: datetime,
    parse: Callable[[str, datetime], Any],
) -> OpenEnded | None:  # fmt: skip
    """12月10日以前 (no start), 截至昨天 (no start, up to the end of yesterday) and 上月同期, when they are
    the first time phrase of the text: the hit scan alone would read 10日以前 as "ten days ago", 截至昨天 as
    yesterday and 上月 as the whole month. ``parse`` is ``timeexpr.parse_time_range``."""
    first_hit = hits[0].start if hits else len(norm)
    before = before_date(norm)
    if before is not None and before.start() <= first_hit:
        day: _Range | None = parse(text[index[before.start()] : index[before.end(1) - 1] + 1], now)
        if day is not None and day.start <= now:
            return EPOCH, day.start, (index[before.start()], index[before.end() - 1] + 1), True
    due = EDGE_DUE.search(norm)
    if due is not None and due.start() <= first_hit:
        edge: _Range | None = parse(text[index[due.start()] : index[due.end(1) - 1] + 1], now)
        if edge is not None and not edge.open_start:
            return EPOCH, edge.end, (index[due.start()], index[due.end() - 1] + 1), True
    same = last_period_same(norm, now)
    if same is not None and same[0].start() <= first_hit:
        m, start, end = same
        return start, end, (index[m.start()], index[m.end() - 1] + 1), False
    framed = until_within_period(norm, index, text, now, parse)
    if framed is not None:
        return framed
    until = UNTIL_THEN.search(norm, 0, first_hit) if hits else None
    if until is not None:
        offset = index[first_hit]
        then: _Range | None = parse(text[offset:], now)
        if then is not None and not then.open_start and then.span[0] == 0 and then.start <= now:
            # 截止到今天中午12点: a deadline at a clock is that instant, not its hour's end (events-robust25)
            cut = then.start if AT_A_CLOCK.search(normalise_numerals(then.text)[0]) else then.end
            return EPOCH, cut, (index[until.start()], offset + then.span[1]), True
    return None


def until_within_period(
    norm: str, index: list[int], text: str, now: datetime, parse: Callable[[str, datetime], Any]
) -> OpenEnded | None:
    """截至昨天，今年…: from the period's start up to the end of the cut-off, when the cut-off falls
    inside that period (截至去年年底，今年… names two conditions and is left alone)."""
    m = UNTIL_IN_PERIOD.search(norm)
    if m is None:
        return None
    cut: _Range | None = parse(text[index[m.start(1)] : index[m.end(1) - 1] + 1], now)
    period: _Range | None = parse(text[index[m.start(2)] : index[m.end(2) - 1] + 1], now)
    if cut is None or period is None or cut.open_start or not period.start < cut.end <= max(period.end, now):
        return None
    return period.start, cut.end, (index[m.start()], index[m.end() - 1] + 1), False
