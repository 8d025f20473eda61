"""A calendar date said with 前后 / 左右 / 上下 (ADR 0010, events44), rewritten with ``now`` into a range of days the
grammar already resolves:

* 6月18日前后, 18号左右, 12月25日上下, 2026年10月15日前后, 上个月18号前后, 11/20左右 = that date ± 3 days (D − 3 →
  D + 3, whole days), the date placed as a bare date is (the latest not after today, or in the year or month said);
* 前后N天 / 前后各N天 / 左右N天 / 前后1周 after such a date = ± N days (± 7 for a week);
* a lunar date (农历九月二十前后) arrives here already written as its Gregorian day (``season_words``) and is read
  the same way.

Why a window and not the bare day: an officer who says "6月18日前后" does not know the day and wants the events
around it; without this rule "18日前" inside "18日前后" was read as "18 days ago". Three days on each side is the
span a duty officer means by "那几天" (a week centred on the day); a span said after 前后 overrides it.
Holidays, solar terms and one-day festivals keep their own 前后 readings (国庆前后 = the holiday's span, 冬至前后 =
the day), and 前后 after a clock time stays "about that hour" (``rough_times``, the grammar). 上下班 / 上下午 after a
date are not 上下.

Numerals arrive normalised (18号, 前后2天).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.festival_days import written

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

DEFAULT_WINDOW_DAYS = 3
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2}
_MONTH_WORDS = {"上个月": -1, "上月": -1, "这个月": 0, "本月": 0, "当月": 0}

_DATE_WINDOW = re.compile(
    r"(?<![\d./\-月年])"
    r"(?:(\d{4})年|(今年|去年|前年))?的?"
    r"(?:(\d{1,2})月(?:份)?|(上个月|上月|这个月|本月|当月)的?)?"
    r"(?:(\d{1,2})[日号]|(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d/]))"
    r"的?(?:前后|左右|上下(?![班午学半]))"
    r"(?:各)?(?:(\d{1,2})(?:天|日)|(1)个?(?:周|星期|礼拜))?"
    r"(?:的?(?:那几天|那段时间|那阵子|这几天))?"
)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _placed(m: re.Match[str], today: date) -> date | None:
    """The date the phrase names: in the year or month said, else the latest such date not after today."""
    year_digits, year_word, month_digits, month_word, day_digits, slash_month, slash_day = m.groups()[:7]
    month_text = month_digits or slash_month
    day = int(day_digits or slash_day)
    year = int(year_digits) if year_digits else today.year - _YEAR_WORDS[year_word] if year_word else None
    if month_word is not None:
        year, month = _shift_month(today.year, today.month, _MONTH_WORDS[month_word])
        return date(year, month, day) if _valid(year, month, day) else None
    if month_text is None:  # 18号前后: the latest 18th not after today (this month's, else the month before)
        for back in range(0, 3):
            y, mo = _shift_month(today.year, today.month, -back)
            if _valid(y, mo, day) and date(y, mo, day) <= today:
                return date(y, mo, day)
        return None
    month = int(month_text)
    if year is not None:
        return date(year, month, day) if _valid(year, month, day) else None
    for y in (today.year, today.year - 1):  # the latest such date not after today
        if _valid(y, month, day) and date(y, month, day) <= today:
            return date(y, month, day)
    return None


def _window(m: re.Match[str], today: date) -> str:
    day = _placed(m, today)
    if day is None:
        return m.group()
    days_said, week_said = m.group(8), m.group(9)
    half = 7 if week_said else int(days_said) if days_said else DEFAULT_WINDOW_DAYS
    if half > 31:
        return m.group()
    width = timedelta(days=half)
    return f"{written(day - width)}到{written(day + width)}"


def date_window_rules(now: datetime) -> list[_Rule]:
    """The rewrite above against ``now``; after lunar dates are written out, before the grammar reads 18日前."""
    today = now.date()
    return [(_DATE_WINDOW, lambda m: _window(m, today))]
