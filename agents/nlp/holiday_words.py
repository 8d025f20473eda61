"""Holiday and new-year days said other ways (ADR 0010, events-robust18), rewritten with ``now`` into the forms
``festival_days`` and the grammar already resolve:

* 国庆/五一 黄金周 and 春节/过年 七天假(期)/七天长假 = that holiday's span (X假期), so 国庆黄金周最后一天 is
  国庆假期最后一天;
* X收假第一天 / X后开工(上班, 复工)第一天 / X节后第一天 = the day after X's span (国庆 → 8 October, 春节 → 初七),
  X the latest begun or of the year said;
* 大年夜 = 除夕夜 (除夕 18–24), 年初N = 大年初N (not 年初 = the start of the year, nor 年初3天);
* 正月里 / 正月间 = 正月初一 → 正月十五 (the new-year season as spoken; the table has no lunar month lengths);
* two day words listed with 两天 (初一、初二两天, 3号和4号两天) = the first to the last (A到B).

* events-robust19: 十一 before a holiday-span word (十一黄金周, 十一长假) = 国庆; 国庆7天里(当中) = 国庆's span, so
  国庆7天里的第3天 is its third day; a bare 收假第1天 (no holiday named) = the day after the holiday that ended
  last before today; 正月十五 = 元宵 (so 正月十五前后 is 元宵前后, the festival day).

调休上班/调休补班那天 stays no time: the make-up workdays are set each year and no table has them.
Numerals arrive normalised (第1天, 7天假, 2天).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span
from agents.nlp.festival_days import said_year, written

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_HOLIDAYS = r"(国庆|五一|劳动节|元旦|春节|过年|清明|端午|中秋)"
_YEAR = r"(今年|去年|前年|\d{4}年)?的?"
# 国庆黄金周, 春节7天假期, 过年7天长假的: the holiday's span under another name.
_SPAN_NAME = re.compile(
    _HOLIDAYS
    + r"节?(?:的)?(?:黄金周|\d{1,2}天(?:的)?(?:长假|小长假|假期|假|放假)|\d{1,2}天(?:里面?|当中|之中|中))"
)
# 十一黄金周, 11长假: 十一 as the National Day's name, only before a span word (十一月, 十一号 are dates).
_ELEVENTH = re.compile(r"(?<![\d月年第初])(?:十一|11)(?=(?:的)?(?:黄金周|长假|小长假|假期|7天))")
# 收假第1天 with no holiday before it: the holiday that ended last.
_BARE_DAY_AFTER = re.compile(r"(?<![\u4e00-\u9fff])(?:节后)?收假(?:后|以后)?的?第1(?:天|日)")
_FIRST_MONTH_15TH = re.compile(r"正月(?:十五|15)(?![日号\d])")
# 国庆收假第1天, 春节后开工第1天, 国庆节后上班的第1天, 春节假期后第1天.
_DAY_AFTER = re.compile(
    _YEAR + _HOLIDAYS + r"节?(?:假期|长假|黄金周)?(?:过后|之后|以后|后)?的?"
    r"(?:(?:收假|开工|上班|复工|返岗)(?:后|以后)?的?第1(?:天|日)|(?<=后)第1(?:天|日)|(?<=后的)第1(?:天|日))"
)
_NEW_YEARS_NIGHT = re.compile(r"大年夜")
_LUNAR_NUMERAL = r"(?:[一二三四五六七八九十]|10|[1-9])"
# 年初二 (Wu and Cantonese speech) = 大年初二; not 今年年初 nor 年初3天 (the first three days of the year).
_NEW_YEAR_DAY = re.compile(rf"(?<![大\d])年初(?={_LUNAR_NUMERAL}(?![\d天日个周月号]))")
_FIRST_MONTH = re.compile(_YEAR + r"正月(?:里|间|期间)")
_DAY_WORD = r"(?:(?:大年|正月|年)?初" + _LUNAR_NUMERAL + r"|\d{1,2}[号日]|(?:周|星期|礼拜)[一二三四五六日天])"
_TWO_DAYS = re.compile(rf"({_DAY_WORD})\s*[、和及跟,，]\s*({_DAY_WORD})\s*(?:这|那)?2天")


def _latest_span(name: str, said: int | None, today: date) -> tuple[datetime, datetime] | None:
    """The holiday's span in the year said, else the latest begun by ``today``."""
    if said is not None:
        return holiday_span(name, said)
    span = holiday_span(name, today.year)
    if span is None or span[0].date() > today:
        span = holiday_span(name, today.year - 1)
    return span


def _day_after(m: re.Match[str], today: date) -> str:
    span = _latest_span(m.group(2), said_year(m.group(1), today), today)
    return m.group() if span is None else written(span[1].date())


def _last_ended(today: date) -> str | None:
    """The day after the span of the holiday that ended last on or before ``today``, written out."""
    ends = [
        span[1].date()
        for name in ("元旦", "春节", "清明", "五一", "端午", "中秋", "国庆")
        for year in (today.year, today.year - 1)
        if (span := holiday_span(name, year)) is not None and span[1].date() <= today
    ]
    return written(max(ends)) if ends else None


def _first_month(m: re.Match[str], today: date) -> str:
    span = _latest_span("春节", said_year(m.group(1), today), today)
    if span is None:
        return m.group()
    first = span[0].date() + timedelta(days=1)  # the span starts on 除夕; 正月初一 is the next day
    return f"{written(first)}到{written(first + timedelta(days=14))}"


def holiday_word_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``'s date; they run before ``festival_rules``."""
    today = now.date()
    return [
        (_ELEVENTH, lambda m: "国庆"),
        (_FIRST_MONTH_15TH, lambda m: "元宵"),
        (_SPAN_NAME, lambda m: m.group(1) + "假期"),
        (_DAY_AFTER, lambda m: _day_after(m, today)),
        (_BARE_DAY_AFTER, lambda m: _last_ended(today) or m.group()),
        (_NEW_YEARS_NIGHT, lambda m: "除夕夜"),
        (_NEW_YEAR_DAY, lambda m: "大年初"),
        (_FIRST_MONTH, lambda m: _first_month(m, today)),
        (_TWO_DAYS, lambda m: f"{m.group(1)}到{m.group(2)}"),
    ]
