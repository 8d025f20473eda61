"""Events before the live 90-day window, back to 1 January of the previous year, oldest first.

Drawn day by day with the live generator's drawer (same devices, texts, levels and age-dependent
statuses) from its own seeded stream, so the live window stays byte-identical. The daily rate is
the live one times:

- a trend: the city connected its cameras to AI recognition and its sensors to the platform
  during the two years, so alarm volume grows from ~10 % of today's at the start of last year to
  ~20 % a year ago and ramps up to today's over the last months before the window;
- the type's month multiplier (``seasons.EVENT_SEASON``), applied by thinning the drafts;
- the 春节 lull and the live generator's weekday / noise factors.

The trend is steep because the demo load must stay within +60 % of its size without history
(docs/PERFORMANCE.md): alarms are the most numerous records.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from core.models import Entity
from ingestion.demo.clock import DAY, local, local_midnight
from ingestion.demo.events import _Draft, day_drawer, finish_day
from ingestion.demo.facilities import Registry
from ingestion.demo.plan import CityPlan
from ingestion.demo.seasons import SEASON_MAX, event_season, festival_factor, history_start


def event_trend(t: float) -> float:
    """Alarm rate relative to today's at ``t`` (0 = first history day, 1 = the live window)."""
    return 0.1 + 0.2 * t + 0.7 * t**8


def emit_event_history(
    plan: CityPlan, reg: Registry, days: int = 90, per_enterprise: float = 2.0
) -> Iterator[Entity]:
    """Events from 1 January of last year up to the live window of ``days`` days, oldest first."""
    rng = random.Random(f"{plan.seed}/event-history")  # noqa: S311 - demo data, not crypto
    now = plan.now_ms
    day, source_w = day_drawer(rng, plan, reg)
    base = plan.scale * per_enterprise / days
    first = history_start(now)
    end = local_midnight(now) - (days - 1) * DAY  # the live window's first day
    span = max(1, end - first)
    for start in range(first, end, DAY):
        d = local(start)
        rate = base * event_trend((start - first) / span) * festival_factor(start)
        rate *= (0.75 if d.weekday() >= 5 else 1.05) * rng.uniform(0.85, 1.15)
        drawn: list[_Draft] = []
        # Rounded at random, not to the nearest: a small city's history days hold a fraction of an alarm.
        whole, part = divmod(rate * SEASON_MAX, 1.0)
        for _ in range(int(whole) + (rng.random() < part)):
            row = day.draw(start, source_w)
            # Thinning by the type's month multiplier: kept ``rate × multiplier`` on average.
            if row is not None and rng.random() * SEASON_MAX < event_season(row.event_type, d.month):
                drawn.append(row)
        yield from finish_day(rng, now, start, drawn)
