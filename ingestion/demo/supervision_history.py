"""Supervision records older than the live year: inspections, hazards and penalties back to
1 January of the previous year.

The live generator (``supervision.emit_supervision``) draws inspections uniformly over the last
364 days and hazards with a 100-day exponential age (reporting has grown), so without this module
the city has no 去年同期 and its hazard months before the last quarter are nearly empty. This
module adds, per enterprise and from its own seeded stream (the live records stay byte-identical):

- inspections before the live year at ~85 % of the live rate (fewer inspectors last year), with
  the ``seasons.INSPECTION_SEASON`` shape, 春节 lull and few weekend checks;
- hazards found 90+ days ago topping the live exponential up to a gentler curve that meets it
  90 days back and falls by ~45 % a year (the growth of self-inspection reporting), seasonal;
- their findings and penalties as live inspections have them; closed hazards are 已验收 ~95 %.

Day tables are built once per city (one float per day); per enterprise only its own few records
are held, so memory stays bounded at any scale.
"""

from __future__ import annotations

import bisect
import math
import random
from array import array
from collections.abc import Iterator, Sequence

from core.models import Entity, Hazard, Penalty
from core.vocab import HazardSource
from ingestion.demo.clock import DAY, MINUTE, local, local_midnight
from ingestion.demo.org import Staff
from ingestion.demo.plan import CityPlan
from ingestion.demo.seasons import (
    HAZARD_SEASON,
    INSPECTION_SEASON,
    day_weights,
    festival_factor,
    history_start,
    working_day_factor,
)
from ingestion.demo.supervision import (
    _SOURCES,
    Context,
    _hazard,
    _working_time,
    hazard_mean,
    inspect,
    inspection_mean,
    poisson,
)

LIVE_YEAR_DAYS = 364  # the live generator's inspection window
LIVE_HAZARD_AGE = 100  # mean age (days) of the live generator's hazards
HAZARD_SEAM_DAYS = 90  # history hazards start this many days back (the live ones dominate before)
INSPECTION_TREND = 0.85  # last year's inspection rate relative to this year's
HAZARD_DECAY_DAYS = 600  # e-folding time of the history hazard curve (~45 % fewer a year earlier)
HAZARD_TOP_UP = 0.85  # part of the curve left to hazards outside inspections
VERIFIED_SHARE = 0.95  # closed hazards older than the live window are nearly all 已验收


def _mean_shape(first_day: int, season: Sequence[float]) -> float:
    """Average season × 春节 × weekday factor over a year, so the shapes keep yearly totals."""
    days = range(first_day, first_day + 365 * DAY, DAY)
    return sum(season[local(d).month - 1] * festival_factor(d) * working_day_factor(d) for d in days) / 365


class SupervisionHistory:
    """Per-city day tables for the history's inspection and hazard dates."""

    def __init__(self, now_ms: int) -> None:
        self.now = now_ms
        today = local_midnight(now_ms)
        self.first_day = history_start(now_ms)
        ins_shape = _mean_shape(self.first_day, INSPECTION_SEASON)
        haz_shape = _mean_shape(self.first_day, HAZARD_SEASON)

        def inspection_w(day: int) -> float:
            shape = INSPECTION_SEASON[local(day).month - 1] * festival_factor(day) * working_day_factor(day)
            return INSPECTION_TREND * shape / ins_shape / LIVE_YEAR_DAYS

        def hazard_w(day: int) -> float:
            age = (today - day) / DAY
            seam = math.exp(-HAZARD_SEAM_DAYS / LIVE_HAZARD_AGE) / LIVE_HAZARD_AGE
            shape = HAZARD_SEASON[local(day).month - 1] * festival_factor(day) * working_day_factor(day)
            target = seam * math.exp(-(age - HAZARD_SEAM_DAYS) / HAZARD_DECAY_DAYS) * shape / haz_shape
            live = math.exp(-age / LIVE_HAZARD_AGE) / LIVE_HAZARD_AGE if age <= LIVE_YEAR_DAYS else 0.0
            return HAZARD_TOP_UP * (target - live)

        # Weights are expected records per unit of the enterprise's live yearly mean.
        self.ins_cum = day_weights(self.first_day, today - LIVE_YEAR_DAYS * DAY, inspection_w)
        self.haz_cum = day_weights(self.first_day, today - (HAZARD_SEAM_DAYS - 1) * DAY, hazard_w)

    def draw_day(self, rng: random.Random, cum: array[float]) -> int:
        k = bisect.bisect_right(cum, rng.random() * cum[-1])
        return self.first_day + min(k, len(cum) - 1) * DAY

    def inspection_day(self, rng: random.Random, _now: int) -> int:
        return _working_time(rng, self.draw_day(rng, self.ins_cum))


def emit_supervision_history(
    rng: random.Random,
    hist: SupervisionHistory,
    plan: CityPlan,
    i: int,
    eid: str,
    key: str,
    inspectors: Sequence[Sequence[Staff]],
    has_sensors: bool,
    has_cameras: bool,
) -> Iterator[Entity]:
    """Inspections, then hazards and penalties, of enterprise ``i`` before the live window."""
    now = plan.now_ms
    ctx = Context(plan, i, eid, f"{key}-H")
    hazards: list[Hazard] = []
    penalties: list[Penalty] = []
    count = poisson(rng, inspection_mean(plan, i, ctx) * hist.ins_cum[-1]) if hist.ins_cum else 0
    for n in range(1, count + 1):
        yield inspect(
            rng, ctx, inspectors, now, hist.inspection_day, f"{n:02d}", hazards, penalties, VERIFIED_SHARE
        )
    weights = (50, 25, 13 if has_sensors else 0, 12 if has_cameras else 0)
    count = poisson(rng, hazard_mean(ctx) * hist.haz_cum[-1]) if hist.haz_cum else 0
    for _ in range(count):
        found_at = min(_working_time(rng, hist.draw_day(rng, hist.haz_cum)), now - 10 * MINUTE)
        source: HazardSource = rng.choices(_SOURCES, weights)[0]
        n = len(hazards) + 1
        hazards.append(_hazard(rng, ctx, n, now, found_at, source, ctx.finding(rng), None, VERIFIED_SHARE))
    yield from hazards
    yield from penalties
