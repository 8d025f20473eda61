"""Wall-clock datetimes in Asia/Shanghai (UTC+8), as the event-search and time-grammar tests write them."""

from __future__ import annotations

from datetime import datetime

from agents.nlp.timeexpr import CST


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)
