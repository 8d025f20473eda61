"""Enterprises (with their responsible people), 厂中厂 lessors and lease agreements."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

from core.models import Enterprise, Entity, LeaseAgreement, Lessor, Person
from core.standards.gb18218 import identify
from core.vocab import CategoryGroup, LessorType
from core.vocab import EnterpriseCategory as C
from core.vocab import EnterpriseScale as Sc
from core.vocab import KeyDomain as K
from ingestion.demo.catalog import CLASSES, DOMAIN_BIT, DOMAINS, EMPLOYEES
from ingestion.demo.chemistry import Unit, holdings, quantity_of
from ingestion.demo.clock import DAY, month_start
from ingestion.demo.geography import TOWNS, village_id
from ingestion.demo.names import brand, company_name, landline, mobile, person_name, place_words
from ingestion.demo.plan import FLAG_DISHONEST, FLAG_LESSEE, FLAG_LESSOR, CityPlan, uscc_for

_PLACES = [place_words(t.roads, t.villages) for t in TOWNS]
_DANGEROUS = (
    DOMAIN_BIT[K.AMMONIA_REFRIGERATION] | DOMAIN_BIT[K.STEEL] | DOMAIN_BIT[K.USES_HAZARDOUS_CHEMICALS]
)


def holder_rng(seed: int, i: int) -> random.Random:
    """Per-enterprise stream for chemical holdings, so two phases can rebuild the same units."""
    return random.Random(f"{seed}/holdings/{i}")  # noqa: S311 - demo data, not crypto


def may_hold_chemicals(plan: CityPlan, i: int) -> bool:
    return plan.category(i).group is CategoryGroup.HAZARDOUS_CHEMICALS or bool(plan.dom[i] & _DANGEROUS)


def enterprise_units(plan: CityPlan, i: int) -> list[Unit]:
    if not may_hold_chemicals(plan, i):
        return []
    return holdings(
        holder_rng(plan.seed, i), plan.category(i), plan.scale_of(i), plan.dom[i], plan.in_park(i)
    )


def address(plan: CityPlan, i: int) -> str:
    spec = TOWNS[plan.town[i]]
    base = f"江阴市{spec.name}{spec.roads[plan.road[i]]}{plan.house_no[i]}号"
    return f"{base}{plan.building[i]}号厂房" if plan.building[i] else base


def _employees(rng: random.Random, scale: Sc) -> int:
    lo, hi = EMPLOYEES[scale]
    return int(math.exp(rng.uniform(math.log(lo), math.log(hi + 1))))


def _founded_at(rng: random.Random, year: int, now_ms: int) -> int:
    start = month_start(year, 1)
    return min(start + rng.randrange(365) * DAY, now_ms - DAY)


def emit_enterprises(plan: CityPlan) -> Iterator[Entity]:
    """Every Enterprise, each followed by its safety officer (and 主要负责人 for 危化/large) as Person."""
    rng = random.Random(f"{plan.seed}/enterprises")  # noqa: S311 - demo data, not crypto
    used: set[str] = set()
    owner_of = {lp.enterprise: lp for lp in plan.lessors if lp.enterprise >= 0}
    for i in range(plan.scale):
        c, s, spec = plan.category(i), plan.scale_of(i), TOWNS[plan.town[i]]
        eid = uscc_for(plan.seed, i, plan.founded_year[i])
        plan.ids.append(eid)
        large = s is Sc.LARGE
        name = company_name(rng, c, large, spec.short, _PLACES[plan.town[i]], used, i)
        flags = plan.flags[i]
        if flags & FLAG_LESSOR:
            owner_of[i].name = name
        legal_rep, officer = person_name(rng), person_name(rng)
        tags = _tags(rng, plan, i)
        units = enterprise_units(plan, i)
        if units and any(identify([quantity_of(c_, q) for c_, q in u.items], u.kind).is_major for u in units):
            tags.append("重大危险源企业")
        employees = _employees(rng, s)
        if large and c.group is not CategoryGroup.OTHER and len(plan.notables) < 300:
            plan.notables.append((name, i))
        yield Enterprise(
            id=eid,
            name=name,
            town=spec.name,
            village=village_id(spec.name, spec.villages[plan.village[i]]),
            address=address(plan, i),
            category=c,
            key_domains=tuple(d for d in DOMAINS if plan.dom[i] & DOMAIN_BIT[d]),
            scale=s,
            responsibility_class=CLASSES[plan.cls[i]],
            legal_rep=legal_rep,
            safety_officer=officer,
            phone=landline(rng) if s in (Sc.LARGE, Sc.MEDIUM) else mobile(rng),
            employees=employees,
            tags=tuple(tags),
            serious_dishonesty=bool(flags & FLAG_DISHONEST),
            is_lessor=bool(flags & FLAG_LESSOR),
            founded_at=_founded_at(rng, plan.founded_year[i], plan.now_ms),
            lat=plan.lat[i],
            lon=plan.lon[i],
        )
        key = f"{i:06d}"
        title = "安全管理员" if s is Sc.MICRO else "安全负责人" if s is Sc.SMALL else "安全总监"
        yield Person(id=f"PER-E{key}-1", name=officer, title=title, phone=mobile(rng), enterprise_id=eid)
        if c.group is CategoryGroup.HAZARDOUS_CHEMICALS or large:
            yield Person(
                id=f"PER-E{key}-2", name=legal_rep, title="主要负责人", phone=mobile(rng), enterprise_id=eid
            )


def _tags(rng: random.Random, plan: CityPlan, i: int) -> list[str]:
    c, s, spec = plan.category(i), plan.scale_of(i), TOWNS[plan.town[i]]
    tags = [t for t in spec.tags if t != "化工园区" or c.group is CategoryGroup.HAZARDOUS_CHEMICALS]
    if s in (Sc.LARGE, Sc.MEDIUM) or (s is Sc.SMALL and rng.random() < 0.3):
        tags.append("规上企业")
    if rng.random() < {Sc.LARGE: 0.5, Sc.MEDIUM: 0.3, Sc.SMALL: 0.06, Sc.MICRO: 0.01}[s]:
        tags.append("高新技术企业")
    if s in (Sc.MEDIUM, Sc.SMALL) and rng.random() < 0.03:
        tags.append("专精特新")
    if CLASSES[plan.cls[i]].value == "A":
        tags.append("重点监管")
    if plan.flags[i] & FLAG_LESSOR:
        tags.append("厂中厂出租方")
    if plan.flags[i] & FLAG_LESSEE:
        tags.append("厂中厂承租方")
    if c is C.TEXTILE and rng.random() < 0.15:
        tags.append("化纤")
    if rng.random() < 0.04:
        tags.append("外资企业")
    return tags


def lessor_id(plan: CityPlan, n: int) -> str:
    lp = plan.lessors[n]
    return plan.ids[lp.enterprise] if lp.enterprise >= 0 else f"L-{n + 1:05d}"


def emit_lessors(plan: CityPlan) -> Iterator[Entity]:
    """Lessor profiles and their lease agreements (企业法人 lessors share the Enterprise id)."""
    rng = random.Random(f"{plan.seed}/lessors")  # noqa: S311 - demo data, not crypto
    for n, lp in enumerate(plan.lessors):
        spec = TOWNS[lp.town]
        lid = lessor_id(plan, n)
        village = spec.villages[lp.village]
        if lp.lessor_type is LessorType.LEGAL_PERSON:
            name = lp.name
        elif lp.lessor_type is LessorType.COLLECTIVE:
            name = f"江阴市{spec.name}{village}股份经济合作社"
        elif lp.lessor_type is LessorType.NATURAL_PERSON:
            name = person_name(rng)
        elif lp.lessor_type is LessorType.SOLE_PROPRIETOR:
            trade = rng.choice(("五金加工厂", "机械加工厂", "纺织加工厂", "塑料制品厂"))
            name = f"江阴市{spec.short}{brand(rng)}{trade}"
        else:
            name = f"江阴{brand(rng)}资产管理有限公司"
        contact = name if lp.lessor_type is LessorType.NATURAL_PERSON else person_name(rng)
        yield Lessor(
            id=lid,
            name=name,
            lessor_type=lp.lessor_type,
            grade=lp.grade,
            town=spec.name,
            enterprise_id=plan.ids[lp.enterprise] if lp.enterprise >= 0 else None,
            contact=contact,
            phone=mobile(rng),
        )
        for k, e in enumerate(lp.lessees, start=1):
            start = plan.now_ms - rng.randint(30, 6 * 365) * DAY
            years = rng.choice((1, 2, 3, 3, 5, 5, 10))
            end = start + years * 365 * DAY
            if end <= plan.now_ms and rng.random() < 0.8:  # most expired leases were renewed
                end = plan.now_ms + rng.randint(30, 3 * 365) * DAY
            area = round(math.exp(rng.gauss(math.log(800), 0.7)), 1)
            yield LeaseAgreement(
                id=f"LA-{n + 1:05d}-{k:02d}",
                lessor_id=lid,
                lessee_id=plan.ids[e],
                area_m2=max(area, 50.0),
                lease_start=start,
                lease_end=end,
                reviewed=rng.random() < 0.9,
            )
