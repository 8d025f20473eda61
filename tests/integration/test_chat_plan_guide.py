"""A duty officer's "which plan, who commands, what first" over real imported plans (embedded engine):
sample plan files are imported, accepted and published, then the chat answers from their facts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from agents.chat.conversations import ConversationStore
from agents.chat.service import ChatService
from api.bootstrap import Container
from api.demo_plans import load_demo_plans
from api.settings import Settings
from core.scope import DataScope, Principal, ScopeLevel
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, entities

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"
FILES = ("city_hazchem.docx", "lingang_hazchem_table.docx", "enterprise_chlorine_slides.docx")
CITY = Principal(user_id="u-city", scope=DataScope())
HUASHI = Principal(user_id="u-huashi", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))
QUESTION = "临港发生二级危化品泄漏，谁指挥，先做什么"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorGraphStore]:
    tmp = tmp_path_factory.mktemp("plan_guide")
    folder = tmp / "plans"
    folder.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, folder / name)
    s = FalkorGraphStore(tmp / "graph")
    s.connect()
    migrate(s)
    GraphLoader(s).load(entities())
    c = Container(
        Settings(data_dir=tmp, env="test"), s, SafetyGraphRepository(s), clock=lambda: NOW, search=None
    )
    assert len(load_demo_plans(c, folder)["loaded"]) == len(FILES)
    yield s
    s.close()


def _chat(store: FalkorGraphStore) -> ChatService:
    return ChatService(store=store, repository=SafetyGraphRepository(store),
                       conversations=ConversationStore(store, lambda: NOW), clock=lambda: NOW)  # fmt: skip


def _level(store: FalkorGraphStore, title_word: str, level: str) -> dict[str, object]:
    rows = store.read(
        "MATCH (p:Plan)-[:HAS_RESPONSE_LEVEL]->(l:ResponseLevel {level: $level}) WHERE p.title CONTAINS $w "
        "RETURN l.commander AS commander, l.trigger AS trigger",
        {"level": level, "w": title_word},
    )
    assert len(rows) == 1
    return dict(rows[0])


def test_the_towns_plan_then_the_citys_with_the_asked_levels_facts(store: FalkorGraphStore) -> None:
    r = _chat(store).ask(QUESTION, CITY)
    assert r.intent == "plan_for" and r.path == "template"
    titles = [row["title"] for row in r.rows]
    assert "临港" in titles[0] and titles[1].startswith("江阴市危险化学品")
    assert not any("有限公司" in t for t in titles)  # a firm's own plan does not govern this accident
    assert all(lv["level"] == "二级" for row in r.rows for lv in row["levels"])
    for word in ("临港", "江阴市危险化学品"):
        facts = _level(store, word, "二级")
        assert f"指挥：{facts['commander']}" in r.answer and str(facts["trigger"]) in r.answer
    assert "首要措施：1）" in r.answer


def test_another_towns_plan_is_out_of_a_town_officers_scope(store: FalkorGraphStore) -> None:
    r = _chat(store).ask("发生二级危化品泄漏，谁指挥，先做什么", HUASHI)
    titles = [row["title"] for row in r.rows]
    assert titles and not any("临港" in t for t in titles)
    assert _chat(store).ask(QUESTION, HUASHI).path == "refusal"  # naming another town is refused outright


def test_an_accident_no_plan_covers_is_said_plainly(store: FalkorGraphStore) -> None:
    r = _chat(store).ask("台风来了启动哪个预案", CITY)
    assert r.intent == "plan_for" and r.rows == []
    assert r.answer.startswith("没有查到适用的已启用应急预案（台风）")
