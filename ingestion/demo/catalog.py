"""Distributions of the demo city: categories, scales, classes, key domains, sensors, cameras.

Shares are calibrated to a Jiangyin-like mix: ~75 % 工贸 (machinery and textiles dominate), ~12 %
危化 (half of them 加油站, production concentrated in the riverside chemical park), ~13 % other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from core.vocab import EnterpriseCategory as C
from core.vocab import EnterpriseScale as Sc
from core.vocab import EventType as E
from core.vocab import KeyDomain as K
from core.vocab import ResponsibilityClass as RC
from core.vocab import SensorType as ST

CATEGORIES: tuple[C, ...] = tuple(C)
SCALES: tuple[Sc, ...] = (Sc.LARGE, Sc.MEDIUM, Sc.SMALL, Sc.MICRO)
CLASSES: tuple[RC, ...] = (RC.A, RC.B, RC.C, RC.D)
DOMAINS: tuple[K, ...] = tuple(K)
DOMAIN_BIT: dict[K, int] = {d: 1 << i for i, d in enumerate(DOMAINS)}

CATEGORY_WEIGHTS: dict[C, float] = {
    C.MACHINERY: 29.0,
    C.TEXTILE: 16.0,
    C.METALLURGY: 6.0,
    C.NONFERROUS: 3.0,
    C.BUILDING_MATERIALS: 5.5,
    C.LIGHT_INDUSTRY: 9.5,
    C.COMMERCE: 5.9,
    C.TOBACCO: 0.1,
    C.CHEM_PRODUCTION: 1.4,
    C.GENERAL_CHEMICAL: 2.4,
    C.CHEM_TRADING_STORAGE: 1.2,
    C.CHEM_USING: 1.6,
    C.PHARMACEUTICAL: 0.6,
    C.GAS_STATION: 4.8,
    C.OTHER: 13.0,
}

# P(大型, 中型, 小型, 微型) by category
SCALE_WEIGHTS: dict[C, tuple[float, ...]] = {
    C.METALLURGY: (5, 15, 40, 40),
    C.NONFERROUS: (3, 14, 43, 40),
    C.TEXTILE: (1.5, 8, 35, 55.5),
    C.MACHINERY: (1, 7, 35, 57),
    C.BUILDING_MATERIALS: (1, 8, 41, 50),
    C.LIGHT_INDUSTRY: (1, 6, 33, 60),
    C.COMMERCE: (0.5, 4, 30, 65.5),
    C.TOBACCO: (0, 40, 60, 0),
    C.CHEM_PRODUCTION: (12, 38, 40, 10),
    C.GENERAL_CHEMICAL: (5, 25, 50, 20),
    C.CHEM_TRADING_STORAGE: (8, 30, 45, 17),
    C.CHEM_USING: (6, 30, 48, 16),
    C.PHARMACEUTICAL: (10, 35, 40, 15),
    C.GAS_STATION: (0, 0, 45, 55),
    C.OTHER: (0.5, 4, 30, 65.5),
}

EMPLOYEES: dict[Sc, tuple[int, int]] = {
    Sc.LARGE: (1000, 12000),
    Sc.MEDIUM: (300, 999),
    Sc.SMALL: (20, 299),
    Sc.MICRO: (3, 19),
}

# Probability of each key-domain flag by category (工贸 flags; 危化 only get 有限空间).
KEY_DOMAIN_P: dict[C, dict[K, float]] = {
    C.MACHINERY: {
        K.COMBUSTIBLE_DUST: 0.08,
        K.CONFINED_SPACE: 0.25,
        K.USES_HAZARDOUS_CHEMICALS: 0.2,
        K.MEDIUM_FREQUENCY_FURNACE: 0.03,
    },
    C.TEXTILE: {K.COMBUSTIBLE_DUST: 0.1, K.CONFINED_SPACE: 0.2, K.USES_HAZARDOUS_CHEMICALS: 0.15},
    C.METALLURGY: {
        K.STEEL: 0.35,
        K.MEDIUM_FREQUENCY_FURNACE: 0.35,
        K.CONFINED_SPACE: 0.6,
        K.USES_HAZARDOUS_CHEMICALS: 0.3,
    },
    C.NONFERROUS: {
        K.DEEP_WELL_CASTING: 0.3,
        K.MEDIUM_FREQUENCY_FURNACE: 0.3,
        K.COMBUSTIBLE_DUST: 0.15,
        K.CONFINED_SPACE: 0.4,
        K.USES_HAZARDOUS_CHEMICALS: 0.3,
    },
    C.BUILDING_MATERIALS: {K.COMBUSTIBLE_DUST: 0.03, K.CONFINED_SPACE: 0.4, K.USES_HAZARDOUS_CHEMICALS: 0.1},
    C.LIGHT_INDUSTRY: {
        K.COMBUSTIBLE_DUST: 0.2,
        K.AMMONIA_REFRIGERATION: 0.12,
        K.CONFINED_SPACE: 0.4,
        K.USES_HAZARDOUS_CHEMICALS: 0.2,
    },
    C.COMMERCE: {K.AMMONIA_REFRIGERATION: 0.08, K.CONFINED_SPACE: 0.1, K.USES_HAZARDOUS_CHEMICALS: 0.05},
    C.TOBACCO: {K.COMBUSTIBLE_DUST: 0.5, K.CONFINED_SPACE: 0.2},
    C.CHEM_PRODUCTION: {K.CONFINED_SPACE: 0.9},
    C.GENERAL_CHEMICAL: {K.CONFINED_SPACE: 0.8},
    C.CHEM_TRADING_STORAGE: {K.CONFINED_SPACE: 0.7},
    C.CHEM_USING: {K.CONFINED_SPACE: 0.8},
    C.PHARMACEUTICAL: {K.CONFINED_SPACE: 0.6},
    C.GAS_STATION: {K.CONFINED_SPACE: 0.3},
    C.OTHER: {K.CONFINED_SPACE: 0.05},
}
HIGH_RISK_DOMAINS = frozenset(
    {K.COMBUSTIBLE_DUST, K.AMMONIA_REFRIGERATION, K.DEEP_WELL_CASTING, K.STEEL, K.MEDIUM_FREQUENCY_FURNACE}
)


def responsibility_class(rng: random.Random, category: C, domains: int, dishonest: bool) -> RC:
    """A/B/C/D (A = most intensive supervision), correlated with the category's inherent risk."""
    if dishonest:
        return rng.choices(CLASSES, (70, 30, 0, 0))[0]
    if category is C.GAS_STATION:
        weights: tuple[float, ...] = (10, 50, 35, 5)
    elif category.group.value == "危化":
        weights = (45, 40, 13, 2)
    elif any(domains & DOMAIN_BIT[d] for d in HIGH_RISK_DOMAINS):
        weights = (15, 40, 35, 10)
    elif category is C.OTHER:
        weights = (1, 9, 40, 50)
    else:
        weights = (3, 17, 45, 35)
    return rng.choices(CLASSES, weights)[0]


