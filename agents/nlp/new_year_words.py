"""Round 31's open words (events32), rewritten with ``now`` into dates the time grammar already resolves (ADR 0010),
as ``year_words`` does, so ``timeexpr`` gains no new semantics:

* 年后 / 过年后 / 过年以后 / 过完年(以后) / 过完春节 / 过了年 = 春节后: the day after the 春节 span (除夕 → 初六) → `now`, of the
  latest 春节 whose span has ended; 到现在/至今/以来/这段时间 after it add nothing. N年后 (两年后), 去年后 and 年后天 are no match.
* 腊月 / 腊月里 = the twelfth lunar month, 腊月初一 → 除夕 (the day before 正月初一), the latest begun, whole. The holiday
  table gives 正月初一 but no lunar month lengths, so 腊月初一 comes from ``lunar_calendar`` (a 2024–2030 table until
  events33); a lunar date inside 腊月 (腊月初八, 腊月二十三) and 去年腊月 are ``season_words``'.
* N年多来 / N年多以来 = 近(N+1)年: the 多 reaches up to the next whole year, as 8点多 reaches 9点.
* 年前 + a length (年前1个礼拜, 年前1周, 年前半个月, 年前10天) = that many days before 除夕 → 除夕, of the 春节 nearest to
  `now` (as 年前 alone, ``year_words``); it ran as 年前 followed by a rolling week.
* A holiday + 前/后 + 半个月 (春节前半个月, 国庆后半个月) = the fifteen days before its first day (春节 from 除夕), or
  from the day after its span; the holiday of the year said (今年/去年), else the latest begun, as the holiday alone.

Numerals arrive normalised (1年多来, 1个礼拜).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span
from agents.nlp.lunar_calendar import lunar_to_solar
from agents.nlp.year_words import nearest_new_year

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

HALF_MONTH_DAYS = 15

# 年后 not after a number, a year word or another 年 (两年后, 去年后, 新年后); 过年/过完年/过了年 before 后-words.
_AFTER_NEW_YEAR = re.compile(
    r"(?:过完了?(?:年|春节)|过了年(?=以后|之后|过后|后)|(?<![\d一二两三四五六七八九十几多半百千万去今明前后近这新每当上下年过])过?年"
    r"(?=以后|之后|过后|后(?![天\d半])))(?:以后|之后|过后|后)?(?:到现在|至今|到目前为止|到目前|以来|这段时间|这阵子)?"
)
_LAYUE = re.compile(r"(?<![农阴旧]历)(?<![年的])腊月(?:里|间|份)?(?![初廿十\d一二三四五六七八九])")
_YEARS_AND_MORE = re.compile(r"(?:这|近)?(?<![\d.])(\d{1,2})年多(?:以来|来)")
_RUN_UP_LENGTH = re.compile(
    r"(?<![\d一二两三四五六七八九十几多半百千万去今明前后近这过新每当上下年])年前(?:的)?"
    r"(?:(1)个?(?:礼拜|星期|周)|(半)个?月|(\d{1,2})天)"
)
_HOLIDAY_HALF_MONTH = re.compile(
    r"(今年|去年)?(春节|过年|国庆|元旦|五一|劳动节|清明|端午|中秋)节?(?:之|以)?([前后])半个?月"
)


def _dates(first: date, last: date) -> str:
    return f"{first.year}年{first.month}月{first.day}日到{last.year}年{last.month}月{last.day}日"


def _after_new_year(m: re.Match[str], today: date) -> str:
    for year in (today.year, today.year - 1):
        span = holiday_span("春节", year)
        if span is not None and span[1].date() <= today:
            day = span[1].date()
            return f"{day.year}年{day.month}月{day.day}日到现在"
    return m.group()


def _layue(m: re.Match[str], today: date) -> str:
    for year in (today.year + 1, today.year, today.year - 1):
        # 腊月初一 of the lunar year before the 春节 of ``year`` (events33: the library replaced a 2024–2030 table)
        first, new_year = lunar_to_solar(year - 1, 12, 1), holiday_span("春节", year)
        if first is not None and new_year is not None and first <= today:
            return _dates(first, new_year[0].date())  # 除夕 is the span's first day
    return m.group()


def _run_up_length(m: re.Match[str], today: date) -> str:
    eve = nearest_new_year(today)
    if eve is None:
        return m.group()
    days = 7 if m.group(1) else HALF_MONTH_DAYS if m.group(2) else int(m.group(3))
    return _dates(eve - timedelta(days=days), eve - timedelta(days=1))


def _holiday_half_month(m: re.Match[str], today: date) -> str:
    which, name, side = m.groups()
    years = [today.year - 1] if which == "去年" else [today.year] if which else [today.year, today.year - 1]
    for year in years:
        span = holiday_span(name, year)
        if span is None or (not which and span[0].date() > today):
            continue
        if side == "前":
            start = span[0].date()
            return _dates(start - timedelta(days=HALF_MONTH_DAYS), start - timedelta(days=1))
        after = span[1].date()
        return _dates(after, after + timedelta(days=HALF_MONTH_DAYS - 1))
    return m.group()


def new_year_word_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; before ``year_word_rules`` (年前 alone, 前半个月)."""
    today = now.date()
    return [
        (_HOLIDAY_HALF_MONTH, lambda m: _holiday_half_month(m, today)),
        (_RUN_UP_LENGTH, lambda m: _run_up_length(m, today)),
        (_AFTER_NEW_YEAR, lambda m: _after_new_year(m, today)),
        (_LAYUE, lambda m: _layue(m, today)),
        (_YEARS_AND_MORE, lambda m: f"近{int(m.group(1)) + 1}年"),
    ]
