"""Contract for the chat templates (``graph.intents``): every template runs on every engine, and the record
templates (leases, stored chemicals, team equipment, drills, duty details) return the same rows on each.

The fixture city (``tests.support.fixture_city``) plus one drill: A (临港, 危化, holds 氨, lets a
workshop to B under a reviewed lease), rescue team T-1 (临港, 危化) with a breathing set, and a city
duty shift whose officer belongs to 江阴市应急管理局.
"""

from __future__ import annotations

from typing import Any

import pytest

from agents.chat.execute import bind
from core.models.supervision import Drill
from core.ports import GraphStore
from core.scope import DataScope
from graph.intents import BY_ID, INTENTS, Intent
from graph.list_totals import total_rows
from graph.loader import GraphLoader
from tests.support.fixture_city import NOW, A, B, entities

DAY = 86_400_000
CITY = DataScope()


@pytest.fixture
def city(graph_store: GraphStore) -> GraphStore:
    drill = Drill(
        id="DR-1", enterprise_id=A, scenario="液氨泄漏应急演练", held_at=NOW - 10 * DAY, participants=40
    )
    GraphLoader(graph_store).load([*entities(), drill])
    return graph_store


def rows(store: GraphStore, intent_id: str, values: dict[str, Any]) -> list[dict[str, Any]]:
    params = bind(BY_ID[intent_id], values, CITY, NOW)
    return store.read(BY_ID[intent_id].cypher or "", {k: v for k, v in params.items() if k != "window_label"})


@pytest.mark.parametrize("intent", [i for i in INTENTS if i.cypher is not None], ids=lambda i: i.id)
def test_every_template_runs_with_no_filter(city: GraphStore, intent: Intent) -> None:
    rows(city, intent.id, {})  # every slot bound to None: "no filter" must be valid Cypher on each engine


def test_enterprises_by_a_stored_chemical(city: GraphStore) -> None:
    ammonia = ["7664-41-7", "液氨"]
    assert [r["id"] for r in rows(city, "enterprise_list", {"chemical": ammonia})] == [A]
    assert rows(city, "enterprise_count", {"chemical": ammonia})[0]["n"] == 1
    assert rows(city, "enterprise_count", {"chemical": ["7782-50-5"]})[0]["n"] == 0
    assert rows(city, "enterprise_count_by_town", {"chemical": ammonia}) == [
        {"town": "临港经济开发区", "n": 1}
    ]


def test_lease_tenants_by_landlord_type_review_and_expiry(city: GraphStore) -> None:
    assert [r["id"] for r in rows(city, "lease_tenants", {"lessor_type": "企业法人"})] == [B]
    assert rows(city, "lease_tenants", {"lessor_type": "自然人"}) == []
    assert rows(city, "lease_tenants", {"lease_reviewed": False}) == []
    assert rows(city, "lease_tenants", {"lease_expired": True}) == []  # the lease runs 300 more days
    assert rows(city, "lease_tenant_count", {"lease_expired": False})[0]["n"] == 1
    assert rows(city, "lessor_count", {"lessor_type": "企业法人"})[0]["n"] == 1


def test_team_equipment_by_town_type_and_item(city: GraphStore) -> None:
    assert [r["team"] for r in rows(city, "team_equipment", {"equipment": "呼吸器"})] == ["临港危化救援队"]
    assert [r["name"] for r in rows(city, "team_equipment", {"team_type": "危化"})] == ["正压式空气呼吸器"]
    assert rows(city, "team_equipment", {"town": "华士镇"}) == []


def test_drills_by_holder_town_and_period(city: GraphStore) -> None:
    listed = rows(city, "drill_list", {"town": "临港经济开发区", "drill_holder": "enterprise"})
    assert [(r["id"], r["holder_id"]) for r in listed] == [("DR-1", A)]
    assert rows(city, "drill_list", {"drill_holder": "lessor"}) == []
    assert rows(city, "drill_count", {"from_ms": NOW - 5 * DAY, "to_ms": NOW})[0]["n"] == 0
    assert rows(city, "drill_count", {"from_ms": NOW - 30 * DAY, "to_ms": NOW})[0]["n"] == 1


def test_duty_rows_name_the_department_and_title(city: GraphStore) -> None:
    got = rows(city, "duty_now", {})
    assert [(r["name"], r["department"], r["title"]) for r in got] == [("赵六", "江阴市应急管理局", "值班员")]


def test_class_changes_between_consecutive_years(city: GraphStore) -> None:
    """A was assessed B in 2024 and A in 2025 (the fixture city)."""
    assert [r["id"] for r in rows(city, "class_changes", {"class_from": "B", "class_to": "A"})] == [A]
    assert rows(city, "class_change_count", {"class_year": 2025, "class_to": "A"})[0]["n"] == 1
    assert rows(city, "class_change_count", {"class_year": 2024})[0]["n"] == 0


@pytest.mark.parametrize(
    "intent", [i for i in INTENTS if i.cypher is not None and "$limit" in i.cypher], ids=lambda i: i.id
)
def test_every_list_total_runs_and_counts_what_the_list_matches(city: GraphStore, intent: Intent) -> None:
    """A list cut at its row limit states its true total (graph.list_totals): the counting subquery
    must run on each engine and count exactly the rows the list gives without the cut."""
    params = {k: v for k, v in bind(intent, {}, CITY, NOW).items() if k != "window_label"}
    uncut = city.read(intent.cypher or "", {**params, "limit": 100_000})
    total = total_rows(city, intent.cypher or "", params)
    assert total is None or total == len(uncut)


def test_a_profile_gives_the_safety_officers_own_phone(city: GraphStore) -> None:
    # the Person working at A under A's safety_officer name (compound round 4): 李四, not A's own phone
    (profile,) = rows(city, "enterprise_profile", {"enterprise_id": A})
    assert profile["safety_officer"] == "李四" and profile["safety_officer_phone"] == "13800000001"
    (other,) = rows(city, "enterprise_profile", {"enterprise_id": B})
    assert other["safety_officer_phone"] is None  # nobody of that name works there
