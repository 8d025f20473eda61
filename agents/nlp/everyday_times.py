"""Everyday time words of a working day and the holidays around it (ADR 0010, events-robust15), turned
into forms the grammar already resolves, so they add no semantics of their own:

* 一早/一大早/大清早/清早 = 早上; 中饭前后/午饭时间 = 中午; 上班前 = 8点前 (the day's start → 08:00);
  下班后 = 17点后 (17:00 → the day's end); 夜班/夜班期间 after a day word or with 期间 = a night shift,
  20:00 → the next day's 08:00 (the part ``夜班时段``); 夜班说 stays a speaker (events-robust8);
* 每天 + a part of the day (每天早上, 每晚) = nothing: the period said with it is the filter;
* 工作日 = 周一到周五 of the week said (本周/上周工作日), 双休日 = 周末, 节前一周 = 节前; 年中 = 6月到7月;
* with ``now``: 昨天这个时候 = yesterday at the hour ``now`` is in; 节前/节后 without a holiday name = before
  the latest holiday begun / after the latest one ended (its name is put in, so 国庆节后 reads it).

A holiday with 节前/前 (国庆节前, 春节前) is the seven days before its first day: ``before_holiday``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from agents.nlp.calendar_days import holiday_span

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_WEEK_PREFIX = r"((?:上上|大上|上|本|这|下)?(?:一|1)?个?(?:周|星期|礼拜))?的?"
_HOLIDAY_NAMES = r"国庆|五一|劳动节|元旦|春节|过年|除夕|元宵|清明|端午|中秋"
# The holidays a bare 节前/节后 may mean, in calendar order within a year.
_HOLIDAYS_IN_A_YEAR = ("元旦", "春节", "清明", "五一", "端午", "中秋", "国庆")

EVERYDAY_RULES: list[_Rule] = [
    # 一早/一大早/大清早: the early morning, as 早上 (not 一早上, already 早上 after a stray 一).
    (re.compile(r"(?:[一1]大早|大清早|[一1]?清早|[一1]早)(?![上晨饭点])"), lambda m: "早上"),
    # 中饭前后, 午饭时间, 吃中饭那会儿: lunchtime, as 中午前后 = 中午.
    (re.compile(r"吃?[中午]饭(?:前后|时间|时候|的时候|那会儿?|期间)"), lambda m: "中午"),
    # A workday runs 08:00–17:00: before work = from the day's start to 8, after work = from 17 to its end.
    (re.compile(r"上班(?:以前|之前|前)"), lambda m: "8点前"),
    (re.compile(r"下班(?:以后|之后|后)"), lambda m: "17点后"),
    # A night shift named as a time: after a day word (昨天夜班, 前晚夜班) or with 期间/时; 夜班说/夜班的同事
    # are people, not times.
    (
        re.compile(
            r"(?<=[天日晚])夜班(?:期间|时段|的时候|那会儿?|时)?(?![说交同人员长])|夜班(?:期间|时段|的时候|那会儿?)"
        ),
        lambda m: "夜班时段",
    ),
    # 工作日 = Monday to Friday of the week said (bare: this week, even before its Friday); not after a month or year (本月工作日
    # cannot be one range, so the period alone counts).
    (
        re.compile(_WEEK_PREFIX + r"(?<![月年度])工作日"),
        lambda m: (m.group(1) or "本周") + "一到周五",
    ),
    # 双休日 = the weekend (上周双休日 = 上周末).
    (re.compile(_WEEK_PREFIX + r"双休日?"), lambda m: (m.group(1) + "末") if m.group(1) else "周末"),
    # 节前一周 / 国庆节前7天: the week before the holiday is what 节前 already means (a holiday or 节 must be
    # said: 上个月前7天 is the month's first week).
    (
        re.compile(r"((?:" + _HOLIDAY_NAMES + r")节?|节)前(?:[一1]个?(?:周|星期|礼拜)|[7七]天)"),
        lambda m: m.group(1) + "前",
    ),
    # 每天早上, 每晚, 每天的白天 (events-robust17): a part of the day on every day of a period is a set of daily windows,
    # not one range, so it is dropped and the period said with it is the filter (本月每天凌晨 = 本月); alone it is no
    # time. A clock time after 每天 (每天8点到10点) is left as it was.
    (
        re.compile(
            r"每(?:天|日|个?晚上?|夜)(?:的|里的)?(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|晚间|白天)?(?![\d点])"
        ),
        lambda m: " ",
    ),
    # 国庆这几天, 元旦这三天, 春节那几天: the holiday's days, not the rolling 近3天 (events-robust30; esh54-028's leftover).
    (
        re.compile(r"(" + _HOLIDAY_NAMES + r")(节|假期)?的?(?:这|那)(?:几|\d{1,2})天"),
        lambda m: m.group(1) + (m.group(2) or ""),
    ),
    # 年中 alone = June and July (not 今年中秋, 全年中/一年中 = during the year, nor 年中旬).
    (re.compile(r"(?<![今去前明全一半每近少青\d])年中(?![秋旬心期])"), lambda m: "6月到7月"),
]

# A bare 节前/节后: not right after a holiday's name (国庆节后, 春节前 name theirs).
_NOT_AFTER_A_HOLIDAY = "(?<![" + "".join(sorted(set(_HOLIDAY_NAMES.replace("|", "")))) + "])"
# 节前 right after a holiday (国庆节前, 春节前, 元旦前): not 前后 (around), 前天, nor 之前/以前 (before_period).
BEFORE_HOLIDAY = re.compile(r"\s*节?前(?![后天])")


def rules_at(now: datetime) -> list[_Rule]:
    """The rewrites that need ``now``: 这个时候 after a day word, and a bare 节前/节后."""
    hour = now.hour

    def latest(ended: bool) -> str:
        spans = [
            (span, name)
            for year in (now.year - 1, now.year)
            for name in _HOLIDAYS_IN_A_YEAR
            if (span := holiday_span(name, year)) is not None and (span[1] if ended else span[0]) <= now
        ]
        return max(spans)[1] if spans else "国庆"

    return [
        (
            re.compile(
                r"(?:(?<=[天日号])|(?<=[周期拜][1-7一二三四五六日天]))的?(?:这个?时候|这个点|这会儿?|同1?时[刻间]|此时)"
            ),
            lambda m: f"{hour}点",
        ),
        # 和昨天一样的时间段, 跟前天同1个时间: the same hour of that day as 昨天这个时候 (events-robust29).
        (
            re.compile(
                r"(?:和|跟|同|与)(昨天|前天)(?:(?:一|1)样|相同|同样)?的?(?:同1个?)?(?:时间段|时段|时间|时候|钟点|点)"
            ),
            lambda m: f"{m.group(1)}{hour}点",
        ),
        # 放假期间, 节日期间, 长假里 with no holiday named = the latest holiday begun, as a bare 节前 (events-robust30)
        (
            re.compile(
                _NOT_AFTER_A_HOLIDAY + r"(?:放假|假期|长假|节日|节假日|过节)(?:期间|的时候|那几天|这几天|里)"
            ),
            lambda m: latest(False) + "期间",
        ),
        (re.compile(_NOT_AFTER_A_HOLIDAY + r"节后"), lambda m: latest(True) + "节后"),
        (re.compile(_NOT_AFTER_A_HOLIDAY + r"节前(?![后天])"), lambda m: latest(False) + "节前"),
    ]


def before_holiday(norm: str, last: int, start: datetime) -> tuple[datetime, datetime, int] | None:
    """国庆节前 (the cluster a lone holiday starting at ``start``, ending at ``last``): the seven days
    before it, and where the phrase ends."""
    m = BEFORE_HOLIDAY.match(norm, last)
    if m is None:
        return None
    return start - timedelta(days=7), start, m.end()
