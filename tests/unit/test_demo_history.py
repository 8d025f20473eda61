"""The demo city's history: records back to 1 January of last year, with seasons and a trend,
deterministic, and without changing the live window the other tests and evals rely on."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator

import pytest

from core.models import Entity, Event, Hazard, Inspection, Penalty
from core.vocab import EventType as E
from core.vocab import HazardStatus
from ingestion.demo import generator
from ingestion.demo.clock import DAY, local, local_midnight
from ingestion.demo.seasons import festival_factor, history_start, spring_festival

SEED = 4242
SCALE = 1000
NOW = 1_781_000_000_000  # 2026-06-09 18:13 Asia/Shanghai: history from 2025-01-01
LIVE_FIRST_DAY = local_midnight(NOW) - 89 * DAY


def _when(e: Entity) -> int:
    for fld in ("occurred_at", "found_at", "inspected_at", "decided_at"):
        if hasattr(e, fld):
            return int(getattr(e, fld))
    raise AssertionError(e.label)


def _month(ms: int) -> str:
    return local(ms).strftime("%Y-%m")


@pytest.fixture(scope="module")
def city() -> list[Entity]:
    return list(generator.generate_city(SEED, SCALE, NOW))


def _no_history(monkeypatch: pytest.MonkeyPatch) -> None:
    def nothing(*_a: object, **_k: object) -> Iterator[Entity]:
        return iter(())

    monkeypatch.setattr(generator, "emit_event_history", nothing)
    monkeypatch.setattr(generator, "emit_supervision_history", nothing)


def test_history_reaches_january_of_last_year_and_not_before(city: list[Entity]) -> None:
    first = history_start(NOW)
    assert _month(first) == "2025-01"
    for kind in (Event, Hazard, Inspection):
        times = [_when(e) for e in city if isinstance(e, kind)]
        assert min(times) >= first, kind
        assert _month(min(times)) == "2025-01", kind
    # Penalties follow inspections by 7–30 days; last year's must exist well before this year.
    assert any(_when(p) < NOW - 365 * DAY for p in city if isinstance(p, Penalty))


def test_every_month_since_last_january_has_events_hazards_and_inspections(city: list[Entity]) -> None:
    months = {_month(m) for m in range(history_start(NOW), NOW, 20 * DAY)}
    for kind in (Event, Hazard, Inspection):
        seen = Counter(_month(_when(e)) for e in city if isinstance(e, kind))
        assert all(seen[m] > 0 for m in months), (kind, sorted(months - set(seen)))


def test_fire_alarms_peak_in_winter_and_liquid_level_alarms_in_the_plum_rains(city: list[Entity]) -> None:
    events = [e for e in city if isinstance(e, Event) and e.occurred_at < LIVE_FIRST_DAY]
    by_month: dict[E, Counter[int]] = {t: Counter() for t in E}
    total: Counter[int] = Counter()
    for e in events:
        if local(e.occurred_at).year == 2025:
            by_month[e.event_type][local(e.occurred_at).month] += 1
            total[local(e.occurred_at).month] += 1

    def share(types: tuple[E, ...], months: tuple[int, ...]) -> float:
        return sum(by_month[t][m] for t in types for m in months) / sum(total[m] for m in months)

    fire = (E.FIRE, E.SMOKE, E.MANUAL_FIRE)
    assert share(fire, (1, 11, 12)) > 1.5 * share(fire, (6, 7, 8))
    assert share((E.LEVEL_ABNORMAL,), (6, 7)) > 1.8 * share((E.LEVEL_ABNORMAL,), (1, 11, 12))


def test_work_slows_down_around_the_spring_festival(city: list[Entity]) -> None:
    festival = spring_festival(2025)
    assert festival_factor(festival) < 0.5 and festival_factor(festival + 40 * DAY) == 1.0

    def per_day(kind: type[Entity], lo: int, hi: int) -> float:
        return sum(lo <= _when(e) < hi for e in city if isinstance(e, kind)) / ((hi - lo) / DAY)

    for kind in (Inspection, Hazard, Event):
        lull = per_day(kind, festival - 2 * DAY, festival + 7 * DAY)
        around = statistics.mean(
            (
                per_day(kind, festival - 40 * DAY, festival - 10 * DAY),
                per_day(kind, festival + 20 * DAY, festival + 50 * DAY),
            )
        )
        assert lull < 0.6 * around, kind


def test_last_year_has_fewer_records_than_this_year_but_not_nothing(city: list[Entity]) -> None:
    year, prev = history_start(NOW) + 365 * DAY, history_start(NOW)
    for kind, lo, hi in ((Inspection, 0.6, 1.0), (Hazard, 0.2, 0.9), (Event, 0.05, 0.7)):
        this = sum(year <= _when(e) < NOW for e in city if isinstance(e, kind))
        last = sum(prev <= _when(e) < NOW - 365 * DAY for e in city if isinstance(e, kind))
        assert lo * this <= last <= hi * this, (kind, this, last)


def test_old_hazards_are_closed_and_mostly_verified(city: list[Entity]) -> None:
    old = [h for h in city if isinstance(h, Hazard) and h.found_at < NOW - 365 * DAY]
    closed = [h for h in old if h.status.is_closed]
    assert len(closed) >= 0.97 * len(old)
    assert sum(h.status is HazardStatus.VERIFIED for h in closed) >= 0.9 * len(closed)


def test_same_seed_same_history_other_seed_differs(city: list[Entity]) -> None:
    def history(entities: list[Entity]) -> list[tuple[str, dict[str, object]]]:
        return [
            (e.label, e.model_dump())
            for e in entities
            if e.label in {"Event", "Hazard", "Inspection"} and _when(e) < LIVE_FIRST_DAY - 300 * DAY
        ]

    again = list(generator.generate_city(SEED, SCALE, NOW))
    assert history(again) == history(city)
    assert history(list(generator.generate_city(SEED + 1, SCALE, NOW))) != history(city)


def test_live_window_is_the_same_with_and_without_history(
    city: list[Entity], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history draws from its own seeded streams: the live 90 days (and every other record the
    evals and tests count on) are exactly what the generator made before it had a history."""
    _no_history(monkeypatch)
    live_only = list(generator.generate_city(SEED, SCALE, NOW))
    history_ids = {e.id for e in city} - {e.id for e in live_only}
    assert [e for e in city if e.id not in history_ids] == live_only
    recent = [e for e in city if isinstance(e, Event) and e.occurred_at >= LIVE_FIRST_DAY]
    assert recent == [e for e in live_only if isinstance(e, Event)]
    assert 0.85 * 2 * SCALE <= len(recent) <= 1.15 * 2 * SCALE  # the live density: 2 per enterprise
    # The bounded volume: history adds well under 60 % of the city's entities.
    assert len(city) <= 1.6 * len(live_only)


@pytest.mark.parametrize("now", [1_767_196_800_000 + 3_600_000, 1_767_110_400_000 + 82_800_000])
def test_year_edges_keep_the_history_whole_and_in_time_order(now: int) -> None:
    """Loaded at 01:00 on New Year's Day or late on New Year's Eve: history still from last January."""
    city = list(generator.generate_city(SEED, 60, now))
    events = [e for e in city if isinstance(e, Event)]
    assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)
    assert len({e.id for e in events}) == len(events)
    first = history_start(now)
    for kind in (Event, Hazard, Inspection):
        times = [_when(e) for e in city if isinstance(e, kind)]
        assert first <= min(times) < first + 62 * DAY and max(times) <= now, kind
