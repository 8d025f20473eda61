"""Wall-clock datetimes in Asia/Shanghai (UTC+8), as the event-search and time-grammar tests write them."""

from __future__ import annotations

from datetime import datetime, timedelta

from agents.nlp.timeexpr import CST, parse_time_range


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CST)


def time_span(text: str, now: datetime) -> tuple[datetime, datetime] | None:
    """(start, end) the time grammar reads in the text at `now`, or None when it reads no time."""
    found = parse_time_range(text, now)
    return None if found is None else (found.start, found.end)


def ymd(year: int, month: int, day: int, hour: int = 0) -> datetime:
    """The year-first form the later rounds' tests write (lunar dates move across years)."""
    return datetime(year, month, day, hour, tzinfo=CST)


def whole_day(year: int, month: int, day: int) -> tuple[datetime, datetime]:
    """(start, end) of one calendar day."""
    return ymd(year, month, day), ymd(year, month, day) + timedelta(days=1)
