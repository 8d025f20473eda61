"""When something was observed (an alarm went off, a hazard was found, an inspection took place)
lies between the platform's first records and now.

Rows come from other systems: an alarm whose time was written in seconds (1 764 000 000, read as
milliseconds: 21 January 1970) or in microseconds (thousands of years ahead) was loaded, sorted first
or last in every list and counted in no period. A pure check over a validated entity; the import
(``ingestion.rows``) reports it as one Chinese line error.
"""

from __future__ import annotations

from datetime import UTC, datetime

from core.models.base import Entity

EARLIEST_MS = 946_684_800_000  # 2000-01-01 UTC: no record of the city's systems is older
CLOCK_SKEW_MS = 86_400_000  # a day: a camera's clock that runs ahead is not an error
# Label → the times at which something was observed. Deadlines, shift ends and founding dates are not
# observations: a deadline lies ahead, an enterprise may be older than 2000.
OBSERVED_FIELDS: dict[str, tuple[str, ...]] = {
    "Event": ("occurred_at", "updated_at"),
    "Hazard": ("found_at", "rectified_at", "verified_at"),
    "Inspection": ("inspected_at",),
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
