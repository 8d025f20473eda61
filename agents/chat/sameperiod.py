"""去年同期: the period the question (or the previous turn) names, one calendar year earlier.

"这个月检查了多少次" → "去年同期呢" asks for the same month last year; the time grammar reads
去年同期 as the whole of last year, which answers a different question with a confident number. The
period compared is the question's own other time word ("本月与去年同期"), else the previous turn's
window (carried into the follow-up's slots), else the year so far, the usual reading of 同期 in a
yearly bulletin. Bounds move by calendar years, so a month stays that whole month (本月 is the
calendar month, as everywhere in the chat).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from agents.chat.timewords import CST, TimeParser, Window, time_window

_SAME = re.compile(r"(?:去年|上年|上一年)(?:的)?同期")


def _year_earlier(ms: int) -> int:
    at = datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(CST)
    day = 28 if (at.month, at.day) == (2, 29) else at.day  # 2月29日 has no match a year earlier
    return int(at.replace(year=at.year - 1, day=day).timestamp() * 1000)


def same_period(
    text: str, window: Window | None, carried: dict[str, Any], now_ms: int, parser: TimeParser | None
) -> Window | None:
    """``window`` unchanged unless ``text`` says 去年同期; then the compared period a year earlier.
    ``carried``: the slots merged so far (a follow-up's previous ``from_ms`` / ``to_ms``)."""
    if not _SAME.search(text):
        return window
    own = time_window(_SAME.sub(" ", text), now_ms, parser)
    if own is not None:
        base = own
    elif carried.get("from_ms") is not None and carried.get("to_ms") is not None:
        base = Window(int(carried["from_ms"]), int(carried["to_ms"]))
    else:
        start = datetime.fromtimestamp(now_ms / 1000, tz=UTC).astimezone(CST)
        base = Window(
            int(start.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0).timestamp() * 1000),
            now_ms,
        )
    return Window(_year_earlier(base.from_ms), _year_earlier(base.to_ms), "去年同期")


__all__ = ["same_period"]
