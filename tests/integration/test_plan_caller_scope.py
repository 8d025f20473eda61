"""Whose plans a caller sees when the question names no accident, and whose a demo firm's plan is.

Product probe (issues #4/#5): an enterprise user's "本单位有什么预案" and a town officer's bare level
question were answered with the city's 体育中心 crowd-crush plan, and sample firms' plans were filed
city-wide so every town and firm saw them. Embedded engine, real sample plan files.
"""

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
from tests.support.fixture_city import NOW, A, B, C, entities

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"
FILES = (
    "city_hazchem.docx",  # the city's 危化 special plan (public, city-wide)
    "stadium_citysports_crowd_zones.docx",  # the venue plan the probe was answered with
    "town_huashi_member_table.docx",  # 华士镇's plan for every production accident
    "enterprise_chlorine_slides.docx",  # 江阴澄邦化学: a firm the fixture city does not hold
)
CITY = Principal(user_id="u-city", scope=DataScope())
HUASHI = Principal(user_id="u-huashi", scope=DataScope(level=ScopeLevel.TOWN, town="华士镇"))
LINGANG = Principal(user_id="u-lg", scope=DataScope(level=ScopeLevel.TOWN, town="临港经济开发区"))


def _firm(uscc: str) -> Principal:
    return Principal(user_id=f"u-{uscc}", scope=DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=uscc))


@pytest.fixture(scope="module")
def container(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Container]:
    tmp = tmp_path_factory.mktemp("plan_caller")
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
    yield c
    s.close()


def _chat(c: Container) -> ChatService:
    s = c.graph
    return ChatService(store=s, repository=SafetyGraphRepository(s),
                       conversations=ConversationStore(s, lambda: NOW), clock=lambda: NOW)  # fmt: skip


def _plans(c: Container) -> dict[str, dict[str, object]]:
    rows = c.graph.read("MATCH (p:Plan) RETURN p.title AS title, p.town AS town, p.enterprise_id AS firm", {})
    return {str(r["title"]): dict(r) for r in rows}


def _visible(c: Container, who: Principal) -> set[str]:
    page = c.plans.service.list_plans(who, plan_type=None, town=None, status=None, q=None, page=1, size=50)
    return {str(p.title) for p in page.items}


def test_a_firms_sample_plan_is_filed_under_a_demo_firm_not_city_wide(container: Container) -> None:
    plans = _plans(container)
    firm_plan = next(p for t, p in plans.items() if "澄邦" in t)
    assert firm_plan["town"] and firm_plan["firm"] is None  # its town's (the city does not hold 澄邦)
    city_plan = next(p for t, p in plans.items() if t.startswith("江阴市危险化学品"))
    assert city_plan["town"] is None and city_plan["firm"] is None  # the city's own plan stays city-wide
    other_town = HUASHI if firm_plan["town"] != "华士镇" else LINGANG
    assert not any("澄邦" in t for t in _visible(container, other_town))
    assert all(not any("澄邦" in t for t in _visible(container, _firm(u))) for u in (A, B, C))


@pytest.mark.parametrize("question", ["本单位有什么应急预案", "我们厂的预案有哪些"])
def test_an_enterprise_user_without_a_plan_is_told_so_not_shown_another_plan(
    container: Container, question: str
) -> None:
    r = _chat(container).ask(question, _firm(A))  # 澄星化工: a chemical works with no plan of its own
    assert r.intent == "plan_for"
    assert "暂无已启用的本单位应急预案" in r.answer
    assert "体育中心" not in r.answer and "澄邦" not in r.answer
    assert [row["title"] for row in r.rows] == ["江阴市危险化学品事故专项应急预案"]  # its sector's city plan


def test_a_town_officers_bare_level_question_reads_the_towns_own_general_plan(container: Container) -> None:
    r = _chat(container).ask("启动二级响应由谁负责指挥？", HUASHI)
    assert r.intent == "plan_for"
    assert r.rows and r.rows[0]["title"].startswith("华士镇")
    assert "体育中心" not in r.answer


def test_a_city_users_bare_level_question_asks_which_accident(container: Container) -> None:
    r = _chat(container).ask("三级响应谁来指挥", CITY)
    assert "体育中心" not in r.answer
    assert not r.rows and "哪类事故" in r.answer
