"""Supervision records of one enterprise: inspections, hazards, penalties, special operations, drills;
and the 厂中厂 lessors' daily patrols, monthly inspections and drills.

Hazard lifecycles are consistent with their status (the model validates them); ~85 % of the last
twelve months' hazards are closed, and the open ones include overdue ones.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Sequence

from core.models import (
    DailyPatrol,
    Drill,
    Entity,
    Hazard,
    Inspection,
    MonthlyInspection,
    Penalty,
    SpecialOperation,
)
from core.vocab import CategoryGroup, HazardLevel, HazardSource, HazardStatus
from core.vocab import EnterpriseCategory as C
from core.vocab import EnterpriseScale as Sc
from core.vocab import KeyDomain as K
from ingestion.demo.catalog import DOMAIN_BIT, DOMAINS
from ingestion.demo.clock import DAY, HOUR, MINUTE, day_key, local_midnight, months_back
from ingestion.demo.enterprises import lessor_id
from ingestion.demo.geography import TOWNS
from ingestion.demo.names import person_name
from ingestion.demo.org import CITY_DEPT_ID, CITY_DEPT_NAME, Staff, dept_id
from ingestion.demo.plan import FLAG_LESSOR, CityPlan
from ingestion.demo.texts import (
    ARTICLES,
    CHEM_OPS,
    DOMAIN_HAZARDS,
    DRILLS,
    GENERAL_HAZARDS,
    INDUSTRY_OPS,
    INSPECTION_KINDS,
    MAJOR_HAZARDS,
    SPECIAL_OP_SITES,
)

_SCALE_F = {Sc.LARGE: 2.0, Sc.MEDIUM: 1.4, Sc.SMALL: 1.0, Sc.MICRO: 0.5}
_INSPECT_MEAN = (3.5, 1.8, 0.9, 0.4)  # per year by class A/B/C/D
_KINDS = tuple(k for k, _ in INSPECTION_KINDS)
_KIND_W = tuple(w for _, w in INSPECTION_KINDS)
_SOURCES = (HazardSource.SELF_INSPECTION, HazardSource.THIRD_PARTY, HazardSource.IOT, HazardSource.VIDEO)
_MAJOR_BY_DOMAIN = {
    K.COMBUSTIBLE_DUST: 0,
    K.CONFINED_SPACE: 1,
    K.AMMONIA_REFRIGERATION: 2,
    K.STEEL: 3,
    K.DEEP_WELL_CASTING: 4,
    K.MEDIUM_FREQUENCY_FURNACE: 5,
}


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method (means here are small)."""
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


class Context:
    """What the supervision generator needs about one enterprise."""

    __slots__ = ("c", "dom", "eid", "general", "key", "majors", "s", "town")

    def __init__(self, plan: CityPlan, i: int, eid: str, key: str) -> None:
        self.c, self.s, self.dom, self.town = plan.category(i), plan.scale_of(i), plan.dom[i], plan.town[i]
        self.eid, self.key = eid, key
        pool = list(GENERAL_HAZARDS)
        for d in DOMAINS:
            if self.dom & DOMAIN_BIT[d] and d.value in DOMAIN_HAZARDS:
                pool += DOMAIN_HAZARDS[d.value]
        if self.c is C.GAS_STATION:
            pool += DOMAIN_HAZARDS["加油站"] * 2
        elif self.c.group is CategoryGroup.HAZARDOUS_CHEMICALS:
            pool += DOMAIN_HAZARDS["危化"] * 2
        if plan.flags[i] & FLAG_LESSOR:
            pool += DOMAIN_HAZARDS["厂中厂"]
        self.general = tuple(pool)
        if self.c.group is CategoryGroup.HAZARDOUS_CHEMICALS and self.c is not C.GAS_STATION:
            self.majors = MAJOR_HAZARDS["危化"]
        else:
            self.majors = tuple(
                MAJOR_HAZARDS["工贸"][n] for d, n in _MAJOR_BY_DOMAIN.items() if self.dom & DOMAIN_BIT[d]
            )

    def finding(self, rng: random.Random) -> tuple[str, str, HazardLevel]:
        if self.majors and rng.random() < 0.08:
            text, art = rng.choice(self.majors)
            return text, art, HazardLevel.MAJOR
        text, art = rng.choice(self.general)
        return text, art, HazardLevel.GENERAL


