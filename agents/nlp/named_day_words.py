"""A named date with 当天 or 次日 after it (ADR 0010, events37), rewritten with ``now`` into a date the
grammar already reads, so the words add no semantics of their own:

* D当天 / D那一天 = the day D (当天 alone means "the same day" and must not read as today: 11月20日当天
  is 20 November, not 20 November up to now);
* D次日 / D第二天 / D隔天 / D翌日 / D后一天 = the day after D, whole; a part of the day said after it stays
  (10月5日次日凌晨 = 6 October 00:00–06:00).

D is a Gregorian date written with 月 and 日/号 (a year before it optional) or a day alone (20号); with no
year it is the latest such day not after today, as the grammar reads a bare date, so that 12月31日次日 said in
January is 1 January of this year. Numerals arrive normalised (11月20日). A holiday's 当天 (国庆当天) is the
grammar's own (the festival day only) and is left alone here.

Since events38 D may also be a holiday or a weekday (国庆次日, 中秋节的翌日, 上周五次日, 周三隔天, 周三第二天): the
day the grammar itself reads for 国庆当天 / 上周五, plus one. A holiday's 第二天 stays the holiday's second day
(``festival_days``: 春节第二天 counts from 除夕).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.festival_days import written

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

# Not after a digit (a longer number) nor after 月 (the day of 11月20日 is read with its month).
_DATE = r"(?<![\d月])(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})[日号]"
_SAME_DAY = re.compile(_DATE + r"的?(?:当天|那一天|当日)")
_NEXT_DAY = re.compile(_DATE + r"的?(?:次日|第二天|第2天|隔天|翌日|后一天|后1天)")
_AFTER = r"的?(?:次日|隔天|翌日|后一天|后1天)"
_WEEKDAY_AFTER = r"的?(?:次日|隔天|翌日|后一天|后1天|第二天|第2天)"
# A festival named by the grammar's holiday table or the lunar festivals, read as its day with 当天 (国庆当天 = 1 October).
_HOLIDAY_NEXT = re.compile(
    r"((?:今年|去年|前年|\d{4}年)?的?(?:国庆|五一|劳动|元旦|春节|清明|端午|中秋|元宵|除夕|七夕|重阳|腊八|冬至)节?)"
    + _AFTER
)
# A weekday as the grammar reads it (a bare one is the latest not after today); 第二天 after it is the next day too.
_WEEKDAY_NEXT = re.compile(r"((?:上上|上|本|这)?个?(?:周|星期|礼拜)[一二三四五六日天1-7])" + _WEEKDAY_AFTER)


def latest_date(year: int | None, month: int | None, day: int, today: date) -> date | None:
    """The date said: of the year said, else the latest not after today (a day alone: this month or an
    earlier one)."""
    if year is not None and month is not None:
        candidates = [(year, month)]
    elif month is not None:
        candidates = [(today.year, month), (today.year - 1, month)]
    else:
        candidates = [
            (today.year - (today.month - k <= 0), (today.month - k - 1) % 12 + 1) for k in range(0, 12)
        ]
    for y, m in candidates:
        try:
            found = date(y, m, day)
        except ValueError:
            continue  # 31号 in a month of 30 days: an earlier month
        if year is not None or found <= today:
            return found
    return None


def _said(m: re.Match[str], today: date) -> date | None:
    year = int(m.group("y")) if m.group("y") else None
    month = int(m.group("m")) if m.group("m") else None
    if year is not None and month is None:
        return None  # 2026年20号: not a date
    return latest_date(year, month, int(m.group("d")), today)


def _rewrite(m: re.Match[str], today: date, shift: int) -> str:
    day = _said(m, today)
    if day is None:
        return m.group()
    return written(day + timedelta(days=shift))


def _after_named(m: re.Match[str], now: datetime, suffix: str) -> str:
    """The day after the one day the grammar reads for the anchor (国庆 + 当天, 上周五), else the words as said."""
    from agents.nlp.timeexpr import parse_time_range  # the grammar runs these rules: imported when first used

    found = parse_time_range(m.group(1) + suffix, now)
    if (
        found is None
        or found.end - found.start != timedelta(days=1)
        or found.start.hour
        or found.start.minute
    ):
        return m.group()
    return written(found.start.date() + timedelta(days=1))


# 当日 / 当天 + a part of the day, or 当晚 / 当夜, a few words after a date said earlier (11月4日接报，当日凌晨…;
# 11月18日值班报告：当天晚上…) = that part of that date (events41): the date is read back into 当日, and the earlier
# bare date is dropped, so the grammar's first time phrase is the part of the day, not the whole date.
_PARTS = r"凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|深夜|半夜|白天|晚间"
_LATER_SAME_DAY = re.compile(r"(?<![\d月日号年])(?:当日|当天)(?=" + _PARTS + r")|当晚|当夜")
# A few words, no digits, not opening with a range connector (11月3日到当天晚上 is no restatement).
_GAP = r"(?![到至~—-])(?:(?!\d)[^。；;！？]){1,24}?"
_ANY_DATE = re.compile(_DATE)
# The earlier date, once 当日 after it has become the same date written out (2026年11月4日凌晨).
_EARLIER_DATE = re.compile(
    _DATE + r"(?=" + _GAP + r"(?P<ly>\d{4})年(?P<lm>\d{1,2})月(?P<ld>\d{1,2})日(?:" + _PARTS + r"))"
)


def _earlier_day(m: re.Match[str], today: date) -> str:
    """当日凌晨 → D凌晨, 当晚 → D晚上, D the last date said a few words before it; the words as said when none."""
    before = m.string[max(0, m.start() - 40) : m.start()]
    found = [d for d in _ANY_DATE.finditer(before) if re.fullmatch(_GAP, before[d.end() :])]
    day = _said(found[-1], today) if found else None
    if day is None:
        return m.group()
    return written(day) + {"当晚": "晚上", "当夜": "夜里"}.get(m.group(), "")


def _restated(m: re.Match[str], today: date) -> str:
    """The earlier date dropped when the same date is said again a few words on (its chars stay out of the phrase)."""
    said = _said(m, today)
    again = (int(m.group("ly")), int(m.group("lm")), int(m.group("ld")))
    return "" if said is not None and (said.year, said.month, said.day) == again else m.group()


def same_day_rules(now: datetime) -> list[_Rule]:
    """当日凌晨 a few words after a date → that date's 凌晨; after ``named_day_rules`` (D当日 glued to the date)."""
    today = now.date()
    return [
        (_LATER_SAME_DAY, lambda m: _earlier_day(m, today)),
        (_EARLIER_DATE, lambda m: _restated(m, today)),
    ]


def named_day_rules(now: datetime) -> list[_Rule]:
    """D当天 → D, D次日 → D + 1 day (as 2026年11月21日); before the everyday rules read 当天 alone."""
    today = now.date()
    return [
        (_SAME_DAY, lambda m: _rewrite(m, today, 0)),
        (_NEXT_DAY, lambda m: _rewrite(m, today, 1)),
        (_HOLIDAY_NEXT, lambda m: _after_named(m, now, "当天")),
        (_WEEKDAY_NEXT, lambda m: _after_named(m, now, "")),
    ]
