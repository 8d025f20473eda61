"""Wall-clock datetimes in Asia/Shanghai (UTC+8), as the event-search and time-grammar tests write them."""

from __future__ import annotations

from datetime import datetime

from agents.nlp.timeexpr import CST, parse_time_range


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


def time_span(text: str, now: datetime) -> tuple[datetime, datetime] | None:
    """(start, end) the time grammar reads in the text at `now`, or None when it reads no time."""
    found = parse_time_range(text, now)
    return None if found is None else (found.start, found.end)