def _hazard(
    rng: random.Random,
    ctx: Context,
    n: int,
    now: int,
    found: int,
    source: HazardSource,
    finding: tuple[str, str, HazardLevel],
    inspection_id: str | None,
    verify_p: float = 0.8,
) -> Hazard:
    text, _, level = finding
    days = rng.randint(30, 90) if level is HazardLevel.MAJOR else rng.choice((3, 7, 7, 10, 15, 15, 30))
    deadline = found + days * DAY
    if now > deadline:  # the longer overdue, the more likely it has been closed meanwhile
        late = now - deadline
        closed_p = 0.985 if late > 60 * DAY else 0.93 if late > 15 * DAY else 0.75
    else:
        closed_p = 0.6 * (now - found) / (deadline - found)
    rectified = verified = None
    if rng.random() < closed_p:
        rectified = min(found + int((deadline - found) * rng.uniform(0.2, 1.15)), now - HOUR)
        rectified = max(rectified, found)
        status = HazardStatus.RECTIFIED
        if rectified < now - 2 * DAY and rng.random() < verify_p:
            verified = min(rectified + rng.randint(1, 10) * DAY, now - HOUR)
            status = HazardStatus.VERIFIED
    else:
        status = (
            HazardStatus.PENDING if now - found < 3 * DAY or rng.random() < 0.3 else HazardStatus.RECTIFYING
        )
    return Hazard(
        id=f"HZ-{ctx.key}-{n:03d}",
        enterprise_id=ctx.eid,
        description=text,
        level=level,
        source=source,
        status=status,
        found_at=found,
        deadline=deadline,
        rectified_at=rectified,
        verified_at=verified,
        inspection_id=inspection_id,
    )


def _working_time(rng: random.Random, day_start: int) -> int:
    return local_midnight(day_start) + rng.randint(8 * 60 + 30, 17 * 60) * MINUTE


def _last_year(rng: random.Random, now: int) -> int:
    return _working_time(rng, now - rng.randint(1, 364) * DAY)


def emit_supervision(
    rng: random.Random,
    plan: CityPlan,
    i: int,
    eid: str,
    key: str,
    inspectors: Sequence[Sequence[Staff]],
    has_sensors: bool,
    has_cameras: bool,
) -> Iterator[Entity]:
    """Inspection → Hazard → Penalty → SpecialOperation → Drill for enterprise ``i``."""
    now = plan.now_ms
    ctx = Context(plan, i, eid, key)
    chem = is_chemical(ctx)
    hazards: list[Hazard] = []
    penalties: list[Penalty] = []
    for n in range(1, poisson(rng, inspection_mean(plan, i, ctx)) + 1):
        yield inspect(rng, ctx, inspectors, now, _last_year, f"{n:02d}", hazards, penalties)
    weights = (50, 25, 13 if has_sensors else 0, 12 if has_cameras else 0)
    for _ in range(poisson(rng, hazard_mean(ctx))):
        age = min(364, int(rng.expovariate(1 / 100)))  # reporting has grown: recent months are busier
        found_at = _working_time(rng, now - age * DAY)
        found_at = min(found_at, now - 10 * MINUTE)
        source = rng.choices(_SOURCES, weights)[0]
        hazards.append(_hazard(rng, ctx, len(hazards) + 1, now, found_at, source, ctx.finding(rng), None))
    yield from hazards
    yield from penalties
    yield from _special_operations(rng, ctx, now, chem)
    yield from _drills(rng, ctx, now, chem)


def is_chemical(ctx: Context) -> bool:
    return ctx.c.group is CategoryGroup.HAZARDOUS_CHEMICALS and ctx.c is not C.GAS_STATION


def inspection_mean(plan: CityPlan, i: int, ctx: Context) -> float:
    """Expected enforcement inspections of enterprise ``i`` per year."""
    chem = is_chemical(ctx)
    return _INSPECT_MEAN[plan.cls[i]] * (1.3 if chem else 1.0) * (0.7 if ctx.s is Sc.MICRO else 1.0)


