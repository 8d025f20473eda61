"""Times said by the sky and hours said with a half (ADR 0010, events-robust27), rewritten into forms the
grammar already resolves, so they add no semantics of their own:

* 天刚亮(的时候/那会儿) / 天才亮 / 刚天亮 = 6点到8点: 天亮 is 06:00 (``duty_periods``), and "just after dawn"
  is the first two hours after it, mirroring 天快亮 = 04:00–06:00 (``rough_times``);
* 天黑以后 / 天黑后 / 太阳落山(以)后 / 太阳下山之后 / 日落后 = 18点以后: dark falls when 晚上 starts (18:00), and a
  clock with 以后 runs to the end of its day (or to ``now`` with 到现在), as 晚上8点以后 does;
* N个半小时 / N个半钟头 = N.5小时 (一个半钟头前到现在 = now − 90 min → now): without it the grammar reads only
  the 半小时 at the end.

Probes after the held-out measurement (no set sentence has them) added, on the same clock: 天黑到现在 = 18点到现在;
入夜以后 = 天黑以后; 天黑前 = 18点前 (the day's start → 18:00, as 上班前 = 8点前); 天黑的时候 / 天擦黑 / 傍黑 / 黄昏 =
傍晚 (17:00–19:00); 日出后 / 太阳出来以后 = 6点以后 (天亮以后 already is); 黎明 / 拂晓 = 4点到6点 (as 天快亮);
晚饭前后 / 晚饭时间 = 傍晚 and 晚饭后 = 19点以后 (傍晚's end), 早饭前后 = 早上 (as 中饭前后 = 中午); 夜深以后 =
22点以后 (深夜's start); 前半晌 / 上半晌 = 上午, 后半晌 / 下半晌 = 下午, 晌午 = 中午 (northern speech).

A day word before any of them (昨天天黑以后, 今天天刚亮, 上周五 天黑以后) keeps picking the day; without one the
grammar takes the latest begun, as for any clock time. Numerals arrive normalised (1个半钟头).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

DAWN_SOON_FROM, DAWN_AT, DAWN_JUST_AFTER_UNTIL = (
    4,
    6,
    8,
)  # 天快亮 04:00, 天亮 06:00 (rough_times, duty_periods)
DUSK_UNTIL, DARK_AT, LATE_NIGHT_AT = 19, 18, 22  # 傍晚 17–19, 晚上 from 18, 深夜 from 22 (timeexpr)

_JUST_AFTER_DAWN = re.compile(
    r"(?:天刚刚?|天才|刚天)亮(?:了|起来)?(?:的时候|那会儿?|那阵子?|时(?!候)|的那会儿?)?(?!之前|以前|前)"
)
_DARK = r"(?:天(?:擦)?黑|太阳(?:落|下)山了?|日落|入夜)"
_AFTER_DARK = re.compile(_DARK + r"(?:以后|之后|后)")
_DARK_UP_TO_NOW = re.compile(_DARK + r"(?=到现在|到目前|至今|以来)")
_BEFORE_DARK = re.compile(r"天黑(?:以前|之前|前)")
_DUSK = re.compile(
    r"天黑(?:的时候|那会儿?|时(?!候))|天?擦黑(?:的时候|那会儿?)?|傍黑(?:的时候|那会儿?)?|黄昏(?:时分|的时候|那会儿?|时(?!候))?"
    r"|吃?晚饭(?:前后|时间|时候|的时候|那会儿?|期间)"
)
_AFTER_SUNRISE = re.compile(r"(?:日出|太阳出来了?|太阳升起来?了?)(?:以后|之后|后)")
_DAYBREAK = re.compile(r"(?:黎明|拂晓)(?:时分|的时候|那会儿?|时(?!候))?")
_AFTER_SUPPER = re.compile(r"(?:吃完?)?晚饭(?:以后|之后|后)")
_BREAKFAST = re.compile(r"吃?早饭(?:前后|时间|时候|的时候|那会儿?|期间)")
_LATE_NIGHT = re.compile(r"夜深了?(?:以后|之后|后)")
_HALF_DAYS = {"前半晌": "上午", "上半晌": "上午", "后半晌": "下午", "下半晌": "下午", "晌午": "中午"}
_HALF_DAY = re.compile("|".join(_HALF_DAYS))
_HOURS_AND_A_HALF = re.compile(r"(\d{1,2})个半(?:小时|钟头|钟(?!点))")


def sky_time_rules() -> list[_Rule]:
    return [
        (_JUST_AFTER_DAWN, lambda m: f"{DAWN_AT}点到{DAWN_JUST_AFTER_UNTIL}点"),
        (_AFTER_DARK, lambda m: f"{DARK_AT}点以后"),
        (_DARK_UP_TO_NOW, lambda m: f"{DARK_AT}点"),
        (_BEFORE_DARK, lambda m: f"{DARK_AT}点前"),
        (_DUSK, lambda m: "傍晚"),
        (_AFTER_SUNRISE, lambda m: f"{DAWN_AT}点以后"),
        (_DAYBREAK, lambda m: f"{DAWN_SOON_FROM}点到{DAWN_AT}点"),
        (_AFTER_SUPPER, lambda m: f"{DUSK_UNTIL}点以后"),
        (_BREAKFAST, lambda m: "早上"),
        (_LATE_NIGHT, lambda m: f"{LATE_NIGHT_AT}点以后"),
        (_HALF_DAY, lambda m: _HALF_DAYS[m.group()]),
        (_HOURS_AND_A_HALF, lambda m: f"{m.group(1)}.5小时"),
    ]
