"""Periods said by leaders reviewing work and by night-shift officers (ADR 0010, events-robust23), rewritten
with ``now`` into forms the grammar already resolves, so they add no semantics of their own:

* 考核周期 (考核期) is a calendar quarter: 上个考核周期 = 上个季度, 本/这个考核周期 = 本季度;
* 季度末 is the quarter's last month from its 21st to the quarter's end (its 下旬), as 月底 is of a month: 第三季度末,
  上个季度末, 本季度末, a bare 季度末 (the latest begun); 那几天/那段时间/那阵子 after it add nothing;
* X前后N天 after a holiday = the holiday's span widened by N days on each side (国庆前后3天 = 28 September →
  10 October), the holiday the latest begun;
* N个多小时以前 = the rolling N+1 hours up to now (the window covers the 多), 半个多小时以前 the hour;
* N个钟头之前到M个钟头之前 = that instant to that instant (a bare N小时前 stays the rolling window);
* 天亮 = 06:00: 天亮之前 = 0点到6点 (the latest 凌晨 begun), 零点以后到天亮 the same, 天亮以后 = 6点以后;
  零点过后/过了零点 = 零点以后 (today's 00:00 → the next midnight);
* two days, weeks or months joined by 或/或者/还是 (上周六或者今天, 上个月或者这个月) read as joined by 和: one span from the earlier to the later,
  as the filter holds one range.

Numerals arrive normalised (3天, 1个多小时, 0点), except a quarter's (第三季度); 半 stays a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span
from agents.nlp.festival_days import written

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

DAWN_HOUR = 6
_ASIDE = r"(?:的?(?:那几天|那段时间|那阵子|那几日))?"

_REVIEW_CYCLE = re.compile(r"(上[一1]?个?|本|这[一1]?个?|当前)考核(?:周期|期)")
_QUARTER_END = re.compile(
    r"(?:(今年|去年|\d{4}年)的?)?(第([1-4一二三四])|上[一1]?个|本|这[一1]?个)?季度的?末" + _ASIDE
)
_HOLIDAY_WIDENED = re.compile(
    r"(国庆|五一|劳动节|元旦|春节|过年|清明|端午|中秋)节?(?:假期)?的?前后(?:各)?(\d{1,2})天"
)
_MORE_THAN_HOURS = re.compile(r"(\d{1,2}|半)个?多(?:小时|钟头|钟)(?:以|之)?前")
_AGO = r"(\d{1,3}|半)个?(小时|钟头|钟|分钟)(?:以|之)?前"
_AGO_TO_AGO = re.compile(_AGO + r"\s*(?:到|至|-|~)\s*" + _AGO)
_TO_DAWN = re.compile(r"(?:零点|0点)(?:以后|之后|后)?\s*(?:到|至)\s*天亮(?:以|之)?前?|天亮(?:以|之)?前")
_AFTER_DAWN = re.compile(r"天亮(?:以|之)?后")
_PAST_MIDNIGHT = re.compile(r"(?:零点|0点)过后|过了(?:零点|0点)")
_DAY_OR_DAY = re.compile(
    r"(?<=[天日号六五四三二一1-7月周拜期])\s*(?:或者|或是|或|还是)\s*"
    r"(?=(?:上上|上|本|这)?个?(?:周|星期|礼拜)[1-7一二三四五六日天]?|(?:上上|上|本|这)个?月|今天|昨天|大?前天"
    r"|\d{1,2}月|\d{1,2}[日号])"
)


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _quarter_end_start(year: int, quarter: int) -> date:
    """The 21st of the quarter's last month, where its 下旬 begins."""
    return date(year, quarter * 3, 21)


def _quarter_end(m: re.Match[str], today: date) -> str:
    year_said, which, number = m.group(1), m.group(2), m.group(3)
    year, quarter = _quarter_of(today)
    if year_said:
        year = {"今年": today.year, "去年": today.year - 1}.get(year_said) or int(year_said[:4])
    if number:
        quarter = int(number) if number.isdigit() else "一二三四".index(number) + 1
        if not year_said and _quarter_end_start(year, quarter) > today:
            year -= 1  # 第四季度末 said in spring: last year's
    elif (which or "").startswith("上") or (not which and _quarter_end_start(year, quarter) > today):
        # 上个季度末, or a bare 季度末 whose quarter has not reached its 下旬: the quarter before
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    if _quarter_end_start(year, quarter) > today:  # 本季度末 said before it begins: left to the grammar
        return m.group()
    # the last month's 下旬, one phrase, so that 上个季度末到这个月初 still reads as one range
    return f"{year}年{quarter * 3}月下旬"


def _holiday_widened(m: re.Match[str], today: date) -> str:
    name = "五一" if m.group(1) == "劳动节" else m.group(1)
    days = timedelta(days=int(m.group(2)))
    span = holiday_span(name, today.year)
    if span is None or span[0].date() > today:
        span = holiday_span(name, today.year - 1)
    if span is None:
        return m.group()
    first, last = span[0].date() - days, span[1].date() - timedelta(days=1) + days
    return f"{written(first)}到{written(last)}"


def _amount(number: str, unit: str) -> timedelta:
    value = 0.5 if number == "半" else float(number)
    return timedelta(minutes=value) if unit == "分钟" else timedelta(hours=value)


def _clock_written(t: datetime) -> str:
    return f"{written(t.date())}{t.hour}点" + (f"{t.minute}分" if t.minute else "")


def _ago_to_ago(m: re.Match[str], now: datetime) -> str:
    start = now - _amount(m.group(1), m.group(2))
    end = now - _amount(m.group(3), m.group(4))
    if start >= end:
        return m.group()
    return f"{_clock_written(start)}到{_clock_written(end)}"


def duty_period_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; before the grammar's own 小时前 and 季度 readings."""
    today = now.date()
    return [
        (_REVIEW_CYCLE, lambda m: "上个季度" if m.group(1).startswith("上") else "本季度"),
        (_QUARTER_END, lambda m: _quarter_end(m, today)),
        (_HOLIDAY_WIDENED, lambda m: _holiday_widened(m, today)),
        (_AGO_TO_AGO, lambda m: _ago_to_ago(m, now)),
        (_MORE_THAN_HOURS, lambda m: "近1小时" if m.group(1) == "半" else f"近{int(m.group(1)) + 1}小时"),
        (_TO_DAWN, lambda m: f"0点到{DAWN_HOUR}点"),
        (_AFTER_DAWN, lambda m: f"{DAWN_HOUR}点以后"),
        (_PAST_MIDNIGHT, lambda m: "0点以后"),
        (_DAY_OR_DAY, lambda m: "和"),
    ]
