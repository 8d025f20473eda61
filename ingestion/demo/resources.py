"""Emergency resources: rescue teams and their equipment, experts, warehouses with equipment and
materials, medical facilities and shelters. Counts grow slowly with the city (they are city assets,
not per-enterprise ones)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from core.models import Entity, Equipment, Expert, Material, MedicalFacility, RescueTeam, Shelter, Warehouse
from core.vocab import TownKind
from ingestion.demo.geography import TOWN_INDEX, TOWNS, scatter
from ingestion.demo.names import landline, mobile, person_name, short_name
from ingestion.demo.plan import CityPlan

_STATIONS = ("澄江街道", "城东街道", "临港经济开发区", "华士镇", "青阳镇", "周庄镇", "徐霞客镇")

_EQUIPMENT: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    "消防": (
        ("水罐消防车", "消防车辆", 2, 4),
        ("泡沫消防车", "消防车辆", 1, 2),
        ("正压式空气呼吸器", "个体防护", 20, 40),
        ("消防水带", "灭火器材", 50, 200),
        ("移动消防炮", "灭火器材", 2, 6),
        ("排烟机", "通用设备", 2, 4),
    ),
    "危化": (
        ("重型防化服", "个体防护", 10, 30),
        ("堵漏器材组", "堵漏器材", 3, 8),
        ("有毒气体检测仪", "侦检器材", 5, 15),
        ("泡沫消防车", "消防车辆", 2, 4),
        ("防爆输转泵", "输转器材", 2, 4),
        ("洗消帐篷", "洗消器材", 1, 3),
    ),
    "综合": (
        ("抢险救援车", "救援车辆", 2, 4),
        ("液压破拆工具组", "破拆器材", 3, 6),
        ("雷达生命探测仪", "侦检器材", 2, 4),
        ("无人机", "侦察设备", 2, 6),
        ("应急照明车", "照明设备", 1, 2),
        ("移动发电机组", "动力设备", 2, 6),
    ),
    "医疗": (
        ("负压救护车", "医疗车辆", 10, 30),
        ("自动体外除颤仪", "医疗设备", 10, 30),
        ("铲式担架", "医疗器材", 20, 60),
    ),
    "水上救援": (
        ("冲锋舟", "水上救援装备", 4, 10),
        ("救生衣", "个体防护", 50, 200),
        ("抛投器", "水上救援装备", 4, 12),
    ),
    "企业专职": (
        ("水罐消防车", "消防车辆", 1, 2),
        ("正压式空气呼吸器", "个体防护", 10, 20),
        ("便携式气体检测仪", "侦检器材", 4, 10),
    ),
    "仓库": (
        ("移动发电机组", "动力设备", 2, 8),
        ("大流量排涝泵", "排涝设备", 2, 10),
        ("应急照明灯", "照明设备", 20, 80),
        ("卫星电话", "通信设备", 2, 6),
        ("便携式气体检测仪", "侦检器材", 4, 12),
    ),
}
_MATERIALS: tuple[tuple[str, str, int], ...] = (
    ("编织袋", "条", 5000),
    ("防汛沙袋", "个", 3000),
    ("吸附棉", "包", 200),
    ("救生衣", "件", 300),
    ("救灾帐篷", "顶", 100),
    ("棉被", "床", 500),
    ("折叠床", "张", 200),
    ("干粉灭火器", "具", 300),
    ("防毒面具", "套", 200),
    ("医用口罩", "只", 20000),
    ("消毒液", "升", 1000),
    ("方便食品", "箱", 500),
    ("饮用水", "箱", 800),
    ("雨衣雨靴", "套", 400),
    ("铁锹", "把", 300),
    ("中和剂", "千克", 1000),
    ("应急手电", "只", 300),
)
_SPECIALITIES = (
    ("危化", 20),
    ("消防", 12),
    ("机械", 12),
    ("电气", 10),
    ("特种设备", 10),
    ("冶金", 8),
    ("粉尘防爆", 6),
    ("有限空间", 6),
    ("应急管理", 8),
    ("职业卫生", 4),
    ("建筑施工", 4),
)
_INSTITUTES = (
    "江阴市安全生产协会",
    "江苏省安全生产科学研究院",
    "江南大学",
    "江阴职业技术学院",
    "无锡市特种设备检验研究院江阴分院",
    "江阴市应急管理局专家库",
    "江苏省化工安全技术中心",
    "江阴市消防救援大队",
)


def _equipment(
    rng: random.Random, kind: str, owner: str, lat: float, lon: float, team: bool
) -> Iterator[Entity]:
    for k, (name, etype, lo, hi) in enumerate(_EQUIPMENT[kind], start=1):
        yield Equipment(
            id=f"EQ-{owner}-{k:02d}",
            name=name,
            equipment_type=etype,
            quantity=rng.randint(lo, hi),
            team_id=owner if team else None,
            warehouse_id=None if team else owner,
            lat=lat,
            lon=lon,
        )


def emit_resources(plan: CityPlan) -> Iterator[Entity]:
    """RescueTeam → Expert → Warehouse → Equipment → Material → MedicalFacility → Shelter."""
    rng = random.Random(f"{plan.seed}/resources")  # noqa: S311 - demo data, not crypto
    teams: list[tuple[str, str, str, int, float, float]] = []  # id, name, type, town, lat, lon

    def team(name: str, ttype: str, town: int, at: tuple[float, float] | None = None) -> None:
        t = TOWNS[town]
        lat, lon = at or scatter(rng, t.lat, t.lon, t.rlat * 0.4, t.rlon * 0.4)
        teams.append((f"TEAM-{len(teams) + 1:03d}", name, ttype, town, lat, lon))

    team("江阴市综合应急救援队", "综合", TOWN_INDEX["澄江街道"])
    team("江阴市急救中心", "医疗", TOWN_INDEX["澄江街道"])
    team("江阴市长江水上搜救队", "水上救援", TOWN_INDEX["城东街道"])
    team("临港经济开发区危化品应急救援队", "危化", TOWN_INDEX["临港经济开发区"])
    team("江阴港危险货物应急救援队", "危化", TOWN_INDEX["临港经济开发区"])
    for i, t in enumerate(TOWNS):
        if t.name in _STATIONS:
            team(f"江阴市消防救援大队{t.short}消防救援站", "消防", i)
        else:
            team(f"江阴市{t.name}专职消防队", "消防", i)
    for name, e in plan.notables[: max(3, plan.scale // 2000)]:
        if plan.category(e).group.value == "危化" or plan.category(e).value == "冶金":
            team(f"{short_name(name)}专职消防队", "企业专职", plan.town[e], (plan.lat[e], plan.lon[e]))
    members = {
        "综合": (60, 120),
        "医疗": (80, 200),
        "水上救援": (20, 40),
        "危化": (30, 60),
        "消防": (20, 50),
        "企业专职": (10, 30),
    }
    for tid, name, ttype, town, lat, lon in teams:
        yield RescueTeam(
            id=tid,
            name=name,
            team_type=ttype,
            town=TOWNS[town].name,
            members=rng.randint(*members[ttype]),
            phone=landline(rng),
            lat=lat,
            lon=lon,
        )

    specs, weights = tuple(s for s, _ in _SPECIALITIES), tuple(w for _, w in _SPECIALITIES)
    for k in range(1, min(200, 40 + plan.scale // 1000) + 1):
        if plan.notables and rng.random() < 0.35:
            org, e = rng.choice(plan.notables)
            town, (lat, lon) = plan.town[e], (plan.lat[e], plan.lon[e])
        else:
            org, town = rng.choice(_INSTITUTES), rng.randrange(len(TOWNS))
            t = TOWNS[town]
            lat, lon = scatter(rng, t.lat, t.lon, t.rlat, t.rlon)
        yield Expert(
            id=f"EXP-{k:03d}",
            name=person_name(rng),
            speciality=rng.choices(specs, weights)[0],
            organisation=org,
            town=TOWNS[town].name,
            phone=mobile(rng),
            lat=lat,
            lon=lon,
        )

    houses: list[tuple[str, str, int, float, float]] = []
    for name, town_name in (
        ("江阴市应急物资储备库", "城东街道"),
        ("临港经济开发区危化品应急物资库", "临港经济开发区"),
    ):
        t = TOWNS[TOWN_INDEX[town_name]]
        at = scatter(rng, t.lat, t.lon, t.rlat, t.rlon)
        houses.append((f"WH-{len(houses) + 1:02d}", name, TOWN_INDEX[town_name], *at))
    for i, t in enumerate(TOWNS):
        if t.kind is not TownKind.DEVELOPMENT_ZONE:
            at = scatter(rng, t.lat, t.lon, t.rlat, t.rlon)
            houses.append((f"WH-{len(houses) + 1:02d}", f"{t.name}应急物资仓库", i, *at))
    for wid, name, town, lat, lon in houses:
        yield Warehouse(id=wid, name=name, town=TOWNS[town].name, lat=lat, lon=lon)
    for tid, _, ttype, _, lat, lon in teams:
        yield from _equipment(rng, ttype, tid, lat, lon, team=True)
    for wid, _, _, lat, lon in houses:
        yield from _equipment(rng, "仓库", wid, lat, lon, team=False)
    for wid, name, _, lat, lon in houses:
        big = 3 if name.startswith("江阴市应急") else 1
        for k, (mname, unit, typical) in enumerate(rng.sample(_MATERIALS, rng.randint(10, 16)), start=1):
            min_stock = max(1, typical * big // 4)
            short = rng.random() < 0.15
            quantity = rng.randint(0, min_stock - 1) if short else rng.randint(min_stock, min_stock * 4)
            yield Material(
                id=f"MAT-{wid}-{k:02d}",
                name=mname,
                warehouse_id=wid,
                quantity=quantity,
                unit=unit,
                min_stock=min_stock,
                lat=lat,
                lon=lon,
            )

    yield MedicalFacility(
        id="MED-001",
        name="江阴市人民医院",
        grade="三级",
        town="澄江街道",
        beds=2600,
        lat=31.9005,
        lon=120.2713,
    )
    yield MedicalFacility(
        id="MED-002", name="江阴市中医院", grade="三级", town="澄江街道", beds=1200, lat=31.9098, lon=120.2846
    )
    for i, t in enumerate(TOWNS):
        lat, lon = scatter(rng, t.lat, t.lon, t.rlat * 0.3, t.rlon * 0.3)
        if t.kind is TownKind.TOWN:
            central = t.population > 100_000
            name = f"江阴市{t.name}{'中心' if central else ''}卫生院"
            grade, beds = ("二级" if central else "一级"), rng.randint(80, 300)
        else:
            name, grade, beds = f"江阴市{t.name}社区卫生服务中心", "社区", rng.randint(20, 80)
        yield MedicalFacility(
            id=f"MED-{i + 3:03d}", name=name, grade=grade, town=t.name, beds=beds, lat=lat, lon=lon
        )

    k = 0
    for t in TOWNS:
        places = [
            (f"{t.name}中心小学应急避难场所", rng.randint(1500, 4000)),
            (f"{t.name}文体广场应急避难场所", rng.randint(3000, 10000)),
        ]
        if t.name == "澄江街道":
            places += [
                ("中山公园应急避难场所", 8000),
                ("黄山湖公园应急避难场所", 20000),
                ("江阴市体育中心应急避难场所", 15000),
            ]
        for name, capacity in places:
            k += 1
            lat, lon = scatter(rng, t.lat, t.lon, t.rlat * 0.6, t.rlon * 0.6)
            yield Shelter(id=f"SH-{k:03d}", name=name, town=t.name, capacity=capacity, lat=lat, lon=lon)
