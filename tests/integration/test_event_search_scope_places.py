"""A place outside the caller's scope is not named back to them (third product probe: a 华士镇
officer's "昨天江苏澜源的告警" came back with the full registered name, credit code and town of
another town's enterprise in the parsed filter, with 0 results and no word of why)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from agents.events.scope_places import OUT_OF_SCOPE_ID
from agents.events.service import EventSearchService
from agents.nlp.timeexpr import CST
from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel
from graph.event_repository import EventRepository
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from ingestion.demo.generator import generate_city

NOW_MS = int(datetime(2026, 3, 2, 9, 15, tzinfo=CST).timestamp() * 1000)
HUASHI = Principal(user_id="huashi-officer-2", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, FalkorGraphStore]]:
    data = tmp_path_factory.mktemp("events-scope-places")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(generate_city(11, 300, NOW_MS))
    yield data, store
    store.close()


@pytest.fixture
def service(city: tuple[Path, FalkorGraphStore]) -> EventSearchService:
    return EventSearchService(EventRepository(city[1]), clock=lambda: NOW_MS, cache_dir=city[0] / "jieba")


def _firm(store: FalkorGraphStore, town_clause: str) -> dict[str, str]:
    return store.read(
        f"MATCH (ev:Event)-[:OCCURRED_AT]->(e:Enterprise) WHERE {town_clause} "
        "RETURN e.id AS id, e.name AS name, e.town AS town, count(ev) AS n ORDER BY n DESC, id LIMIT 1"
    )[0]


def test_another_towns_enterprise_is_neither_named_nor_searched(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    firm = _firm(city[1], "e.town <> '华士镇'")
    result = service.search(f"{firm['name']}的告警", HUASHI, record=False)
    body = json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
    assert firm["id"] not in body and firm["town"] not in body
    assert firm["name"] not in body.replace(f'"sentence": "{firm["name"]}的告警"', "")  # only as typed
    assert result.total == 0 and [p.id for p in result.filter.places] == [OUT_OF_SCOPE_ID]
    assert any("不在您的数据范围（华士镇）内" in w for w in result.warnings)
    again = service.search_filter(result.filter, HUASHI, record=False)  # the chips sent back as they are
    assert again.total == 0


def test_the_callers_own_places_and_the_city_view_are_unchanged(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    own = _firm(city[1], "e.town = '华士镇'")
    mine = service.search(f"{own['name']}的告警", HUASHI, record=False)
    assert [p.id for p in mine.filter.places] == [own["id"]] and mine.total == own["n"]
    other = _firm(city[1], "e.town <> '华士镇'")
    city_view = service.search(f"{other['name']}的告警", DEV_PRINCIPAL, record=False)
    assert [p.id for p in city_view.filter.places] == [other["id"]] and city_view.total == other["n"]


def test_an_edited_filter_naming_another_towns_enterprise_is_treated_alike(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    from core.event_search import EventFilter, PlaceFilter

    firm = _firm(city[1], "e.town <> '华士镇'")
    sent = EventFilter(
        places=[PlaceFilter(kind="enterprise", id=firm["id"], name=firm["name"], town=firm["town"])]
    )
    result = service.search_filter(sent, HUASHI, record=False)
    assert result.total == 0 and [p.id for p in result.filter.places] == [OUT_OF_SCOPE_ID]
    assert any("不在您的数据范围" in w for w in result.warnings)
