"""Lunar festivals outside the holiday table and the months around the flood season (ADR 0010, events34),
rewritten with ``now`` into dates the time grammar already reads, as ``season_words`` does:

* 腊八 = 腊月初八, 七夕 = 七月初七, 重阳(节) = 九月初九, 中元(节) = 鬼节 = 七月半 = 七月十五 (events35): that one
  Gregorian day (lunar calendar library), the latest not after today or of the lunar year said (去年 = the lunar
  year before the one `now` is in). 那天 / 以来 / 到现在 after it keep their reading.
* 小年: Jiangyin keeps the southern custom, 小年 = 南方小年 = 腊月二十四 (送灶 on 廿四); 北方小年 = 腊月二十三
  (events35; events34 read a bare 小年 as 廿三). 小年夜 in Wu speech is the eve before 除夕 (大年夜): the day before
  除夕, 18:00 → 24:00 as 大年夜, the latest not after today or of the lunar year said (events36); 今年小年夜 said
  after this calendar year's 春节 is the eve just past, the one in this calendar year (events38); 去年 / 前年
  小年夜 count back from it, one or two calendar years (events39).
* 龙抬头 = 二月二 = 二月初二 and 寒衣节 = 十月初一 (events36; 寒衣 alone is winter clothing), as the festivals
  above; 二月二 only with a Chinese last numeral and no 日 / 号 (2月2日 is a Gregorian date).
* 闰M月D = day D of the leap month M, of the latest lunar year that has it with the day not after today, or of the
  lunar year said; 闰M月 alone = that whole leap month (events35). An ordinary M月D stays the ordinary month.
* 汛期前 / 汛前 = the month before the flood season (1 April → 30 April, the 汛前检查 month) and 汛期后 / 汛后 = the
  month after it (1 → 31 October), each the latest begun or of the year said. 入汛后 stays ``season_words``'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.festival_days import written
from agents.nlp.lunar_calendar import lunar_to_solar, lunar_year_of
from agents.nlp.numerals import chinese_to_int

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
_LUNAR_DAY = r"初(?:10|[1-9]|[一二三四五六七八九十])|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[12]\d|30|[1-9]"
# 中元节 那天晚上: 那天 (after a space) is the day itself, so the part of the day after it joins the date.
# Right after the name it is always the day itself (寒衣节当天 夏港: 当天 alone would be today, events36).
_THAT_DAY = r"(?:(?:那天|当天|这天|那一天)|\s*(?:那天|当天|这天|那一天)(?=\S))?"
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2}
_FESTIVALS = {
    "腊八": (12, 8), "小年": (12, 24), "南方小年": (12, 24), "北方小年": (12, 23), "七夕": (7, 7), "重阳": (9, 9),
    "中元": (7, 15), "鬼节": (7, 15), "7月半": (7, 15), "龙抬头": (2, 2), "2月二": (2, 2), "寒衣": (10, 1),
}  # fmt: skip
# 腊八粥 / 小年夜饭 / 七夕节 / 重阳糕: only the day names, not words built on them (小年轻 is a young person).
# 中元 alone only before a space or a time word: 中元化工 is a firm's 字号.
# 七月半 arrives as 7月半 (numerals are normalised first); 月半 is no Gregorian way of saying mid-month.
_FESTIVAL = re.compile(
    r"(今年|去年|前年)?的?(腊八|[南北]方小年|小年|七夕|重阳|中元(?=节|\s|$|那天|当天|以来|到现在|至今)|鬼节|(?<!\d年)(?<!\d)7月半"
    r"|龙抬头|(?<![\d年])2月二(?![十\d日号])|寒衣(?=节))(?:节)?(?![粥蒜糕轻夜饭\d])" + _THAT_DAY
)
# 小年夜 in Wu speech (Jiangyin) is the eve before 除夕 (大年夜): the day before 除夕, 18:00 → 24:00 as 大年夜.
_EVE = re.compile(r"(今年|去年|前年)?的?小年夜(?:里)?(?!饭)")
_LEAP = re.compile(
    r"(今年|去年|前年)?的?闰(1[0-2]|[1-9]|正|冬|腊)月(?:("
    + _LUNAR_DAY
    + r")(?![\d月])[日号]?"
    + _THAT_DAY
    + r"|(?:里|份)?)"
)
_FLOOD_EDGE = re.compile(r"(今年|去年|前年)?的?(?<!入)汛期?(前|后|之前|以前|之后|以后)(?!\d)")


def _festival(m: re.Match[str], today: date) -> str:
    month, day = _FESTIVALS[m.group(2)]
    current = lunar_year_of(today)
    years = [current - _YEAR_WORDS[m.group(1)]] if m.group(1) else [current, current - 1]
    for year in years:
        found = lunar_to_solar(year, month, day)
        if found is not None and (m.group(1) or found <= today):
            return written(found)
    return m.group()


def _little_new_year_eve(m: re.Match[str], today: date) -> str:
    """The day before 除夕 at the end of lunar year Y: the latest not after today, or of the lunar year said (去年 =
    the lunar year before the one `now` is in, as for the festivals above)."""
    current = lunar_year_of(today)
    years = [current - _YEAR_WORDS[m.group(1)]] if m.group(1) else [current, current - 1]
    if m.group(1) == "今年":
        # Said after this calendar year's 春节, 今年小年夜 is the eve just past (in this calendar year), not the
        # coming lunar year's eleven months ahead (events38); before that 春节 the two are the same.
        years = [current - 1, current]
    elif m.group(1):
        # 去年 / 前年 count back from the same eve 今年 names: said after this calendar year's 春节, 去年小年夜 is
        # the eve one lunar year before the one just past (in last calendar year), not that same eve (events39).
        back = _YEAR_WORDS[m.group(1)]
        years = [
            y for y in (current - back - 1, current - back) if _eve_year(y) == today.year - back
        ] or years
    for year in years:
        new_year = lunar_to_solar(year + 1, 1, 1)
        if new_year is None:
            continue
        eve = new_year - timedelta(days=2)
        if m.group(1) == "今年" and year == current - 1 and (eve.year != today.year or eve > today):
            continue
        if m.group(1) or eve <= today:
            return written(eve) + "晚上"
    return m.group()


def _eve_year(lunar_year: int) -> int | None:
    """The Gregorian year of the 小年夜 that ends lunar year ``lunar_year`` (two days before the next 春节)."""
    new_year = lunar_to_solar(lunar_year + 1, 1, 1)
    return None if new_year is None else (new_year - timedelta(days=2)).year


def _day_number(text: str) -> int | None:
    text = text.removeprefix("初").replace("廿", "二十")
    return int(text) if text.isdigit() else chinese_to_int(text)


def _leap(m: re.Match[str], today: date) -> str:
    month = {"正": 1, "冬": 11, "腊": 12}.get(m.group(2)) or int(m.group(2))
    day = _day_number(m.group(3)) if m.group(3) else None
    current = lunar_year_of(today)
    years = [current - _YEAR_WORDS[m.group(1)]] if m.group(1) else range(current, current - 60, -1)
    for year in years:
        first = lunar_to_solar(year, -month, day or 1)
        if first is None or (not m.group(1) and first > today):
            continue
        if day:
            return written(first)
        after = lunar_to_solar(year + (month == 12), month % 12 + 1, 1)
        return m.group() if after is None else f"{written(first)}到{written(after - timedelta(days=1))}"
    return m.group()


def _flood_edge(m: re.Match[str], today: date) -> str:
    month = 4 if "前" in m.group(2) else 10
    if m.group(1):
        year = today.year - _YEAR_WORDS[m.group(1)]
    else:
        year = today.year - (date(today.year, month, 1) > today)
    last = 30 if month == 4 else 31
    return f"{written(date(year, month, 1))}到{written(date(year, month, last))}"


def lunar_festival_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; run with ``season_word_rules`` (before the grammar's note for
    lunar festivals it cannot date)."""
    today = now.date()
    return [
        (_LEAP, lambda m: _leap(m, today)),
        (_EVE, lambda m: _little_new_year_eve(m, today)),
        (_FESTIVAL, lambda m: _festival(m, today)),
        (_FLOOD_EDGE, lambda m: _flood_edge(m, today)),
    ]
