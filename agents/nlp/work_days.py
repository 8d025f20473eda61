"""Work-hour words and the days at a holiday's edges (ADR 0010, events-robust28 second round), rewritten
with ``now`` into forms the grammar already resolves, so they add no semantics of their own:

* a workday runs 08:00–17:00 (as ``everyday_times`` reads 上班前/下班后): 上班时间/上班期间/工作时间 =
  8点到17点 of the day said (a bare one is the latest begun, as any clock range); 下班前/下班之前 with no
  duration = 17点前 (the day's 00:00 → 17:00, as 上班前 = 8点前; 下班前1小时 is ``shift_times``');
* 午饭后/吃完午饭/中饭以后 = 13点以后, as 晚饭后 = 19点以后; 午饭后到现在 = 13点到现在;
* X(节)前一天 / X节前最后一天 = the holiday's eve, the day before its first day (国庆 → 30 September), X the
  holiday whose eve is the latest not after today, or of the year said; 前一天 is read as the eve, not the
  holiday's first day, which ``festival_days`` reads from 前N天 (国庆前三天);
* X节后第一个工作日 / X后第一个工作日 = the first Monday–Friday on or after the day after the holiday's span
  (make-up Saturdays, 调休, are set each year and no table has them); a bare 节后第一个工作日 = after the
  holiday that ended last.

Numerals arrive normalised (前1天, 第1个). Runs before ``everyday_times`` (工作日 alone is 周一到周五 there).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span
from agents.nlp.festival_days import said_year, written

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_HOLIDAYS = r"(国庆|五一|劳动节|元旦|春节|过年|清明|端午|中秋)"
_IN_A_YEAR = ("元旦", "春节", "清明", "五一", "端午", "中秋", "国庆")
_YEAR = r"(今年|去年|前年|\d{4}年)?的?"
# 国庆节前1天, 元旦的前1天, 五一节前最后1天; not 国庆前1天到第3天 (a range into the holiday is festival_days').
_EVE = re.compile(_YEAR + _HOLIDAYS + r"节?的?(?:前(?:的)?1(?:天|日)|前最后1(?:天|日))(?!\s*(?:到|至))")
_FIRST_WORKDAY = r"第1个?(?:工作日|上班日)"
# 国庆节后第1个工作日, 元旦假期后的第1个工作日; the bare form has no holiday before 节后.
_AFTER = re.compile(_YEAR + _HOLIDAYS + r"节?(?:假期|长假)?(?:过后|之后|以后|后)的?" + _FIRST_WORKDAY)
_BARE_AFTER = re.compile(
    r"(?<![\u4e00-\u9fff])(?:节(?:假日?)?|收假)(?:过后|之后|以后|后)的?" + _FIRST_WORKDAY
)
# Not 非工作时间 / 上班时间以外 (outside work hours: no single range, left unread rather than read the wrong way).
_WORK_HOURS = re.compile(
    r"(?<!非)(?<!不是)(?:上班|工作)(?:时间|期间|时段)(?:内|里|段)?(?!\s*(?:以外|之外|外|除外))"
)
# 下班前 with no duration (下班前1小时 is read first by ``shift_times``), not 下班前后 (around 17:00).
_BEFORE_LEAVING = re.compile(r"下班(?:以前|之前|前)(?![后\d半])")
_AFTER_LUNCH = re.compile(
    r"(?:吃(?:完|过)了?[中午]饭(?:以后|之后|后)?|[中午]饭(?:以后|之后|过后|后))(?P<now>到现在|至今)?"
)


def _eve(m: re.Match[str], today: date) -> str:
    said = said_year(m.group(1), today)
    for year in [said] if said is not None else [today.year + 1, today.year, today.year - 1]:
        span = holiday_span(m.group(2), year)
        if span is None:
            continue
        eve = span[0].date() - timedelta(days=1)
        if said is not None or eve <= today:
            return written(eve)
    return m.group()


def first_workday(after: date) -> date:
    """The first Monday–Friday on or after ``after``."""
    while after.weekday() >= 5:
        after += timedelta(days=1)
    return after


def _after(m: re.Match[str], today: date) -> str:
    said = said_year(m.group(1), today)
    for year in [said] if said is not None else [today.year, today.year - 1]:
        span = holiday_span(m.group(2), year)
        if span is not None and (said is not None or span[0].date() <= today):
            return written(first_workday(span[1].date()))
    return m.group()


def _bare_after(m: re.Match[str], today: date) -> str:
    ends = [
        span[1].date()
        for name in _IN_A_YEAR
        for year in (today.year, today.year - 1)
        if (span := holiday_span(name, year)) is not None and span[1].date() <= today
    ]
    return written(first_workday(max(ends))) if ends else m.group()


def work_day_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``'s date; after ``shift_times``, before ``everyday_times``."""
    today = now.date()
    return [
        (_EVE, lambda m: _eve(m, today)),
        (_AFTER, lambda m: _after(m, today)),
        (_BARE_AFTER, lambda m: _bare_after(m, today)),
        (_WORK_HOURS, lambda m: "8点到17点"),
        (_BEFORE_LEAVING, lambda m: "17点前"),
        (_AFTER_LUNCH, lambda m: "13点到现在" if m.group("now") else "13点以后"),
    ]
