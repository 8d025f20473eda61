"""One-sentence event search over a real embedded FalkorDB holding a small demo city.

Expected counts come from hand-written Cypher in this file (``_count``), not from the code under test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from agents.events.service import EventSearchService
from agents.nlp.timeexpr import CST
from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from core.errors import ValidationError
from core.event_search import EventFilter
from core.scope import DEV_PRINCIPAL, DataScope, Principal, ScopeLevel
from graph.event_repository import EventRepository
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from ingestion.demo.generator import generate_city

NOW = datetime(2026, 3, 2, 9, 15, tzinfo=CST)
NOW_MS = int(NOW.timestamp() * 1000)
DAY = 86_400_000
HUASHI = Principal(user_id="huashi-officer", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, FalkorGraphStore]]:
    data = tmp_path_factory.mktemp("events")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(generate_city(11, 300, NOW_MS))
    yield data, store
    store.close()


@pytest.fixture
def service(city: tuple[Path, FalkorGraphStore]) -> EventSearchService:
    store = city[1]
    store.write("MATCH (h:EventSearch) DELETE h")
    return EventSearchService(EventRepository(store), clock=lambda: NOW_MS, cache_dir=city[0] / "jieba")


def _count(store: FalkorGraphStore, where: str, **params: object) -> int:
    return store.read(f"MATCH (ev:Event) WHERE {where} RETURN count(ev) AS n", params)[0]["n"]


def test_sentence_filters_by_time_town_and_type(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    store = city[1]
    start = int(datetime(2026, 2, 23, tzinfo=CST).timestamp() * 1000)  # 上周 = Mon 23 Feb → Mon 2 Mar
    expected = _count(
        store,
        "ev.town = '华士镇' AND ev.event_type = '未戴安全帽' AND ev.occurred_at >= $a AND ev.occurred_at < $b",
        a=start,
        b=start + 7 * DAY,
    )
    result = service.search("上周华士没戴安全帽的", DEV_PRINCIPAL, size=200)
    assert result.total == expected and len(result.results) == expected
    assert all(r.town == "华士镇" and r.event_type == "未戴安全帽" for r in result.results)
    times = [r.occurred_at for r in result.results]
    assert times == sorted(times, reverse=True)


def test_paging_is_stable_and_complete(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    expected = _count(city[1], "ev.occurred_at >= $a", a=NOW_MS - 7 * DAY)
    pages = [service.search("最近一周", DEV_PRINCIPAL, page=p, size=25, record=False) for p in (1, 2, 3)]
    assert pages[0].total == expected
    ids = [r.id for page in pages for r in page.results]
    assert len(ids) == len(set(ids)) == min(expected, 75)


def test_levels_statuses_and_sources(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    expected = _count(
        city[1],
        "ev.level IN ['红色', '橙色'] AND ev.status IN ['待研判', '正报', '已派发'] AND ev.source = '物联阈值'",
    )
    result = service.search("物联网的高级别未处理告警", DEV_PRINCIPAL, size=1)
    assert result.total == expected > 0


def test_a_town_principal_never_gets_another_towns_events(service: EventSearchService) -> None:
    for sentence in ("近三个月的告警", "城东的告警", "近三个月澄江街道的火情", "华西村附近5公里"):
        result = service.search(sentence, HUASHI, size=200, record=False)
        assert all(r.town == "华士镇" for r in result.results), sentence
    assert service.search("城东的告警", HUASHI, record=False).total == 0
    assert any("不在您的数据范围" in w for w in service.search("城东的告警", HUASHI, record=False).warnings)
    edited = EventFilter(towns=["城东街道", "华士镇"])
    assert all(r.town == "华士镇" for r in service.search_filter(edited, HUASHI, size=200).results)


def test_radius_search_checks_the_exact_distance(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    store = city[1]
    village = store.read("MATCH (v:Village {name: '华西村'}) RETURN v.lat AS lat, v.lon AS lon")[0]
    result = service.search("华西村附近3公里", DEV_PRINCIPAL, size=200, record=False)
    assert result.filter.places[0].radius_m == 3000
    assert result.results and all(r.distance_m is not None and r.distance_m <= 3000 for r in result.results)
    from core.geo import haversine_m

    everything = store.read("MATCH (ev:Event) RETURN ev.lat AS lat, ev.lon AS lon")
    expected = sum(
        1 for e in everything if haversine_m(village["lat"], village["lon"], e["lat"], e["lon"]) <= 3000
    )
    assert result.total == expected


def test_enterprise_place_without_radius(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    store = city[1]
    row = store.read(
        "MATCH (ev:Event)-[:OCCURRED_AT]->(e:Enterprise) RETURN e.id AS id, e.name AS name, count(ev) AS n "
        "ORDER BY n DESC, id LIMIT 1"
    )[0]
    result = service.search(f"{row['name']}的告警", DEV_PRINCIPAL, size=200, record=False)
    assert [p.id for p in result.filter.places] == [row["id"]]
    assert result.total == row["n"] and all(r.enterprise_id == row["id"] for r in result.results)


def test_road_means_the_enterprises_on_it(
    service: EventSearchService, city: tuple[Path, FalkorGraphStore]
) -> None:
    store = city[1]
    road = "芙蓉大道"  # crosses several towns in the demo geography
    expected = store.read(
        "MATCH (ev:Event)-[:OCCURRED_AT]->(e:Enterprise) WHERE e.address CONTAINS $road RETURN count(ev) AS n",
        {"road": road},
    )[0]["n"]
    result = service.search(f"{road}上的告警", DEV_PRINCIPAL, size=1, record=False)
    assert [(p.kind, p.id) for p in result.filter.places] == [("road", road)]
    assert result.total == expected > 0


def test_edited_filter_with_unknown_town_is_refused_in_chinese(service: EventSearchService) -> None:
    with pytest.raises(ValidationError) as err:
        service.search_filter(EventFilter(towns=["火星镇"]), DEV_PRINCIPAL)
    assert err.value.code == "unknown_town" and "火星镇" in err.value.message


def test_history_per_user_newest_first_and_clear(service: EventSearchService) -> None:
    service.search("昨天城东的烟雾", DEV_PRINCIPAL)
    service.search("近三天的火情", DEV_PRINCIPAL)
    service.search("近三天的火情", DEV_PRINCIPAL, page=2)  # paging is not a new search
    service.search("本月华士的告警", HUASHI)
    mine = service.history(DEV_PRINCIPAL)
    assert [h.sentence for h in mine][:2] == ["近三天的火情", "昨天城东的烟雾"] and len(mine) == 2
    assert mine[0].filter is not None and mine[0].filter.event_types == ["火焰"]
    assert [h.sentence for h in service.history(HUASHI)] == ["本月华士的告警"]
    assert service.clear_history(DEV_PRINCIPAL) == 2
    assert service.history(DEV_PRINCIPAL) == [] and len(service.history(HUASHI)) == 1


def test_a_search_run_again_is_one_line_of_the_history(service: EventSearchService) -> None:
    service.clear_history(DEV_PRINCIPAL)
    for _ in range(3):
        service.search("本周临港的泄漏", DEV_PRINCIPAL)  # run again, e.g. after going back to page 1
    service.search("本周华士的泄漏", DEV_PRINCIPAL)
    parsed = service.search("本周临港的泄漏", DEV_PRINCIPAL).filter
    edited = EventFilter.model_validate(parsed.model_dump() | {"levels": ["红色"]})
    service.search_filter(edited, DEV_PRINCIPAL, sentence="本周临港的泄漏")  # same words, other chips
    lines = [(h.sentence, h.filter.levels if h.filter else None) for h in service.history(DEV_PRINCIPAL)]
    assert lines == [("本周临港的泄漏", ["红色"]), ("本周临港的泄漏", []), ("本周华士的泄漏", [])]
    assert len(service.history(DEV_PRINCIPAL, limit=2)) == 2
    assert service.clear_history(DEV_PRINCIPAL) == 6  # every run was stored (suggestions count them)


def test_suggestions_rank_own_history_then_popular(service: EventSearchService) -> None:
    colleague = Principal(user_id="colleague", scope=DEV_PRINCIPAL.scope)
    for _ in range(3):
        service.search("近三天城东的火情", colleague)
    service.search("近三天未处理的告警", DEV_PRINCIPAL)
    service.search("本月华士的告警", HUASHI)  # another scope: never suggested to city users
    got = service.suggestions(DEV_PRINCIPAL, "近三天")
    assert [(s.text, s.source) for s in got[:2]] == [
        ("近三天未处理的告警", "history"),
        ("近三天城东的火情", "popular"),
    ]
    assert all(s.text != "本月华士的告警" for s in service.suggestions(DEV_PRINCIPAL, "", limit=50))


# ---- API and CLI -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client(city: tuple[Path, FalkorGraphStore]) -> Iterator[TestClient]:
    data, store = city
    settings = Settings(
        data_dir=data, env="test", api={"web_dist": data / "no-dist"}, llm={"allow_requests": False}
    )
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW_MS)
    app = create_app(container=container)
    with TestClient(app) as c:
        yield c
    store.connect()  # the app's lifespan closed the shared store; later tests reuse it


def test_api_get_search_returns_filter_and_results(client: TestClient) -> None:
    body = client.get("/api/v1/events/search", params={"q": "昨天下午城东的烟雾告警"}).json()
    f = body["filter"]
    assert f["time_from"] == "2026-03-01T12:00:00+08:00" and f["time_to"] == "2026-03-01T18:00:00+08:00"
    assert f["towns"] == ["城东街道"] and f["event_types"] == ["烟雾"]
    assert {"places", "levels", "statuses"} <= set(f) and isinstance(body["results"], list)


def test_api_post_runs_an_edited_filter(client: TestClient) -> None:
    first = client.get("/api/v1/events/search", params={"q": "本月华士的火情"}).json()
    edited = dict(first["filter"], event_types=[])  # the user removed the type chip
    second = client.post(
        "/api/v1/events/search", json={"filter": edited, "sentence": "本月华士的火情"}
    ).json()
    assert second["total"] >= first["total"] and all(r["town"] == "华士镇" for r in second["results"])
    bad = client.post("/api/v1/events/search", json={"filter": {"event_types": ["陨石"]}})
    assert bad.status_code == 422


def test_api_scope_header_limits_results(client: TestClient) -> None:
    body = client.get(
        "/api/v1/events/search",
        params={"q": "近三个月", "size": 200},
        headers={"X-SafeCloud-Town": quote("华士镇")},
    ).json()
    assert body["results"] and {r["town"] for r in body["results"]} == {"华士镇"}


def test_api_history_and_suggestions(client: TestClient) -> None:
    client.delete("/api/v1/events/search/history")
    client.post("/api/v1/events/search", json={"sentence": "近三天城东的冒烟"})  # POST keeps history
    hist = client.get("/api/v1/events/search/history").json()
    assert hist[0]["sentence"] == "近三天城东的冒烟"
    sugg = client.get("/api/v1/events/search/suggestions", params={"prefix": "近三天"}).json()
    assert sugg[0]["text"] == "近三天城东的冒烟" and sugg[0]["source"] == "history"
    assert client.delete("/api/v1/events/search/history").json()["cleared"] >= 1
    assert client.get("/api/v1/events/search/history").json() == []


def test_api_suggestion_examples_name_only_the_callers_town(client: TestClient) -> None:
    town = {"X-SafeCloud-Town": quote("华士镇")}
    texts = [s["text"] for s in client.get("/api/v1/events/search/suggestions", headers=town).json()]
    assert texts and any("华士镇" in t for t in texts)
    assert not any(other in t for t in texts for other in ("城东", "临港", "澄江"))


@pytest.mark.parametrize("q", ["", "x" * 10_000, "!!!@@@###", "火星基地的告警", "zzzz qqqq"])
def test_api_bad_input_is_answered_not_crashed(client: TestClient, q: str) -> None:
    r = client.get("/api/v1/events/search", params={"q": q})
    assert r.status_code == 200
    assert r.json()["warnings"] or r.json()["filter"]["leftovers"]


def test_cli_prints_filter_and_results_as_json(
    city: tuple[Path, FalkorGraphStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.cli import app

    data = tmp_path / "data"
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(generate_city(11, 100, int(datetime.now(CST).timestamp() * 1000)))
    store.close()
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(data))
    monkeypatch.setenv("SAFECLOUD_LLM__ALLOW_REQUESTS", "false")
    out = CliRunner().invoke(app, ["events", "search", "近一个月华士的告警", "--json"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.output)
    assert {"time_from", "time_to", "towns", "places", "event_types", "levels", "statuses"} <= set(
        body["filter"]
    )
    assert body["filter"]["towns"] == ["华士镇"] and body["filter"]["time_from"].endswith("+08:00")
    assert body["results"] and all(r["town"] == "华士镇" for r in body["results"])
