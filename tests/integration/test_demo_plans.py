"""`safecloud demo plans`: sample plan files become enabled plans with graph facts; a non-plan is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from api.bootstrap import Container
from api.demo_plans import load_demo_plans
from api.settings import Settings
from core.scope import DEV_PRINCIPAL
from graph.falkor_graph_store import FalkorGraphStore
from graph.loader import GraphLoader
from graph.migrations import migrate
from graph.repository import SafetyGraphRepository
from tests.support.fixture_city import NOW, entities

CORPUS = Path(__file__).resolve().parents[2] / "evals" / "datasets" / "plans" / "files"


def test_sample_plans_are_published_and_the_notice_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("city_hazchem.docx", "notice_meeting.docx", "city_hazchem.pdf"):
        shutil.copy(CORPUS / name, folder / name)
    store = FalkorGraphStore(tmp_path / "graph")
    store.connect()
    try:
        migrate(store)
        GraphLoader(store).load(entities())
        settings = Settings(data_dir=tmp_path, env="test")
        c = Container(settings, store, SafetyGraphRepository(store), clock=lambda: NOW, search=None)
        result = load_demo_plans(c, folder)
        assert [x["file"] for x in result["loaded"]] == ["city_hazchem.docx"]  # one format per plan
        assert [x["file"] for x in result["failed"]] == ["notice_meeting.docx"]
        facts = result["loaded"][0]["facts"]
        assert facts["response_levels"] == 4 and facts["org_units"] >= 5
        page = c.plans.service.list_plans(
            DEV_PRINCIPAL, plan_type=None, town=None, status=None, q=None, page=1, size=10
        )
        assert page.total == 1
        assert load_demo_plans(c, folder) == {"skipped": "图中已有 1 个预案"}  # idempotent
    finally:
        store.close()


@pytest.mark.parametrize("text,expected", [("周庄镇防汛防台应急预案", "周庄镇"), ("江阴市预案", None)])
def test_town_is_read_from_the_title(text: str, expected: str | None) -> None:
    from api.demo_plans import _town_of

    assert _town_of(text, ["周庄镇", "华士镇"]) == expected