@dataclass(frozen=True, slots=True)
class SensorSpec:
    label: str
    sensor_type: ST
    unit: str
    low: float | None
    high: float | None
    event: E | None  # the threshold alarm this sensor raises
    normal: tuple[float, float]  # normal reading range


SENSORS: tuple[SensorSpec, ...] = (
    SensorSpec("储罐液位计", ST.LEVEL, "%", 10.0, 85.0, E.LEVEL_ABNORMAL, (30.0, 75.0)),
    SensorSpec("储罐温度计", ST.TEMPERATURE, "℃", None, 45.0, E.OVER_TEMPERATURE, (12.0, 35.0)),
    SensorSpec("储罐压力变送器", ST.PRESSURE, "MPa", None, 1.6, E.OVER_PRESSURE, (0.2, 1.2)),
    SensorSpec("可燃气体探测器", ST.CONCENTRATION, "%LEL", None, 25.0, E.GAS_LEAK, (0.0, 5.0)),
    SensorSpec("有毒气体探测器", ST.CONCENTRATION, "ppm", None, 20.0, E.TOXIC_GAS, (0.0, 4.0)),
    SensorSpec("反应釜温度", ST.TEMPERATURE, "℃", None, 120.0, E.OVER_TEMPERATURE, (60.0, 100.0)),
    SensorSpec("反应釜压力", ST.PRESSURE, "MPa", None, 0.6, E.OVER_PRESSURE, (0.1, 0.45)),
    SensorSpec("油罐液位仪", ST.LEVEL, "mm", 300.0, 2400.0, E.LEVEL_ABNORMAL, (600.0, 2100.0)),
    SensorSpec("氨气浓度探测器", ST.CONCENTRATION, "ppm", None, 40.0, E.TOXIC_GAS, (0.0, 8.0)),
    SensorSpec("除尘器灰斗温度", ST.TEMPERATURE, "℃", None, 70.0, E.OVER_TEMPERATURE, (20.0, 45.0)),
    SensorSpec("除尘系统压差", ST.PRESSURE, "kPa", 0.3, 2.0, E.OVER_PRESSURE, (0.8, 1.5)),
    SensorSpec("铸造井冷却水温度", ST.TEMPERATURE, "℃", None, 45.0, E.OVER_TEMPERATURE, (18.0, 35.0)),
    SensorSpec("铸造井冷却水液位", ST.LEVEL, "m", 0.8, 3.5, E.LEVEL_ABNORMAL, (1.5, 3.0)),
    SensorSpec("中频炉冷却水温度", ST.TEMPERATURE, "℃", None, 55.0, E.OVER_TEMPERATURE, (20.0, 40.0)),
    SensorSpec("煤气一氧化碳探测器", ST.CONCENTRATION, "ppm", None, 24.0, E.TOXIC_GAS, (0.0, 6.0)),
    SensorSpec("有限空间氧含量", ST.CONCENTRATION, "%VOL", 19.5, 23.5, None, (20.2, 21.2)),
    SensorSpec("有限空间硫化氢", ST.CONCENTRATION, "ppm", None, 10.0, E.TOXIC_GAS, (0.0, 2.0)),
    SensorSpec("冷库温度", ST.TEMPERATURE, "℃", -30.0, -5.0, E.OVER_TEMPERATURE, (-22.0, -12.0)),
    SensorSpec("罐区视频分析", ST.VIDEO, "", None, None, None, (0.0, 0.0)),
    SensorSpec("电气火灾监控", ST.OTHER, "mA", None, 300.0, None, (20.0, 150.0)),
)
SENSOR_INDEX: dict[str, int] = {s.label: i for i, s in enumerate(SENSORS)}


