"""The demo 江阴市: deterministic, referentially sound, and consistent with the standards it cites."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pytest

from core.models import (
    Camera,
    Chemical,
    ChemicalStock,
    DutyShift,
    Enterprise,
    Entity,
    Event,
    Hazard,
    LeaseAgreement,
    Lessor,
    Located,
    MajorHazardSource,
    Person,
    Sensor,
    SpecialOperation,
    Town,
    Village,
)
from core.models.base import JIANGYIN_LAT, JIANGYIN_LON
from core.standards.gb18218 import grade
from core.standards.uscc import is_valid_uscc
from core.vocab import DutyLevel, EventSource, TownKind
from ingestion.demo import DEFAULT_SEED, generate_city
from ingestion.demo.chemistry import BY_CAS, quantity_of
from ingestion.demo.geography import TOWNS
from ingestion.demo.seasons import history_start

NOW = 1_764_000_000_000  # 2025-11-25 00:00 Asia/Shanghai
SCALE = 1000

# (field, target labels) of every reference, per label; Drill may point at an Enterprise or a Lessor.
REFERENCES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "Village": (("town", ("Town",)),),
    "Department": (("town", ("Town",)),),
    "Enterprise": (("town", ("Town",)), ("village", ("Village",))),
    "Lessor": (("town", ("Town",)), ("enterprise_id", ("Enterprise",))),
    "LeaseAgreement": (("lessor_id", ("Lessor",)), ("lessee_id", ("Enterprise",))),
    "ClassAssessment": (("enterprise_id", ("Enterprise",)),),
    "MajorHazardSource": (("enterprise_id", ("Enterprise",)),),
    "ChemicalStock": (
        ("enterprise_id", ("Enterprise",)),
        ("hazard_source_id", ("MajorHazardSource",)),
        ("chemical_id", ("Chemical",)),
    ),
    "Sensor": (("enterprise_id", ("Enterprise",)), ("hazard_source_id", ("MajorHazardSource",))),
    "Camera": (("town", ("Town",)), ("enterprise_id", ("Enterprise",))),
    "RiskPoint": (("enterprise_id", ("Enterprise",)),),
    "Inspection": (("enterprise_id", ("Enterprise",)), ("agency_id", ("Department",))),
    "Hazard": (("enterprise_id", ("Enterprise",)), ("inspection_id", ("Inspection",))),
    "Penalty": (("enterprise_id", ("Enterprise",)), ("inspection_id", ("Inspection",))),
    "SpecialOperation": (("enterprise_id", ("Enterprise",)),),
    "Drill": (("enterprise_id", ("Enterprise", "Lessor")),),
    "DailyPatrol": (("lessor_id", ("Lessor",)),),
    "MonthlyInspection": (("lessor_id", ("Lessor",)),),
    "RescueTeam": (("town", ("Town",)),),
    "Expert": (("town", ("Town",)),),
    "Warehouse": (("town", ("Town",)),),
    "Equipment": (("team_id", ("RescueTeam",)), ("warehouse_id", ("Warehouse",))),
    "Material": (("warehouse_id", ("Warehouse",)),),
    "MedicalFacility": (("town", ("Town",)),),
    "Shelter": (("town", ("Town",)),),
    "Person": (("department_id", ("Department",)), ("enterprise_id", ("Enterprise",))),
    "DutyShift": (("person_id", ("Person",)), ("town", ("Town",))),
    "Event": (
        ("town", ("Town",)),
        ("enterprise_id", ("Enterprise",)),
        ("camera_id", ("Camera",)),
        ("sensor_id", ("Sensor",)),
    ),
}


@pytest.fixture(scope="module")
def city() -> list[Entity]:
    return list(generate_city(DEFAULT_SEED, SCALE, NOW))


def of(city: Iterable[Entity], kind: type[Entity]) -> list:  # type: ignore[type-arg]
    return [e for e in city if isinstance(e, kind)]


def _dumps(entities: Iterable[Entity]) -> list[tuple[str, dict[str, object]]]:
    return [(e.label, e.model_dump()) for e in entities]


def test_same_seed_same_city_and_other_seed_differs(city: list[Entity]) -> None:
    assert _dumps(generate_city(DEFAULT_SEED, SCALE, NOW)) == _dumps(city)
    other = _dumps(generate_city(DEFAULT_SEED + 1, SCALE, NOW))
    assert other != _dumps(city)
    assert {d["id"] for lab, d in other if lab == "Enterprise"} != {e.id for e in of(city, Enterprise)}


def test_size_is_about_twenty_nodes_per_enterprise_plus_history(city: list[Entity]) -> None:
    # ~20 per enterprise for the live records, ~8 more for the history since last January.
    assert len(of(city, Enterprise)) == SCALE
    assert 20 * SCALE <= len(city) <= 33 * SCALE


def test_every_reference_points_to_an_entity_emitted_earlier(city: list[Entity]) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for e in city:
        for fld, targets in REFERENCES.get(e.label, ()):
            value = getattr(e, fld)
            if value is not None:
                assert any(value in seen[t] for t in targets), (
                    f"{e.label} {e.id}.{fld} → {value} not yet emitted"
                )
        assert e.id not in seen[e.label], f"duplicate {e.label} id {e.id}"
        seen[e.label].add(e.id)


def test_credit_codes_and_names_are_valid_and_unique(city: list[Entity]) -> None:
    enterprises = of(city, Enterprise)
    assert all(is_valid_uscc(e.id) and e.id[:8] == "91320281" for e in enterprises)
    assert len({e.id for e in enterprises}) == len({e.name for e in enterprises}) == SCALE


def test_every_coordinate_lies_in_jiangyin(city: list[Entity]) -> None:
    points = [e for e in city if isinstance(e, Located | Town | Village)]
    assert len(points) > SCALE
    for e in points:
        assert JIANGYIN_LAT[0] <= e.lat <= JIANGYIN_LAT[1] and JIANGYIN_LON[0] <= e.lon <= JIANGYIN_LON[1], (
            e.id
        )


def test_major_hazard_sources_are_graded_by_gb18218(city: list[Entity]) -> None:
    chemicals = {c.id: c for c in of(city, Chemical)}
    units: dict[str, list[ChemicalStock]] = defaultdict(list)
    for s in of(city, ChemicalStock):
        assert s.critical_quantity_t == chemicals[s.chemical_id].critical_quantity_t
        if s.hazard_source_id:
            units[s.hazard_source_id].append(s)
    sources = of(city, MajorHazardSource)
    assert sources, "a 1000-enterprise city has some 重大危险源"
    for m in sources:
        quantities = [quantity_of(BY_CAS[s.chemical_id], s.quantity_t) for s in units[m.id]]
        g = grade(quantities, m.unit_type, m.exposed_people)
        assert (m.level, m.alpha) == (g.level, g.alpha)
        assert m.s_value == pytest.approx(g.s_value) and m.r_value == pytest.approx(g.r_value)
    flagged = {e.id for e in of(city, Enterprise) if "重大危险源企业" in e.tags}
    assert flagged == {m.enterprise_id for m in sources}


def test_lessors_have_one_to_thirty_lessees_in_their_town(city: list[Entity]) -> None:
    enterprises = {e.id: e for e in of(city, Enterprise)}
    lessors = {lessor.id: lessor for lessor in of(city, Lessor)}
    leases = Counter(a.lessor_id for a in of(city, LeaseAgreement))
    assert lessors and set(leases) == set(lessors)
    assert all(1 <= n <= 30 for n in leases.values())
    for a in of(city, LeaseAgreement):
        assert enterprises[a.lessee_id].town == lessors[a.lessor_id].town
    for lessor in lessors.values():
        if lessor.lessor_type.value == "企业法人":
            assert lessor.enterprise_id == lessor.id and enterprises[lessor.id].is_lessor
        else:
            assert lessor.enterprise_id is None and lessor.id.startswith("L-")
    assert {e.id for e in enterprises.values() if e.is_lessor} == {
        lo.enterprise_id for lo in lessors.values()
    } - {None}


def test_all_eighteen_towns(city: list[Entity]) -> None:
    towns = of(city, Town)
    assert len(towns) == len(TOWNS) == 18
    assert Counter(t.kind for t in towns) == {
        TownKind.SUBDISTRICT: 7,
        TownKind.TOWN: 10,
        TownKind.DEVELOPMENT_ZONE: 1,
    }
    assert {e.town for e in of(city, Enterprise)} == {t.id for t in towns}


def test_events_come_from_real_devices_of_every_source(city: list[Entity]) -> None:
    cameras = {c.id: c for c in of(city, Camera)}
    sensors = {s.id: s for s in of(city, Sensor)}
    events = of(city, Event)
    assert {e.source for e in events} == set(EventSource)
    for e in events:
        assert e.occurred_at <= e.updated_at <= NOW and e.occurred_at >= history_start(NOW)
        if e.source is EventSource.VIDEO_ALGORITHM:
            cam = cameras[e.camera_id]
            assert e.event_type.value in cam.algorithms
            assert (e.lat, e.lon, e.town, e.enterprise_id) == (cam.lat, cam.lon, cam.town, cam.enterprise_id)
        elif e.source is EventSource.IOT_THRESHOLD:
            sensor = sensors[e.sensor_id]
            assert sensor.enterprise_id == e.enterprise_id
            assert sensor.online or e.occurred_at <= sensor.last_seen
    assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)


def test_duty_shifts_cover_now_for_the_city_and_every_town(city: list[Entity]) -> None:
    on_now = [d for d in of(city, DutyShift) if d.starts_at <= NOW < d.ends_at]
    covered = Counter((d.town, d.role) for d in on_now)
    for town in [None, *(t.name for t in TOWNS)]:
        assert covered[(town, "带班领导")] == 1 and covered[(town, "值班员")] == 1, town
    assert all((d.level is DutyLevel.CITY) == (d.town is None) for d in on_now)
    persons = {p.id: p for p in of(city, Person)}
    assert all(persons[d.person_id].department_id for d in on_now)


def test_hazards_special_operations_and_timestamps_are_plausible(city: list[Entity]) -> None:
    hazards = of(city, Hazard)
    closed = sum(h.status.is_closed for h in hazards) / len(hazards)
    major = sum(h.level.value == "重大" for h in hazards) / len(hazards)
    assert 0.75 <= closed <= 0.95 and 0.01 <= major <= 0.1
    assert any(not h.status.is_closed and h.deadline < NOW for h in hazards)
    assert all(h.found_at <= NOW for h in hazards)
    assert any(o.starts_at <= NOW < o.ends_at for o in of(city, SpecialOperation))


def test_city_identity_does_not_depend_on_the_day() -> None:
    """Reloading on another day must not rename enterprises or change their credit codes."""

    def identities(now_ms: int) -> list[tuple[str, str, str]]:
        return [(e.id, e.name, e.town) for e in generate_city(11, 300, now_ms) if e.label == "Enterprise"]

    assert identities(1_764_000_000_000) == identities(1_764_000_000_000 + 400 * 86_400_000)
