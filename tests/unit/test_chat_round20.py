"""General chat rules found by held-out 37 (chat-robust20: one firm asked piecemeal, the newest
record, inspections by the inspecting unit, hazards falling due soon), each tested on sentences
that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.execute import bind
from agents.chat.hazard_deadline import due_within
from agents.chat.inspecting_unit import inspecting_level
from agents.chat.latest_record import latest_one
from agents.chat.records import slot_values
from agents.chat.router import route
from agents.chat.slots import Gazetteer, extract_slots
from agents.chat.timewords import CST
from core.scope import DataScope, Principal
from graph.intents import BY_ID
from tests.support.demo_chat import demo_chat_service

TOWNS = Gazetteer.from_towns(["澄江街道", "城东街道", "华士镇", "临港经济开发区", "周庄镇", "青阳镇"])
DAY = 86_400_000
NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)


def intent_of(question: str, *, has_enterprise: bool = False) -> str | None:
    return route(question, extract_slots(question, TOWNS), has_enterprise=has_enterprise).intent


def test_a_hazard_source_count_is_a_total_and_the_table_by_level_needs_a_per_level_word() -> None:
    assert intent_of("一共几处重大危险源", has_enterprise=True) == "hazard_source_list"
    # round 37: the city's bare count is the sources counted too (the written heldout37 convention)
    assert intent_of("全市有几个重大危险源") == "hazard_source_list"
    assert intent_of("各级危险源分别几个", has_enterprise=True) == "hazard_source_count_by_level"


@pytest.mark.parametrize(
    "question",
    [
        "恒星燃气最后一次被处罚是哪天",
        "上次来检查是什么时候",
        "最近一次的夜查查出什么了",
        "最新一次演练是哪天",
    ],
)
def test_the_last_record_asked_for_is_one_row(question: str) -> None:
    assert latest_one(question) == {"limit": 1}


def test_an_explicit_number_of_records_is_kept_and_a_plain_list_is_not_cut() -> None:
    assert extract_slots("江阴市恒星燃气有限公司最近的三次检查", TOWNS).limit == 3
    assert latest_one("今年检查了哪些企业") == {}
    assert slot_values("最近三次检查", {"limit": 3}, None)["limit"] == 3


def test_the_inspecting_unit_is_a_level_condition() -> None:
    assert inspecting_level("市应急局上个月来查了几次") == "市"
    assert inspecting_level("周庄镇安监办今年检查了哪些企业") == "镇"
    assert inspecting_level("今年检查了几次") is None
    assert inspecting_level("应急管理局值班电话多少") is None  # no inspection asked
    for intent in ("inspection_list", "inspection_count"):
        assert "inspecting_level" in BY_ID[intent].slots


def test_a_due_soon_duration_bounds_the_deadline_and_drops_the_found_window() -> None:
    assert due_within("一周内要整改完的重大隐患")["due_within_ms"] == 7 * DAY
    assert due_within("整改期限只剩3天以内的隐患有几条")["due_within_ms"] == 3 * DAY
    assert due_within("本月发现的隐患") == {}
    params = bind(BY_ID["hazard_count"], slot_values("十天内到期的隐患有几条", {}, None), DataScope(), NOW_MS)
    assert params["due_within_ms"] == 10 * DAY and params["from_ms"] is None


# ---- end to end on the demo city ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat20-") as chat:
        yield chat


WHO = Principal(user_id="t", scope=DataScope())


def test_a_firm_asked_piecemeal_keeps_the_firm_through_a_long_pronoun_question(service) -> None:  # type: ignore[no-untyped-def]
    first = service.ask("新盛气体有几个重大危险源", WHO)
    assert first.intent == "hazard_source_list"
    last = service.ask("它上一次被执法检查是在哪一天", WHO, conversation_id=first.conversation_id)
    assert last.intent == "inspection_list" and len(last.rows) == 1
    assert last.rows[0]["enterprise"] == "江阴市新盛气体有限公司" and "2026-" in last.answer
    fined = service.ask("被罚过没有", WHO, conversation_id=first.conversation_id)
    assert fined.intent == "penalty_list" and {r["enterprise"] for r in fined.rows} <= {
        "江阴市新盛气体有限公司"
    }


def test_inspections_by_the_city_bureau_are_fewer_than_all_and_say_so(service) -> None:  # type: ignore[no-untyped-def]
    bureau = service.ask("市应急局今年一共查了几次", WHO)
    every = service.ask("今年一共检查了几次", WHO)
    assert bureau.intent == every.intent == "inspection_count"
    assert 0 < bureau.rows[0]["n"] < every.rows[0]["n"] and "市级单位检查" in bureau.answer


def test_hazards_falling_due_soon_are_counted_from_now(service) -> None:  # type: ignore[no-untyped-def]
    soon = service.ask("十天内到整改期限的隐患有几条", WHO)
    every = service.ask("没整改的隐患有几条", WHO)
    assert soon.intent == "hazard_count" and "10天内到整改期限" in soon.answer
    assert soon.rows[0]["n"] < every.rows[0]["n"]