def sensor_plan(rng: random.Random, category: C, scale: Sc, domains: int, has_mhs: bool) -> list[str]:
    """Sensor labels an enterprise has wired to the platform."""
    out: list[str] = []
    big = scale in (Sc.LARGE, Sc.MEDIUM)
    if category is C.GAS_STATION:
        out += ["油罐液位仪"] * rng.randint(1, 3) + ["可燃气体探测器"]
    elif category.group.value == "危化":
        n = rng.randint(2, 4) + (rng.randint(2, 5) if has_mhs else 0) + (2 if big else 0)
        pool = ["储罐液位计", "储罐温度计", "储罐压力变送器", "可燃气体探测器", "有毒气体探测器"]
        if category in (C.CHEM_PRODUCTION, C.GENERAL_CHEMICAL, C.PHARMACEUTICAL):
            pool += ["反应釜温度", "反应釜压力"]
        out += [rng.choice(pool) for _ in range(n)]
        if has_mhs and rng.random() < 0.3:
            out.append("罐区视频分析")
    flags = {d for d in DOMAINS if domains & DOMAIN_BIT[d]}
    if K.COMBUSTIBLE_DUST in flags:
        out += ["除尘器灰斗温度", "除尘系统压差"][: rng.randint(1, 2)]
    if K.AMMONIA_REFRIGERATION in flags:
        out += ["氨气浓度探测器"] * rng.randint(1, 2) + ["冷库温度"]
    if K.DEEP_WELL_CASTING in flags:
        out += ["铸造井冷却水温度", "铸造井冷却水液位"]
    if K.MEDIUM_FREQUENCY_FURNACE in flags:
        out.append("中频炉冷却水温度")
    if K.STEEL in flags:
        out += ["煤气一氧化碳探测器"] * rng.randint(1, 3)
    if K.CONFINED_SPACE in flags and category.group.value != "危化" and rng.random() < 0.25:
        out.append(rng.choice(["有限空间氧含量", "有限空间硫化氢"]))
    if big and rng.random() < 0.3:
        out.append("电气火灾监控")
    return out


