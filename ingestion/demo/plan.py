"""The city plan: compact per-enterprise arrays (no model objects), drawn before anything is emitted.

Everything the later phases need about enterprise *i* — town, category, scale, key domains,
coordinates, 厂中厂 role — lives in ``array`` columns, so 100k enterprises cost a few MB.
"""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass, field

from core.standards.uscc import USCC_CHARSET, make_uscc
from core.vocab import CategoryGroup, LessorGrade, LessorType
from core.vocab import EnterpriseCategory as C
from core.vocab import EnterpriseScale as Sc
from core.vocab import KeyDomain as K
from ingestion.demo.catalog import (
    CATEGORIES,
    CATEGORY_WEIGHTS,
    CLASSES,
    DOMAIN_BIT,
    KEY_DOMAIN_P,
    SCALE_WEIGHTS,
    SCALES,
    responsibility_class,
)
from ingestion.demo.geography import REGION_CODE, TOWNS, clamp_to_box, village_points

_CAT_INDEX = {c: i for i, c in enumerate(CATEGORIES)}
_SCALE_INDEX = {s: i for i, s in enumerate(SCALES)}
_HAZARD_LESSEE = (
    DOMAIN_BIT[K.COMBUSTIBLE_DUST]
    | DOMAIN_BIT[K.USES_HAZARDOUS_CHEMICALS]
    | DOMAIN_BIT[K.MEDIUM_FREQUENCY_FURNACE]
)
FLAG_DISHONEST = 1
FLAG_LESSEE = 2
FLAG_LESSOR = 4


@dataclass(slots=True)
class LessorPlan:
    town: int
    lessor_type: LessorType
    enterprise: int  # index of the owning Enterprise (企业法人), else -1
    lessees: list[int]
    grade: LessorGrade = LessorGrade.BLUE
    village: int = 0
    lat: float = 0.0
    lon: float = 0.0
    road: int = 0
    house_no: int = 1
    name: str = ""  # filled when the owner enterprise is emitted


@dataclass(slots=True)
class CityPlan:
    seed: int
    scale: int
    now_ms: int
    town: array[int] = field(default_factory=lambda: array("b"))
    village: array[int] = field(default_factory=lambda: array("b"))
    cat: array[int] = field(default_factory=lambda: array("b"))
    size: array[int] = field(default_factory=lambda: array("b"))
    cls: array[int] = field(default_factory=lambda: array("b"))
    dom: array[int] = field(default_factory=lambda: array("B"))
    flags: array[int] = field(default_factory=lambda: array("B"))
    lat: array[float] = field(default_factory=lambda: array("d"))
    lon: array[float] = field(default_factory=lambda: array("d"))
    road: array[int] = field(default_factory=lambda: array("B"))
    house_no: array[int] = field(default_factory=lambda: array("H"))
    building: array[int] = field(default_factory=lambda: array("B"))  # 厂房 number inside a lessor's site
    founded_year: array[int] = field(default_factory=lambda: array("h"))
    lessors: list[LessorPlan] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    notables: list[tuple[str, int]] = field(default_factory=list)  # (name, index) of large enterprises

    def category(self, i: int) -> C:
        return CATEGORIES[self.cat[i]]

    def scale_of(self, i: int) -> Sc:
        return SCALES[self.size[i]]

    def in_park(self, i: int) -> bool:
        return (
            TOWNS[self.town[i]].name == "临港经济开发区"
            and self.category(i).group is CategoryGroup.HAZARDOUS_CHEMICALS
        )


def _town_weights_by_category() -> dict[C, list[float]]:
    out: dict[C, list[float]] = {}
    for c in CATEGORIES:
        if c is C.GAS_STATION:
            out[c] = [t.population * (0.5 if t.kind.value == "开发区" else 1.0) for t in TOWNS]
        else:
            out[c] = [t.weight * t.affinity.get(c, 1.0) for t in TOWNS]
    return out


def uscc_for(seed: int, i: int, founded_year: int) -> str:
    """Unique credit code for enterprise ``i``: old-style numeric body before 2015, 'MA…' after.

    Bodies come from affine bijections of ``i`` (mod 10^7 and mod 31^6), so they never collide.
    """
    if founded_year < 2015:
        n = (i * 7_654_321 + seed * 97) % 10_000_000
        body = "7" + f"{n:07d}" if i % 3 else "6" + f"{n:07d}"
    else:
        n = (i * 123_456_791 + seed * 131) % 887_503_681  # 31^6
        chars = []
        for _ in range(6):
            n, r = divmod(n, 31)
            chars.append(USCC_CHARSET[r])
        body = "MA" + "".join(reversed(chars))
    return make_uscc("9", "1", REGION_CODE, body)


IDENTITY_YEAR = 2024


