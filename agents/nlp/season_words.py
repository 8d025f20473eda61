"""Seasons, solar terms, lunar dates and the flood season (ADR 0010, events33), rewritten with ``now`` into dates
the time grammar already reads, as ``new_year_words`` does, so ``timeexpr`` gains no new semantics:

* 汛期 (今年汛期, 防汛期间) = Jiangsu's statutory flood season, 1 May → 30 September; 主汛期 = June–August; the
  latest begun or of the year said; 汛期以来 / 入汛以来 / 入汛后 = 1 May → `now` (主汛期以来 = 1 June → `now`).
* Seasons follow the solar terms: 春天/春季 = 立春 → 立夏, 夏 立夏 → 立秋, 秋 立秋 → 立冬, 冬 立冬 → the next 立春,
  the latest begun (今年/今 add nothing: 今冬 said in January is the winter begun in November), 去年X the one begun
  in the previous calendar year; 上个X天 / 刚过去的X天 = the latest X that has ended (events35); 入冬以来 / 入冬以后 / 今冬以来 / 开春以来 / 入夏以来 = the term → `now`.
* A solar term (冬至, 立秋, …) = its calendar day, the latest begun or of the year said; 那天/当天/前后 after it add
  nothing (one day, as 元宵前后). 清明 stays the holiday; 雨水, 白露, 小雪, 大雪 are weather words first, not read.
* A lunar date (农历/阴历 M月D, 腊月D, 冬月D) = that Gregorian day, the latest not after today or of the lunar year
  said (去年 = the lunar year before the one `now` is in); 正月 days are ``festival_days``'. 去年腊月 / 今年腊月 = that
  lunar year's whole 腊月 (a bare 腊月 is ``new_year_words``').
* 年后 + a length (年后1周, 年后1个礼拜, 年后3天, 年后半个月) = that many days from the day after the 春节 span, of
  the latest 春节 whose span has ended.
* A recurring slice inside a longer period (本周上班时间, 上个月双休日, 今年节假日) cannot be one range: the period said
  is kept and the slice dropped (as 每天晚上, ``everyday_times``); 上周双休日 (one weekend) and 上周工作日 are left alone.

Weather and announced events (梅雨, 入梅, 出梅, 台风期间, 高温天, 两会期间, 进博会期间) are dated by no rule: nothing here
reads them, so they give no time and the other fields count. Numerals arrive normalised (8月十五, 年后1周).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span
from agents.nlp.festival_days import written
from agents.nlp.lunar_calendar import lunar_to_solar, lunar_year_of, solar_term
from agents.nlp.numerals import chinese_to_int

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_UP_TO_NOW = r"(?:以来|到现在|至今)"
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2}
_FLOOD = re.compile(
    r"(今年|去年|前年)?的?(主)?汛期(以来|到现在|至今)?(?![前后]|之前|以前|之后|以后)|入(主)?汛(?:以来|以后|之后|后|到现在|至今)"
)
_SEASON_TERMS = {
    "春": ("立春", "立夏"),
    "夏": ("立夏", "立秋"),
    "秋": ("立秋", "立冬"),
    "冬": ("立冬", "立春"),
}
_SEASON = re.compile(
    r"(今年|去年|前年)?的?([春夏秋冬])(?:天|季)(?!花园|小区|路|广场)(以来|到现在|至今)?"
    r"|今([春夏秋冬])(?![天季节])(以来|到现在|至今)?"
    r"|(?:入|进入)([春夏秋冬])(?:以来|以后|之后|后|到现在|至今)|开(春)(?:以来|以后|之后|后|到现在|至今)"
)
_LAST_SEASON = re.compile(r"(?:上[一1]?个|刚刚?过去的|过去的)([春夏秋冬])(?:天|季)")
_TERMS = "立春|惊蛰|春分|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|秋分|寒露|霜降|立冬|冬至|小寒|大寒"  # not 清明 (a holiday), 雨水, 白露, 小雪, 大雪 (weather words first)
_TERM = re.compile(r"(今年|去年|前年|\d{4}年)?的?(" + _TERMS + r")(?:节气)?(?:那天|当天|这天|前后(?!\d))?")
_LUNAR_DAY_NUMBER = r"(初(?:10|[1-9]|[一二三四五六七八九十])|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[12]\d|30|[1-9])"
_LUNAR_DATE = re.compile(
    r"(今年|去年|前年)?的?(?:(?:农历|阴历|旧历)的?(正|冬|腊|1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月"
    r"|([冬腊])月)" + _LUNAR_DAY_NUMBER + r"(?![\d月])[日号]?"
)
_WHOLE_LAYUE = re.compile(r"(今年|去年|前年)的?腊月(?:里|间|份)?(?![初廿十\d一二三四五六七八九])")
_AFTER_NEW_YEAR_LENGTH = re.compile(
    r"(?<![\d一二两三四五六七八九十几多半百千万去今明前后近这新每当上下年])(?:过完了?年|过了年|过年|年)(?:以后|之后|后)的?"
    r"(?:(1)个?(?:礼拜|星期|周)|(半)个?月|(\d{1,2})天)"
)
_PERIOD = r"((?:本|这|上上|上)个?(?:周|星期|礼拜|月)份?|(?:今|去|前)年|本年度?|(?:近|最近|过去)\d+个?(?:天|周|星期|礼拜|月|年))"
_LONG_PERIOD = (
    r"((?:本|这|上上|上)个?月份?|(?:今|去|前)年|本年度?|(?:近|最近|过去)\d+个?(?:周|星期|礼拜|月|年))"
)
_RECURRING = re.compile(
    _PERIOD + r"的?(?:上班|工作)(?:时间|期间|时段)(?:内|里)?(?!\s*(?:以外|之外|外|除外))"
    r"|" + _LONG_PERIOD + r"的?(?:双休日?|节假日|法定节假日)(?:期间|里)?"
)


def _span(first: date, last: date, up_to_now: bool = False) -> str:
    return f"{written(first)}到现在" if up_to_now else f"{written(first)}到{written(last)}"


def _year_said(said: str | None, today: date) -> int | None:
    if not said:
        return None
    return int(said[:4]) if said[0].isdigit() else today.year - _YEAR_WORDS[said]


def _flood(m: re.Match[str], today: date) -> str:
    main = bool(m.group(2) or m.group(4))
    to_now = bool(m.group(3)) or m.group().startswith("入")
    said = _year_said(m.group(1), today)
    year = said if said is not None else today.year - (date(today.year, 6 if main else 5, 1) > today)
    first, last = (date(year, 6, 1), date(year, 8, 31)) if main else (date(year, 5, 1), date(year, 9, 30))
    return _span(first, last, to_now)


def _season_bounds(season: str, year: int) -> tuple[date, date] | None:
    start_term, end_term = _SEASON_TERMS[season]
    start, end = solar_term(start_term, year), solar_term(end_term, year + (season == "冬"))
    return None if start is None or end is None else (start, end - timedelta(days=1))


def _season(m: re.Match[str], today: date) -> str:
    season = m.group(2) or m.group(4) or m.group(6) or m.group(7)
    to_now = bool(m.group(3) or m.group(5) or m.group(6) or m.group(7))
    years = [today.year - 1] if m.group(1) == "去年" else [today.year - 2] if m.group(1) == "前年" else None
    if years and season == "冬" and (spring := solar_term("立春", today.year)) is not None and today < spring:
        years = [years[0] - 1]  # 去年冬天 said in January: the winter before the current one (events34)
    for year in years or [today.year, today.year - 1]:
        bounds = _season_bounds(season, year)
        if bounds is not None and (years or bounds[0] <= today):
            return _span(*bounds, to_now)
    return m.group()


def _last_season(m: re.Match[str], today: date) -> str:
    for year in range(today.year, today.year - 3, -1):
        bounds = _season_bounds(m.group(1), year)
        if bounds is not None and bounds[1] < today:
            return _span(*bounds)
    return m.group()


def _term(m: re.Match[str], today: date) -> str:
    said = _year_said(m.group(1), today)
    for year in [said] if said is not None else [today.year, today.year - 1]:
        day = solar_term(m.group(2), year)
        if day is not None and (said is not None or day <= today):
            return written(day)
    return m.group()


def _lunar_number(text: str) -> int | None:
    text = text.removeprefix("初").replace("廿", "二十")
    return int(text) if text.isdigit() else chinese_to_int(text)


def _lunar_date(m: re.Match[str], today: date) -> str:
    month_word = m.group(2) or m.group(3)
    month = {"正": 1, "冬": 11, "腊": 12}.get(month_word) or _lunar_number(month_word)
    day = _lunar_number(m.group(4))
    if not month or not day or not 1 <= month <= 12 or not 1 <= day <= 30:
        return m.group()
    current = lunar_year_of(today)
    if m.group(1):
        found = lunar_to_solar(current - _YEAR_WORDS[m.group(1)], month, day)
        return written(found) if found else m.group()
    for year in (current, current - 1):
        found = lunar_to_solar(year, month, day)
        if found is not None and found <= today:
            return written(found)
    return m.group()


def _whole_layue(m: re.Match[str], today: date) -> str:
    year = lunar_year_of(today) - _YEAR_WORDS[m.group(1)]
    first, new_year = lunar_to_solar(year, 12, 1), lunar_to_solar(year + 1, 1, 1)
    return m.group() if first is None or new_year is None else _span(first, new_year - timedelta(days=1))


def _after_new_year_length(m: re.Match[str], today: date) -> str:
    days = 7 if m.group(1) else 15 if m.group(2) else int(m.group(3))
    for year in (today.year, today.year - 1):
        span = holiday_span("春节", year)
        if span is not None and span[1].date() <= today:
            after = span[1].date()
            return _span(after, after + timedelta(days=days - 1))
    return m.group()


def season_word_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; before ``work_day_rules`` (上班时间 alone is one day's)
    and ``new_year_word_rules`` (年后 alone, 腊月 alone)."""
    today = now.date()
    return [
        (_RECURRING, lambda m: m.group(1) or m.group(2)),
        (_FLOOD, lambda m: _flood(m, today)),
        (_LAST_SEASON, lambda m: _last_season(m, today)),
        (_SEASON, lambda m: _season(m, today)),
        (_TERM, lambda m: _term(m, today)),
        (_LUNAR_DATE, lambda m: _lunar_date(m, today)),
        (_WHOLE_LAYUE, lambda m: _whole_layue(m, today)),
        (_AFTER_NEW_YEAR_LENGTH, lambda m: _after_new_year_length(m, today)),
    ]
