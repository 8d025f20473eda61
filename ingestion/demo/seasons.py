"""Calendar shape of the demo city's history: seasons, 春节, weekends and the year-on-year trend.

Pure functions of a local day (epoch ms of its 00:00 Asia/Shanghai); no randomness. The history
generators multiply their daily rates by these factors, so month counts show dry-winter fire and
smoke alarms, 梅雨 (June–July) liquid-level alarms, summer heat, the 春节 lull and the year-end
inspection campaigns.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

from core.vocab import EventType as E
from ingestion.demo.clock import DAY, local, month_start

# 正月初一 by Gregorian year (the lunar date has no closed form; years outside fall back to 5 Feb).
_SPRING_FESTIVAL = {
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
}

# Month multipliers (January first) of alarm types with a season; other types stay at 1.
# Fire and smoke peak in the dry, heated winter; 液位 alarms in 梅雨 and typhoon rain (rain water
# in pits, tanks and 事故应急池); over-temperature in the July–August heat.
# fmt: off
EVENT_SEASON: dict[E, tuple[float, ...]] = {
    E.FIRE:             (1.7, 1.6, 1.4, 1.1, 0.9, 0.7, 0.6, 0.6, 0.8, 1.0, 1.3, 1.6),
    E.SMOKE:            (1.6, 1.5, 1.3, 1.1, 0.9, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.5),
    E.MANUAL_FIRE:      (1.8, 1.6, 1.4, 1.0, 0.8, 0.6, 0.6, 0.6, 0.8, 1.1, 1.4, 1.7),
    E.LEVEL_ABNORMAL:   (0.7, 0.7, 0.8, 0.9, 1.1, 1.9, 1.8, 1.3, 1.1, 0.8, 0.7, 0.7),
    E.OVER_TEMPERATURE: (0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.7, 1.7, 1.2, 0.9, 0.8, 0.7),
    E.OVER_PRESSURE:    (0.9, 0.9, 0.9, 1.0, 1.0, 1.1, 1.2, 1.2, 1.0, 1.0, 0.9, 0.9),
}
# Enforcement inspections: 节前 checks before 元旦/春节 and 国庆, 安全生产月 in June, few in the
# 春节 month and during the 国庆 holiday; hazard reports follow the inspections with a summer bump.
INSPECTION_SEASON = (1.15, 0.6, 1.0, 1.0, 1.05, 1.2, 1.0, 0.95, 1.15, 0.85, 1.05, 1.2)
HAZARD_SEASON = (1.05, 0.65, 1.0, 1.0, 1.05, 1.15, 1.15, 1.1, 1.05, 0.9, 1.0, 1.1)
# fmt: on
SEASON_MAX = max(max(v) for v in EVENT_SEASON.values())


def history_start(now_ms: int) -> int:
    """00:00 on 1 January of the year before ``now_ms``'s year: the demo city's first record day."""
    return month_start(local(now_ms).year - 1, 1)


def spring_festival(year: int) -> int:
    month, day = _SPRING_FESTIVAL.get(year, (2, 5))
    return month_start(year, month) + (day - 1) * DAY


def festival_factor(day_start: int) -> float:
    """Share of a normal day's activity around 春节: factories close from 除夕 to 初六, and work
    picks up slowly until 元宵."""
    delta = (day_start - spring_festival(local(day_start).year)) // DAY
    if -2 <= delta <= 6:
        return 0.25
    if 7 <= delta <= 14 or delta in (-4, -3):
        return 0.6
    return 1.0


def working_day_factor(day_start: int) -> float:
    return 0.35 if local(day_start).weekday() >= 5 else 1.0


def event_season(event_type: E, month: int) -> float:
    season = EVENT_SEASON.get(event_type)
    return season[month - 1] if season else 1.0


def day_weights(first_day: int, end: int, weight: Callable[[int], float]) -> array[float]:
    """Cumulative ``weight(day_start)`` over the local days in [first_day, end): a table to draw days
    from with ``rng.choices(..., cum_weights=...)``; one float per day, so a few KB for the history."""
    out: array[float] = array("d")
    total = 0.0
    for day in range(first_day, end, DAY):
        total += max(0.0, weight(day))
        out.append(total)
    return out
