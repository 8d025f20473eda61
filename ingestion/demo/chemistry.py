"""Chemical holdings and 重大危险源 of the demo city, decided by GB 18218-2018 — never at random.

Each holder gets one or two units (储存单元 / 生产单元) holding physical tonnages typical for its
category and scale; ``core.standards.gb18218.identify`` then says whether the unit is a 重大危险源
(S ≥ 1) and ``grade`` gives its R, α and level. Chemicals not listed in 表1 (柴油, 二甲苯) carry their
表2 hazard category.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from core.models import Chemical, ChemicalStock, MajorHazardSource
from core.standards.gb18218 import (
    ChemicalQuantity,
    HazardCategory,
    UnitKind,
    critical_quantity_t,
    grade,
    identify,
)
from core.vocab import EnterpriseCategory as C
from core.vocab import EnterpriseScale as Sc
from core.vocab import KeyDomain as K
from ingestion.demo.catalog import DOMAIN_BIT


@dataclass(frozen=True, slots=True)
class ChemSpec:
    name: str
    cas: str
    base_t: float  # typical inventory of one unit at a large holder
    category: HazardCategory | None = None  # only for chemicals outside 表1


CHEMICALS: tuple[ChemSpec, ...] = (
    ChemSpec("液氨", "7664-41-7", 120),
    ChemSpec("液氯", "7782-50-5", 80),
    ChemSpec("甲醇", "67-56-1", 4000),
    ChemSpec("汽油", "86290-81-5", 12000),
    ChemSpec("柴油", "68334-30-5", 20000, HazardCategory.W5_4),
    ChemSpec("苯", "71-43-2", 1000),
    ChemSpec("甲苯", "108-88-3", 2000),
    ChemSpec("二甲苯", "1330-20-7", 3000, HazardCategory.W5_4),
    ChemSpec("苯乙烯", "100-42-5", 4000),
    ChemSpec("丙烯腈", "107-13-1", 800),
    ChemSpec("环氧乙烷", "75-21-8", 100),
    ChemSpec("环氧丙烷", "75-56-9", 150),
    ChemSpec("丙酮", "67-64-1", 800),
    ChemSpec("乙醇", "64-17-5", 1200),
    ChemSpec("乙酸乙酯", "141-78-6", 1000),
    ChemSpec("正己烷", "110-54-3", 600),
    ChemSpec("环己烷", "110-82-7", 1000),
    ChemSpec("煤气", "630-08-0", 40),
    ChemSpec("液氧", "7782-44-7", 500),
    ChemSpec("氢气", "1333-74-0", 8),
    ChemSpec("乙炔", "74-86-2", 2),
    ChemSpec("天然气", "8006-14-2", 100),
    ChemSpec("液化石油气", "68476-85-7", 200),
    ChemSpec("硝酸", "7697-37-2", 500),
    ChemSpec("氯化氢", "7647-01-0", 40),
    ChemSpec("甲苯二异氰酸酯", "26471-62-5", 800),
    ChemSpec("电石", "75-20-7", 400),
)
BY_NAME: dict[str, ChemSpec] = {c.name: c for c in CHEMICALS}
BY_CAS: dict[str, ChemSpec] = {c.cas: c for c in CHEMICALS}


def quantity_of(spec: ChemSpec, quantity_t: float) -> ChemicalQuantity:
    return ChemicalQuantity(name=spec.name, cas=spec.cas, quantity_t=quantity_t, category=spec.category)


CRITICAL_T: dict[str, float] = {c.cas: critical_quantity_t(quantity_of(c, 1.0)) for c in CHEMICALS}


def chemical_nodes() -> list[Chemical]:
    """One ``Chemical`` per catalogue entry; id = CAS."""
    return [
        Chemical(id=c.cas, name=c.name, cas=c.cas, critical_quantity_t=CRITICAL_T[c.cas]) for c in CHEMICALS
    ]


# Product lines of 危化品生产 enterprises: (storage chemicals, production chemicals, unit label)
_PRODUCT_LINES: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("液氯", "氯化氢"), ("液氯", "氢气"), "氯碱"),
    (("甲醇", "甲苯"), ("甲醇",), "甲醇"),
    (("苯", "甲苯", "二甲苯"), ("苯", "甲苯"), "芳烃"),
    (("环氧乙烷", "环氧丙烷"), ("环氧乙烷",), "环氧"),
    (("苯乙烯", "丙烯腈"), ("苯乙烯", "丙烯腈"), "树脂单体"),
    (("液氨", "氢气"), ("液氨", "氢气"), "合成氨"),
    (("甲苯二异氰酸酯", "环己烷"), ("甲苯二异氰酸酯",), "聚氨酯"),
    (("液氧", "氢气", "乙炔"), ("氢气",), "工业气体"),
    (("硝酸", "电石"), ("硝酸",), "无机化工"),
)
_SOLVENTS = ("甲苯", "乙酸乙酯", "丙酮", "甲醇", "二甲苯", "苯乙烯", "乙醇", "正己烷")
_TERMINAL = ("汽油", "柴油", "甲醇", "苯乙烯", "乙醇", "液化石油气", "二甲苯", "甲苯")
_USER_GASES = ("氢气", "液氨", "天然气", "甲醇", "液化石油气", "硝酸")
_PHARMA = ("乙醇", "丙酮", "乙酸乙酯", "甲醇", "正己烷")
_WORKSHOP = (
    ("液化石油气", 0.02),
    ("乙炔", 0.15),
    ("液氧", 0.03),
    ("天然气", 0.01),
    ("甲苯", 0.004),
    ("丙酮", 0.005),
    ("乙醇", 0.004),
    ("氢气", 0.02),
)
_SCALE_FACTOR = {Sc.LARGE: 2.0, Sc.MEDIUM: 0.4, Sc.SMALL: 0.1, Sc.MICRO: 0.03}


@dataclass(frozen=True, slots=True)
class Unit:
    kind: UnitKind
    name: str
    items: tuple[tuple[ChemSpec, float], ...]  # (chemical, tonnes)


def _q(rng: random.Random, spec: ChemSpec, factor: float) -> float:
    q = spec.base_t * factor * math.exp(rng.gauss(0.0, 0.85))
    return max(0.01, round(q, 2)) if q < 10 else round(q, 1)


def _unit(rng: random.Random, kind: UnitKind, label: str, names: tuple[str, ...], factor: float) -> Unit:
    items = tuple((BY_NAME[n], _q(rng, BY_NAME[n], factor)) for n in names)
    suffix = "储罐区" if kind is UnitKind.STORAGE else "生产装置"
    return Unit(kind, f"{label}{suffix}", items)


def holdings(rng: random.Random, category: C, scale: Sc, domains: int, in_park: bool) -> list[Unit]:
    """The chemical units an enterprise holds (empty for most 工贸 enterprises)."""
    f = _SCALE_FACTOR[scale]
    if category is C.CHEM_PRODUCTION:
        storage, production, label = rng.choice(_PRODUCT_LINES)
        plant = [_unit(rng, UnitKind.STORAGE, label, storage, f)]
        if rng.random() < 0.7:
            plant.append(_unit(rng, UnitKind.PRODUCTION, label, production, f * 0.3))
        return plant
    if category is C.GENERAL_CHEMICAL:
        names = tuple(rng.sample(_SOLVENTS, rng.randint(1, 3)))
        return [_unit(rng, UnitKind.STORAGE, "原料", names, f * 0.3)]
    if category is C.CHEM_TRADING_STORAGE:
        names = tuple(rng.sample(_TERMINAL, rng.randint(2, 4)))
        return [
            _unit(
                rng,
                UnitKind.STORAGE,
                "油品化工" if in_park else "危化品",
                names,
                f * (1.0 if in_park else 0.25),
            )
        ]
    if category is C.CHEM_USING:
        names = tuple(rng.sample(_USER_GASES, rng.randint(1, 2)))
        return [_unit(rng, UnitKind.STORAGE, names[0], names, f * 0.3)]
    if category is C.PHARMACEUTICAL:
        names = tuple(rng.sample(_PHARMA, rng.randint(1, 3)))
        return [_unit(rng, UnitKind.STORAGE, "溶剂", names, f * 0.25)]
    if category is C.GAS_STATION:
        items = (
            (BY_NAME["汽油"], round(rng.uniform(20, 75), 1)),
            (BY_NAME["柴油"], round(rng.uniform(15, 60), 1)),
        )
        return [Unit(UnitKind.STORAGE, "油罐区", items)]
    units: list[Unit] = []
    if domains & DOMAIN_BIT[K.AMMONIA_REFRIGERATION]:
        units.append(_unit(rng, UnitKind.STORAGE, "液氨制冷", ("液氨",), f * 0.15))
    if domains & DOMAIN_BIT[K.STEEL]:
        units.append(_unit(rng, UnitKind.STORAGE, "煤气柜及液氧", ("煤气", "液氧"), f))
    if domains & DOMAIN_BIT[K.USES_HAZARDOUS_CHEMICALS] and rng.random() < 0.6:
        name, share = rng.choice(_WORKSHOP)
        units.append(_unit(rng, UnitKind.STORAGE, f"{name}存放", (name,), f * share))
    return units


# People within 500 m outside the unit (表5 bands) — the chemical park is sparsely populated.
_PEOPLE_BANDS = ((0, 0), (1, 29), (30, 49), (50, 99), (100, 600))
_PARK_W = (6, 38, 22, 22, 12)
_TOWN_W = (1, 14, 15, 30, 40)


def exposed_people(rng: random.Random, in_park: bool) -> int:
    lo, hi = rng.choices(_PEOPLE_BANDS, _PARK_W if in_park else _TOWN_W)[0]
    return rng.randint(lo, hi)


def stock_nodes(
    rng: random.Random, enterprise_id: str, key: str, units: list[Unit], in_park: bool
) -> tuple[list[MajorHazardSource], list[ChemicalStock]]:
    """MajorHazardSource (only where S ≥ 1) and ChemicalStock nodes for an enterprise's units."""
    sources: list[MajorHazardSource] = []
    stocks: list[ChemicalStock] = []
    for u, unit in enumerate(units, start=1):
        quantities = [quantity_of(spec, q) for spec, q in unit.items]
        source_id = None
        if identify(quantities, unit.kind).is_major:
            people = exposed_people(rng, in_park)
            g = grade(quantities, unit.kind, people)
            source_id = f"MHS-{key}-{u}"
            sources.append(
                MajorHazardSource(
                    id=source_id,
                    enterprise_id=enterprise_id,
                    name=unit.name,
                    unit_type=unit.kind.value,
                    level=g.level,
                    s_value=g.s_value,
                    r_value=g.r_value,
                    alpha=g.alpha,
                    exposed_people=people,
                )
            )
        for k, (spec, q) in enumerate(unit.items, start=1):
            stocks.append(
                ChemicalStock(
                    id=f"CS-{key}-{u}-{k}",
                    enterprise_id=enterprise_id,
                    hazard_source_id=source_id,
                    chemical_id=spec.cas,
                    quantity_t=q,
                    critical_quantity_t=CRITICAL_T[spec.cas],
                )
            )
    return sources, stocks