def hazard_mean(ctx: Context) -> float:
    """Expected hazards found outside inspections in the last twelve months."""
    chem = is_chemical(ctx)
    base = 7.5 if chem else 4.5 if ctx.c is C.GAS_STATION else 4.0 if ctx.majors else 2.6
    if ctx.c is C.OTHER:
        base = 1.3
    return base * _SCALE_F[ctx.s]


def inspect(
    rng: random.Random,
    ctx: Context,
    inspectors: Sequence[Sequence[Staff]],
    now: int,
    when: Callable[[random.Random, int], int],
    tag: str,
    hazards: list[Hazard],
    penalties: list[Penalty],
    verify_p: float = 0.8,
) -> Inspection:
    """One inspection at ``when(rng, now)``; its findings are appended to ``hazards`` and a penalty, if any, to
    ``penalties`` (both are emitted after the inspection they refer to)."""
    chem = is_chemical(ctx)
    city = rng.random() < (0.7 if chem else 0.2)
    staff = inspectors[0 if city else ctx.town + 1]
    at = when(rng, now)  # drawn here, after ``city``, to keep the seeded stream of earlier versions
    findings = 0 if rng.random() < 0.5 else rng.choices((1, 2, 3, 4, 5), (45, 30, 15, 7, 3))[0]
    ins_id = f"INS-{ctx.key}-{tag}"
    inspection = Inspection(
        id=ins_id,
        enterprise_id=ctx.eid,
        agency_id=CITY_DEPT_ID if city else dept_id(ctx.town),
        inspected_at=at,
        inspectors=tuple(s.name for s in rng.sample(list(staff), 2)),
        kind=rng.choices(_KINDS, _KIND_W)[0],
        findings=findings,
    )
    found = [ctx.finding(rng) for _ in range(findings)]
    for f in found:
        n = len(hazards) + 1
        hazards.append(_hazard(rng, ctx, n, now, at, HazardSource.ENFORCEMENT, f, ins_id, verify_p))
    if found and rng.random() < (0.5 if any(f[2] is HazardLevel.MAJOR for f in found) else 0.08):
        text, art, _ = max(found, key=lambda f: f[2] is HazardLevel.MAJOR)
        decided = at + rng.randint(7, 30) * DAY
        if decided < now:
            basis, _, cap = ARTICLES[art]
            amount = rng.choice(
                [a for a in (5_000, 8_000, 10_000, 20_000, 30_000, 50_000, 80_000, 100_000) if a <= cap]
            )
            organ = CITY_DEPT_NAME if city else _town_organ(ctx.town)
            penalties.append(
                Penalty(
                    id=f"PEN-{ctx.key}-{tag}",
                    enterprise_id=ctx.eid,
                    inspection_id=ins_id,
                    organ=organ,
                    facts=f"经现场检查，该单位存在{text}的违法行为",
                    basis=basis,
                    decision=f"责令限期改正，并处罚款人民币{amount}元",
                    amount_yuan=float(amount),
                    decided_at=decided,
                )
            )
    return inspection


def _town_organ(town: int) -> str:
    name = TOWNS[town].name
    return f"江阴{name}综合行政执法局" if name.endswith("开发区") else f"江阴市{name}综合行政执法局"


def _special_operations(rng: random.Random, ctx: Context, now: int, chem: bool) -> Iterator[Entity]:
    if chem:
        mean = 6.0 if ctx.c is C.CHEM_PRODUCTION else 3.0 if ctx.c is not C.CHEM_TRADING_STORAGE else 1.5
        ops = CHEM_OPS
    else:
        mean = {Sc.LARGE: 1.5, Sc.MEDIUM: 1.0, Sc.SMALL: 0.15, Sc.MICRO: 0.03}[ctx.s]
        mean *= 0.3 if ctx.c is C.GAS_STATION else 1.0
        ops = INDUSTRY_OPS
    count = poisson(rng, mean * _SCALE_F[ctx.s] / 1.4)
    today = count > 0 and rng.random() < (0.25 if chem else 0.05)
    types, weights = tuple(o for o, _ in ops), tuple(w for _, w in ops)
    for n in range(1, count + 1):
        op = rng.choices(types, weights)[0]
        if today and n == 1:
            start = now - rng.randint(30, 300) * MINUTE
            end = now + rng.randint(30, 360) * MINUTE
        else:
            start = _working_time(rng, now - rng.randint(1, 30) * DAY)
            end = start + rng.randint(1, 8) * HOUR
        yield SpecialOperation(
            id=f"SO-{ctx.key}-{n:02d}",
            enterprise_id=ctx.eid,
            op_type=op,
            location=rng.choice(SPECIAL_OP_SITES[op]),
            starts_at=start,
            ends_at=end,
            supervisor=person_name(rng),
        )


