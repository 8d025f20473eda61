"""Times said by the sky and hours said with a half (ADR 0010, events-robust27), rewritten into forms the
grammar already resolves, so they add no semantics of their own:

* 天刚亮(的时候/那会儿) / 天才亮 / 刚天亮 = 6点到8点: 天亮 is 06:00 (``duty_periods``), and "just after dawn"
  is the first two hours after it, mirroring 天快亮 = 04:00–06:00 (``rough_times``);
* 天黑以后 / 天黑后 / 太阳落山(以)后 / 太阳下山之后 / 日落后 = 18点以后: dark falls when 晚上 starts (18:00), and a
  clock with 以后 runs to the end of its day (or to ``now`` with 到现在), as 晚上8点以后 does;
* N个半小时 / N个半钟头 = N.5小时 (一个半钟头前到现在 = now − 90 min → now): without it the grammar reads only
  the 半小时 at the end.

A day word before any of them (昨天天黑以后, 今天天刚亮, 上周五 天黑以后) keeps picking the day; without one the
grammar takes the latest begun, as for any clock time. Numerals arrive normalised (1个半钟头).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

DAWN_AT, DAWN_JUST_AFTER_UNTIL, DARK_AT = 6, 8, 18

_JUST_AFTER_DAWN = re.compile(
    r"(?:天刚刚?|天才|刚天)亮(?:了|起来)?(?:的时候|那会儿?|那阵子?|时(?!候)|的那会儿?)?(?!之前|以前|前)"
)
_AFTER_DARK = re.compile(r"(?:天(?:擦)?黑|太阳(?:落|下)山了?|日落)(?:以后|之后|后)")
_HOURS_AND_A_HALF = re.compile(r"(\d{1,2})个半(?:小时|钟头|钟(?!点))")


def sky_time_rules() -> list[_Rule]:
    return [
        (_JUST_AFTER_DAWN, lambda m: f"{DAWN_AT}点到{DAWN_JUST_AFTER_UNTIL}点"),
        (_AFTER_DARK, lambda m: f"{DARK_AT}点以后"),
        (_HOURS_AND_A_HALF, lambda m: f"{m.group(1)}.5小时"),
    ]
