"""Per-enterprise assets: class history, hazard sources and stocks, sensors, cameras, risk points.

Sensors and cameras are also recorded in the light ``Registry`` arrays, from which the event phase
later picks real devices (ids, coordinates, algorithms) without keeping model objects around.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from core.models import Camera, ClassAssessment, Entity, RiskPoint, Sensor
from core.vocab import CategoryGroup, RiskLevel
from core.vocab import EnterpriseCategory as C
from core.vocab import EnterpriseScale as Sc
from core.vocab import KeyDomain as K
from ingestion.demo.catalog import (
    CAMERA_SPOTS,
    CLASSES,
    DOMAIN_BIT,
    EVENT_BIT,
    PUBLIC_SPOTS,
    RISK_POINTS,
    SENSOR_INDEX,
    SENSORS,
    camera_spots,
    sensor_plan,
)
from ingestion.demo.chemistry import stock_nodes
from ingestion.demo.clock import DAY, HOUR, MINUTE, local
from ingestion.demo.enterprises import enterprise_units
from ingestion.demo.geography import TOWNS, clamp_to_box, scatter
from ingestion.demo.plan import FLAG_LESSEE, CityPlan

_TANK_SENSORS = frozenset(
    {
        "储罐液位计",
        "储罐温度计",
        "储罐压力变送器",
        "可燃气体探测器",
        "有毒气体探测器",
        "油罐液位仪",
        "氨气浓度探测器",
        "煤气一氧化碳探测器",
        "罐区视频分析",
    }
)


@dataclass(slots=True)
class Registry:
    """Light columns describing every sensor and camera emitted so far."""

    online_rate: list[float]
    sens_ent: array[int] = field(default_factory=lambda: array("i"))
    sens_k: array[int] = field(default_factory=lambda: array("B"))
    sens_spec: array[int] = field(default_factory=lambda: array("B"))
    sens_online: array[int] = field(default_factory=lambda: array("B"))
    sens_last: array[int] = field(default_factory=lambda: array("q"))
    cam_ent: array[int] = field(default_factory=lambda: array("i"))  # -1 for public cameras
    cam_town: array[int] = field(default_factory=lambda: array("b"))
    cam_k: array[int] = field(default_factory=lambda: array("H"))
    cam_spot: array[int] = field(default_factory=lambda: array("B"))  # index in CAMERA_SPOTS or PUBLIC_SPOTS
    cam_online: array[int] = field(default_factory=lambda: array("B"))
    cam_lat: array[float] = field(default_factory=lambda: array("d"))
    cam_lon: array[float] = field(default_factory=lambda: array("d"))

    def sensor_id(self, n: int) -> str:
        return f"SEN-{self.sens_ent[n]:06d}-{self.sens_k[n]:02d}"

    def camera_id(self, n: int) -> str:
        e = self.cam_ent[n]
        return (
            f"CAM-{e:06d}-{self.cam_k[n]:02d}"
            if e >= 0
            else f"CAM-P{self.cam_town[n]:02d}-{self.cam_k[n]:04d}"
        )

    def camera_name(self, n: int) -> str:
        label = self.camera_spot(n)[0]
        if self.cam_ent[n] >= 0:
            return f"{label}{self.cam_k[n]:02d}号摄像机"
        return f"{TOWNS[self.cam_town[n]].short}{label}{self.cam_k[n]:03d}号"

    def add_camera(
        self, *, ent: int, town: int, k: int, spot: int, online: bool, lat: float, lon: float, eid: str | None
    ) -> Camera:
        """Record a camera's light columns and build its node (enterprise ``ent`` ≥ 0, or public)."""
        self.cam_ent.append(ent)
        self.cam_town.append(town)
        self.cam_k.append(k)
        self.cam_spot.append(spot)
        self.cam_online.append(online)
        self.cam_lat.append(lat)
        self.cam_lon.append(lon)
        n = len(self.cam_ent) - 1
        algos = (CAMERA_SPOTS if ent >= 0 else PUBLIC_SPOTS)[spot][1]
        return Camera(
            id=self.camera_id(n),
            name=self.camera_name(n),
            town=TOWNS[town].name,
            enterprise_id=eid,
            algorithms=tuple(a.value for a in algos),
            online=online,
            lat=lat,
            lon=lon,
        )

    def camera_spot(self, n: int) -> tuple[str, int]:
        """(spot label, algorithm bit mask) of camera ``n``."""
        label, algos = (CAMERA_SPOTS if self.cam_ent[n] >= 0 else PUBLIC_SPOTS)[self.cam_spot[n]]
        mask = 0
        for a in algos:
            mask |= EVENT_BIT[a]
        return label, mask


def online_rates(seed: int) -> list[float]:
    """Per-town device online rate: 92–97 %, with three towns lagging behind."""
    rng = random.Random(f"{seed}/online")  # noqa: S311 - demo data, not crypto
    rates = [rng.uniform(0.92, 0.97) for _ in TOWNS]
    for t in rng.sample(range(len(TOWNS)), 3):
        rates[t] = rng.uniform(0.80, 0.88)
    return rates


def _last_seen(rng: random.Random, online: bool, now_ms: int) -> int:
    if online:
        return now_ms - rng.randint(5_000, 5 * MINUTE)
    return now_ms - min(int(rng.expovariate(1 / (30 * HOUR))) + 2 * HOUR, 60 * DAY)


