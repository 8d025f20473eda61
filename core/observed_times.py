"""When something was observed (an alarm went off, a hazard was found, an inspection took place)
lies between the platform's first records and now.

Rows come from other systems: an alarm whose time was written in seconds (1 764 000 000, read as
milliseconds: 21 January 1970) or in microseconds (thousands of years ahead) was loaded, sorted first
or last in every list and counted in no period. A pure check over a validated entity; the import
(``ingestion.rows``) reports it as one Chinese line error.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from core.models.base import Entity

_BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")
EARLIEST_MS = 946_684_800_000  # 2000-01-01 UTC: no record of the city's systems is older
CLOCK_SKEW_MS = 86_400_000  # a day: a camera's clock that runs ahead is not an error
# Label → the times at which something was observed. Deadlines, shift ends and founding dates are not
# observations: a deadline lies ahead, an enterprise may be older than 2000.
OBSERVED_FIELDS: dict[str, tuple[str, ...]] = {
    "Event": ("occurred_at", "updated_at"),
    "Hazard": ("found_at", "rectified_at", "verified_at"),
    "Inspection": ("inspected_at",),
}


# Times that follow one another: an alarm is updated after it went off, a hazard verified after it
# was rectified (found → rectified is the Hazard model's own rule). A row saying otherwise swapped or
# mistyped a field. Checked on the import, as the plausible times are: the demo city draws its own.
ORDERED_FIELDS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "Event": (("occurred_at", "updated_at", "发生时间", "更新时间"),),
    "Hazard": (("rectified_at", "verified_at", "整改时间", "验收时间"),),
}


def _date(ms: int) -> str:
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d")
    except (OverflowError, OSError, ValueError):
        return str(ms)


def implausible_times(entity: Entity, now_ms: int) -> list[tuple[str, str]]:
    """(field, Chinese reason) for each observed time before 2000 or more than a day ahead of now."""
    problems = []
    for field in OBSERVED_FIELDS.get(entity.label, ()):
        value = getattr(entity, field, None)
        if value is None:
            continue
        if value < EARLIEST_MS:
            problems.append((field, f"时间 {_date(value)} 早于 2000 年（时间戳应为毫秒，可能写成了秒）"))
        elif value > now_ms + CLOCK_SKEW_MS:
            problems.append((field, f"时间 {_date(value)} 晚于当前时间（时间戳应为毫秒，可能写成了微秒）"))
    return problems


def out_of_order_times(entity: Entity) -> list[tuple[str, str]]:
    """(field, Chinese reason) for each later time that lies before the time it follows."""
    problems = []
    for first, then, first_zh, then_zh in ORDERED_FIELDS.get(entity.label, ()):
        start, end = getattr(entity, first, None), getattr(entity, then, None)
        if start is not None and end is not None and end < start:
            problems.append((then, f"{then_zh} {_datetime(end)} 早于{first_zh} {_datetime(start)}"))
    return problems


def _datetime(ms: int) -> str:
    """Minutes in Beijing time: an update an hour before the alarm is the same date."""
    try:
        return datetime.fromtimestamp(ms / 1000, tz=_BEIJING).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):
        return str(ms)