def _drills(rng: random.Random, ctx: Context, now: int, chem: bool) -> Iterator[Entity]:
    if chem:
        mean, pools = 2.5, ["危化"]
    elif ctx.c is C.GAS_STATION:
        mean, pools = 1.5, ["加油站"]
    else:
        mean = {Sc.LARGE: 2.0, Sc.MEDIUM: 1.5, Sc.SMALL: 0.4, Sc.MICRO: 0.1}[ctx.s] * (
            1.5 if ctx.majors else 1.0
        )
        pools = [
            d.value
            for d in (K.AMMONIA_REFRIGERATION, K.COMBUSTIBLE_DUST, K.CONFINED_SPACE)
            if ctx.dom & DOMAIN_BIT[d]
        ]
        if ctx.c in (C.METALLURGY, C.NONFERROUS):
            pools.append("冶金")
    pools.append("通用")
    people = {Sc.LARGE: (60, 400), Sc.MEDIUM: (30, 150), Sc.SMALL: (8, 60), Sc.MICRO: (3, 12)}[ctx.s]
    for n in range(1, poisson(rng, mean) + 1):
        yield Drill(
            id=f"DR-{ctx.key}-{n:02d}",
            enterprise_id=ctx.eid,
            scenario=rng.choice(DRILLS[rng.choice(pools)]),
            held_at=_working_time(rng, now - rng.randint(1, 364) * DAY),
            participants=rng.randint(*people),
        )


def emit_lessor_activity(plan: CityPlan, patrol_days: int = 30, months: int = 6) -> Iterator[Entity]:
    """Drills (企业法人 lessors), daily patrols (last ``patrol_days`` days) and monthly inspections."""
    rng = random.Random(f"{plan.seed}/lessor-activity")  # noqa: S311 - demo data, not crypto
    now = plan.now_ms
    today = local_midnight(now)
    for n, lp in enumerate(plan.lessors):
        lid = lessor_id(plan, n)
        diligence = {"红": 0.7, "黄": 0.85, "蓝": 0.95}[lp.grade.value] * rng.uniform(0.9, 1.05)
        tag = f"{n + 1:05d}"
        for k in range(1, poisson(rng, 1.6) + 1):
            yield Drill(
                id=f"DR-L{tag}-{k:02d}",
                lessor_id=lid,
                scenario=rng.choice(DRILLS["厂中厂"] + DRILLS["通用"]),
                held_at=_working_time(rng, now - rng.randint(1, 364) * DAY),
                participants=rng.randint(5, 20) + 6 * len(lp.lessees),
            )
        for d in range(patrol_days, -1, -1):
            day = today - d * DAY
            if d == 0 and now - day < 18 * HOUR and rng.random() < 0.5:
                continue  # today's log may not be in yet
            submitted = rng.random() < diligence
            yield DailyPatrol(
                id=f"DP-{tag}-{day_key(day)}",
                lessor_id=lid,
                day=day,
                submitted=submitted,
                issues_found=rng.choices((0, 1, 2, 3), (80, 14, 4, 2))[0] if submitted else 0,
            )
        for label, start, _end in months_back(now, months):
            done = rng.random() < diligence
            completed = None
            if done:
                completed = min(start + rng.randint(1, 27) * DAY + rng.randint(9, 17) * HOUR, now - HOUR)
                if completed < start:
                    completed = None
            yield MonthlyInspection(
                id=f"MI-{tag}-{label}",
                lessor_id=lid,
                month=label,
                completed_at=completed,
                hazards_found=rng.choices((0, 1, 2, 3, 4), (45, 25, 15, 10, 5))[0] if completed else 0,
            )