def emit_class_history(rng: random.Random, plan: CityPlan, i: int, eid: str, key: str) -> Iterator[Entity]:
    year = local(plan.now_ms).year
    cls = plan.cls[i]
    for y in range(year, year - 3, -1):
        yield ClassAssessment(
            id=f"CA-{key}-{y}", enterprise_id=eid, year=y, responsibility_class=CLASSES[cls]
        )
        if rng.random() < 0.2:  # the class moves by one step between years now and then
            cls = min(3, max(0, cls + rng.choice((-1, 1))))


def emit_assets(
    rng: random.Random, plan: CityPlan, reg: Registry, i: int, eid: str, key: str
) -> Iterator[Entity]:
    """MajorHazardSource, ChemicalStock, Sensor, Camera and RiskPoint nodes of enterprise ``i``."""
    c, s, t = plan.category(i), plan.scale_of(i), plan.town[i]
    units = enterprise_units(plan, i)
    sources, stocks = stock_nodes(rng, eid, key, units, plan.in_park(i))
    yield from sources
    yield from stocks
    mhs = sources[0].id if sources else None
    rate = reg.online_rate[t]
    for k, label in enumerate(sensor_plan(rng, c, s, plan.dom[i], bool(sources)), start=1):
        spec = SENSORS[SENSOR_INDEX[label]]
        online = rng.random() < rate
        last = _last_seen(rng, online, plan.now_ms)
        reg.sens_ent.append(i)
        reg.sens_k.append(k)
        reg.sens_spec.append(SENSOR_INDEX[label])
        reg.sens_online.append(online)
        reg.sens_last.append(last)
        yield Sensor(
            id=reg.sensor_id(len(reg.sens_ent) - 1),
            enterprise_id=eid,
            hazard_source_id=mhs if label in _TANK_SENSORS else None,
            name=f"{k}#{label}",
            sensor_type=spec.sensor_type,
            unit=spec.unit,
            threshold_low=spec.low,
            threshold_high=spec.high,
            online=online,
            last_seen=last,
        )
    lessee = bool(plan.flags[i] & FLAG_LESSEE)
    for k, spot in enumerate(camera_spots(rng, c, s, plan.dom[i], lessee), start=1):
        lat, lon = clamp_to_box(
            plan.lat[i] + rng.uniform(-4e-4, 4e-4), plan.lon[i] + rng.uniform(-5e-4, 5e-4)
        )
        online = rng.random() < min(0.995, rate + 0.02)
        yield reg.add_camera(ent=i, town=t, k=k, spot=spot, online=online, lat=lat, lon=lon, eid=eid)
    for k, (name, level) in enumerate(_risk_points(rng, c, s, plan.dom[i], bool(sources)), start=1):
        yield RiskPoint(id=f"RP-{key}-{k:02d}", enterprise_id=eid, name=name, risk_level=level)


_LEVELS = (RiskLevel.MAJOR, RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, RiskLevel.LOW)


def _risk_points(rng: random.Random, c: C, s: Sc, dom: int, has_mhs: bool) -> list[tuple[str, RiskLevel]]:
    n = {
        Sc.LARGE: rng.randint(5, 9),
        Sc.MEDIUM: rng.randint(3, 6),
        Sc.SMALL: rng.randint(1, 3),
        Sc.MICRO: rng.randint(0, 2),
    }[s]
    pools: list[tuple[str, ...]] = []
    if c is C.GAS_STATION:
        pools.append(RISK_POINTS["加油站"])
    elif c.group is CategoryGroup.HAZARDOUS_CHEMICALS:
        pools.append(RISK_POINTS["危化"])
    if c in (C.METALLURGY, C.NONFERROUS):
        pools.append(RISK_POINTS["冶金" if c is C.METALLURGY else "有色"])
    if dom & DOMAIN_BIT[K.COMBUSTIBLE_DUST]:
        pools.append(RISK_POINTS["粉尘"])
    if dom & DOMAIN_BIT[K.AMMONIA_REFRIGERATION]:
        pools.append(RISK_POINTS["涉氨"])
    pools.append(RISK_POINTS["通用"])
    if c.group is CategoryGroup.HAZARDOUS_CHEMICALS:
        weights: tuple[float, ...] = (8 if has_mhs else 2, 25, 45, 22)
    elif pools[0] is not RISK_POINTS["通用"]:
        weights = (2, 15, 45, 38)
    else:
        weights = (0.3, 6, 38, 55.7)
    names: list[str] = []
    out: list[tuple[str, RiskLevel]] = []
    for _ in range(n):
        pool = pools[0] if rng.random() < 0.6 else rng.choice(pools)
        name = rng.choice(pool)
        if name not in names:
            names.append(name)
            out.append((name, rng.choices(_LEVELS, weights)[0]))
    return out


def emit_public_cameras(rng: random.Random, plan: CityPlan, reg: Registry) -> Iterator[Entity]:
    """Public video points per town (residential elevators, markets, river dikes …)."""
    for t, spec in enumerate(TOWNS):
        n = 6 + round(plan.scale * spec.population / 1_800_000 * 0.06)
        rate = reg.online_rate[t]
        for k in range(1, n + 1):
            spot = rng.randrange(len(PUBLIC_SPOTS))
            if spec.name == "临港经济开发区" and spot == 0:
                spot = 4
            lat, lon = scatter(rng, spec.lat, spec.lon, spec.rlat, spec.rlon)
            online = rng.random() < min(0.995, rate + 0.01)
            yield reg.add_camera(ent=-1, town=t, k=k, spot=spot, online=online, lat=lat, lon=lon, eid=None)