def plan_city(seed: int, scale: int, now_ms: int) -> CityPlan:
    rng = random.Random(f"{seed}/plan")  # noqa: S311 - demo data, not crypto
    plan = CityPlan(seed=seed, scale=scale, now_ms=now_ms)
    cats = list(CATEGORY_WEIGHTS)
    cat_w = [CATEGORY_WEIGHTS[c] for c in cats]
    town_w = _town_weights_by_category()
    town_idx = list(range(len(TOWNS)))
    vpoints = [village_points(t) for t in TOWNS]
    # The city's identity (names, codes, places) depends on (seed, scale) only, never on the day it
    # is generated: founding years are drawn up to a fixed year, not up to ``now``.
    last_founding_year = IDENTITY_YEAR
    for _ in range(scale):
        c = rng.choices(cats, cat_w)[0]
        t = rng.choices(town_idx, town_w[c])[0]
        spec = TOWNS[t]
        s = rng.choices(SCALES, SCALE_WEIGHTS[c])[0]
        dom = 0
        for d, p in KEY_DOMAIN_P.get(c, {}).items():
            if rng.random() < p:
                dom |= DOMAIN_BIT[d]
        dishonest = rng.random() < 0.01
        v = rng.randrange(len(spec.villages))
        vlat, vlon = vpoints[t][v]
        lat, lon = clamp_to_box(vlat + rng.gauss(0, spec.rlat * 0.16), vlon + rng.gauss(0, spec.rlon * 0.16))
        oldest = 1985 if s in (Sc.LARGE, Sc.MEDIUM) else 1995
        plan.town.append(t)
        plan.village.append(v)
        plan.cat.append(_CAT_INDEX[c])
        plan.size.append(_SCALE_INDEX[s])
        plan.cls.append(CLASSES.index(responsibility_class(rng, c, dom, dishonest)))
        plan.dom.append(dom)
        plan.flags.append(FLAG_DISHONEST if dishonest else 0)
        plan.lat.append(lat)
        plan.lon.append(lon)
        plan.road.append(rng.randrange(len(spec.roads)))
        plan.house_no.append(rng.randint(1, 999))
        plan.building.append(0)
        plan.founded_year.append(rng.randint(oldest, last_founding_year))
    _plan_lessors(rng, plan, vpoints)
    return plan


_LESSOR_TYPES = (
    LessorType.LEGAL_PERSON,
    LessorType.COLLECTIVE,
    LessorType.NATURAL_PERSON,
    LessorType.SOLE_PROPRIETOR,
    LessorType.OTHER,
)
_LESSOR_TYPE_W = (55, 20, 15, 8, 2)
_LESSEE_COUNTS = tuple(range(1, 31))
_LESSEE_W = (30, 22, 15, 10, 8, *([2.0] * 5), *([0.4] * 10), *([0.1] * 10))


def _plan_lessors(rng: random.Random, plan: CityPlan, vpoints: list[tuple[tuple[float, float], ...]]) -> None:
    """Choose 厂中厂 lessors (~4 % of enterprises) and their 1–30 lessees in the same town."""
    by_town: list[list[int]] = [[] for _ in TOWNS]
    for i in range(plan.scale):
        by_town[plan.town[i]].append(i)
    for t, members in enumerate(by_town):
        spec = TOWNS[t]
        owners = [i for i in members if _can_own(plan, i)]
        pool = [i for i in members if _can_rent(plan, i)]
        rng.shuffle(owners)
        rng.shuffle(pool)
        n = round(len(members) * 0.04) or (1 if len(members) >= 20 else 0)
        for _ in range(n):
            if not pool:
                break
            ltype = rng.choices(_LESSOR_TYPES, _LESSOR_TYPE_W)[0]
            owner = -1
            if ltype is LessorType.LEGAL_PERSON:
                while owners and owner < 0:
                    cand = owners.pop()
                    if not plan.flags[cand] & (FLAG_LESSEE | FLAG_LESSOR):
                        owner = cand
                if owner < 0:
                    ltype = LessorType.COLLECTIVE
            k = rng.choices(_LESSEE_COUNTS, _LESSEE_W)[0]
            lessees: list[int] = []
            while pool and len(lessees) < k:
                cand = pool.pop()
                if cand != owner and not plan.flags[cand] & (FLAG_LESSEE | FLAG_LESSOR):
                    lessees.append(cand)
            if not lessees:
                break
            lp = LessorPlan(town=t, lessor_type=ltype, enterprise=owner, lessees=lessees)
            if owner >= 0:
                plan.flags[owner] |= FLAG_LESSOR
                lp.village, lp.lat, lp.lon = plan.village[owner], plan.lat[owner], plan.lon[owner]
                lp.road, lp.house_no = plan.road[owner], plan.house_no[owner]
            else:
                lp.village = rng.randrange(len(spec.villages))
                vlat, vlon = vpoints[t][lp.village]
                lp.lat, lp.lon = clamp_to_box(
                    vlat + rng.gauss(0, spec.rlat * 0.1), vlon + rng.gauss(0, spec.rlon * 0.1)
                )
                lp.road, lp.house_no = rng.randrange(len(spec.roads)), rng.randint(1, 999)
            for b, e in enumerate(lessees, start=1):
                plan.flags[e] |= FLAG_LESSEE
                plan.village[e], plan.road[e], plan.house_no[e] = lp.village, lp.road, lp.house_no
                plan.building[e] = min(b, 255)
                plan.lat[e], plan.lon[e] = clamp_to_box(
                    lp.lat + rng.gauss(0, 0.0005), lp.lon + rng.gauss(0, 0.0006)
                )
            risky = sum(1 for e in lessees if plan.dom[e] & _HAZARD_LESSEE)
            score = len(lessees) + 3 * risky + (2 if owner < 0 else 0) + rng.randint(0, 3)
            lp.grade = (
                LessorGrade.RED if score >= 16 else LessorGrade.YELLOW if score >= 7 else LessorGrade.BLUE
            )
            plan.lessors.append(lp)


def _can_own(plan: CityPlan, i: int) -> bool:
    c = plan.category(i)
    return (
        (c.group is CategoryGroup.INDUSTRY_TRADE or c is C.OTHER)
        and c is not C.TOBACCO
        and plan.scale_of(i)
        in (
            Sc.MEDIUM,
            Sc.SMALL,
            Sc.LARGE,
        )
    )


def _can_rent(plan: CityPlan, i: int) -> bool:
    c = plan.category(i)
    return (
        (c.group is CategoryGroup.INDUSTRY_TRADE or c is C.OTHER)
        and c is not C.TOBACCO
        and plan.scale_of(i)
        in (
            Sc.SMALL,
            Sc.MICRO,
        )
    )
