"""Days named by their place in a holiday, in the lunar new year or in a month's weekends (ADR 0010,
events-robust17), rewritten with ``now`` into Gregorian dates the grammar already resolves, so that a part
of the day, a range, 以来 or 到现在 after them keep their usual meaning:

* X(节)(假期)第N天 / 头一天 / 首日 / 最后一天 / 倒数第N天 = the Nth (first, last, Nth from the end) day of the holiday's span as ``holiday_span``
  gives it (国庆 1–7 October, 元旦 1–3 January, 春节 除夕 → 初六, so 春节第三天 = 初二); 第A天到第B天 keeps
  the holiday for B, 头N天/前N天 = its first N days, 最后N天 its last N (events-robust18); the holiday is the latest begun, or the one of the year said (今年/去年/2026年);
* 大年初N / 正月初N / 正月十N / a bare 初N (N up to 十) = 正月初一 (the table's 春节 date) + N − 1 days, the
  latest such day not after today (or of the year said); 大年三十/年三十 = 除夕, 除夕夜 = 除夕晚上; after
  农历/阴历 a lunar date is left to the lunar reading (no Gregorian guess, events-robust12);
* M月(份)(的)第N个/最后一个/倒数第N个周末 (also 本月/这个月/上个月/上上个月/下个月) = the Saturday and Sunday of
  the month's Nth (last, Nth from the end) Saturday; a month without a year is the latest begun.

Numerals arrive normalised (第5天, 最后1个); outside the holiday table nothing is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span
from agents.nlp.numerals import chinese_to_int

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_YEAR = r"(今年|去年|前年|\d{4}年)?的?"
_NTH_DAY = r"(?:第(\d{1,2})|头(\d?)|前(\d)|最后(\d?)|倒数第(\d{1,2}))(?:天|日)|首日"
_HOLIDAY_DAY = re.compile(
    _YEAR + r"(国庆|五一|劳动节|元旦|春节|过年|清明|端午|中秋)节?(?:假期|长假|小长假|期间|放假)?的?"
    rf"(?P<first>{_NTH_DAY})(?:\s*(?:到|至|-|~)\s*(?P<last>{_NTH_DAY}))?"
)
_LUNAR_NUMBER = (
    r"(二十[一二三四五六七八九]?|十[一二三四五六七八九]|[一二三四五六七八九十]|[12]\d|[1-9])"  # longest first
)
_LUNAR_DAY = re.compile(
    r"(?<!农历)(?<!阴历)(?<!旧历)" + _YEAR + r"(?:(?:大年|正月)初" + _LUNAR_NUMBER + r"|正月" + _LUNAR_NUMBER
    + r"(?![月号日])|(?<![\d年月历最当起一二三四五六七八九十])初([一二三四五六七八九十]|[1-9]|10)(?![\d年级班中学生稿心]))"
)  # fmt: skip
# 大年三十/年三十 = 除夕 (not 2026年三十); 除夕夜/除夕夜间 = 除夕晚上 (除夕夜里 already is).
_NEW_YEARS_EVE = re.compile(r"大年三十|(?<![\d年])年三十|除夕夜间?(?!里)")
_MONTH_WEEKEND = re.compile(
    r"(?:(?:(\d{4})年)?(\d{1,2})月份?|(上上|大上|本|这|上|下)个?月份?)的?"
    r"(?:第(\d)个?|头1个|(最后)1?个?|倒数第(\d)个?)(?:周末|双休日?)"
)


def said_year(said: str | None, today: date) -> int | None:
    """The year a prefix names (2027年, 今年, 去年, 前年), None when none is said."""
    if not said:
        return None
    if said[0].isdigit():
        return int(said[:4])
    return today.year - {"今年": 0, "去年": 1, "前年": 2}[said]


def written(day: date) -> str:
    """A day as the time grammar reads it back (2027年2月6日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _days(text: str, length: int) -> list[int]:
    """The first (and last) day, from the span's start, of a 第N天 / 头N天 / 前N天 / 最后N天 / 倒数第N天 / 首日."""
    found = re.match(r"第(\d{1,2})|头(\d?)|前(\d)|最后(\d?)|倒数第(\d{1,2})", text)
    if found is None:
        return [0]  # 首日
    nth, head, front, tail, from_end = found.groups()
    if nth:
        return [int(nth) - 1]
    if found.group().startswith(("头", "前")):  # 头三天, 前两天: the first N days
        return [0, int(head or front or 1) - 1]
    if from_end:
        return [length - int(from_end)]
    return [length - int(tail or 1), length - 1]  # 最后一天, 最后两天


def _holiday_day(m: re.Match[str], today: date) -> str:
    name, said = m.group(2), said_year(m.group(1), today)
    year = said if said is not None else today.year
    span = holiday_span(name, year)
    if said is None and (span is None or span[0].date() > today):
        span = holiday_span(name, year - 1)
    if span is None:
        return m.group()
    length = (span[1] - span[0]).days
    days = _days(m.group("first"), length)
    if m.group("last"):
        days = [days[0], _days(m.group("last"), length)[-1]]
    days = list(dict.fromkeys(days))
    if any(not 0 <= d < length for d in days):
        return m.group()
    return "到".join(written(span[0].date() + timedelta(days=d)) for d in days)


def _lunar_day(m: re.Match[str], today: date) -> str:
    numeral = m.group(2) or m.group(3) or m.group(4)
    n = int(numeral) if numeral.isdigit() else chinese_to_int(numeral)
    if not n or n > 30:
        return m.group()
    said = said_year(m.group(1), today)
    for year in [said] if said is not None else [today.year, today.year - 1]:
        span = holiday_span("春节", year)  # 除夕 → 初六: 正月初一 is the span's second day
        if span is None:
            return m.group()
        day = span[0].date() + timedelta(days=n)
        if said is not None or day <= today:
            return written(day)
    return m.group()


def _month_weekend(m: re.Match[str], today: date) -> str:
    if m.group(3):
        shift = {"本": 0, "这": 0, "上": -1, "下": 1, "上上": -2, "大上": -2}[m.group(3)]
        months = today.year * 12 + today.month - 1 + shift
        year, month = divmod(months, 12)
        month += 1
    else:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return m.group()
        year = int(m.group(1)) if m.group(1) else today.year - (month > today.month)
    first = date(year, month, 1)
    saturdays = [first + timedelta(days=(5 - first.weekday()) % 7 + 7 * k) for k in range(5)]
    saturdays = [d for d in saturdays if d.month == month]
    index = -1 if m.group(5) else -int(m.group(6)) if m.group(6) else int(m.group(4) or 1) - 1
    if not -len(saturdays) <= index < len(saturdays):
        return m.group()
    saturday = saturdays[index]
    return f"{written(saturday)}到{written(saturday + timedelta(days=1))}"


def festival_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``'s date."""
    today = now.date()
    return [
        (_HOLIDAY_DAY, lambda m: _holiday_day(m, today)),
        (_NEW_YEARS_EVE, lambda m: "除夕" if "三十" in m.group() else "除夕晚上"),
        (_LUNAR_DAY, lambda m: _lunar_day(m, today)),
        (_MONTH_WEEKEND, lambda m: _month_weekend(m, today)),
    ]
