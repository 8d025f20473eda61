"""Rough times said around a clock or an hour count (ADR 0010, events-robust25), rewritten into forms the
grammar already resolves, so they add no semantics of their own:

* N个来小时前 / N个来钟头以前 / 半个来小时前 = N小时前 / 半小时前 (来 = "or so", as 多 in 1个多小时以前 widens; 来 does not): now − N h → now;
* M点前后半小时 / 前后N分钟 / 前后N个小时 = the span around M:00 (十点前后半小时 = 9点30分到10点30分); the day
  part said before M点 (下午, 晚上) is repeated on the far end so both ends are read in it; M点前后 alone stays
  "about M" (its hour, ``timeexpr``);
* 天快亮的时候 / 天快亮了那会儿 / 天蒙蒙亮的时候 = 凌晨4点到6点 (the last two hours of 凌晨, 天亮 = 06:00 as in
  ``duty_periods``); a 凌晨 said just before it is not repeated.

Numerals arrive normalised (2个来小时, 10点); 半 stays a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

DAWN_SOON_FROM, DAWN_AT = 4, 6

_ABOUT_HOURS_AGO = re.compile(r"(\d{1,2}|半)个来(小时|钟头)(?=(?:以|之)?前)")
_PARTS = "凌晨|早上|清晨|上午|中午|下午|傍晚|晚上|夜里|深夜"
_AROUND_CLOCK = re.compile(
    rf"({_PARTS})?(\d{{1,2}})点(?:钟)?前后\s*(?:(半)个?(?:小时|钟头)|(\d{{1,3}})分钟?|(\d{{1,2}})个?(?:小时|钟头))"
)
_DAWN_SOON = re.compile(r"(凌晨)?天(?:快|快要|要|蒙蒙)亮了?(?:的时候|那会儿?|时(?!候)|的那会儿?)")


def _clock(minutes: int) -> str:
    hour, minute = divmod(minutes, 60)
    return f"{hour}点" + (f"{minute}分" if minute else "")


def _around_clock(m: re.Match[str]) -> str:
    part, hour = m.group(1) or "", int(m.group(2))
    half, minutes, hours = m.group(3), m.group(4), m.group(5)
    spread = 30 if half else int(minutes) if minutes else 60 * int(hours or 0)
    centre = hour * 60
    if hour > 24 or not 0 < spread <= centre or centre + spread > 24 * 60:
        return m.group()  # 0点前后半小时 would start the day before: leave it to the grammar's 前后
    return f"{part}{_clock(centre - spread)}到{part}{_clock(centre + spread)}"


def rough_time_rules() -> list[_Rule]:
    """The rewrites above; before ``duty_periods`` (1个多小时以前) and ``clock_words``."""
    return [
        (_ABOUT_HOURS_AGO, lambda m: f"{m.group(1)}{m.group(2)}"),
        (_AROUND_CLOCK, _around_clock),
        (_DAWN_SOON, lambda m: f"凌晨{DAWN_SOON_FROM}点到{DAWN_AT}点"),
    ]
