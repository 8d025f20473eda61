"""Time windows for chat questions.

The full Chinese time grammar (``agents.nlp.timeexpr.parse_time_range``) is built by the event
search work and injected by the composition root; this module only adapts it and, when it is not
available, covers the dozen fixed words duty officers use most (今天, 昨天, 本周, 近三天, …) so
that the template path never depends on another package. See docs/adr/0007.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Protocol

from agents.llm.vocab import cn_to_int

CST = timezone(timedelta(hours=8), "Asia/Shanghai")
DAY_MS = 86_400_000


class HasStartEnd(Protocol):
    start: datetime
    end: datetime


TimeParser = Callable[[str, datetime], Any]  # (text, now) → object with .start/.end, or None


@dataclass(frozen=True)
class Window:
    from_ms: int
    to_ms: int
    label: str = ""


def _ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def _midnight(now: datetime) -> datetime:
    return now.astimezone(CST).replace(hour=0, minute=0, second=0, microsecond=0)


_RECENT = re.compile(r"(?:近|最近|过去|前)\s*([0-9一二两三四五六七八九十]+)\s*(天|日|周|个月|小时)")


def basic_time_window(text: str, now: datetime) -> Window | None:
    """The fixed words: 今天/今日, 昨天, 前天, 本周, 上周, 本月, 上个月, 今年, 去年, 近 N 天/周/月/小时."""
    day = _midnight(now)
    half = None
    if "上午" in text:
        half = (0, 12)
    elif "下午" in text:
        half = (12, 18)
    elif "晚上" in text or "夜里" in text:
        half = (18, 24)

    def days(start: datetime, n: int, label: str) -> Window:
        if half is not None and n == 1:
            return Window(_ms(start + timedelta(hours=half[0])), _ms(start + timedelta(hours=half[1])), label)
        return Window(_ms(start), _ms(start + timedelta(days=n)), label)

    if m := _RECENT.search(text):
        n = int(m.group(1)) if m.group(1).isdigit() else (cn_to_int(m.group(1).replace("两", "二")) or 1)
        unit = {"天": timedelta(days=n), "日": timedelta(days=n), "周": timedelta(weeks=n),
                "个月": timedelta(days=30 * n), "小时": timedelta(hours=n)}[m.group(2)]  # fmt: skip
        return Window(_ms(now - unit), _ms(now), m.group(0))
    if "前天" in text:
        return days(day - timedelta(days=2), 1, "前天")
    if "昨天" in text or "昨日" in text or "昨晚" in text:
        if "昨晚" in text:
            half = (18, 24)
        return days(day - timedelta(days=1), 1, "昨天")
    if "今天" in text or "今日" in text or "当天" in text or "今晚" in text:
        if "今晚" in text:
            half = (18, 24)
        return days(day, 1, "今天")
    if "上周" in text or "上星期" in text:
        monday = day - timedelta(days=day.weekday() + 7)
        return days(monday, 7, "上周")
    if "本周" in text or "这周" in text or "这个星期" in text or "本星期" in text:
        monday = day - timedelta(days=day.weekday())
        return Window(_ms(monday), _ms(now), "本周")
    if "上个月" in text or "上月" in text:
        first = day.replace(day=1)
        prev = (first - timedelta(days=1)).replace(day=1)
        return Window(_ms(prev), _ms(first), "上个月")
    if "本月" in text or "这个月" in text or "当月" in text:
        return Window(_ms(day.replace(day=1)), _ms(now), "本月")
    if "去年" in text:
        start = day.replace(year=day.year - 1, month=1, day=1)
        return Window(_ms(start), _ms(start.replace(year=day.year)), "去年")
    if "今年" in text or "本年" in text or "年内" in text:
        return Window(_ms(day.replace(month=1, day=1)), _ms(now), "今年")
    return None


def time_window(text: str, now_ms: int, parser: TimeParser | None = None) -> Window | None:
    """The injected parser's range when it finds one, else ``basic_time_window``."""
    now = datetime.fromtimestamp(now_ms / 1000, tz=UTC).astimezone(CST)
    if parser is not None:
        try:
            found = parser(text, now)
        except (ValueError, TypeError):
            found = None
        if found is not None and getattr(found, "start", None) and getattr(found, "end", None):
            return Window(_ms(found.start), _ms(found.end), "")
    return basic_time_window(text, now)


def format_ms(ms: int | None) -> str:
    if not ms:
        return ""
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(CST).strftime("%Y-%m-%d %H:%M")
