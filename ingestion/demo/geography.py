"""Geography of the demo city: the 18 town-level units of 江阴市 (region code 320281).

Seven 街道 and ten 镇 are the real administrative units; the eighteenth node is
**临港经济开发区** (江阴临港经济开发区), modelled as its own ``Town`` with kind 开发区. In reality the
zone's management committee oversees the riverside streets (申港/夏港/利港) and runs the 江阴
chemical park and the 申夏/石利 port areas with its own safety bureau. We keep the three streets as
ordinary towns (their inland industry and residents) and put the riverside chemical park and port
parcels into the 开发区 node, whose "villages" are those parcels. That gives 危化 supervision a single
territorial owner, the way the zone's 安监 office works. 江阴高新区 (the national high-tech zone,
seated in 城东街道) is *not* a separate node: enterprises in 城东街道 carry the tag ``江阴高新区``.

Centroids are approximate real locations (WGS-84, ~1–2 km accuracy) and extents are rough
half-axes in degrees. Village/community names are real where known (e.g. 华西村 in 华士镇,
三房巷村 in 周庄镇, 红豆村 in 顾山镇); the rest are plausible local names, and some are historic
names of villages since merged. Road names are real Jiangyin roads as far as we know them.
Population figures are rounded resident totals (registered + migrant) of the right magnitude.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from core.models.base import JIANGYIN_LAT, JIANGYIN_LON
from core.vocab import EnterpriseCategory as C
from core.vocab import TownKind

REGION_CODE = "320281"
CITY_NAME = "江阴市"
CITY_CENTRE = (31.905, 120.275)  # 澄江中路 (市政府)

CHEMICAL_CATEGORIES = (C.CHEM_PRODUCTION, C.GENERAL_CHEMICAL, C.CHEM_TRADING_STORAGE, C.CHEM_USING)


@dataclass(frozen=True, slots=True)
class TownSpec:
    name: str
    kind: TownKind
    short: str  # 华士, 澄江 … (used in names such as 加油站)
    lat: float
    lon: float
    rlat: float  # half-extent (degrees) used to scatter villages
    rlon: float
    population: int
    weight: float  # share of ordinary enterprises, relative
    villages: tuple[str, ...]
    roads: tuple[str, ...]
    affinity: dict[C, float] = field(default_factory=dict)  # industry multipliers (default 1)
    tags: tuple[str, ...] = ()


def _chem(x: float) -> dict[C, float]:
    return dict.fromkeys(CHEMICAL_CATEGORIES, x)


# fmt: off
TOWNS: tuple[TownSpec, ...] = (
    TownSpec(
        "澄江街道", TownKind.SUBDISTRICT, "澄江", 31.905, 120.275, 0.020, 0.026, 390_000, 9.0,
        ("璜塘上村", "红光村", "要塞社区", "君山社区", "五星社区", "北大街社区", "东门社区", "大桥社区",
         "花园社区", "新华社区", "东苑社区", "黄山社区"),
        ("澄江中路", "澄江东路", "人民东路", "人民中路", "人民西路", "虹桥北路", "虹桥南路", "芙蓉大道",
         "长江路", "朝阳路", "君山路", "黄山路", "寿山路", "青果路", "延陵路", "通江北路", "通江南路",
         "大桥路", "暨阳路", "五星路"),
        {C.COMMERCE: 3.0, C.LIGHT_INDUSTRY: 1.4, C.OTHER: 2.5, C.METALLURGY: 0.4, C.TEXTILE: 0.5,
         C.PHARMACEUTICAL: 1.5, **_chem(0.15)},
    ),
    TownSpec(
        "南闸街道", TownKind.SUBDISTRICT, "南闸", 31.850, 120.290, 0.020, 0.024, 78_000, 5.0,
        ("观西村", "观山村", "蔡泾村", "谢南村", "陶湾村", "曙光村", "东盟村", "邓家村", "南闸社区",
         "观山社区"),
        ("锡澄路", "观山路", "蔡泾路", "南闸大道", "芙蓉大道", "东盟路"),
        {C.MACHINERY: 1.4, C.BUILDING_MATERIALS: 1.6, **_chem(0.3)},
    ),
    TownSpec(
        "云亭街道", TownKind.SUBDISTRICT, "云亭", 31.875, 120.345, 0.018, 0.024, 95_000, 5.5,
        ("花山村", "定山村", "建新村", "云亭村", "毛家村", "敔山村", "工农村", "云顾社区", "云亭社区"),
        ("云顾路", "澄杨路", "定山路", "花山路", "敔山湾路", "芙蓉大道"),
        {C.METALLURGY: 1.6, C.MACHINERY: 1.3, C.NONFERROUS: 1.5, **_chem(0.3)},
    ),
    TownSpec(
        "城东街道", TownKind.SUBDISTRICT, "城东", 31.915, 120.350, 0.020, 0.032, 135_000, 6.5,
        ("滨江社区", "长山社区", "锦隆社区", "双牌社区", "山观社区", "石牌社区", "金山社区", "任桥村",
         "杨宦村", "江虹村", "白沙村", "香山村", "朝阳村", "勇峰村"),
        ("滨江东路", "长山大道", "龙山大街", "金山路", "香山路", "澄杨路", "山观路", "东外环路"),
        {C.MACHINERY: 1.6, C.OTHER: 2.0, C.METALLURGY: 1.3, C.NONFERROUS: 1.3, **_chem(0.3)},
        ("江阴高新区",),
    ),
    TownSpec(
        "申港街道", TownKind.SUBDISTRICT, "申港", 31.905, 120.150, 0.018, 0.024, 62_000, 4.0,
        ("申港村", "申南村", "申新村", "澄西村", "三联村", "兴港社区", "申港社区"),
        ("申港路", "申新路", "滨江西路", "港城大道", "沿江公路"),
        {C.METALLURGY: 1.8, C.COMMERCE: 1.3, **_chem(3.0)},
    ),
    TownSpec(
        "夏港街道", TownKind.SUBDISTRICT, "夏港", 31.915, 120.210, 0.016, 0.020, 78_000, 4.0,
        ("长江村", "夏港村", "普惠村", "新港村", "滨江社区", "夏港社区"),
        ("滨江西路", "夏港路", "西外环路", "普惠路", "港城大道"),
        {C.METALLURGY: 2.5, C.NONFERROUS: 1.5, C.COMMERCE: 1.3, **_chem(3.0)},
    ),
    TownSpec(
        "利港街道", TownKind.SUBDISTRICT, "利港", 31.915, 120.080, 0.018, 0.024, 70_000, 4.0,
        ("利港村", "陈墅村", "兴利村", "西城村", "利南村", "利港社区"),
        ("利港路", "西利路", "双良路", "沿江公路", "港城大道"),
        {C.MACHINERY: 1.3, C.METALLURGY: 1.2, C.OTHER: 1.2, **_chem(4.0)},
    ),
    TownSpec(
        "璜土镇", TownKind.TOWN, "璜土", 31.905, 120.025, 0.022, 0.026, 85_000, 5.0,
        ("璜土村", "石庄村", "小湖村", "新沟村", "璜土社区", "石庄社区", "蔡港村"),
        ("璜土大道", "石庄路", "澄西路", "沿江公路", "璜石路"),
        {C.MACHINERY: 1.4, C.METALLURGY: 1.3, C.BUILDING_MATERIALS: 1.3, **_chem(0.6)},
    ),
    TownSpec(
        "月城镇", TownKind.TOWN, "月城", 31.805, 120.245, 0.018, 0.022, 52_000, 4.5,
        ("月城社区", "月城村", "双泾村", "沿山村", "秦皇村", "戴庄村", "上塘村", "双桥村", "日照村"),
        ("月城路", "锡澄路", "月横路", "双泾路"),
        {C.MACHINERY: 1.6, C.TEXTILE: 1.2, **_chem(0.3)},
    ),
    TownSpec(
        "青阳镇", TownKind.TOWN, "青阳", 31.765, 120.290, 0.022, 0.026, 110_000, 6.0,
        ("青阳社区", "西城社区", "悟空村", "塘头村", "南楼村", "旺童村", "里旺村", "赵宕村", "邓家桥村"),
        ("锡澄路", "暨南大道", "青阳路", "悟空路", "迎宾路"),
        {C.MACHINERY: 1.5, C.BUILDING_MATERIALS: 1.5, C.LIGHT_INDUSTRY: 1.2, **_chem(0.3)},
    ),
    TownSpec(
        "徐霞客镇", TownKind.TOWN, "徐霞客", 31.800, 120.360, 0.022, 0.026, 125_000, 6.5,
        ("马镇社区", "璜塘社区", "峭岐社区", "南旸岐村", "湖庄村", "马镇村", "峭岐村", "璜塘村", "芦墩村"),
        ("霞客大道", "璜塘路", "峭岐路", "马镇路", "暨南大道"),
        {C.MACHINERY: 1.6, C.METALLURGY: 1.3, C.TEXTILE: 1.1, **_chem(0.3)},
    ),
    TownSpec(
        "华士镇", TownKind.TOWN, "华士", 31.840, 120.455, 0.020, 0.026, 158_000, 8.0,
        ("华西村", "华西一村", "华西二村", "向阳村", "陆桥社区", "华士社区", "华中村", "龙砂村", "泰清村",
         "红苗村"),
        ("华西大道", "芙蓉大道", "澄杨路", "华士路", "龙砂路", "陆桥路"),
        {C.TEXTILE: 2.2, C.METALLURGY: 2.2, C.NONFERROUS: 1.6, C.MACHINERY: 1.1, **_chem(0.4)},
    ),
    TownSpec(
        "周庄镇", TownKind.TOWN, "周庄", 31.867, 120.400, 0.020, 0.024, 150_000, 8.0,
        ("南新社区", "北新社区", "长寿社区", "长乐村", "长南村", "东林村", "华宏村", "鸡笼山村", "金湾村",
         "稷山村", "倪家巷村", "三房巷村", "山泉村", "陶城村", "周西村", "周庄村", "宗言村"),
        ("世纪大道", "澄鹿路", "芙蓉大道", "云顾路", "周庄大道", "长寿路"),
        {C.TEXTILE: 2.6, C.METALLURGY: 1.8, C.LIGHT_INDUSTRY: 1.3, C.MACHINERY: 1.1, **_chem(0.5)},
    ),
    TownSpec(
        "新桥镇", TownKind.TOWN, "新桥", 31.818, 120.505, 0.011, 0.014, 60_000, 4.0,
        ("新桥社区", "新桥村", "雷下村", "六保村", "周江村", "马嘶村", "苏墅村", "何巷村", "振新村",
         "民主村", "黄河村", "郁桥村"),
        ("澄鹿路", "陶新路", "新华路", "新桥路", "郁桥路", "苏墅路"),
        {C.TEXTILE: 3.2, C.MACHINERY: 1.2, C.METALLURGY: 1.2, **_chem(0.3)},
    ),
    TownSpec(
        "长泾镇", TownKind.TOWN, "长泾", 31.770, 120.480, 0.018, 0.022, 80_000, 5.0,
        ("长泾社区", "河塘社区", "长泾村", "习礼村", "蒋家村", "大河村", "东舜村", "花港村"),
        ("长泾路", "河塘路", "习礼路", "东舜路", "澄常路"),
        {C.TEXTILE: 2.4, C.MACHINERY: 1.3, **_chem(0.2)},
    ),
    TownSpec(
        "顾山镇", TownKind.TOWN, "顾山", 31.795, 120.555, 0.018, 0.022, 82_000, 5.0,
        ("顾山社区", "北漍社区", "新龚村", "南曹庄村", "顾北村", "红豆村", "李家桥村", "东岐村", "鉴青村",
         "赤岸村", "漍南村", "漍东村", "解放村", "万兴村"),
        ("人民路", "顾山大道", "北漍路", "红豆路", "东岐路"),
        {C.TEXTILE: 2.0, C.MACHINERY: 1.4, **_chem(0.2)},
    ),
    TownSpec(
        "祝塘镇", TownKind.TOWN, "祝塘", 31.765, 120.415, 0.018, 0.022, 128_000, 6.0,
        ("建南村", "永平村", "金庄村", "茂龙村", "永昌村", "景阳村", "五福村", "富顺村", "石堰村", "北湾村",
         "河湘村", "文林村"),
        ("景阳西路", "景阳东路", "长山大道", "暨南大道", "文林路", "富阳路"),
        {C.TEXTILE: 2.6, C.MACHINERY: 1.2, C.LIGHT_INDUSTRY: 1.2, **_chem(0.2)},
    ),
    TownSpec(
        "临港经济开发区", TownKind.DEVELOPMENT_ZONE, "临港", 31.938, 120.140, 0.009, 0.055, 25_000, 2.5,
        ("化工园区", "石利港区", "申夏港区", "物流园区", "新材料产业园"),
        ("港城大道", "临港大道", "滨江西路", "疏港路", "石利路", "园区大道"),
        {C.COMMERCE: 2.5, C.METALLURGY: 1.5, C.MACHINERY: 0.5, C.TEXTILE: 0.1, C.OTHER: 0.5,
         C.CHEM_PRODUCTION: 40.0, C.GENERAL_CHEMICAL: 30.0, C.CHEM_TRADING_STORAGE: 40.0,
         C.CHEM_USING: 25.0, C.PHARMACEUTICAL: 3.0},
        ("临港经济开发区", "化工园区"),
    ),
)
# fmt: on

TOWN_INDEX: dict[str, int] = {t.name: i for i, t in enumerate(TOWNS)}


def clamp_to_box(lat: float, lon: float) -> tuple[float, float]:
    """Keep a point strictly inside the Jiangyin box the models enforce (rounded to ~0.1 m)."""
    lat = min(max(lat, JIANGYIN_LAT[0] + 1e-4), JIANGYIN_LAT[1] - 1e-4)
    lon = min(max(lon, JIANGYIN_LON[0] + 1e-4), JIANGYIN_LON[1] - 1e-4)
    return round(lat, 6), round(lon, 6)


def scatter(rng: random.Random, lat: float, lon: float, rlat: float, rlon: float) -> tuple[float, float]:
    """A point uniformly inside the ellipse of half-axes (rlat, rlon) around (lat, lon)."""
    while True:
        u, v = rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)
        if u * u + v * v <= 1.0:
            return clamp_to_box(lat + u * rlat, lon + v * rlon)


def village_points(town: TownSpec) -> tuple[tuple[float, float], ...]:
    """Fixed village coordinates inside the town (seed-independent: the map does not change)."""
    rng = random.Random(f"jiangyin-village:{town.name}")  # noqa: S311 - demo data, not crypto
    return tuple(scatter(rng, town.lat, town.lon, town.rlat * 0.8, town.rlon * 0.8) for _ in town.villages)


def village_id(town: str, village: str) -> str:
    return f"{town}/{village}"
