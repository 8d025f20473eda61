"""Time helpers for the demo city: epoch milliseconds in Asia/Shanghai (UTC+8, no DST since 1991)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8), "Asia/Shanghai")
MINUTE = 60_000
HOUR = 3_600_000
DAY = 86_400_000
_OFFSET = 8 * HOUR


def local_midnight(ms: int) -> int:
    """Epoch ms of 00:00 Asia/Shanghai on the local day containing ``ms``."""
    return (ms + _OFFSET) // DAY * DAY - _OFFSET


def local(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(CST)


def to_ms(dt: datetime) -> int:
    return int(dt.timestamp() * 1000)


def shift_start(ms: int, hour: int = 8, minute: int = 30) -> int:
    """Start of the 24 h duty shift (beginning at 08:30 local) that contains ``ms``."""
    start = local_midnight(ms) + hour * HOUR + minute * MINUTE
    return start if start <= ms else start - DAY


def day_key(ms: int) -> str:
    return local(ms).strftime("%Y%m%d")


def month_start(year: int, month: int) -> int:
    return to_ms(datetime(year, month, 1, tzinfo=CST))


def months_back(now_ms: int, n: int) -> list[tuple[str, int, int]]:
    """The last ``n`` calendar months up to and including the current one: (YYYY-MM, start, end)."""
    d = local(now_ms)
    y, m = d.year, d.month
    out: list[tuple[str, int, int]] = []
    for _ in range(n):
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        out.append((f"{y:04d}-{m:02d}", month_start(y, m), month_start(ny, nm)))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


# Relative weight of each local hour for events of different kinds.
# fmt: off
WORK_HOURS: tuple[float, ...] = (
    1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 10, 7, 12, 14, 14, 12, 8, 5, 4, 3, 2, 2, 1,
)
ROUND_THE_CLOCK: tuple[float, ...] = (
    5, 5, 4, 4, 4, 5, 6, 7, 8, 9, 9, 9, 8, 9, 10, 10, 9, 8, 7, 7, 6, 6, 5, 5,
)
# fmt: on
_HOURS = tuple(range(24))


def time_in_day(rng: random.Random, day_start: int, weights: Sequence[float]) -> int:
    """A moment in the local day starting at ``day_start`` with the given hourly profile."""
    hour = rng.choices(_HOURS, weights)[0]
    return day_start + hour * HOUR + rng.randrange(HOUR)
