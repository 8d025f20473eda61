"""Round 30's open words (events31), rewritten with ``now`` into forms the time grammar already resolves (ADR 0010),
so no new semantics are added to ``timeexpr``:

* 年前 = the run-up to 过年: the 30 days before 除夕 (除夕 − 30 days → 除夕, as 春节前 is the seven days before it),
  of the 春节 nearest to today (the past one on a tie), written as two dates joined by 到. N年前 (一年前, 两年前),
  去年年前 (the year word stands alone), 过年前 (= 春节前) and 年前后 keep their own readings; outside the
  holiday table nothing is rewritten.
* N年来 / 这N年来 / 近N年来 (一年来, 这一年来, 两年来) = 近N年, a rolling window, as 三天来 = 近3天 (round 30);
  N is at most two digits, so 2025年来 is never read as a window.
* 前半个月 / 后半个月 (前半月, 后半月) = 上半月 / 下半月 (the 1st → the 16th, the 16th → the month's end), as
  上/下半个月 already were (not after a holiday or a day: 春节前半个月 is half a month before it); a month said
  before them (这个月, 上个月, 10月份) is kept, also with 的 between (上个月的前半个月, 上个月的上半月: the grammar
  read 的 as a break and ran from last month's start to this month's half).
* 十二点(钟) said before noon with no day or part of the day before it, followed by 以后/之后/过后/后/以来/起/开始 or
  到现在/至今, is today's midnight (0点): at 00:40 十二点以后 means "since midnight", not yesterday noon. A day
  or part said first (今天12点, 中午12点, 晚上12点), 十二点前 ("before noon") and 10点到12点 keep their reading.

Numerals arrive normalised (1年来, 12点).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from agents.nlp.calendar_days import holiday_span

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

RUN_UP_DAYS = 30  # 年前: about a lunar month (腊月) before 除夕

# 年前 not after a number, a year word or 过 (一年前, 去年前, 过年前), nor followed by 后 (年前后) or a digit.
_BEFORE_NEW_YEAR = re.compile(
    r"(?<![\d一二两三四五六七八九十几多半百千万去今明前后近这过新每当上下年])年前(?![后\d])"
)
_YEARS_SINCE = re.compile(r"(?:这|近)?(?<![\d.])(\d{1,2}|半)年来(?![了过回])")
# Not after a holiday or a day (春节前半个月, 国庆后半个月, 3号前半个月: half a month before or after it).
_HALF_MONTH = re.compile(r"(?<![之以近这上下节庆旦年秋午明夕宵一天日号])([前后])半个?月(?![前后以之])")
# 上个月的上半月: 的 would split the month from its half.
_MONTHS_HALF = re.compile(r"(?<=[月份])的(?=[上下前后]半个?月)")
# 12点 / 12时 with nothing but a place or a space before it; what follows makes it a start point.
_TWELVE = re.compile(
    r"(?<![\d.:：])12(?:点钟?|时)(?:(过后)|(?=半?\s*(?:以后|之后|后|以来|起|开始|到现在|至今|到目前)))"
)
# Words that, right before 12点, give it a day or a part of the day (then the grammar's own reading stands).
_DAY_OR_PART = re.compile(
    r"(?:[今昨前明]天|[今昨前明]日|[今昨]晚|今早|[上中下]午|晚上|夜里|夜间|晚间|深夜|半夜|午夜|凌晨|早上|早晨|白天|傍晚|"
    r"\d+[号日]|[到至\-~—～]|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天])\s*$"
)


def nearest_new_year(today: date) -> date | None:
    """除夕 of the 春节 nearest to ``today`` (the past one on a tie), or None outside the table."""
    eves = [
        span[0].date()
        for y in (today.year - 1, today.year, today.year + 1)
        if (span := holiday_span("除夕", y))
    ]
    if not eves:
        return None
    return min(eves, key=lambda eve: (abs((eve + timedelta(days=1) - today).days), eve > today))


def _run_up(m: re.Match[str], today: date) -> str:
    eve = nearest_new_year(today)
    if eve is None:
        return m.group()
    first, last = eve - timedelta(days=RUN_UP_DAYS), eve - timedelta(days=1)
    return f"{first.year}年{first.month}月{first.day}日到{last.year}年{last.month}月{last.day}日"


def _midnight(m: re.Match[str], now: datetime) -> str:
    if now.hour >= 12 or _DAY_OR_PART.search(m.string, 0, m.start()):
        return m.group()
    return "0点以后" if m.group(1) else "0点"  # 过后 is read as 以后


def year_word_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``."""
    today = now.date()
    return [
        (_BEFORE_NEW_YEAR, lambda m: _run_up(m, today)),
        (_YEARS_SINCE, lambda m: f"近{m.group(1)}年"),
        (_MONTHS_HALF, lambda m: ""),
        (_HALF_MONTH, lambda m: ("上" if m.group(1) == "前" else "下") + "半月"),
        (_TWELVE, lambda m: _midnight(m, now)),
    ]
