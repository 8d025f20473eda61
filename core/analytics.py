"""Pure aggregations over graph rows: rectification rates, online rates, portrait assembly.

Kept out of Cypher so both engines only return raw rows and the arithmetic is identical.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from core.geo import haversine_m
from core.views import (
    AlertView,
    ClassYear,
    EnterpriseDetail,
    EnterpriseSummary,
    EnvironmentDim,
    HazardCounts,
    HazardSourceView,
    HazardView,
    LesseeRef,
    LessorRef,
    ManagementDim,
    MonitoringDim,
    NeighbourView,
    PeopleDim,
    PerformanceDim,
    PersonView,
    Portrait,
    ThingsDim,
)
from core.vocab import EnterpriseCategory, HazardLevel, HazardStatus

OPEN_STATUSES = frozenset({HazardStatus.PENDING.value, HazardStatus.RECTIFYING.value})
RECENT_LIMIT = 10


def ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def is_overdue(status: str, deadline: int | None, now_ms: int) -> bool:
    return status in OPEN_STATUSES and deadline is not None and deadline < now_ms


def hazard_counts(rows: Iterable[Mapping[str, Any]]) -> HazardCounts:
    """``rows``: ``{level, status, overdue, n}`` groups or single hazards (``n`` defaults to 1)."""
    c = HazardCounts()
    for row in rows:
        n = int(row.get("n", 1))
        c.total += n
        if row["level"] == HazardLevel.MAJOR.value:
            c.major += n
        else:
            c.general += n
        if row["status"] in OPEN_STATUSES:
            c.open += n
            c.overdue += n if row.get("overdue") else 0
        else:
            c.rectified += n
    c.rectification_rate = ratio(c.rectified, c.total)
    return c


def category_group(category: str) -> str:
    try:
        return EnterpriseCategory(category).group.value
    except ValueError:
        return "其他"


def enterprise_summary(props: Mapping[str, Any]) -> EnterpriseSummary:
    return EnterpriseSummary(**_summary_fields(props))


def enterprise_detail(props: Mapping[str, Any]) -> EnterpriseDetail:
    return EnterpriseDetail(
        **_summary_fields(props),
        legal_rep=props["legal_rep"],
        safety_officer=props["safety_officer"],
        phone=props.get("phone"),
        # Village ids are "<town>/<village>"; people read the village name.
        village=str(props["village"]).split("/", 1)[-1] if props.get("village") else None,
        is_lessor=bool(props.get("is_lessor")),
        serious_dishonesty=bool(props.get("serious_dishonesty")),
        employees=int(props.get("employees") or 0),
    )


def _summary_fields(p: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "uscc": p.get("uscc", p.get("id")),
        "name": p["name"],
        "town": p["town"],
        "category": p["category"],
        "category_group": category_group(p["category"]),
        "scale": p["scale"],
        "responsibility_class": p["responsibility_class"],
        "address": p["address"],
        "lat": p["lat"],
        "lon": p["lon"],
        "key_domains": sorted(p.get("key_domains") or []),
        "tags": sorted(p.get("tags") or []),
    }


def build_portrait(raw: Mapping[str, Any], neighbours: Sequence[Mapping[str, Any]], now_ms: int) -> Portrait:
    """Six-dimension portrait (人/物/管/环/监/绩) from the PORTRAIT and NEIGHBOURS rows."""
    ent = enterprise_detail(raw["enterprise"])
    sensors = raw["sensors"]
    online = sum(1 for s in sensors if s["online"])
    hazards = sorted(raw["hazards"], key=lambda h: (-h["found_at"], h["id"]))
    events = sorted(raw["events"], key=lambda e: (-e["occurred_at"], e["id"]))
    history = sorted(raw["class_history"], key=lambda a: a["year"])
    lessors = sorted(raw["lessors"], key=lambda x: x["uscc"])
    counts = hazard_counts({**h, "overdue": is_overdue(h["status"], h["deadline"], now_ms)} for h in hazards)
    return Portrait(
        enterprise=ent,
        people=PeopleDim(
            legal_rep=ent.legal_rep,
            safety_officer=ent.safety_officer,
            persons=[PersonView(**p) for p in sorted(raw["persons"], key=lambda p: (p["role"], p["name"]))],
        ),
        things=ThingsDim(
            hazard_sources=[
                HazardSourceView(**m)
                for m in sorted(raw["hazard_sources"], key=lambda m: (m["level"], m["id"]))
            ],
            sensors_total=len(sensors),
            sensors_by_type=dict(sorted(Counter(s["sensor_type"] for s in sensors).items())),
            cameras=raw["cameras"],
            risk_points=raw["risk_points"],
        ),
        management=ManagementDim(
            inspections=raw["inspections"],
            penalties=len(raw["penalty_amounts"]),
            penalty_amount=round(sum(raw["penalty_amounts"]), 2),
            hazards_total=counts.total,
            hazards_major=counts.major,
            hazards_open=counts.open,
            hazards_overdue=counts.overdue,
            rectification_rate=counts.rectification_rate,
            recent_hazards=[
                HazardView(**h, overdue=is_overdue(h["status"], h["deadline"], now_ms))
                for h in hazards[:RECENT_LIMIT]
            ],
        ),
        environment=EnvironmentDim(
            town=ent.town,
            village=ent.village,
            neighbours=[
                NeighbourView(
                    uscc=n["uscc"],
                    name=n["name"],
                    distance_m=round(haversine_m(ent.lat, ent.lon, n["lat"], n["lon"]), 1),
                )
                for n in neighbours
            ],
            lessor=LessorRef(**lessors[0]) if lessors else None,
            lessees=[LesseeRef(**t) for t in sorted(raw["lessees"], key=lambda t: t["uscc"])],
        ),
        monitoring=MonitoringDim(
            sensors_total=len(sensors),
            sensors_online=online,
            online_rate=ratio(online, len(sensors)),
            recent_alerts=[AlertView(**e) for e in events[:RECENT_LIMIT]],
        ),
        performance=PerformanceDim(
            current_class=ent.responsibility_class,
            class_history=[ClassYear.model_validate(a) for a in history],
        ),
    )
