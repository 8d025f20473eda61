"""Clock times, typed dates and dated night-time events said in ways the grammar does not read (ADR 0010,
events-robust24), rewritten into forms it already resolves, so they add no semantics of their own:

* 差N分M点 / 差1刻M点 / M点差N分 = N minutes (a quarter) before M:00 (差10分9点 = 8点50分); M点过N分 / M点过1刻 =
  M点N分, M点过半 = M点半; each is then a clock time with minutes, alone the hour from it;
* M点整 = M点 (整 only stresses the full hour, so 2点整以后 reads as 2点以后);
* a month-day typed with a hyphen and nothing after it (12-28, 03-05) = that date (M月D日); 3-5号 and 10-12点 keep
  their range reading (``time_rewrites``);
* 跨年夜/跨年那会儿/跨年的时候 = 31 December 18:00 → 1 January 06:00, the latest begun;
* a bare handover (交接班/交班/接班 的时候/那会儿/时) = the latest handover not after ``now`` (``shift_times``), and like
  a clock time alone the hour from it; the longer forms (交班前1小时, 接班以后) are read by ``shift_times`` first,
  and a handover followed by a speaker (交接班时说, 交班的时候夜班说) is no time;
* a bare clock range of hours 1–11 with no part of the day and no day word before it (三点到五点半) is read, like
  every bare clock, as the latest begun: said in the afternoon (12:00–18:00) once its afternoon reading has
  begun (15:00 said at 16:40) it is today's afternoon, past or running, written in 24-hour clocks; before that,
  and said in the evening or at night, it keeps the early-hours reading (events39).

Numerals arrive normalised (差10分9点, 12点整).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from agents.nlp.shift_times import handover

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

NEW_YEAR_EVE_START, NEW_YEAR_NIGHT_END = 18, 6
_MINUTES = r"(?:(\d{1,2})分钟?|([1-3])刻)"

_BEFORE_THE_HOUR = re.compile(r"差" + _MINUTES + r"(\d{1,2})点(?!\d|[过差半])")
_HOUR_SHORT_BY = re.compile(r"(\d{1,2})点差" + _MINUTES)
_PAST_THE_HOUR = re.compile(r"(\d{1,2})点过" + _MINUTES)
_PAST_HALF = re.compile(r"(\d{1,2})点过半")
_ON_THE_HOUR = re.compile(r"(?<=\d点)整(?![齐理改治顿])")
# 12-28 alone: not a range of hours or days (10-12点, 3-5号), not a tag (GD-205), not part of a longer date.
_HYPHEN_DATE = re.compile(
    r"(?<![A-Za-z0-9_\-/.:：])(1[0-2]|0?[1-9])-(3[01]|[12]\d|0?[1-9])"
    r"(?![A-Za-z0-9_\-/.:：%]|(?:点|号|日|时|天|月|周|年|小时|分|个|度|米|公里|吨|栋|楼|层|人|次|条|级))"
)
_NEW_YEAR_NIGHT = re.compile(r"跨年(?:夜|那会儿?|的时候|那天晚上|那晚)")
# 交接班的时候夜班说… / 交接班时说…: the handover is when someone spoke, not the time searched (holdout11).
# 交班前后 = 交班那会儿 (前后 after a clock time is that time, ADR 0010); a day or part of the day before it picks
# the handover as in ``shift_times`` (今早交班前后 = today's 08:00, 昨晚交班前后 = yesterday's 20:00; events-robust29).
_BARE_HANDOVER = re.compile(
    r"(?P<day>今天|今早|昨天|昨晚|前天)?的?(?P<part>早上|早晨|晚上|夜里)?(?P<shift>夜班|白班|早班)?的?"
    r"(?:交接班|交班|接班)的?(?:时候|那会儿|那会(?!儿)|时(?!候)|前后|左右)"
    r"(?!\s*(?:夜班|白班|早班|晚班|同事|领导|班长|他们|我们|他|她|对方)?的?\s*(?:说|讲|提到|反映|交代|告诉|提了))"
)


_EVENING = 18  # from 晚上 on, a bare small-hours range is the night's, not the afternoon's
# A bare clock range: the part of the day or day word that would fix its reading is checked in ``_afternoon_range``.
_BARE_RANGE = re.compile(
    r"(?<!\d)([1-9]|1[01])点((?:\d{1,2}分?|[1-3]刻|半)?)(到|至)([1-9]|1[01])点((?:\d{1,2}分?|半)?)(?![\d钟])"
)
# The last character of a word that already places the clock: 上午/下午/中午, 凌晨/早晨, 晚上, 夜里, 今天/昨天, 号/日,
# 早/晚/夜, a weekday number, 傍晚, 晌.
_PLACED_BY = set("午晨上晚里天日号早夜晌凌末0123456789")


def _afternoon_range(now: datetime) -> Callable[[re.Match[str]], str]:
    def replace(m: re.Match[str]) -> str:
        before = m.string[: m.start()].rstrip()
        start, end = int(m.group(1)), int(m.group(4))
        said = m.group(2)
        minute = (
            30 if said == "半" else 15 * int(said[0]) if said.endswith("刻") else int(said.rstrip("分") or 0)
        )
        # Only said in the afternoon (before 18:00): a night dispatcher's 1点到3点 is the small hours (esh13-019).
        begun = (start + 12, minute) <= (now.hour, now.minute) and now.hour < _EVENING
        if (before and before[-1] in _PLACED_BY) or end < start or not begun:
            return m.group()
        return f"{start + 12}点{m.group(2)}{m.group(3)}{end + 12}点{m.group(5)}"

    return replace


def _minutes(number: str | None, quarters: str | None) -> int:
    return int(number) if number else 15 * int(quarters or 0)


def _clock(hour: int, minute: int) -> str:
    return f"{hour}点" + (f"{minute}分" if minute else "")


def _before_the_hour(hour: int, minutes: int) -> str:
    if not 0 < minutes < 60 or hour > 24:
        return ""
    total = hour * 60 - minutes
    return _clock((total // 60) % 24, total % 60)


def _written(t: datetime) -> str:
    return f"{t.year}年{t.month}月{t.day}日{t.hour}点"


def _new_year_night(now: datetime) -> str:
    year = now.year - 1 if now.month < 12 or now.day < 31 or now.hour < NEW_YEAR_EVE_START else now.year
    start = datetime(year, 12, 31, NEW_YEAR_EVE_START, tzinfo=now.tzinfo)
    end = start + timedelta(hours=24 - NEW_YEAR_EVE_START + NEW_YEAR_NIGHT_END)
    return _written(start) + "到" + _written(end)


def _bare_handover(now: datetime) -> Callable[[re.Match[str]], str]:
    def replace(m: re.Match[str]) -> str:
        hint = {w for w in (m.group("day"), m.group("part"), m.group("shift")) if w}
        at = handover(now, m.group("day"), hint)
        return f"{at.year}年{at.month}月{at.day}日{at.hour}点"

    return replace


def clock_word_rules(now: datetime) -> list[_Rule]:
    """The rewrites above, resolved against ``now``; after ``shift_times`` (交班前1小时 is read there)."""
    return [
        (
            _BEFORE_THE_HOUR,
            lambda m: _before_the_hour(int(m.group(3)), _minutes(m.group(1), m.group(2))) or m.group(),
        ),
        (
            _HOUR_SHORT_BY,
            lambda m: _before_the_hour(int(m.group(1)), _minutes(m.group(2), m.group(3))) or m.group(),
        ),
        (_PAST_THE_HOUR, lambda m: _clock(int(m.group(1)), _minutes(m.group(2), m.group(3)))),
        (_PAST_HALF, lambda m: m.group(1) + "点半"),
        (_ON_THE_HOUR, lambda m: ""),
        (_HYPHEN_DATE, lambda m: f"{int(m.group(1))}月{int(m.group(2))}日"),
        (_NEW_YEAR_NIGHT, lambda m: _new_year_night(now)),
        (_BARE_HANDOVER, _bare_handover(now)),
        (_BARE_RANGE, _afternoon_range(now)),
    ]
