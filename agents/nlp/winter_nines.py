"""The nines of winter (数九, ADR 0010, events36), rewritten with ``now`` into dates the time grammar already reads,
as ``almanac_days`` does:

* 冬至 is the first day of 一九; the Nth nine (一九 … 九九, 三九天, 四九里, 一九期间, 九九那几天) = 冬至 + 9(N−1) days
  → 冬至 + 9N days, the latest begun.
* 数九 / 数九寒天 / 数九天 = the 81 days from 冬至, the latest begun; 进九以来 / 进九到现在 / 数九以来 = 冬至 → `now`.

A bare 九九 is read only before a space, the end or a period word (九九 那几天), since 九九乘法 / 九九重阳 use the
word otherwise; 八九 before 天 stays "eight or nine days" (``numerals``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.festival_days import written
from agents.nlp.lunar_calendar import solar_term

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
_NINE_NUMBERS = "一二三四五六七八九"
_TO_NOW = r"(以来|到现在|至今)"
_PERIOD = r"(?:寒天|天里|天|里|期间|那几天|这几天)?"
_NINE = re.compile(
    r"(?<![\d一二三四五六七八九十])(?:"
    r"(进九|数九)" + _TO_NOW +  # 进九以来
    r"|数九" + _PERIOD +  # 数九寒天
    r"|([一二三四五六七八九])九(?=\s|$|天|里|期间|那几天|这几天|以来|到现在|至今)" + _PERIOD + _TO_NOW + r"?"
    r")"
)  # fmt: skip


def _winter_solstice(today: date, offset_days: int) -> date | None:
    """The latest 冬至 whose day + ``offset_days`` is not after today."""
    for year in (today.year, today.year - 1):
        found = solar_term("冬至", year)
        if found is not None and found + timedelta(days=offset_days) <= today:
            return found
    return None


def _nine(m: re.Match[str], today: date) -> str:
    if m.group(1):  # 进九以来
        start = _winter_solstice(today, 0)
        return m.group() if start is None else written(start) + m.group(2)
    if m.group(3) is None:  # 数九 as a whole: the 81 days
        start = _winter_solstice(today, 0)
        if start is None:
            return m.group()
        return f"{written(start)}到{written(start + timedelta(days=80))}"
    n = _NINE_NUMBERS.index(m.group(3)) + 1
    start = _winter_solstice(today, 9 * (n - 1))
    if start is None:
        return m.group()
    first = start + timedelta(days=9 * (n - 1))
    if m.group(4):
        return written(first) + m.group(4)
    return f"{written(first)}到{written(first + timedelta(days=8))}"


def winter_nine_rules(now: datetime) -> list[_Rule]:
    """The rewrite above, resolved against ``now``; run with ``season_word_rules``."""
    today = now.date()
    return [(_NINE, lambda m: _nine(m, today))]
