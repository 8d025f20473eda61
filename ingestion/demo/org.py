"""Towns, villages, supervising agencies, their staff and the 市/镇 duty roster."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from core.models import Department, DutyShift, Entity, Person, Town, Village
from core.vocab import DutyLevel, TownKind
from ingestion.demo.clock import DAY, day_key, shift_start
from ingestion.demo.geography import TOWNS, village_id, village_points
from ingestion.demo.names import mobile, person_name

CITY_DEPT_ID = "DEPT-00"
CITY_DEPT_NAME = "江阴市应急管理局"


def dept_id(town_index: int) -> str:
    return f"DEPT-{town_index + 1:02d}"


def dept_name(town_index: int) -> str:
    return f"{TOWNS[town_index].name}安监办"


def emit_places() -> Iterator[Entity]:
    for t in TOWNS:
        yield Town(id=t.name, name=t.name, kind=t.kind, lat=t.lat, lon=t.lon, population=t.population)
    for t in TOWNS:
        for name, (lat, lon) in zip(t.villages, village_points(t), strict=True):
            yield Village(id=village_id(t.name, name), name=name, town=t.name, lat=lat, lon=lon)


def emit_departments() -> Iterator[Entity]:
    yield Department(id=CITY_DEPT_ID, name=CITY_DEPT_NAME, level=DutyLevel.CITY)
    for i, t in enumerate(TOWNS):
        yield Department(id=dept_id(i), name=dept_name(i), level=DutyLevel.TOWN, town=t.name)


@dataclass(frozen=True, slots=True)
class Staff:
    id: str
    dept: int  # -1 = city bureau, else town index
    name: str
    title: str
    phone: str
    leader: bool  # may lead a duty shift (带班领导)
    inspector: bool  # takes part in enforcement inspections


_CITY_POSTS: tuple[tuple[str, int, bool, bool], ...] = (
    ("局长", 1, True, False),
    ("副局长", 3, True, False),
    ("危险化学品安全监督管理科科长", 1, True, True),
    ("工贸行业安全监督管理科科长", 1, True, True),
    ("应急指挥中心主任", 1, True, False),
    ("综合行政执法大队大队长", 1, True, True),
    ("执法队员", 12, False, True),
    ("值班员", 6, False, False),
)


def _town_posts(kind: TownKind) -> tuple[tuple[str, int, bool, bool], ...]:
    leader = {
        TownKind.TOWN: "副镇长",
        TownKind.SUBDISTRICT: "办事处副主任",
        TownKind.DEVELOPMENT_ZONE: "管委会副主任",
    }
    return (
        (leader[kind], 2, True, False),
        ("安监办主任", 1, True, True),
        ("安监员", 7, False, True),
        ("值班员", 3, False, False),
    )


def staff_roster(seed: int) -> list[Staff]:
    """Staff of the city bureau and the 18 town offices (a few hundred people)."""
    rng = random.Random(f"{seed}/staff")  # noqa: S311 - demo data, not crypto
    out: list[Staff] = []
    units: list[tuple[int, tuple[tuple[str, int, bool, bool], ...]]] = [(-1, _CITY_POSTS)]
    units += [(i, _town_posts(t.kind)) for i, t in enumerate(TOWNS)]
    for dept, posts in units:
        k = 0
        for title, count, leader, inspector in posts:
            for _ in range(count):
                k += 1
                out.append(
                    Staff(
                        f"PER-D{dept + 1:02d}-{k:03d}",
                        dept,
                        person_name(rng),
                        title,
                        mobile(rng),
                        leader,
                        inspector,
                    )
                )
    return out


def emit_staff(roster: list[Staff]) -> Iterator[Entity]:
    for s in roster:
        dept = CITY_DEPT_ID if s.dept < 0 else dept_id(s.dept)
        yield Person(id=s.id, name=s.name, title=s.title, phone=s.phone, department_id=dept)


def emit_duty_roster(roster: list[Staff], now_ms: int, days: int = 7) -> Iterator[Entity]:
    """24 h shifts from 08:30 local covering ``now_ms`` ± ``days`` for the city and every town."""
    first = shift_start(now_ms) - days * DAY
    units = [(-1, None), *((i, t.name) for i, t in enumerate(TOWNS))]
    for dept, town in units:
        staff = [s for s in roster if s.dept == dept]
        leaders = [s for s in staff if s.leader]
        officers = [s for s in staff if not s.leader]
        level = DutyLevel.CITY if town is None else DutyLevel.TOWN
        for n in range(2 * days + 1):
            start = first + n * DAY
            ordinal = start // DAY  # rotation position is a function of the date, not of now_ms
            for role, pool in (("带班领导", leaders), ("值班员", officers)):
                person = pool[ordinal % len(pool)]
                yield DutyShift(
                    id=f"DS-{dept + 1:02d}-{day_key(start)}-{'L' if role == '带班领导' else 'O'}",
                    level=level,
                    town=town,
                    person_id=person.id,
                    role=role,
                    starts_at=start,
                    ends_at=start + DAY,
                )
