"""General chat rules found by round 25's misses and held-out 49 (chat round 26: per-town camera and
inspection counts, 厂子 as enterprises, a lessor's colour said with 房东, 那个/那家 before a short name,
an enterprise user's stored chemicals, purpose clauses, equipment items that name no team kind, named
materials in a shortage, the firms behind records), each tested on sentences that are not in the eval set."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from agents.chat.material_names import material_said
from agents.chat.purpose_clause import without_purpose_clause
from agents.chat.records import record_slots
from agents.chat.slots import enterprise_mention
from agents.chat.timewords import CST
from core.scope import DataScope, Principal, ScopeLevel
from tests.support.demo_chat import demo_chat_service

NOW_MS = int(datetime(2026, 11, 26, 10, 0, tzinfo=CST).timestamp() * 1000)  # a Thursday
CITY = Principal(user_id="t", scope=DataScope())


def _town(town: str) -> Principal:
    return Principal(user_id="t", scope=DataScope(level=ScopeLevel.TOWN, town=town))


def _firm(enterprise_id: str) -> Principal:
    return Principal(user_id="t", scope=DataScope(level=ScopeLevel.ENTERPRISE, enterprise_id=enterprise_id))


# ---- pure rules ---------------------------------------------------------------------------------------


def test_a_demonstrative_before_a_short_name_is_no_part_of_it() -> None:
    assert (enterprise_mention("申港那个东光铸造的法人是谁") or ("",))[0] == "东光铸造"
    assert enterprise_mention("利港那家正中化工有几条隐患") == ("正中化工", True)


def test_training_and_ledger_clauses_say_why_not_what() -> None:
    assert without_purpose_clause("本月有几条重大隐患，做培训课件用") == "本月有几条重大隐患"
    assert without_purpose_clause("今年搞了几次演练，台账要填") == "今年搞了几次演练"
    assert without_purpose_clause("培训的企业有哪些") == "培训的企业有哪些"  # no clause to drop


def test_an_equipment_item_names_no_team_kind() -> None:
    said = record_slots("哪几支队伍配了消防水带")
    assert said.get("equipment") == "消防水带" and "team_type" not in said
    assert record_slots("哪些消防队配了无人机").get("team_type") == "消防"  # said outside the item


def test_a_named_material_is_read_with_its_qualifier() -> None:
    assert material_said("城东仓库的防汛沙袋还够吗") == {"material": "防汛沙袋"}
    assert material_said("救生衣快用完了吗") == {"material": "救生衣"}
    assert material_said("哪些物资库存不足") == {}


# ---- through the chat service on the demo city ----------------------------------------------------------


@pytest.fixture(scope="module")
def service() -> Iterator[object]:
    with demo_chat_service(NOW_MS, prefix="chat26-") as chat:
        yield chat


def test_cameras_counted_per_town_include_the_online_ones(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("每个街道的监控点位数量分别多少", CITY)
    one = service.ask("周庄镇有多少个摄像头", CITY)
    per_town = {r["town"]: r["n"] for r in got.rows}
    assert got.intent == "camera_count" and len(per_town) > 10
    assert per_town["周庄镇"] == one.rows[0]["n"]


def test_penalties_and_inspections_counted_per_town_report_the_count_intent(service) -> None:  # type: ignore[no-untyped-def]
    inspections = service.ask("上个月每个镇被检查了几次", CITY)
    penalties = service.ask("今年各个街道分别罚了多少次", CITY)
    assert inspections.intent == "inspection_count" and inspections.rows
    assert penalties.intent == "penalty_total" and penalties.rows
    firms = service.ask("罚款超过三万元的企业有哪些", CITY)  # firms over a bound are a list of firms
    assert firms.intent == "penalty_list" and firms.rows


def test_chang_zi_counts_the_own_towns_enterprises(service) -> None:  # type: ignore[no-untyped-def]
    said = service.ask("俺们镇上总共几家厂", _town("周庄镇"))
    named = service.ask("周庄镇有多少家企业", CITY)
    assert said.intent == "enterprise_count" and said.rows == named.rows and said.rows


def test_a_landlords_colour_filters_the_lessors(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("蓝色等级的房东有哪些", CITY)
    assert got.intent == "lessor_list" and got.rows
    assert {r["grade"] for r in got.rows} == {"蓝"}


def test_an_enterprise_user_asking_what_is_stored_gets_the_chemicals(service) -> None:  # type: ignore[no-untyped-def]
    got = service.ask("咱们公司仓库里放着哪些危化品，安全负责人要看", _firm("91320281MANU59UP3P"))
    assert got.intent == "enterprise_chemicals" and got.rows


def test_a_named_material_filters_the_shortages(service) -> None:  # type: ignore[no-untyped-def]
    every = service.ask("哪些应急物资库存不足", CITY)
    masks = service.ask("防毒面具快用完了吗", CITY)
    assert masks.intent == "materials_low_stock" and masks.rows
    assert {r["name"] for r in masks.rows} == {"防毒面具"} and len(masks.rows) < len(every.rows)


def test_which_firms_have_records_lists_the_firms(service) -> None:  # type: ignore[no-untyped-def]
    hazards = service.ask("澄江哪些企业还有没整改的隐患", CITY)
    listed = service.ask("澄江没整改的隐患", CITY)
    firms = {r["enterprise_id"] for r in listed.rows}
    assert hazards.intent == "hazard_list"
    assert {str(r["id"]) for r in hazards.rows} == firms
