"""English time words, ISO 8601 timestamps, key=value time strings and day/month dates (ADR 0010,
events-robust27), rewritten into the Chinese forms the grammar already resolves, so they add no
semantics of their own. Integrators and mixed-language users send them:

* yesterday/today/tonight/last night/this morning/this afternoon/yesterday afternoon… = 昨天/今天/今晚/昨晚/
  今天上午/今天下午/昨天下午 (the parts of the day keep the grammar's bounds);
* last/past N hours (24h, 48 hrs) = 近N小时, last/past N days = 近N天, last/this week/month/year = 上周/本周/…
  (calendar periods, as 上周 is);
* 2pm / 9am / 2:30pm = 14点 / 9点 / 14:30, 3pm-5pm and 3-5pm = 15点-17点;
* 2026-11-20T08:00 (seconds and an offset allowed) = 2026-11-20 08:00 in Asia/Shanghai: a timestamp with Z or
  another offset is converted, so the filter means the same instant;
* from=A to=B (also start=/end=, since=/until=) = A到B; the keys add nothing (since=X alone = since X);
* D/M: a first number over 12 with a second of at most 12 cannot be month/day, so 20/11 = 11/20; both at most
  12 stay month/day (the Chinese order), and 24/7 (round the clock) is no date.

Probes after the held-out measurement (no set sentence has them) added: N hours/minutes ago = N小时前/N分钟前
(a rolling window, as 两个钟头前), N days ago = N天前 (that day), last N minutes = 近N分钟; this/last weekend =
这周末/上周末; (last/this) Monday…Sunday = (上/本)周一…周日; Nov 20 / 20 November (2026) = 11月20日; until now / so far
= 到现在; since X = X以来 (X's start → now). Probes of events-robust28: tomorrow (morning…) = 明天(上午…), the day
after tomorrow = 后天, the week/month before last = 上上周/上上个月.

Letters only match as whole words, so enterprise names and English event words (smoke, fire) are untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_CST = timezone(timedelta(hours=8))
_W = r"(?<![A-Za-z])"  # no letter before
_E = r"(?![A-Za-z])"  # no letter after

_DAY_PARTS = {"morning": "上午", "afternoon": "下午", "evening": "晚上", "night": "晚上"}
_PERIODS = {"week": "周", "month": "个月", "year": "年"}
_WEEKDAYS = {
    "mon": "一", "monday": "一", "tue": "二", "tues": "二", "tuesday": "二", "wed": "三", "wednesday": "三",
    "thu": "四", "thur": "四", "thurs": "四", "thursday": "四", "fri": "五", "friday": "五",
    "sat": "六", "saturday": "六", "sun": "日", "sunday": "日",
}  # fmt: skip
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAY = "(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?"
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_AGO_UNITS = {
    "h": "小时",
    "hr": "小时",
    "hour": "小时",
    "min": "分钟",
    "minute": "分钟",
    "day": "天",
    "week": "周",
}
# What "since" may stand before once the rules above have turned it into Chinese.
_SINCE_WHAT = (
    r"(?:前天|昨天|今天)(?:上午|下午|晚上)?|昨晚|今晚|(?:上|本)?周[一二三四五六日]?|上个月|本月|去年|今年"
    r"|\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?|\d{1,2}/\d{1,2}|(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}(?:点|:\d{2})"
)
_LAST_PERIOD = {"周": "上周", "个月": "上个月", "年": "去年"}
_THIS_PERIOD = {"周": "本周", "个月": "本月", "年": "今年"}


def _word(pattern: str) -> re.Pattern[str]:
    return re.compile(_W + pattern + _E, re.IGNORECASE)


def _hour(hour: int, meridiem: str) -> int:
    pm = meridiem.lower().startswith("p")
    return hour % 12 + (12 if pm else 0)


def _clock(hour: int, minute: str | None) -> str:
    return f"{hour}:{minute}" if minute else f"{hour}点"


def _meridiem_range(m: re.Match[str]) -> str:
    meridiem = m.group(3)
    return f"{_hour(int(m.group(1)), meridiem)}点-{_hour(int(m.group(2)), meridiem)}点"


def _meridiem(m: re.Match[str]) -> str:
    return _clock(_hour(int(m.group(1)), m.group(3)), m.group(2))


def _iso(m: re.Match[str]) -> str:
    stamp = datetime.fromisoformat(m.group(1).replace("Z", "+00:00").replace("z", "+00:00"))
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(_CST)
    return f"{stamp.year}-{stamp.month:02d}-{stamp.day:02d} {stamp.hour:02d}:{stamp.minute:02d}"


def _ago(m: re.Match[str]) -> str:
    count = m.group(1).lower()
    unit = _AGO_UNITS[m.group(2).lower().rstrip("s")]
    if count.startswith("half"):
        return "半" + unit + "前"
    return ("1" if count in ("a", "an", "one") else count) + unit + "前"


def _weekday(m: re.Match[str]) -> str:
    prefix = {"last": "上", "previous": "上", "this": "本"}.get((m.group(1) or "").lower(), "")
    part = m.group(3)
    return prefix + "周" + _WEEKDAYS[m.group(2).lower()] + (_DAY_PARTS[part.lower()] if part else "")


def _month_day(month: str, day: str, year: str | None) -> str:
    return (f"{year}年" if year else "") + f"{_MONTHS[month.lower()]}月{int(day)}日"


def _relative_day(m: re.Match[str]) -> str:
    day = {"yesterday": "昨天", "today": "今天"}[m.group(1).lower()]
    part = m.group(2)
    return day + (_DAY_PARTS[part.lower()] if part else "")


ENGLISH_TIME_RULES: list[_Rule] = [
    # ISO 8601 first: its "T" and digits must not meet the clock rules below.
    (
        re.compile(
            r"(?<![\d-])(\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)(?![\d:])"
        ),
        _iso,
    ),
    # key=value time strings: the start key adds nothing, the end key joins the two ends as 到.
    (_word(r"(?:from|start|begin)(?:_?time)?\s*[=:]\s*"), lambda m: ""),
    # since= is a start key only when an end key follows; alone it is "since X" (below).
    (
        re.compile(
            _W + r"since\s*[=:]\s*(?=.*" + _W + r"(?:to|end|until|till)(?:_?time)?\s*[=:])", re.IGNORECASE
        ),
        lambda m: "",
    ),
    (
        re.compile(r"[\s,;&]*" + _W + r"(?:to|end|until|till)(?:_?time)?\s*[=:]\s*", re.IGNORECASE),
        lambda m: "到",
    ),
    (_word(r"(?:last|past|previous)\s+(\d{1,3})\s*(?:h|hrs?|hours?)"), lambda m: f"近{m.group(1)}小时"),
    (_word(r"(?:last|past|previous)\s+(\d{1,3})\s*(?:d|days?)"), lambda m: f"近{m.group(1)}天"),
    (_word(r"(?:last|past|previous)\s+hour"), lambda m: "近1小时"),
    (
        _word(r"(\d{1,3}|an?|one|half\s+an?)\s*(hours?|hrs?|h|minutes?|mins?|days?|weeks?)\s+ago"),
        _ago,
    ),
    (_word(r"(?:last|past|previous)\s+(\d{1,3})\s*(?:minutes?|mins?|m)"), lambda m: f"近{m.group(1)}分钟"),
    (_word(r"(?:until|till|up\s+to|to)\s+now"), lambda m: "到现在"),
    (_word(r"so\s+far"), lambda m: "到目前为止"),
    (
        _word(r"(this|last|previous)\s+weekend"),
        lambda m: "这周末" if m.group(1).lower() == "this" else "上周末",
    ),
    (
        _word(r"(?:(last|previous|this)\s+)?" + _WEEKDAY + r"(?:\s+(morning|afternoon|evening|night))?"),
        _weekday,
    ),
    (
        _word(_MONTH + r"\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(\d{4}))?(?!\d)"),
        lambda m: _month_day(m.group(1), m.group(2), m.group(3)),
    ),
    (
        re.compile(
            r"(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s*(\d{4}))?" + _E, re.IGNORECASE
        ),
        lambda m: _month_day(m.group(2), m.group(1), m.group(3)),
    ),
    (_word(r"last\s+night"), lambda m: "昨晚"),
    (_word(r"tonight"), lambda m: "今晚"),
    (_word(r"this\s+(morning|afternoon|evening)"), lambda m: "今天" + _DAY_PARTS[m.group(1).lower()]),
    (_word(r"(?:the\s+)?day\s+before\s+yesterday"), lambda m: "前天"),
    # tomorrow = 明天 (a day word of ADR 0010; a search into the future finds nothing, which is the honest answer)
    (_word(r"(?:the\s+)?day\s+after\s+tomorrow"), lambda m: "后天"),
    (
        _word(r"tomorrow(?:\s+(morning|afternoon|evening|night))?"),
        lambda m: "明天" + (_DAY_PARTS[m.group(1).lower()] if m.group(1) else ""),
    ),
    (_word(r"(?:the\s+)?week\s+before\s+last"), lambda m: "上上周"),
    (_word(r"(?:the\s+)?month\s+before\s+last"), lambda m: "上上个月"),
    (_word(r"(yesterday|today)(?:\s+(morning|afternoon|evening|night))?"), _relative_day),
    (_word(r"(?:last|previous)\s+(week|month|year)"), lambda m: _LAST_PERIOD[_PERIODS[m.group(1).lower()]]),
    (_word(r"this\s+(week|month|year)"), lambda m: _THIS_PERIOD[_PERIODS[m.group(1).lower()]]),
    # 3-5pm: the meridiem said once covers both ends.
    (
        re.compile(r"(?<![\d:])(\d{1,2})\s*[-~–到]\s*(\d{1,2})\s*([ap]\.?m\.?)" + _E, re.IGNORECASE),
        _meridiem_range,
    ),
    (re.compile(r"(?<![\d:])(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)" + _E, re.IGNORECASE), _meridiem),
    # A clock range joined by "to" (2pm to 4pm → 14点 to 16点 after the rules above).
    (re.compile(r"(?<=[\d点])\s+to\s+(?=\d)", re.IGNORECASE), lambda m: "到"),
    # since X, once X is Chinese: X's start up to now.
    (re.compile(_W + r"since\s*[=:]?\s*(" + _SINCE_WHAT + ")", re.IGNORECASE), lambda m: m.group(1) + "以来"),
    # Day/month: only when the first number cannot be a month.
    (
        re.compile(r"(?<![\d/.\-])(1[3-9]|2\d|3[01])/(0?[1-9]|1[0-2])(?![\d/])(?<!24/7)"),
        lambda m: f"{int(m.group(2))}/{int(m.group(1))}",
    ),
]
