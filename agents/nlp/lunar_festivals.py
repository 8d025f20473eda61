"""Lunar festivals outside the holiday table and the months around the flood season (ADR 0010, events34),
rewritten with ``now`` into dates the time grammar already reads, as ``season_words`` does:

* 腊八 = 腊月初八, 小年 = 腊月二十三 (the calendar's date; the Jiangnan 廿四 is not read), 七夕 = 七月初七,
  重阳(节) = 九月初九: that one Gregorian day (lunar calendar library), the latest not after today or of the lunar
  year said (去年 = the lunar year before the one `now` is in). 那天 / 以来 / 到现在 after it keep their reading.
* 汛期前 / 汛前 = the month before the flood season (1 April → 30 April, the 汛前检查 month) and 汛期后 / 汛后 = the
  month after it (1 → 31 October), each the latest begun or of the year said. 入汛后 stays ``season_words``'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from agents.nlp.festival_days import written
from agents.nlp.lunar_calendar import lunar_to_solar, lunar_year_of

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2}
_FESTIVALS = {"腊八": (12, 8), "小年": (12, 23), "七夕": (7, 7), "重阳": (9, 9)}
# 腊八粥 / 小年夜饭 / 七夕节 / 重阳糕: only the day names, not words built on them (小年轻 is a young person).
_FESTIVAL = re.compile(r"(今年|去年|前年)?的?(腊八|小年|七夕|重阳)(?:节)?(?![粥蒜糕轻夜饭])")
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
        (_FESTIVAL, lambda m: _festival(m, today)),
        (_FLOOD_EDGE, lambda m: _flood_edge(m, today)),
    ]
