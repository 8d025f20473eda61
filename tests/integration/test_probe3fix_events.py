"""Event search: a sentence with nothing understood lists no events (API, CLI), and the search
history is written by GET ?q= and POST, both audited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from agents.nlp.timeexpr import CST
from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from ingestion.demo.generator import generate_city

NOW = datetime(2026, 3, 2, 9, 15, tzinfo=CST)
NOW_MS = int(NOW.timestamp() * 1000)
SEARCH = "/api/v1/events/search"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("events-fix")
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(generate_city(7, 150, NOW_MS))
    settings = Settings(
        data_dir=data, env="test", api={"web_dist": data / "no-dist"}, llm={"allow_requests": False}
    )
    container = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW_MS)
    with TestClient(create_app(container=container)) as c:
        yield c


@pytest.mark.parametrize("q", ["💥💥💥", "？！。。。", "——", "zxcvb plokm", "咕叽咕叽 噗噗", "4567"])
def test_a_sentence_with_nothing_understood_lists_no_events(client: TestClient, q: str) -> None:
    for r in (client.get(SEARCH, params={"q": q}), client.post(SEARCH, json={"sentence": q})):
        assert r.status_code == 200
        body = r.json()
        assert body["understood"] is False and body["total"] == 0 and body["results"] == []
        assert "没有看懂" in body["hint"] and body["hint"] in body["warnings"]
        assert not any("列出事件" in w and "未列出" not in w for w in body["warnings"])
        assert body["examples"] and all(isinstance(e, str) and e for e in body["examples"])


def test_words_that_mean_all_events_and_a_blank_box_still_list_events(client: TestClient) -> None:
    everything = client.get(SEARCH, params={"q": "", "size": 1}).json()
    assert everything["total"] > 0 and everything["understood"] is True
    for q in ("全部的事件", "最近的告警"):
        body = client.get(SEARCH, params={"q": q, "size": 1}).json()
        assert body["understood"] is True and body["total"] == everything["total"], q


def test_examples_offered_to_a_town_user_name_only_their_town(client: TestClient) -> None:
    body = client.get(SEARCH, params={"q": "🙂"}, headers={"X-SafeCloud-Town": quote("周庄镇")}).json()
    assert body["understood"] is False
    assert not any(t in e for e in body["examples"] for t in ("城东", "临港", "华士镇"))


def test_not_understood_sentence_is_not_kept_in_history(client: TestClient) -> None:
    client.delete(f"{SEARCH}/history")
    client.post(SEARCH, json={"sentence": "🧯🧯"})
    assert client.get(f"{SEARCH}/history").json() == []


def test_get_and_post_searches_both_keep_history_and_leave_an_audit_row(client: TestClient) -> None:
    client.delete(f"{SEARCH}/history")
    r = client.get(SEARCH, params={"q": "上周华士镇的火情"})
    assert r.status_code == 200 and r.json()["filter"]["towns"] == ["华士镇"]
    assert [h["sentence"] for h in client.get(f"{SEARCH}/history").json()] == ["上周华士镇的火情"]
    client.post(SEARCH, json={"sentence": "昨天申港的烟雾告警"})
    kept = [h["sentence"] for h in client.get(f"{SEARCH}/history").json()]
    assert sorted(kept) == ["上周华士镇的火情", "昨天申港的烟雾告警"]
    trail = client.get("/api/v1/audit", params={"limit": 200}).json()
    searched = {e["method"] for e in trail if e["path"] == SEARCH and e["status"] == 200}
    assert searched == {"GET", "POST"}
    # reading history or a blank box writes nothing, so it leaves no row
    assert not any(e["path"] == f"{SEARCH}/history" and e["method"] == "GET" for e in trail)


def test_post_with_neither_sentence_nor_filter_is_refused_in_chinese(client: TestClient) -> None:
    for body in ({}, {"sentence": "   "}, {"filter": None}):
        r = client.post(SEARCH, json=body)
        assert r.status_code == 422 and "请提供一句话" in r.text, body


def test_cli_json_reports_a_sentence_with_nothing_understood(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.cli import app

    data = tmp_path / "data"
    store = FalkorGraphStore(data / "graph")
    store.connect()
    migrate(store)
    GraphLoader(store).load(generate_city(7, 60, int(datetime.now(CST).timestamp() * 1000)))
    store.close()
    monkeypatch.setenv("SAFECLOUD_DATA_DIR", str(data))
    monkeypatch.setenv("SAFECLOUD_LLM__ALLOW_REQUESTS", "false")
    out = CliRunner().invoke(app, ["events", "search", "⚡⚡ ？？", "--json"])
    assert out.exit_code == 0, out.output
    body = json.loads(out.output)
    assert body["understood"] is False and body["total"] == 0 and body["results"] == []
    assert "没有看懂" in body["hint"] and body["examples"]
    text = CliRunner().invoke(app, ["events", "search", "⚡⚡ ？？"])
    assert "没有看懂" in text.output and "共 " not in text.output
