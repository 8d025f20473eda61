"""The dog days and the plum rains by the almanac (ADR 0010, events35), rewritten with ``now`` into dates the time
grammar already reads, as ``season_words`` does:

* 三伏 (三伏天, 伏天, 伏天里, 三伏期间) = 初伏's first day → 末伏's last day: 初伏 begins on the third 庚 day counted
  from 夏至 (that day included), 中伏 on the fourth, 末伏 on the first 庚 day from 立秋; 初伏 and 末伏 last ten
  days, 中伏 runs up to 末伏 (10 or 20 days). 初伏 / 头伏, 中伏, 末伏 = that period; 入伏 = 初伏's first day,
  入伏以来 / 三伏以来 = that day → `now`; 出伏 = the day after 末伏, 出伏以后 = that day → `now`.
* 梅雨 by the almanac rule 芒种后逢丙入梅, 小暑后逢未出梅: 入梅 = the first 丙 day after 芒种, 出梅 = the first 未 day
  after 小暑; 梅雨季 (梅雨天, 梅雨期, 黄梅天, 黄梅季) = 入梅 → the day before 出梅; 入梅以来 = 入梅 → `now`, 出梅以后 =
  出梅 → `now`, 入梅 / 出梅 (那天) = that day. The weather office announces its own days each year (2025: about 19 June
  against the almanac's 6 June); no table of announcements is kept, so the almanac's days are the search window.
  A day the speaker gives for it replaces the almanac's (events38): 6月16号入梅以来, 今年是6月20号入梅的 入梅到现在,
  入梅是6月18号 入梅以后, 7月10号出梅的 出梅以后 = that day → `now`; 6月16号入梅 (那天) alone = that day; both days
  said with 梅雨季 = the 入梅 day → the day before 出梅 (events39); one day said with 梅雨季, before or after it,
  replaces only its own edge of the almanac's season (events41).

Each is the latest begun, or of the year said (今年 / 去年 / 前年). Weather with no calendar rule (台风期间, 高温天)
stays unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from agents.nlp.festival_days import written
from agents.nlp.lunar_calendar import day_branch, day_stem, solar_term
from agents.nlp.named_day_words import latest_date

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2}
_YEAR = r"(今年|去年|前年)?的?"
_TO_NOW = r"(以来|以后|之后|后|到现在|至今)"
_DAY = r"(?:那天|当天|这天|那一天)?"
# 黄梅 alone is a name (黄梅戏, a village); 梅雨 alone is the season.
# 起伏, 埋伏, 潜伏, 伏特 (volts) are no dog days: only the names of the periods are read.
_FU = re.compile(
    _YEAR + r"(?:(三伏|头伏|初伏|中伏|末伏)(?:天)?|(伏)天)(?:里|期间|那几天|这几天)?" + _TO_NOW + r"?(?!特)"
    r"|" + _YEAR + r"([入出])伏" + _TO_NOW + r"?" + _DAY
)
_MEI = re.compile(
    _YEAR
    + r"(?:梅雨(?:季节?|期|天|时节)?|黄梅(?:季节?|期|天|时节))(?:里|期间|那几天|这段时间)?"
    + _TO_NOW
    + r"?"
    r"|" + _YEAR + r"([入出])梅" + _TO_NOW + r"?" + _DAY
)


def _said_day(name: str) -> str:
    """A Gregorian day with its parts in groups ``{name}y``, ``{name}m``, ``{name}d`` (two of them in one pattern)."""
    return rf"(?:(?P<{name}y>\d{{4}})年)?(?P<{name}m>\d{{1,2}})月(?P<{name}d>\d{{1,2}})[日号]?"


# The day said with 入梅 / 出梅, before or after it, and the 以来 / 以后 said then (repeating 入梅 or not).
_SAID_TAIL = (
    r"(?:的|了)?(?:\s*[，,]?\s*(?:那?(?P=e)梅)?(?P<to>以来|以后|之后|后|到现在|至今))?(?:那天|当天|这天)?"
)
_ANNOUNCED = re.compile(
    r"(?:(?P<w>今年|去年|前年)的?)?(?:是|在|从)?" + _said_day("b") + r"(?:就)?(?P<e>[入出])梅" + _SAID_TAIL
    + r"|(?:(?P<w2>今年|去年|前年)的?)?(?P<e2>[入出])梅(?:是|在)" + _said_day("a") + r"(?:的|了)?"
    + r"(?:\s*[，,]?\s*(?:那?(?P=e2)梅)?(?P<to2>以来|以后|之后|后|到现在|至今))?"
)  # fmt: skip


# 梅雨季 with both its days said (今年是6月15号入梅7月12号出梅的 梅雨季期间) = the 入梅 day → the day before 出梅, as
# the almanac's season is, with the speaker's days (events39).
_ANNOUNCED_SEASON = re.compile(
    r"(?:(?P<w>今年|去年|前年)的?)?(?:是|在|从)?" + _said_day("b") + r"(?:就)?入梅[，,\s]*(?:是|在)?"
    + _said_day("a") + r"(?:就)?出梅(?:的|了)?\s*[，,]?\s*(?:这个|那个)?"
    + r"(?:梅雨(?:季节?|期|天|时节)?|黄梅(?:季节?|期|天|时节))(?:里|期间|那几天|这段时间)?"
)  # fmt: skip


# 梅雨季 with one of its days said, before or after it in the sentence (今年是6月18日入梅，梅雨季里…; 梅雨季里…，今年是
# 6月16号入梅的) = the said day replaces only its own edge of the almanac's season (events41): 入梅 said → that day →
# the day before the almanac's 出梅, 出梅 said → the almanac's 入梅 → the day before the said day.
_SEASON_WORD = r"(?:梅雨(?:季节?|期|天|时节)?|黄梅(?:季节?|期|天|时节))(?:里|期间|那几天|这段时间)?"
# The day is said before the edge word (今年是6月18日入梅) or after it (入梅是6月12日, 今年入梅在6月14号; events42).
_ONE_DAY = (
    r"(?:(?:(?P<w>今年|去年|前年)的?)?(?:是|在|从)?" + _said_day("b") + r"(?:就)?(?P<e>[入出])梅(?:的|了)?"
    + r"|(?:(?P<w2>今年|去年|前年)的?)?(?P<e2>[入出])梅(?:是|在)" + _said_day("a") + r"(?:的|了)?)"
)  # fmt: skip
_ONE_DAY_SEASON = re.compile(
    _ONE_DAY + r"[，,\s]*(?:这个|那个)?" + _SEASON_WORD
    # said after it: only the season word is rewritten (the day is read ahead), so the words between keep their place
    + r"|(?P<season>" + _SEASON_WORD + r")(?=[^。；;！？]*?[，,\s]*" + _ONE_DAY.replace("P<", "P<x") + ")"
)  # fmt: skip


def _one_day_season(m: re.Match[str], today: date) -> str:
    p = "" if m.group("season") is None else "x"
    before = m.group(p + "bm") is not None  # the day said before 入梅 / 出梅, else after it
    part, said, edge = (
        ("b", m.group(p + "w"), m.group(p + "e")) if before else ("a", m.group(p + "w2"), m.group(p + "e2"))
    )
    year = m.group(p + part + "y") or (str(today.year - _YEAR_WORDS[said]) if said else None)
    month, day_of_month = int(m.group(p + part + "m")), int(m.group(p + part + "d"))
    day = latest_date(int(year) if year else None, month, day_of_month, today)
    almanac = None if day is None else plum_rains(day.year)
    if day is None or almanac is None:
        return m.group()
    first, end = (day, almanac[1]) if edge == "入" else (almanac[0], day)
    if end <= first:
        return m.group()
    return written(first) + "到" + written(end - timedelta(days=1))


def _announced_season(m: re.Match[str], today: date) -> str:
    year = m.group("by") or (str(today.year - _YEAR_WORDS[m.group("w")]) if m.group("w") else None)
    first = latest_date(int(year) if year else None, int(m.group("bm")), int(m.group("bd")), today)
    if first is None:
        return m.group()
    last = latest_date(int(m.group("ay") or first.year), int(m.group("am")), int(m.group("ad")), today)
    if last is None or last <= first:
        return m.group()
    return written(first) + "到" + written(last - timedelta(days=1))


def _announced(m: re.Match[str], today: date) -> str:
    """The day said for 入梅 / 出梅, of the year said or the latest not after today, → `now` after 以来 / 以后."""
    first = m.group("bm") is not None  # the day said before 入梅, else after it (入梅是6月18号)
    part = "b" if first else "a"
    year, month, day = m.group(part + "y"), int(m.group(part + "m")), int(m.group(part + "d"))
    said = m.group("w" if first else "w2")
    if year is None and said:
        year = str(today.year - _YEAR_WORDS[said])
    found = latest_date(int(year) if year else None, month, day, today)
    if found is None:
        return m.group()
    return written(found) + ("到现在" if m.group("to" if first else "to2") else "")


def _nth_from(first: date, stem: str, n: int) -> date:
    day, seen = first, 0
    while True:
        if day_stem(day) == stem:
            seen += 1
            if seen == n:
                return day
        day += timedelta(days=1)


def _first_after(term_day: date, test: Callable[[date], bool]) -> date:
    day = term_day + timedelta(days=1)
    while not test(day):
        day += timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def fu_periods(year: int) -> dict[str, tuple[date, date]] | None:
    """初伏, 中伏, 末伏 and 三伏 of ``year``, each (first day, day after the last)."""
    summer, autumn = solar_term("夏至", year), solar_term("立秋", year)
    if summer is None or autumn is None:
        return None
    first, middle = _nth_from(summer, "庚", 3), _nth_from(summer, "庚", 4)
    last = _nth_from(autumn, "庚", 1)
    end = last + timedelta(days=10)
    return {"初伏": (first, middle), "中伏": (middle, last), "末伏": (last, end), "三伏": (first, end)}


@lru_cache(maxsize=64)
def plum_rains(year: int) -> tuple[date, date] | None:
    """(入梅, 出梅) of ``year`` by the almanac rule."""
    grain, heat = solar_term("芒种", year), solar_term("小暑", year)
    if grain is None or heat is None:
        return None
    return _first_after(grain, lambda d: day_stem(d) == "丙"), _first_after(
        heat, lambda d: day_branch(d) == "未"
    )


def _latest(
    said: str | None, today: date, span: Callable[[int], tuple[date, date] | None]
) -> tuple[date, date] | None:
    if said:
        return span(today.year - _YEAR_WORDS[said])
    for year in (today.year, today.year - 1):
        found = span(year)
        if found is not None and found[0] <= today:
            return found
    return None


def _written_span(first: date, end: date, to_now: bool) -> str:
    return f"{written(first)}到现在" if to_now else f"{written(first)}到{written(end - timedelta(days=1))}"


def _fu(m: re.Match[str], today: date) -> str:
    if m.group(6):  # 入伏 / 出伏
        found = _latest(m.group(5), today, lambda y: _fu_span(y, m.group(6)))
        if found is None:
            return m.group()
        return written(found[0]) + ("到现在" if m.group(7) else "")
    name = {"伏": "三伏", "头伏": "初伏"}.get(m.group(2) or m.group(3), m.group(2) or m.group(3))
    found = _latest(m.group(1), today, lambda y: (fu_periods(y) or {}).get(name))
    return m.group() if found is None else _written_span(*found, bool(m.group(4)))


def _fu_span(year: int, edge: str) -> tuple[date, date] | None:
    periods = fu_periods(year)
    if periods is None:
        return None
    first, end = periods["三伏"]
    return (first, end) if edge == "入" else (end, end + timedelta(days=1))


def _mei(m: re.Match[str], today: date) -> str:
    if m.group(4):  # 入梅 / 出梅

        def edge(year: int) -> tuple[date, date] | None:
            found = plum_rains(year)
            return None if found is None else (found[0] if m.group(4) == "入" else found[1], found[1])

        at = _latest(m.group(3), today, edge)
        return m.group() if at is None else written(at[0]) + ("到现在" if m.group(5) else "")
    found = _latest(m.group(1), today, plum_rains)
    return m.group() if found is None else _written_span(*found, bool(m.group(2)))


def almanac_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; run with ``season_word_rules``."""
    today = now.date()
    return [
        (_ANNOUNCED_SEASON, lambda m: _announced_season(m, today)),
        (_ONE_DAY_SEASON, lambda m: _one_day_season(m, today)),
        (_ANNOUNCED, lambda m: _announced(m, today)),
        (_FU, lambda m: _fu(m, today)),
        (_MEI, lambda m: _mei(m, today)),
    ]
