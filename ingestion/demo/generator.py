"""``generate_city``: a deterministic, streaming demo 江阴市 for the safety graph.

Output order (every referenced entity comes before its referrers)::

    Town, Village, Department
    Enterprise (+ its Person: 安全负责人 / 主要负责人), for every enterprise
    Lessor, LeaseAgreement
    Chemical
    per enterprise: ClassAssessment, MajorHazardSource, ChemicalStock, Sensor, Camera, RiskPoint,
                    Inspection, Hazard, Penalty, SpecialOperation, Drill,
                    then the history's Inspection, Hazard, Penalty (before the live year)
    Camera (public), Drill / DailyPatrol / MonthlyInspection of lessors
    RescueTeam, Expert, Warehouse, Equipment, Material, MedicalFacility, Shelter
    Person (agency staff), DutyShift
    Event (oldest first: the history from 1 January of last year, then the live 90 days)

Memory stays bounded: model objects are yielded and dropped; what later phases need is kept in
``array`` columns (``CityPlan``, ``Registry``) plus one id string per enterprise — a few tens of MB
at 100k enterprises. Randomness comes only from ``random.Random`` instances seeded from ``seed``
(one stream per phase, and one per enterprise for chemical holdings), never from the clock, so
``(seed, scale, now_ms)`` fully determines the output. The history (``supervision_history``,
``event_history``) draws from streams of its own, so the live records do not change with it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from core.models import Entity
from ingestion.demo.chemistry import chemical_nodes
from ingestion.demo.enterprises import emit_enterprises, emit_lessors
from ingestion.demo.event_history import emit_event_history
from ingestion.demo.events import emit_events
from ingestion.demo.facilities import (
    Registry,
    emit_assets,
    emit_class_history,
    emit_public_cameras,
    online_rates,
)
from ingestion.demo.geography import TOWNS
from ingestion.demo.org import emit_departments, emit_duty_roster, emit_places, emit_staff, staff_roster
from ingestion.demo.plan import plan_city
from ingestion.demo.resources import emit_resources
from ingestion.demo.supervision import emit_lessor_activity, emit_supervision
from ingestion.demo.supervision_history import SupervisionHistory, emit_supervision_history

DEFAULT_SEED = 20261125


def generate_city(seed: int, scale: int, now_ms: int) -> Iterator[Entity]:
    """Yield the demo city's entities for ``scale`` enterprises, relative to ``now_ms`` (epoch ms).

    ``scale`` is the number of enterprises (≈20 nodes each); any positive value works, 1,000 to
    100,000+ is the intended range.
    """
    if scale < 1:
        raise ValueError("scale must be a positive number of enterprises")
    if now_ms < 400 * 86_400_000:
        raise ValueError("now_ms must be an epoch-millisecond timestamp well after 1970")
    plan = plan_city(seed, scale, now_ms)
    roster = staff_roster(seed)
    yield from emit_places()
    yield from emit_departments()
    yield from emit_enterprises(plan)
    yield from emit_lessors(plan)
    yield from chemical_nodes()

    inspectors = [[s for s in roster if s.inspector and s.dept == d] for d in range(-1, len(TOWNS))]
    reg = Registry(online_rate=online_rates(seed))
    rng = random.Random(f"{seed}/enterprise-details")  # noqa: S311 - demo data, not crypto
    hist_rng = random.Random(f"{seed}/supervision-history")  # noqa: S311
    hist = SupervisionHistory(now_ms)
    for i in range(scale):
        eid, key = plan.ids[i], f"{i:06d}"
        sensors, cameras = len(reg.sens_ent), len(reg.cam_ent)
        yield from emit_class_history(rng, plan, i, eid, key)
        yield from emit_assets(rng, plan, reg, i, eid, key)
        has_sensors, has_cameras = len(reg.sens_ent) > sensors, len(reg.cam_ent) > cameras
        yield from emit_supervision(rng, plan, i, eid, key, inspectors, has_sensors, has_cameras)
        yield from emit_supervision_history(
            hist_rng, hist, plan, i, eid, key, inspectors, has_sensors, has_cameras
        )
    yield from emit_public_cameras(random.Random(f"{seed}/public-cameras"), plan, reg)  # noqa: S311
    yield from emit_lessor_activity(plan)
    yield from emit_resources(plan)
    yield from emit_staff(roster)
    yield from emit_duty_roster(roster, now_ms)
    yield from emit_event_history(plan, reg)
    yield from emit_events(plan, reg)