# Camera positions and the algorithms an enterprise camera runs there.
CAMERA_SPOTS: tuple[tuple[str, tuple[E, ...]], ...] = (
    ("大门口", (E.NO_HELMET, E.PERSON_INTRUSION, E.SMOKING)),
    ("生产车间", (E.NO_HELMET, E.SMOKE, E.FIRE, E.SMOKING)),
    ("仓库", (E.SMOKE, E.FIRE, E.FIRE_LANE_BLOCKED, E.SMOKING)),
    ("消防通道", (E.FIRE_LANE_BLOCKED,)),
    ("罐区", (E.SMOKE, E.FIRE, E.PERSON_INTRUSION, E.NO_HELMET, E.SMOKING)),
    ("装卸区", (E.NO_REFLECTIVE_VEST, E.NO_HELMET, E.SMOKING)),
    ("加油区", (E.SMOKE, E.FIRE, E.SMOKING)),
    ("配电房", (E.SMOKE, E.FIRE, E.PERSON_INTRUSION)),
    ("熔炼车间", (E.NO_HELMET, E.FIRE, E.PERSON_INTRUSION)),
    ("除尘区域", (E.SMOKE, E.FIRE)),
    ("租赁厂房", (E.SMOKE, E.FIRE, E.FIRE_LANE_BLOCKED, E.NO_HELMET)),
)
PUBLIC_SPOTS: tuple[tuple[str, tuple[E, ...]], ...] = (
    ("小区电梯", (E.EBIKE_IN_ELEVATOR,)),
    ("小区消防通道", (E.FIRE_LANE_BLOCKED, E.SMOKE)),
    ("农贸市场", (E.SMOKE, E.FIRE, E.FIRE_LANE_BLOCKED)),
    ("沿江堤防", (E.PERSON_INTRUSION, E.SMOKE)),
    ("工业集中区路口", (E.SMOKE, E.FIRE)),
    ("高速道口", (E.SMOKE, E.FIRE)),
    ("商业综合体", (E.FIRE_LANE_BLOCKED, E.SMOKE, E.FIRE)),
)
CAMERA_EVENTS: tuple[E, ...] = (
    E.SMOKE,
    E.FIRE,
    E.NO_HELMET,
    E.FIRE_LANE_BLOCKED,
    E.NO_REFLECTIVE_VEST,
    E.PERSON_INTRUSION,
    E.EBIKE_IN_ELEVATOR,
    E.SMOKING,
)
EVENT_BIT: dict[E, int] = {e: 1 << i for i, e in enumerate(CAMERA_EVENTS)}


def camera_spots(rng: random.Random, category: C, scale: Sc, domains: int, lessee: bool) -> list[int]:
    """Indexes into ``CAMERA_SPOTS`` for an enterprise's video points."""
    big = scale in (Sc.LARGE, Sc.MEDIUM)
    if category is C.GAS_STATION:
        return [6, 0] if rng.random() < 0.8 else [6]
    if category.group.value == "危化":
        n = rng.randint(3, 7) if big else rng.randint(1, 3)
        return [4, 0, *(rng.choice((1, 2, 3, 5, 7)) for _ in range(n - 2))][:n]
    if lessee:  # 厂中厂 intelligent prevention pilot
        return [10] if rng.random() < 0.45 else []
    n = rng.randint(2, 5) if big else (rng.randint(0, 2) if scale is Sc.SMALL else int(rng.random() < 0.2))
    if not n:
        return []
    pool = [0, 1, 2, 3, 5, 7]
    if domains & (
        DOMAIN_BIT[K.STEEL] | DOMAIN_BIT[K.MEDIUM_FREQUENCY_FURNACE] | DOMAIN_BIT[K.DEEP_WELL_CASTING]
    ):
        pool += [8, 8]
    if domains & DOMAIN_BIT[K.COMBUSTIBLE_DUST]:
        pool.append(9)
    return [rng.choice(pool) for _ in range(n)]


RISK_POINTS: dict[str, tuple[str, ...]] = {
    "危化": ("储罐区", "装卸站台", "反应釜区域", "危化品仓库", "管廊", "污水处理池", "控制室", "导热油炉"),
    "加油站": ("加油区", "油罐区", "卸油口", "配电房"),
    "冶金": ("熔炼炉区域", "钢水吊运区", "煤气管网", "铸造区", "轧钢线", "行车作业区"),
    "有色": ("熔铸车间", "铸造井", "铝灰处理间", "抛光车间", "行车作业区"),
    "粉尘": ("除尘系统", "抛光打磨区", "粉料仓"),
    "涉氨": ("液氨制冷机房", "冷库", "氨管道"),
    "通用": (
        "配电房",
        "空压机房",
        "锅炉房",
        "叉车作业区",
        "仓库",
        "污水池",
        "涂装车间",
        "冲压区域",
        "焊接区域",
        "食堂燃气间",
    ),
}
