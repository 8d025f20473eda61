"""Times said against work and shift hours (ADR 0010, events-robust22), rewritten with ``now`` into forms
the grammar already resolves, so they add no semantics of their own:

* a duty room works two 12-hour shifts: 白班 = 早班 = 08:00–20:00 (the part ``白班时段``), after a day word or
  a weekday; said alone (早班那会儿) it is the latest begun, yesterday's before 08:00; 晚班 = 夜班, also after a weekday;
* the handovers (交班/接班/交接班) are at 08:00 and 20:00: a bare one is the latest not after ``now``; 早上/今早/
  夜班 交班 is the 08:00 one, 晚上/白班 交班 the 20:00 one; 交班前N小时 = the N hours before it, 接班后N小时(内) =
  the N hours after it, 交班以后/以来 = the handover → now; it is written out as a dated clock range (2026年11月26日7点到2026年11月26日8点);
* a workday runs 08:00–17:00 (``everyday_times`` reads 上班前/下班后): 下班前N小时 = the N hours before 17:00,
  上班后N小时 = the N hours after 08:00, 上班以来/上班到现在 = 08:00 → now;
* a shift named by its place in the roster (events35): 上个班次 / 上个班 / 上一班 / 上一个班次 = the latest shift
  that has ended, 这个班 / 本班 / 这班 / 本班次 / 当班 = the shift ``now`` is in, each whole (as a bare 白班 is);
* X收假以后 = X节后 (the day after the holiday's span → now); a bare 收假以后 = 节后 (the latest holiday ended).

Numerals arrive normalised (前1小时, 2个小时); 半 stays a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

DAY_SHIFT_START, NIGHT_SHIFT_START = 8, 20
WORK_START, WORK_END = 8, 17

_HOURS = r"(\d{1,2}|半)个?(?:小时|钟头|钟)"
# A day word or a weekday right before a shift word makes it that day's shift.
_AFTER_A_DAY = r"(?:(?<=[天日号晚])|(?<=[周期拜][1-7一二三四五六日天]))"
_HANDOVER = re.compile(
    r"(?P<day>今天|今早|昨天|昨晚|前天)?的?(?P<part>早上|早晨|晚上|夜里)?(?P<shift>夜班|白班|早班)?的?"
    r"(?:交接班|交班|接班)的?(?:(?P<before>(?:以|之)?前(?P<hours>\d{1,2}|半)个?(?:小时|钟头|钟))|(?P<after>(?:以|之)?后(?P<hours_after>\d{1,2}|半)个?(?:小时|钟头|钟)(?:以?内)?)"
    r"|(?P<since>(?:以后|之后|后|以来)(?:到现在|至今)?|到现在|至今))"
)
_DAY_OFFSETS = {"今天": 0, "今早": 0, "昨天": -1, "昨晚": -1, "前天": -2}
_MORNING_HANDOVER = {"今早", "早上", "早晨", "夜班"}  # the night shift hands over at 08:00
_EVENING_HANDOVER = {"昨晚", "晚上", "夜里", "白班", "早班"}


def _hours(word: str) -> float:
    return 0.5 if word == "半" else float(word)


def _written(t: datetime) -> str:
    return f"{t.year}年{t.month}月{t.day}日{t.hour}点" + (f"{t.minute}分" if t.minute else "")


def handover(now: datetime, day: str | None, hint: set[str]) -> datetime:
    """The handover meant: of the day said (or the latest not after ``now``), at 08:00 or 20:00 as the
    words around it say (or whichever of the two came last)."""
    hours = [DAY_SHIFT_START, NIGHT_SHIFT_START]
    if hint & _MORNING_HANDOVER:
        hours = [DAY_SHIFT_START]
    elif hint & _EVENING_HANDOVER:
        hours = [NIGHT_SHIFT_START]
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if day is not None:
        base = midnight + timedelta(days=_DAY_OFFSETS[day])
        times = [base + timedelta(hours=h) for h in hours]
        past = [t for t in times if t <= now]
        return max(past) if past else min(times)
    candidates = [midnight + timedelta(days=d, hours=h) for d in (0, -1) for h in hours]
    return max(t for t in candidates if t <= now)


def _handover_phrase(now: datetime) -> Callable[[re.Match[str]], str]:
    def replace(m: re.Match[str]) -> str:
        hint = {w for w in (m.group("day"), m.group("part"), m.group("shift")) if w}
        at = handover(now, m.group("day"), hint)
        if m.group("since"):
            return _written(at) + "到现在"
        if m.group("after"):  # 接班以后2个小时内: the N hours from it
            return _written(at) + "到" + _written(at + timedelta(hours=_hours(m.group("hours_after"))))
        start = at - timedelta(hours=_hours(m.group("hours")))
        return _written(start) + "到" + _written(at)

    return replace


# 上个班组 (a team), 这班人 / 当班人员 / 本班长 (people), 上一班车 (a bus) are no shifts; 当班 is also "on duty" before 的.
_ROSTER_SHIFT = re.compile(
    r"(?:(上[一1]个|上个|上[一1])|(这个|这[一1]个|这[一1]|本|这|当前|当(?!班的)))班次?(?![长组车级主子同人员说])"
)


def _roster_shift(now: datetime) -> Callable[[re.Match[str]], str]:
    def replace(m: re.Match[str]) -> str:
        start = handover(now, None, set())
        if m.group(1):
            start -= timedelta(hours=12)
        return _written(start) + "到" + _written(start + timedelta(hours=12))

    return replace


def _bare_day_shift(now: datetime) -> Callable[[re.Match[str]], str]:
    # The latest day shift begun: today's from 08:00, else yesterday's.
    day = "今天" if now.hour >= DAY_SHIFT_START else "昨天"
    return lambda m: day + "白班时段"


def _around_work(m: re.Match[str]) -> str:
    anchor = WORK_START if m.group(1) == "上" else WORK_END
    n = _hours(m.group(3))
    if m.group(2) == "前":
        start, end = anchor - n, float(anchor)
    else:
        start, end = float(anchor), anchor + n
    return _clock(start) + "到" + _clock(end)


def _clock(h: float) -> str:
    return f"{int(h)}点" + ("半" if h % 1 else "")


def shift_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; run before ``everyday_times`` (上班前 = 8点前 there)."""
    return [
        (_HANDOVER, _handover_phrase(now)),
        (_ROSTER_SHIFT, _roster_shift(now)),
        # 下班前1小时, 上班以后2个小时内: an anchor of the workday with a duration.
        (re.compile(r"([上下])班(?:以|之)?(前|后)" + _HOURS + r"(?:以?内)?"), _around_work),
        # 今天上班以来 / 上班到现在: from 08:00 to now.
        (re.compile(r"上班(?:以来|到现在|至今)"), lambda m: "8点以来"),
        # 白班/早班 after a day or weekday (前天白班, 上周六早班那会儿), with or without 那会儿/期间.
        (
            re.compile(
                _AFTER_A_DAY + r"的?(?:白班|早班)(?:期间|时段|的时候|那会儿?|时)?(?![车长说交接同人员])"
            ),
            lambda m: "白班时段",
        ),
        (
            re.compile(
                r"(?<![天日号晚1-7一二三四五六])(?:白班|早班)(?:期间|时段|的时候|那会儿?)(?![车长说交接同人员])"
            ),
            _bare_day_shift(now),
        ),
        # 白班/早班 said alone before the rest of the sentence (白班 青阳 温度超限); not 白班的同事, 早班车.
        (
            re.compile(r"(?<![天日号晚1-7一二三四五六\u4e00-\u9fff])(?:白班|早班)(?![\u4e00-\u9fff])"),
            _bare_day_shift(now),
        ),
        # 晚班 = 夜班 (two shifts), and 夜班 after a weekday (上周三夜班), which ``everyday_times`` reads after 天/日/晚 only.
        (re.compile(r"晚班(?![车长说交接同人员])"), lambda m: "夜班"),
        (
            re.compile(
                r"(?<=[周期拜][1-7一二三四五六日天])的?夜班(?:期间|时段|的时候|那会儿?|时)?(?![车长说交接同人员])"
            ),
            lambda m: "夜班时段",
        ),
        # 国庆收假以后 = 国庆节后; a bare 收假以后 = 节后 (the latest holiday ended, ``everyday_times``).
        (re.compile(r"(节?)收假(?:以后|之后|后)(?!第)"), lambda m: "节后"),
    ]
